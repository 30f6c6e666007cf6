//! The reducer's tests: each drives `AppState` through actions as the page would.

use super::*;
use crate::services::fetch::FetchError;
use crate::services::link::ModelError;

fn reduce(state: AppState, action: Action) -> AppState {
    (*Rc::new(state).reduce(action)).clone()
}

#[test]
fn selecting_an_element_opens_its_source_and_a_line_selects_its_element() {
    let state = AppState::default();
    let fourth = state.parse.cable.paragraphs[3].clone();
    let state = reduce(
        state,
        Action::Select(Selected {
            anchor: "p-4".to_string(),
            span: fourth.span,
        }),
    );
    assert!(state.source_open);
    assert_eq!(
        state.selected.as_ref().map(|s| s.anchor.as_str()),
        Some("p-4")
    );
    // A byte inside reference B selects reference B; one inside the subject, the subject.
    let reference = state.parse.cable.references[1].span;
    let state = reduce(state, Action::SelectLine(reference.start, reference.end));
    assert_eq!(
        state.selected.as_ref().map(|s| s.anchor.as_str()),
        Some("ref-B")
    );
    let subject = state.parse.cable.subject.as_ref().expect("subject").span;
    let state = reduce(state, Action::SelectLine(subject.start, subject.start + 20));
    assert_eq!(
        state.selected.as_ref().map(|s| s.anchor.as_str()),
        Some("field-subject")
    );
    // Editing and parsing clears a selection whose span no longer means anything.
    let state = reduce(state, Action::Edit("UNCLAS STATE 000001".to_string()));
    let state = reduce(state, Action::Parse);
    assert!(state.selected.is_none());
    let state = reduce(state, Action::ToggleSource);
    assert!(!state.source_open);
}

#[test]
fn a_link_opens_its_text_and_view_and_keeps_the_draft() {
    let state = AppState::default();
    assert!(state.is_pristine());
    let state = reduce(state, Action::Edit("MY DRAFT".to_string()));
    let state = reduce(state, Action::Parse);
    assert!(!state.is_pristine());
    let view = permalink::View {
        selected: Some("ref-B".to_string()),
        source_open: true,
        as_written: true,
        transmission_open: true,
        notes_open: false,
        all_paragraphs: true,
        cable_id: None,
    };
    let state = reduce(
        state,
        Action::OpenLink {
            link: permalink::Link {
                text: SEED_CABLE.to_string(),
                view: view.clone(),
            },
            drafts_kept: 0,
        },
    );
    assert_eq!(&*state.parsed_text, SEED_CABLE);
    assert_eq!(state.link_view(), view);
    assert_eq!(state.replaced_text.as_deref(), Some("MY DRAFT"));
    let notice = state.notice.clone().expect("a notice");
    assert!(
        notice.message.contains("Undo brings it back"),
        "{}",
        notice.message
    );
    // The draft comes back.
    let state = reduce(state, Action::UndoReplace);
    assert_eq!(&*state.text, "MY DRAFT");
    // A link to an element the text lacks opens the text and says so.
    let state = reduce(
        AppState::default(),
        Action::OpenLink {
            link: permalink::Link {
                text: "1. ONLY ONE PARAGRAPH.".to_string(),
                view: permalink::View {
                    selected: Some("p-9".to_string()),
                    ..permalink::View::default()
                },
            },
            drafts_kept: 2,
        },
    );
    assert!(state.selected.is_none());
    assert!(
        state.replaced_text.is_none(),
        "the untouched sample is not a draft"
    );
    let message = state
        .notice
        .map(|notice| notice.message)
        .unwrap_or_default();
    assert!(
        message.contains("p-9, which this text does not have"),
        "{message}"
    );
    assert!(message.contains("see Recent drafts"), "{message}");
}

