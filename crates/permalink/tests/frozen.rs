//! Links made by each released format version, frozen: they must decode to the same text and
//! view forever. A change to the model, its tables or the primer that breaks one of these is a
//! new format version, not an edit here.
#![allow(clippy::expect_used, clippy::indexing_slicing)]

use permalink::{decode, Link, View};

// Made by format 1 (2026-11-27).
const EMPTY: &str = "1.HvOffwMAAP8";
const SHORT: &str = "1.gJY7WxEyIgNwLTHB3SMSKbgTqx7Bqw";
const UNICODE: &str = "1.8qDw-is0Haj4jz4_b5lMHZvDPLnd9NuZm5KrVhAODpYB-Fnge6E9i01pIAvZ0Zh5";
const SEED: &str = "1.MoyLUdEOxC8hDWZpZWxkLXN1YmplY3T-qlmoqi2KHE9zqf5egyhpOIT1FIinJMig9DSqDBmrZDp_awUSuWcNSx4mD_GgC232eboZ0FpZ789SdaaGgPSMWLD-BCGzoqQ2QJRihI1_t7cH0l0dv5GDQ_8CI7ku7SwnIxhMLIh0s_XEK5wECucsCAM0r4WTCKZXOGx0XhJ31h4DR-jKtKCAfQaeC_eTTZPTQvD6_gHML7URYX7Z1cZFEg6GJV8vawpm_K8dfd06J1XEaJFNRJAOiIy3adbmllsRk4knRsKtJ3U3EJXxhRPgZ4C7xHcvYcDMu_zh-Y4ZtXiXbl7_FeVQdjee-WYMOd7lkdsufoahsRPJFrnZ9BCsegi_kRmIssYyyo7tGuWf0wwhSWoMQYmpwADnKKogsGVysize8W3hpQUvGHyjEyyDM_8E8L2b3OKTrdRjrF2TkDUTA0yL9OpCKa8BbuBJGdJX-Hd5kA4iQYcL_eAdCqnICcETTk-uOIzOuzXaBnh_ZKHCZdMD8NmICDlj_a_q17dynZEBktCZxt2_SmGOX1JkucGtYbtX0UJi9PCyuWHkywSC1y5prQyCr7ynIpWwBLoVPb0HMegpqH-Y5qHEch22YooypSh5gYoYp18s32Uz0M4WzUf-KpuwuBsQNeqoD44b8UTlo5pm6VDbvCR0-jHMa4Oc89GCmrplrtltKJRF6Q-ASr96c9SDz5p5SKXlNiXzG2289yp5MAgyq99cY0o19L89QJRgYP0_pKloyrKyHYhnJZDh6L48xszyuwzd7fvlDKjvMG26Zl9jwc512rGVt-JMhqj2x8tZKhoev7884ZONU7z-bOZMnMoIm6wTImEnrjATLim7RV4XE8OhFwVpIIalDX2zT7e6vgZv3KgTGOIR3EPUEvh9oe12ZImXngH2hIRXsV6tvgZquzbwxDO4R1naQgfcfPrmI_ZCvAfCApzh80vhoSHflUiNaQOIZRKMAXV91H2RGdwi4uZRDedqIXb2a6g4Hi1DP9rrRVeG2_wqFvlFMem_73fqetP_8LHD5yalfVuqEjIBJ3tvcYFlXuiqg7zRMVlANqTle2osr9IFNXwsrCwUwQIKv6k0HnJhMLTY-pBKNjnCkjaxDrIV35tmM8OUKdNbC-9VduaSmxBztMtCMaP-1jSJRG10TU5mH5Pr2T2GC4LMdbPh7GIQdpnQvBC3ZxN5_R6ODlOYkL4kEPmPXbliqu4wTggbVSTGNt7-c38fk0LMDSFkWLBxGEIjcN0iEYu3TdME7X0gYLxM8_7v5SOT4uF5kG18bWXySb9hcg-U_PPnHgyrXLSNWk-MwUcatXdk77GkslpmSBsJTZDQ1LWMiJ8XorucFEYPvh8kDo7Xrcx55oZ9vMoyGs6CcJJh4Ik7YJu_ifdOephONErUcps6Lyu2i9km1gY6n04M18XcReamqNYtzSWWpgZ8wmQuQHYCqcky-6F5HWpT2BDdvoGHZK--p-15chvWPHS22-9fsxpvytcMpgpNOB-VGitksBSFPx74dL50KQcExePKcvlQfkcFOC0t0hdaUZMFIL2Uy_StZaLjoIKMKMPCnwW-CynETqEZHQR9ZrNdkL_Ju6aNEmYwILsDrWBtafKq1wnjrqEhq3QWmYcpuOzg05h_T0BFkOsgmFi_X9KTukUYk9JhP4pOl4NuRm4gHkCA12wT4KZyjP5dRXNz4Vz-5qowmpKLT2uFE5xNTsllT5hZguvKICEU2yDqrXnSnOQeuLbdyiug2wyPPHHiEuQp7FAfOQsqk3udPK1hhFExgtx3H0Qn906gPRqmP_lJQv0DD_t-MNVuP-rVQP_dx9QzK0CQAIizBUXU5k690KTj62b6yPiYXUkDdh-WoLv82TAlsxEe1BW-tsBMFxEA07HFZGAEGKvYtFG__u5MVFstZABovZ4afxPAGkZsQ3H_BMzKBXjZpsYyzixWypQJxrkvLQWY8TzUsqkPoJw2IktFPtCyGbyqH6uBnsOls3LHJOcngKgn9tu2_VVhK6P5CPbCVk0ygng2dugrCOAKEX9_iz2Yks6szA7eCzjUslde6Ky7JxpKgr13XfAHwdRD55jOhMeZTa0qfqxU-fIPBOdnMmusa2I8EJ91KSnA4E7PXsgzWiDmlv3ShNc7j4E3OZOPfEEbLlhj9D2OnzdHfqwZd-5qMN0lEDjaH4p1M6TDE3OgczYLOUPa0SjqMJeskmd-TzVdOtEgugTe79WVIhiwEOf6Z4HccWFb_GXa5qJmccedA77KDQ58FMYLNKY4DDXHPaYi6n2eyyfwT4Plq0QriuN8V5fEg7tLt2K-g5SVuXwETsSNZZmXmRdHBS3aTKAP8x4kdMvyleTIcNJku-5S-_hLwDZCIT6KDvkvSy2Wzdf8uYV-ktcBoy54ZD-8mCSvgHa6Oeu3DTMuh0t7hRWEUCenPtGnaJ1pu2BbVvixXZAGEZxj9Po05_lVjUfngP9hg8OkZc-RkljSts9vvg";

