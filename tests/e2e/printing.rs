//! Printing: the Print button lays out every paragraph whole, and print styles are black on
//! white with nothing to click, whatever the theme.

use serde_json::json;

use crate::harness::actions::{click, paste, toggle_theme_to};
use crate::harness::browser::{devtools, session};
use crate::harness::page::{open_seed, shown_paragraphs};
use crate::harness::repo::corpus_cable;
use crate::harness::waits::wait_for_script;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_printed_cable_has_every_paragraph_whole() {
    let counts = "return [document.querySelectorAll('li.paragraph').length,\
                   document.querySelectorAll('.show-rest').length,\
                   document.querySelectorAll('#show-all-paragraphs').length];";
    // The longest corpus cable, whose longest paragraphs are shown cut, with "show the whole
    // paragraph"; and a text of more paragraphs than are shown before "Show all".
    let largest = corpus_cable("00STATE228772");
    let mut many = String::from("UNCLASSIFIED\n\nSUBJECT: SEVENTY PARAGRAPHS\n\n");
    for n in 1..=70 {
        many.push_str(&format!("{n}. (U) Paragraph {n} of seventy.\n\n"));
    }
    // Each in a browser of its own: headless Chromium answers only the first print() of a page.
    for text in [largest, many] {
        let (port, _driver, client) = session().await;
        open_seed(&client, port).await;
        // Printed with the page's Print button: what the page holds as the browser begins to print
        // is noted (its `beforeprint`; headless Chromium prints nothing and sends no `afterprint`).
        client
            .execute(
                &format!("addEventListener('beforeprint', () => {{ window.printed = (() => {{ {counts} }})(); }});"),
                vec![],
            )
            .await
            .expect("a note of what was printed");
        let total = cable::parse(&text).cable.paragraphs.len();
        let shown = shown_paragraphs(&text);
        paste(&client, &text).await;
        wait_for_script(
            &client,
            "return document.querySelectorAll('li.paragraph').length;",
            json!(shown),
        )
        .await;
        let on_screen = client.execute(counts, vec![]).await.expect("counts");
        assert!(
            on_screen[1].as_u64().unwrap_or(0) + on_screen[2].as_u64().unwrap_or(0) > 0,
            "nothing left out on screen: {on_screen}"
        );
        click(&client, "#print").await;
        wait_for_script(&client, "return window.printed;", json!([total, 0, 0])).await;
        // Printing over, the page is as it was.
        wait_for_script(&client, counts, on_screen).await;
        let _ = client.close().await;
    }
}

/// Under print media, with the dark theme chosen: black on white in the light palette, both
/// banners kept as bordered lines, nothing to click, and every paragraph laid out.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn print_styles_are_black_on_white_even_in_the_dark_theme() {
    let (port, _driver, client) = session().await;
    open_seed(&client, port).await;
    toggle_theme_to(&client, "light").await;
    toggle_theme_to(&client, "dark").await;
    client
        .issue_cmd(devtools(
            "Emulation.setEmulatedMedia",
            json!({ "media": "print" }),
        ))
        .await
        .expect("print media");
    let printed = client
        .execute(
            "const style = sel => getComputedStyle(document.querySelector(sel));\
             const shown = sel => [...document.querySelectorAll(sel)].filter(el => getComputedStyle(el).display !== 'none').length;\
             return {\
               body: [style('body').color, style('body').backgroundColor],\
               banners: ['#banner-top', '#banner-bottom'].map(sel => [style(sel).display, style(sel).color, style(sel).borderTopWidth]),\
               muted: style('.fields dt').color,\
               shown: shown('button:not(.show-rest, #show-all-paragraphs)') + shown('.toolbar') + shown('.left-column') + shown('#shortcuts'),\
               skipped: [...document.querySelectorAll('.paragraph')].filter(el => getComputedStyle(el).contentVisibility !== 'visible').length,\
             };",
            vec![],
        )
        .await
        .expect("print styles");
    assert_eq!(
        printed,
        json!({
            "body": ["rgb(0, 0, 0)", "rgb(255, 255, 255)"],
            "banners": [["block", "rgb(0, 0, 0)", "2px"], ["block", "rgb(0, 0, 0)", "2px"]],
            "muted": "rgb(89, 96, 107)",
            "shown": 0,
            "skipped": 0,
        }),
        "printed"
    );
    let _ = client.close().await;
}