#[test]
fn a_page_opened_with_a_link_shows_only_the_links_cable_or_says_why_not() {
    let waiting = AppState::opening_link();
    assert!(waiting.text.is_empty() && waiting.parse.cable.paragraphs.is_empty());
    assert!(
        !waiting.is_pristine(),
        "the address keeps the link meanwhile"
    );
    let link = permalink::Link {
        text: SEED_CABLE.to_string(),
        view: permalink::View {
            selected: Some("p-3".to_string()),
            ..permalink::View::default()
        },
    };
    let open = Action::OpenLink {
        link,
        drafts_kept: 0,
    };
    let opened = reduce(waiting.clone(), open.clone());
    assert!(!opened.opening_link);
    assert_eq!(&*opened.text, SEED_CABLE);
    assert_eq!(
        opened.selected.map(|selected| selected.anchor).as_deref(),
        Some("p-3")
    );
    assert_eq!(opened.replaced_text, None, "nothing was there to undo");
    // A link that cannot be opened: the seed, and why.
    let failed = reduce(
        waiting.clone(),
        Action::LinkNotOpened(LinkNotOpened::Model(ModelError::NotFetched(
            FetchError::NoAnswer,
        ))),
    );
    assert!(!failed.opening_link);
    assert_eq!(&*failed.parsed_text, SEED_CABLE);
    let notice = failed.notice.expect("a notice");
    assert_eq!(notice.kind, NoticeKind::Error);
    assert!(
        notice
            .message
            .ends_with("The sample cable is shown instead."),
        "{}",
        notice.message
    );
    // Typed while it was opening: kept, and the link's cable can be undone back to it.
    let typed = reduce(waiting, Action::Edit("MY NOTES".to_string()));
    assert!(!typed.opening_link);
    let failed = reduce(
        typed.clone(),
        Action::LinkNotOpened(LinkNotOpened::Refused(permalink::LinkError::Damaged)),
    );
    assert_eq!(&*failed.text, "MY NOTES");
    let opened = reduce(typed, open);
    assert_eq!(opened.replaced_text.as_deref(), Some("MY NOTES"));
}

#[test]
fn a_draft_opens_with_its_view_and_goes_on_under_its_id() {
    let draft = crate::services::drafts::Draft {
        id: 42,
        saved_ms: 0.0,
        title: "08OTTAWA372".to_string(),
        text: format!("MY NOTE\n{SEED_CABLE}"),
        view: permalink::View {
            selected: Some("p-3".to_string()),
            transmission_open: true,
            ..permalink::View::default()
        },
    };
    let state = reduce(AppState::default(), Action::OpenDraft(draft.clone()));
    assert_eq!(*state.text, *draft.text);
    assert_eq!(state.draft, Some(42));
    assert_eq!(
        state.selected.as_ref().map(|s| s.anchor.as_str()),
        Some("p-3")
    );
    assert!(state.transmission_open);
    assert!(
        state.replaced_text.is_none(),
        "the untouched sample is not offered back"
    );
    // Typing goes on with the same draft; a file starts another.
    let state = reduce(state, Action::Edit(format!("{}!", draft.text)));
    assert_eq!(state.draft, Some(42));
    let generation = state.draft_generation;
    let state = reduce(state, Action::RestoreSample);
    assert_eq!(state.draft, None);
    assert_ne!(state.draft_generation, generation);
}

#[test]
fn a_huge_text_is_parsed_only_when_asked() {
    let cable = include_str!("../../corpus/cables/00STATE228772.txt");
    let huge = cable.repeat(AUTO_PARSE_LIMIT / cable.len() + 1);
    let state = reduce(AppState::default(), Action::PasteLarge(huge.clone()));
    assert!(state.parse_held && state.source_open);
    assert_eq!(&*state.parsed_text, huge.as_str());
    assert!(state.parse.cable.canonical_id.is_none());
    let state = reduce(state, Action::ParseHeld);
    assert!(!state.parse_held);
    let id = state
        .parse
        .cable
        .canonical_id
        .as_ref()
        .map(|id| id.value.as_str());
    assert_eq!(id, Some("00STATE228772"));
    // A small text after it is parsed as it arrives again.
    let state = reduce(state, Action::Edit(SEED_CABLE.to_string()));
    let state = reduce(state, Action::Parse);
    assert!(!state.parse_held);
    assert_eq!(
        state.parse.cable.paragraphs.len(),
        AppState::default().parse.cable.paragraphs.len()
    );
}

#[test]
fn a_large_text_goes_to_the_source_view() {
    let large = "1. (U) A LINE OF A LONG CABLE.\n".repeat(LARGE_TEXT / 20);
    let state = reduce(AppState::default(), Action::PasteLarge(large.clone()));
    assert!(state.source_open);
    assert_eq!(&*state.parsed_text, large.as_str());
    let notice = state
        .notice
        .clone()
        .map(|notice| notice.message)
        .unwrap_or_default();
    assert!(notice.starts_with("Pasted "), "{notice}");
    // So does a large file; a small one leaves the view as it was.
    let state = reduce(
        AppState::default(),
        Action::LoadFile {
            name: "long.txt".to_string(),
            bytes: large.into_bytes(),
        },
    );
    assert!(state.source_open);
    let state = reduce(
        AppState::default(),
        Action::LoadFile {
            name: "short.txt".to_string(),
            bytes: b"1. (U) SHORT.".to_vec(),
        },
    );
    assert!(!state.source_open);
}