fn check(link: &str, text: &str, view: View) {
    assert_eq!(
        decode(link),
        Ok(Link {
            text: text.to_string(),
            view
        })
    );
}

#[test]
fn format_1_links_still_open() {
    check(EMPTY, "", View::default());
    check(
        SHORT,
        "1. (C) SUMMARY: THE MINISTER AGREED. END SUMMARY.\n",
        View {
            selected: Some("p-1".into()),
            as_written: true,
            ..View::default()
        },
    );
    check(
        UNICODE,
        "Ambassador’s note — ¶3, café; \u{202E}RLO\r\n\tTAB\0NUL",
        View {
            source_open: true,
            transmission_open: true,
            notes_open: true,
            all_paragraphs: true,
            ..View::default()
        },
    );
    check(
        SEED,
        include_str!("../../../corpus/seed/08OTTAWA372.txt"),
        View {
            selected: Some("field-subject".into()),
            source_open: true,
            ..View::default()
        },
    );
}

#[test]
fn new_links_are_the_frozen_ones() {
    // Encoding is deterministic too: the same text and view give the same link, on any machine.
    let view = View {
        selected: Some("p-1".into()),
        as_written: true,
        ..View::default()
    };
    assert_eq!(
        permalink::encode("1. (C) SUMMARY: THE MINISTER AGREED. END SUMMARY.\n", &view).as_deref(),
        Ok(SHORT)
    );
}
