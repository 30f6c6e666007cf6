//! Handling controls (`NOFORN`, `SIPDIS`, `EXDIS`, …): the one list of them.
//!
//! They appear as captions under the classification line, glued to it (`SECRET//NOFORN`),
//! spelled out in it (`S E C R E T N O F O R N`), inside a TAGS line, after the signature and
//! in the page's banner; every pass that meets one asks here.

/// What a handling control does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Limits who may read the cable; printed on its banner (`CONFIDENTIAL//NOFORN`).
    Dissemination,
    /// Says where a copy goes (`SIPDIS`: the SIPRNet distribution); not printed on the banner.
    Distribution,
    /// Marks how it is to be handled (`SENSITIVE`, `EFTO`) without limiting its readers.
    Handling,
}

/// Every handling control the parser knows, upper-case, with its role.
pub(crate) const CONTROLS: [(&str, Role); 14] = [
    ("NOFORN", Role::Dissemination),
    ("EXDIS", Role::Dissemination),
    ("NODIS", Role::Dissemination),
    ("LIMDIS", Role::Dissemination),
    ("STADIS", Role::Dissemination),
    ("ORCON", Role::Dissemination),
    ("ROGER CHANNEL", Role::Dissemination),
    ("PROPIN", Role::Dissemination),
    ("NOCONTRACT", Role::Dissemination),
    ("WNINTEL", Role::Dissemination),
    ("CHEROKEE", Role::Dissemination),
    ("SIPDIS", Role::Distribution),
    ("SENSITIVE", Role::Handling),
    ("EFTO", Role::Handling),
];

/// The role of `word` (upper-case, as written) when it is a handling control.
pub(crate) fn role(word: &str) -> Option<Role> {
    CONTROLS
        .iter()
        .find(|(control, _)| *control == word)
        .map(|&(_, role)| role)
}

/// Whether `word` (upper-case) is a handling control.
pub(crate) fn is_control(word: &str) -> bool {
    role(word).is_some()
}

/// Whether `word` (upper-case) limits who may read the cable.
pub(crate) fn is_dissemination(word: &str) -> bool {
    role(word) == Some(Role::Dissemination)
}

/// Whether a caption (upper-case) is only handling controls: `NOFORN`, `ROGER CHANNEL`,
/// `NOFORN SIPDIS`.
pub(crate) fn is_controls_caption(upper: &str) -> bool {
    let mut words = upper.split_whitespace().peekable();
    words.peek().is_some() && (is_control(upper) || words.all(is_control))
}
