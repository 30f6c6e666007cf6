//! Real cables to try, compiled in: the seed first, then a handful that show what the parser
//! does with other eras and forms.

/// `(anchor, label, text)` for each sample, the seed first.
pub const SAMPLES: [(&str, &str, &str); 6] = [
    (
        "08OTTAWA372",
        "08OTTAWA372 — Canada and cluster munitions, copied from a web page",
        crate::SEED_CABLE,
    ),
    (
        "79TEHRAN11260",
        "79TEHRAN11260 — Soviet views of Iran, 1979",
        include_str!("../corpus/cables/79TEHRAN11260.txt"),
    ),
    (
        "66BUENOSAIRES2481",
        "66BUENOSAIRES2481 — from the National Archives, 1966",
        include_str!("../corpus/cables/66BUENOSAIRES2481.txt"),
    ),
    (
        "08STATE15220",
        "08STATE15220 — as a cable page's HTML",
        include_str!("../corpus/variants/08STATE15220__chillicoder-2010__pre.html"),
    ),
    (
        "03OTTAWA202",
        "03OTTAWA202 — as a cables.csv record, header lost",
        include_str!("../corpus/variants/03OTTAWA202__cablescsv__row.csv"),
    ),
    (
        "09HAVANA132",
        "09HAVANA132 — a Havana header on a Moscow cable",
        include_str!("../corpus/cables/09HAVANA132.txt"),
    ),
];
