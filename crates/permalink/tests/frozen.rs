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
const SHORT_V2: &str = "2.CYCWThEyIgNwLTG4_Mxx_fQvtAOacA";
const UNICODE_V2: &str = "2.uwW9Ayo0HZ7BRqoFLjINJltvtVn44vpLExuXbi_YLMN4VJUBz2ygUPFwwi0r7Q4";
const SEED_V2: &str = "2.0BoBvpMOxC9hDWZpZWxkLXN1YmplY3QLMDhPVFRBV0EzNzL9gG3xLo3isKjqOs8yxJnxCak2NIXK5R3BgEOPuaOCwXhtumoqksi1sJxB2TtzD05eh9ZSDHmFvh884PoQ8TzZ56AlqlOjUKm4jGk4yVLNMTnoZ1vG-9H1gs3CpDyrdvfbLZfLr-sjL-4sa1kq2tNm2291WOQKOtS_H8RpDu0J4NvK7x69R61WfZWWxOF1t091OWLvC2Hvealk-MuB54XwxKsslBnL9XroXgPl820kBTvhUQ4o8LRbwpSS8QGKR3ZA6GLneFEwxYxP2zCcaLTXsTYOmoG86Kxa5id3YbpGmsm4GFlO9p8ap2f-WIbxx0XUlAsl8jHm_VgAxrLrjrxRgmrMAT3JTTaYHacPO-QmrU6BTQSiW4_qjV_eBuio32KOUcC-RSnO45Gz7HxS2H9VzgEnrdetKS43WGeW4nBmBlxSqLAmuU8hdAFm1rFZ85Caq-oCUJuSqLUzh4-dmQ0An-RH8GGhvIfpf-SpZ2O-BQJGLqVr-pckLxCtOkgWxCW0UblKHCrfhWh6NUlGADn0kohWxFJPbPfLBfk1EgbvdURtGyceE-WYhJckz1gCdtmppJTZzzVhFHMYLahdAqBadGi72K7A0t_PZq8oWFrnS4dGNTGqm4ZQNVFL4gfrEcM_XT95oVI3xBK8gQppWPspiDeaRVOMy0Tx_o1rNF8P2Ikhda6lp5eycuLddmU7N9h8PDu7iwMT16cv22mgHiUTXpJp97gk-Ow9A3lQXKG5uF3u24dTkW8HaU7n5WjQV6LobW698E36SAFfdiQbRSSgIUqASAlVxjQAmfZNo5M-9p1cDaNNjqg9tBtnLTTXlUawigL3rs6xHOnUZ0TzHwJEDMPIzr5H6t-3Y6JZPIf2VvIYQcqR28Th6gP4lKVIraMFct35W2Vj-fY5PtvypiuNoEDXWXd_Z0Yscd7wbiDHCf8uvQTGZ_0hSddC16jsLN75xxukd8UsHEDJqXw2m4fx1BRjMLx0y3AfFpR3-CVQjuDip5obXsZCqIqsjqCum9BiUkHE8Thp-m8OkUPefmlumXtbrmQqV9IKXBnDnWugJwhTcnfFqECigrGg5g8D7TaeJXfybeJpKxPNJ7HSUUTJswVxi8G4SCFqIViRurikyxPosIaJ95Mq0TR5GwCE81BesELDUBgomMWyZjr0OgtzD6Idf01bmYx4Y_hs5t_CVii3z_qUF2PLlYG4BmszSaKNrIx1TliNbB-GbNLQkqn_Lq2waj8b3nG3JCH3n8iHtcfRjLxEuHtdqORQ7m0ANF_-W0wkeaPF_4tWkj4zSQRb_pACMs81grGCfs3cgPL6G427knmeYgPhurlQkWJ7PRuL65UnR4MizRzWj9HR7TnAAtWmEV0a7Ix0swJpRsVQSHrg-P6CRzBLq9rZ1euJLjXbYzgh-PTvRC7X3O03uiSkY7Q5h0GmR4CNq9xMwToSs5sPZCGZ_-AdRYaoLRkj2-cqfvSuj4tKAjfncC2wTPbJz5rafS11vbjosz5kfTCgpeQfu0lhEWHCRtmQobz2jtPYo1L4JEv1bkhsRB-xoEPPB4GRUeRJmxGQKenyuvpR39203rl7yr7Q3zTLUYD0xmsaIgKX6-a63ZTzjgv45Vq1T6uSjHSUTcfr_nBX_ByqWvEe-IfD2iEfheBQ00DdRtdBYYz-VSDLyfe_mlFBZcnNUYeFJts1uS6eYPeXiUXKsvhuyPtWTLqNFQ29EPpBgI53lfLGe5JHqcx863L5xcuCpPlKQKGe7vlyLZ1oYHWFfPQmilsF3tyvyVPV-xHeHxSVO84W_v9gIEcg2YrHZqCHC-Bi-v8ngSxFUQcvFfdSsBe0vzRB5_6VuRQCXbg-K021cfKt-U4zwaA4v2YtiaFCzfom3aaTOtQUrP5uiq86DpxgYsWROaIj0XO6trH5l2WrvOm3VE0QlO62L_JgEnD3qTrZl7lbdWJA8iW8pu5oi2b-QP82bF39C_Wdr7jop6plO3c5gi_F7ge9HxDplSyOd2TFnjRAmG1Zl6-gA-Dx2gnqVCdbwvPdJXdFrUci6J5e0XKVmDz6rQ9tq72n9lHkn6BgUNUWsXbfvb8W4iZDw7m-G2ppXwnTOnRwCepqdXKnw1YngxyqodelySqj7YMCTdW90e-U3BVqE4aoBWZH0kq8vUXeuRP3qip-hnKDOgJ16_J8crfzd8Gxu5Hw0yjqalRNg1jwupcMHbhqSDA1rDnSrMb1_BMe5SryQXbEy3_FNKJZlPNNdZVZSOqkQgatCt8YN8LOlqYtNCr2WJ8ZpqZh8VQWM1QmUAHBsd3B_YxJN2Bv4LuyrXSiJV1ljcxLGEvPF-Jy1fjSOK2odASkvzSgrRrOE1mVoMhxdr337315HDRV3IA";

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