#[test]
fn a_broken_link_leaves_the_text_and_an_anchor_selects() {
    let state = reduce(AppState::default(), Action::Edit("MY DRAFT".to_string()));
    let state = reduce(
        state,
        Action::LinkNotOpened(LinkNotOpened::Refused(permalink::LinkError::Damaged)),
    );
    assert_eq!(&*state.text, "MY DRAFT");
    assert_eq!(
        state.notice.map(|notice| notice.kind),
        Some(NoticeKind::Error)
    );
    let state = reduce(AppState::default(), Action::SelectAnchor("p-5".to_string()));
    assert_eq!(
        state.selected.map(|selected| selected.anchor),
        Some("p-5".to_string())
    );
    let state = reduce(
        AppState::default(),
        Action::SelectAnchor("p-50".to_string()),
    );
    assert!(state.selected.is_none());
    // A parser note too: the seed has some (its garble, its pilcrow numbers).
    assert!(!AppState::default().parse.diagnostics.is_empty());
    let state = reduce(
        AppState::default(),
        Action::SelectAnchor("diag-1".to_string()),
    );
    assert_eq!(
        state.selected.map(|selected| selected.anchor),
        Some("diag-1".to_string())
    );
}

#[test]
fn j_and_k_step_through_the_paragraphs() {
    let state = reduce(AppState::default(), Action::StepParagraph(1));
    assert_eq!(
        state.selected.as_ref().map(|s| s.anchor.as_str()),
        Some("p-1")
    );
    let state = reduce(state, Action::StepParagraph(1));
    assert_eq!(
        state.selected.as_ref().map(|s| s.anchor.as_str()),
        Some("p-2")
    );
    let state = reduce(state, Action::StepParagraph(-1));
    let state = reduce(state, Action::StepParagraph(-1));
    assert_eq!(
        state.selected.as_ref().map(|s| s.anchor.as_str()),
        Some("p-1")
    );
    let state = reduce(AppState::default(), Action::StepParagraph(-1));
    assert_eq!(
        state.selected.as_ref().map(|s| s.anchor.as_str()),
        Some("p-7")
    );
}

#[test]
fn starts_with_the_seed_parsed() {
    let state = AppState::default();
    let id = state
        .parse
        .cable
        .canonical_id
        .as_ref()
        .map(|id| id.value.clone());
    assert_eq!(id.as_deref(), Some("08OTTAWA372"));
}

#[test]
fn typing_keeps_the_text_at_once_and_parses_on_demand() {
    let state = reduce(
        AppState::default(),
        Action::Edit("1. (C) Hello.".to_string()),
    );
    assert_eq!(&*state.text, "1. (C) Hello.");
    assert_eq!(&*state.parsed_text, SEED_CABLE);
    let state = reduce(state, Action::Parse);
    assert_eq!(&*state.parsed_text, "1. (C) Hello.");
    assert_eq!(state.parse.cable.paragraphs.len(), 1);
}

#[test]
fn a_refused_file_keeps_the_text() {
    let state = reduce(AppState::default(), Action::Edit("my notes".to_string()));
    let state = reduce(
        state,
        Action::LoadFile {
            name: "x.bin".to_string(),
            bytes: vec![0, 1, 2],
        },
    );
    assert_eq!(&*state.text, "my notes");
    assert_eq!(
        state.notice.map(|notice| notice.kind),
        Some(NoticeKind::Error)
    );
}

#[test]
fn replacing_the_text_can_be_undone() {
    let state = reduce(AppState::default(), Action::Edit("my notes".to_string()));
    let state = reduce(
        state,
        Action::LoadFile {
            name: "c.txt".to_string(),
            bytes: b"UNCLAS STATE 000001".to_vec(),
        },
    );
    assert_eq!(&*state.text, "UNCLAS STATE 000001");
    let state = reduce(state, Action::UndoReplace);
    assert_eq!(&*state.text, "my notes");
    assert_eq!(&*state.parsed_text, "my notes");
}

