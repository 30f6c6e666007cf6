//! Links made by each released format version, frozen: they must decode to the same text and
//! view forever. A change to the model, its tables or the primer that breaks one of these is a
//! new format version, not an edit here.
#![allow(clippy::expect_used, clippy::indexing_slicing)]

use permalink::{decode, Link, View};

// Made by format 1 (2026-11-27).
const EMPTY: &str = "1.HvOffwMAAP8";
const SHORT: &str = "1.IMW1HxEyIgNwLTG9Fow_EsYwgmWsEw";
const UNICODE: &str = "1.idHTwiw0HaW68d0Cjh3B0FbJwEABlptFK63qkPM7fu17SedJHDHHybyJtJ6vkg9uDw";
const SEED: &str = "1.b4FSj8oOxC8hDWZpZWxkLXN1YmplY3T_PH5fLWY21KZJFERQ_q1S3m8dWKgkjHiBFEEjQK0QN8-mn5Fxuis6Z3bxx48gZNfZs-YQUQyml4WHPPYPuiIZ8NlG6EH5WiA63sk9I9E_jgrxVYDGel2IsHH5qXNQAE1OAxXUZfFPpuYae9G5htNnc-MixZfnOorvKsRmZ_fekZzoLgwcltA2UOAvXrfaBmt1OuvNUmjOqSfTBRVqyoMBSDdbSlnNp1fj42Z9XT8mVCnLViYGB1Fxd_pdjUbZsC0NSPozr6Vo9EcdW8Aji493YN5fzUT31DIDQtMq1GFQcssBT9OWZ2CULBMeAv9WifhEN3l4t8fceByXlqILvb6fMfE2ge0-Yt-pLckBnVMt92vdjkj6-Yd8qoB4n8DJfcY72L7hGlAgvtq5EqlQo_3qN7r_AZVbedYL2qztSB9dc766DlbLmZGE-V4mf5T417tjZaWd4kBVXaszO5kDKliL_UhArcsl4IaV9qOLsCIGX1GaDjwmbAmSSc-54EUpukcVfrANPQ2Ki_kfbCSiBBWJTndyR-VP0tCdtXGgGaFkxD4sFBtTi-8gaCcwYiWoNws6wye8KYr6flg73hhu7_Y_OC0RHAaa2UUzLZ3ZUvnJspyiMIge3MtMipeaxe9oc6QSnLOTIIpuocoIGjTeGL5khSi1ef-ucIwrpf7jNqo_u3lVFK_Vyy680Js_f5FvI8X2AWYqX6_S8wiljMiJtF92FzDViO1sQjJueFyT24WRJsmh1tVZ2LB1wbSl5DjRHSPT065yuQnZmU7rcY-fo8fE2xDs3lXRiUriq25hn__44PZx78vRC4siNuWmllKJBaEowS5Xsdx4ktYDUixd-4tzBeyIHLeWA5WSL3ww1_IWxfQvEDZEwl9BGpYyVXonoA1YNxCY6VdrgR4u_TI7rgf52lv0sITq_fX5vs-FjqWC0RY_IEohRvOSwKMVgC724bToiBfCuKA56ZrKhYFKKyGc4Xue3h9MTdfi6xDBAZ4ZYFMRILCwRptduj6t5wBaa1U1kGz0HWPQt7zRwtHl-JGJ4ntAQ4eLYBo3kpsuhujc6u1Gu_6kT7mbVCW3rbRjc_Lrkpb1lKGtTsPZPH31lcarbbBFd1XtO1Yb4QCRppTxWUcR4aTZcyNnN4K2przAglbe98bJu0pVB8WaFA3TeiKaEOiL1Lg4mWa6xrFsINftK1CLVDnKAF4PPE6peAVz-nOW2ot6f1ecAPsWgyLjyvufBR0uokXLUiywZvihd_34AXJmBaB5XoisewRPzjtIzyVh_vqs_hghSWHa458V4U2bsDWACOy_YxAPYlht7O9nN9s3SomWRVMdYwHO4Gq0qRXHxeJIpwpl1cLiYlrUOmfAlOm-bzPE3afRbtHAuUWltjUpNSGELcL5csT6jzyVKJmVTkrHD7RdCOQUBHSfiq-z6u6NHC8yHA61rhlx8FkF4wRFlq3mDsheGX3ci5fWUjUSJ0dFxHcBErhxRhZlynvrVJsUFJYMPybT-ZAC7x6mqj7tQi3x6B2X9t_C9YG2HMaTmA7fsJnrK-EiCa4B2xAB7op_xv0xU0h_zgtDKIIN9PQBPkORj0S5Q6xWv7bVNCVPZ9WW4fpQ9jON2Bxt6rtKb4IIzW10kEjuWnJcZ-uzWbzT5Du-ieTOtQKxKEn_1rqU9uzeV3QbLK4qP9XRxBDxranoiT8lDEvgVOHOC4vJYIdc6fEnVurMXnPv1uLSL7xvrWMuKiEMMyTFadfq1ZFngiRrJetHHR_ZtzRuit9VXU-0Jqinkx4tWKVimPXZm1q-uqI7rB8S33aTGaG_3_3TREO1IgYsJvOCHJfrIUAjLqLPVQhQY192UjEXWUnbBAhJock6HfZQJiTFzsY19rLoTr4yJ1lAXJS934V8bA--yHjse-PNP_7tePhGCCeigX4LOns5qK8QLqlGwhrPsJL62RiHomJ4rOxVdfJ4jJnLhvSdxt2YpYB7bI7L8L-P7bVrnObYE-yMFptM4a2FzOf919kHMa859m4yIhwmD-NDE9NPXU7nvR8vtcYR0WKqcRdKxIz760-TBk6mXVmpOSdOV6W8zzTBk4APh884MDRTZTE8YIISLwqcXw-7pGsfN6IIHL6D7d7y7qM3iycCxJPNywhvdgRm_SSfpwG4BcTw0Rq62yKeVgmfLHwAakNphpeg7S_nK3vZ7gg0wwMgDgeGlLaTKQYvYUZKDHlH8rXO75wYqp4DXUkcxhexPnmcztC6CUpuN8PNTXk81ZGW8fLtY6aIKyHuwFmPitWzkWFIcUhljRfeUIfXQlA0XDL8sM-eQB1u2P6MDPfLbBYWiM_DzFvgZ2fWosD5UJuo17YE7pzgG89n4rRWVRQ7_jlOzg_4f-nG9_mbvETqW080xzG-b75Jyf14NE8Gom0XSgD3i7z2SyADh3ytN6L8Bv8FvgLRI_bfWE2H88kgLccBFI5fOMvcd7cRIywp";

