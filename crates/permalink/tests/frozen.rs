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
const SHORT_V2: &str = "2.xPVkNxEyIgNwLTG55ujmhbGDgwLKwg";
const UNICODE_V2: &str = "2.EZr7KSo0HaI2RCmcjCPV-WWuiYRvysgg3CrkeELnEmibtn4GwRUXwonH6p795Sc";
const SEED_V2: &str = "2.wUhszJ0OxC9hDWZpZWxkLXN1YmplY3QLMDhPVFRBV0EzNzL910qHjg_DAqrLyzix0fRNG0pfJo2GdfQSnmYGNo3cE2QPbJZaYLsUKQRZJ4tWnfsMO1WVmeUcAHWLph_Cgve_f0oNGaXhP2Hn9MRjXzo7EN6sS91oCeabjQ0NxfUqudYmtoSobDxSPR0FFD7A3z5GK7q7-Abn7Jqgi5rH55xURzbOSXzlGg0cRBr3YLqakOVhwsGGrC4FzzXI5FrZOH_RRvTEX27xJHFSSFTf8Ho2NdmUKkE-KAwzOLHa6Wfx-AEUveQAWSpykhhiXBVmjrZhOvLTbChb0lXHGYUWYVyvPGb5etF1vi3KitpgynWgHsuIiPmUQGXrXkSR4jMxY1nKulr-L8QAJTlgkotXF_sRct1lfVfaBrWL3DrJ7H2wk7MpWN5fCrv5UCZqBwNU_xGOHNrHd95wb_b6Lwk3o7d1NhNqMr76g9xbREOlIRhBRNTgrs3GXvFh7q9eTGm-7v4a4ulVGsVLTRGyUxfLXZQqKcPZ5xnGLQ_uJEZAaIfdJnIxe-jkkmU6Ltv_byYFp9rfnqum-nXvdJO9Q-pfQLP_QcyOipvbtwXmv59562P_pQNZYsv2A4FsDIhh31GrOCPK4gejDcsbIzO8bsPUCXookf_9n0TmkXdZayQ-bOfvFZ0wPas9WAogdZwqXv5-CosYw_gOyNAWVCnYA_EP5I1dH6w8gJyhP8JAumsEFgv-sqMWKEM2HDsKWLXk5qFE6pG8-J8cqnW_KIliZQKGHUnztix4kavc8MCi-o5ZUpy0jv-NnJhJAhjdjAdG2Ket3aQ9A-mhY5kqcMepjP5u2iRv_dYZLfw41QHVL62kggq5hpEQSWrDA5D1_sNn0b2AjLxCUlGXH_8wzlNf9EesWza2tyLQwxPs47ys2ptIqn6W6FyfN0KFr8S6v69TVHEvWINpJVEpzHV0cZSow25G4Zuw2sK7vWjDMRf6ZFPdNCWmGuN5fADcdkLDGVi7FlJO0sgmodt3IKFAwNbIPS8dogkYk6526H_oIHyg8ddOWxQE04Fr450FRP9DXXA_NFJnU_eVAEJTLj-vtrfHAFH4duq22Q4bvIO1DvtB1zcguSnkUTJkeVA4b9yb2KZt4tgljsLUXba90-6uuZFcZvRRHG8JAtNToofUSlplhJPoc8X94Hv7f2kECoswNYAMt5qfjn47ZTWxKivVB7lsnh5qVQo809OUOsJAtOH4rs1wpoHXe3Wxa0wmKq4nSdQALTZmDqC1-8qSK8lVUhpgThTYsigKYlNBrXE9ZURvk0TODjml7brXlum_xIIUUr1TBpYpGx2gCbWY8f7FBwU8yuQlfS5LvoujGGoWeEXCxDfDGZysWy-CGJ6Hnb3HRx1Ifzaa52SP0K68uL_oqvcQ8MNEbf2gZvl6mMTxsvxGonrzvcubXZ6AzkTqNwYI5voKsV63y7hxL5V03hxOXMnIW-iQofoSFb3tK34l0xadyOOf0H8jrh7_-EubTuys_kE9BjlprtTpeKpNC3jfq43Wq3M-bfR4mln-vRZP2Nd2dG8_iKPOxNxtQ3l4tTFCU_isIB29qYGL5-Wa3AW9mebzzz5G0KFO3sJOFoIxXMMCtLzhpLVfJ1PCvN3DUpJTfVhY_sBEKNgh_pRmpEOKKunuESZ2742u7hZjjVDTBgal35yqBNtYuUmDMTCqbqbZDOuZdnt6bzx73ICOFSyd2DG5Kyd6XAdo6_cSrLxCDVZbNd3r2-0I6Fufpft-crScbZi9gykLcdg5H2w2bsSC5VZDaVeHfNaefnXRrOgn30uJ5Gb37GuZJbhex53kFN_Txd78odFuCdF4g-fNFLwoc3tMbediBXU6c6clH8yqqYkvxazQi3Av744eEz4nDOxXD6EFNqwZuHRXMe6vMhDTlDGHogYFj9qroMtjJ0gsmPw84jLw-dGhZZ67EjY_p4j276MdBXgtPq8H18L1de6uIyxyQPqF2NJxPsxC55CI-6lLL1-zQyKimFagyi17PHgUYx-UD_thLPFlG7rtA9vCSZkKpQfPQLlonApKYXkEe-YhFCqiYeksiBWuRyj3DweKz_pSQfG7uVs-9JklP7urR6FSHMdJRjriZNeLkyuJrcGMG8f7wNtO2dF77TvFCZ787LAl-XjSBuN7LIhL1TgmNT1ueTJ3oMcrX7JT4vrPFdP2fbfDC1xuNgDzJV7M-W_lEsHuiN9eI7wJTLSEndT4miAVxYhY23t9NIAlZu2mPJHdJoeKf033FJfIApnEkIsI8leypS-BPp0YAoBMAxO3HIhHqnmEd-lqLgOCWc9qY4W072YtX2NtcFOhEi5rF-Nhv5wzWlbI_XMX7hz1XU9MQaqi3dX65AEBrm6afKgX26Mlqf2qcxSciDEu2yXyZd41gso6Y4Onde7k";

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