#[test]
fn a_json_record_is_kept_as_given_and_read_by_the_parser() {
    let record = r#"[{"id": "08OTTAWA372", "header": "C O N F I D E N T I A L OTTAWA 000372\n", "content": "1. (C) Caf\u00e9 \"talks\".\n"}]"#;
    let state = reduce(
        AppState::default(),
        Action::LoadFile {
            name: "record.json".to_string(),
            bytes: record.as_bytes().to_vec(),
        },
    );
    // The text is the file as given, so that every span points into it.
    assert_eq!(&*state.text, record);
    assert_eq!(state.parse.input_form, cable::InputForm::JsonRecord);
    let paragraph = &state.parse.cable.paragraphs[0];
    assert_eq!(paragraph.text, "Café \"talks\".");
    assert_eq!(
        &record[paragraph.span.range()],
        r#"1. (C) Caf\u00e9 \"talks\"."#
    );
}

/// A snippet that states no year: its REF block's cables are undated until its ID is given.
const UNDATED: &str = "SUBJECT: TEST\n\nREF: A. STATE 12 B. ROME 2000\n\n1. (U) TEXT.\n";

fn id_of(state: &AppState, reference: usize) -> Option<String> {
    state.parse.cable.references[reference].canonical_id.clone()
}

#[test]
fn the_readers_cable_id_dates_what_the_text_cites() {
    let state = reduce(AppState::default(), Action::Edit(UNDATED.to_string()));
    let state = reduce(state, Action::Parse);
    assert!(wants_id(&state.parse));
    assert_eq!(state.parse.cable.undated_citations().count(), 2);
    assert_eq!(id_of(&state, 0), None);
    // Not an ID: said so, nothing else changes.
    let refused = reduce(
        state.clone(),
        Action::SetCableId("Rome, last week".to_string()),
    );
    assert_eq!(
        refused.notice.as_ref().map(|n| n.kind),
        Some(NoticeKind::Error)
    );
    assert_eq!(refused.cable_id, None);
    assert_eq!(*refused.text, *UNDATED);
    // An ID, as readers write it: dated, the January serial above its own being last year's.
    let state = reduce(state, Action::SetCableId(" 07 rome 150 ".to_string()));
    assert_eq!(state.cable_id.as_deref(), Some("07ROME150"));
    assert_eq!(id_of(&state, 0).as_deref(), Some("07STATE12"));
    assert_eq!(id_of(&state, 1).as_deref(), Some("06ROME2000"));
    assert!(!wants_id(&state.parse));
    assert!(state
        .notice
        .as_ref()
        .is_some_and(|n| n.message.contains("the 2 cables it cites are dated")));
    // The link carries it; typing goes on under it; opening the link reads it again.
    let view = state.link_view();
    assert_eq!(view.cable_id.as_deref(), Some("07ROME150"));
    let typed = reduce(state.clone(), Action::Edit(format!("{UNDATED}2. MORE.\n")));
    let typed = reduce(typed, Action::Parse);
    assert_eq!(id_of(&typed, 0).as_deref(), Some("07STATE12"));
    let opened = reduce(
        AppState::default(),
        Action::OpenLink {
            link: permalink::Link {
                text: UNDATED.to_string(),
                view,
            },
            drafts_kept: 0,
        },
    );
    assert_eq!(opened.cable_id.as_deref(), Some("07ROME150"));
    assert_eq!(id_of(&opened, 1).as_deref(), Some("06ROME2000"));
    // Forgotten: undated again. A new text starts without it.
    let forgotten = reduce(state.clone(), Action::ForgetCableId);
    assert_eq!(forgotten.cable_id, None);
    assert_eq!(id_of(&forgotten, 0), None);
    let sample = reduce(state, Action::RestoreSample);
    assert_eq!(sample.cable_id, None);
    assert!(sample.is_pristine());
}

#[test]
fn a_file_named_by_its_id_offers_it_when_the_text_states_no_year() {
    let load = |name: &str, text: &str| {
        reduce(
            AppState::default(),
            Action::LoadFile {
                name: name.to_string(),
                bytes: text.as_bytes().to_vec(),
            },
        )
    };
    let state = load("07ROME150.txt", UNDATED);
    assert_eq!(state.offered_id.as_deref(), Some("07ROME150"));
    // Offered, not used, until the reader says so.
    assert_eq!(state.cable_id, None);
    assert_eq!(id_of(&state, 0), None);
    assert!(state
        .notice
        .as_ref()
        .is_some_and(|n| n.message.contains("07ROME150")));
    // Not offered when the name is no ID, or the text states its year.
    assert_eq!(load("notes.txt", UNDATED).offered_id, None);
    assert_eq!(load("08OTTAWA372.txt", SEED_CABLE).offered_id, None);
}