// Made by format 2 (2026-12-02).
const EMPTY_V2: &str = "2.HvOffwMAAP8";
const SHORT_V2: &str = "2.mqtsXxEyIgNwLTG5VvV7I5IgBZARGw";
const UNICODE_V2: &str = "2.Workdio0HaGvMmfon2XWq6PCtNfDnf7YtgtSI4mWKiAFc-Crgox7Guxxo5yq1JI";
const SEED_V2: &str = "2.LfZjMJgOxC9hDWZpZWxkLXN1YmplY3QLMDhPVFRBV0EzNzL9SFRcDHBUG6nRvfk63lqx_pdCw5DcXLf-orY3ALs75BIGNh2SmEpd-G2O1I8R9AO0yGVGryQ1gP_UmqoMtO1S8_4g1A0nxt0e33NBZmpBqzKOiBISdFVkkf7ALPMqV3GDTATqQHBBqwsoQTYyl_jwbb0AopTNT-y-vHc2eEAs072niv_rninNDH_ePDDq8al-rTqKletOjfcDoFFLj08tKVH_ZczfJYY9_F1yQkZwkgCOTf5wU-xx756KdQhjRXY60xn2MyA8teZeyrHzccjXQIJq-cN66FgMYPVyJtF13f7YnbzDAeJszMZJUcHAzHv9rosUBjFotEbhZ65KkhCHvyAQZwZeh361Olg6jDnlMaHFYwrb6S6gcj-xAKcYQez4_jRnaFVlSn1o9_tu44gVvm9qGtb19kK0ZD8wBDYbry8MJepx5lb5szbeIYu3jTCbfG74c03K54SuVYhJqILuZATj-j2_ZcsF3m7E0g3GBX-N0tR0rNtpE3bb0W9MzYCuVDLGYgQiHUa3sy3bEcArhvx41qiuZg04PToZQNTfH-vjaGRpNF2K2XodSR2XqmjyWmRaykukt8HMTJkg74EVJDSLCCdg_PSMYgYBQ9sV0olyltIyB-JO87qI5oC-9JLo4cy4aELcxDX0nZoAlObzP4_9zeNQfwl2UH2Ool3rSg1pDj1UhuIWm03LWMDScrA_grhvBfDrNN7-ZEOVnwU_3IdzzW9r_z4o8episjAMfYZctt3elvlH43dnbMTw2SUwcK5ImH_WFJ6MWB1189yThKSjb4SXC23wED2A9nplpjzJOFOaxfQh_oUan0lDhboMmoLIRCCi27eYvSleBgexrvVBClJnO-BjERqxI_2AQKEfk5fqGdAPJWZB32uf3n2KOo0Ea3lLZ17ARTV7YD5v2CWhR4yTRFpMj4eXbLAHVriUzJN0MNF83cMqOkAy9DWkHZOOZPw_ZVwfISXKl1NMNtM3qKVt67l7BbotATUU9nYY3Y0jHKJvgzDc-xQl2LGiQrxXlUm0OBxR7MZ2Sr-F0Kl4-u4PCl7t8UbxViI7Y34LEf3Jw71_O591xd0xJc19UUTzR6EB-4n8RhOQzw2PYf0REcPanIpqRP6Xf075MdOKsTgJcGoUmnBU0ZHamdVJHsYx7LWvifUVEU5FsJJTZunH4FsrEuiPMrgp_qcqabmVjJTPcwg4HHKD-OBqtCMTIizChrQQj8d7gQXYa4fLJfKSLDsvpZU1Lec0sf-OnqS7YA4HP-qkgaAOL94lPzVzRLYG7Nc9Q_BjiQA2E3K-Wai7__L9fwYNS7KPnx0FEGsf6BUKJoXU9DVm5M0XnAEohbPl3NDlwzsD2scB6TJapPXDD1gdLlIkgSjeR8HtgRJBczQO7jPNk2rSDOjeNZGvoj__9pAC1cn1xd6yz9pbAEuBvymiN5KibO7osZE9RaMmj6o2BcHUbaHufLWI4pXZ2cTWSLhhUPw33VA-aOOhteF-CULgb0yH69pCGgrinBTh9dQOABQapg9Di67IVLOfuYu_irfvWjYVTOzjs1is78wUoykQkDYYZgnUTQ1VtMSSLkV3cdLvsCn4-MxaTXIqsHW3Zw4R_t5uIfEOstjxWlYPaJbQ8PxtIWrkdXRiN9MLrhV6-wrnN1xShj_qd0t82irt9BjHA_OruEYbi773PDrQgADhNj8ISuK-SSY2MfB_EMxyncHhJliayHKVhF0ULDZeOSK3Qz2wcArq92SPfSLFk2HbdYEk0pawHXoR3Tqli5Re45Oy_adH1mD9vHzSz9BQht86ZVkC9Ofb4ZzKEF5l6S6V3dLtzfYUdUHzLOFPrIb-O8c6RKWNCQnHHoEjWNoqM6GzZZp3FHkKg3ZNoKAr4d_su-Kbzt7TdXLJ8AJhOuhbafq51yuJ0yvya826sT3sqaJz9jdYnFK0E_ulbSXU6ClH2As_lyLPEDO4GITUiCQ5k4igVmyXDtm31ztgShUbupu3wgZ67xQs3ndxXzsrsE9m5Tw6qZ3MPd8H5KQn5k7utV-3Zpfz-BT_5jqIPmoikdN71Z3zJlrqonN3TilxL3g0fLqBaBnqogyTPLjfjQ8QazUtaNTa2Ho7sbV4iEyIhhhzVSI0AJMqQ_qH8HKW3yBy69ELbNIFgTpiuoiEjiR3uIJW8zEATEQAi1Gy4Bd1XqpXNK4x5RyR0TAVTVsSTE4y5jtgwZZOme1sNEvsUEWlTc03-2nNNNy2wGDFLG-oTg9-PxiuOpXHUG1FreL_SV1-UNpHRzGvtHJt5Lfc2LxI7AKb1adJAZqomA61zi8BCKFhVvgh7XRcKzCETK50Gnfg85BvCftHwqXaf0gcxEcR81C4j1T4qFhoYup-VpNFnXfycpinQQ";

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
fn format_2_links_still_open() {
    check(EMPTY_V2, "", View::default());
    check(
        SHORT_V2,
        "1. (C) SUMMARY: THE MINISTER AGREED. END SUMMARY.\n",
        View {
            selected: Some("p-1".into()),
            as_written: true,
            ..View::default()
        },
    );
    check(
        UNICODE_V2,
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
        SEED_V2,
        include_str!("../../../corpus/seed/08OTTAWA372.txt"),
        View {
            selected: Some("field-subject".into()),
            source_open: true,
            cable_id: Some("08OTTAWA372".into()),
            ..View::default()
        },
    );
}

#[test]
fn new_links_are_the_frozen_ones() {
    // Encoding is deterministic too: the same text and view give the same link, on any machine.
    // New links are format 2's; format 1's encoder is kept to show that its model is unchanged.
    let view = View {
        selected: Some("p-1".into()),
        as_written: true,
        ..View::default()
    };
    let text = "1. (C) SUMMARY: THE MINISTER AGREED. END SUMMARY.\n";
    assert_eq!(permalink::encode(text, &view).as_deref(), Ok(SHORT_V2));
    assert_eq!(
        permalink::Codec::builtin()
            .encode_v1(text, &view)
            .expect("the built-in codec has format 1's model")
            .as_deref(),
        Ok(SHORT)
    );
}
