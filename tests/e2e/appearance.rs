//! How the page looks: the theme a reader chooses (remembered, and whole from the first frame),
//! and text that keeps its contrast in both themes.

use fantoccini::Client;
use serde_json::json;

use crate::harness::actions::{click, toggle_theme_to};
use crate::harness::browser::session;
use crate::harness::page::{first_frame, open_seed, page_url, watch_first_frames};
use crate::harness::repo::seed_text;
use crate::harness::waits::wait_for_script;

/// The page's background colour, as computed.
async fn background(client: &Client) -> String {
    client
        .execute(
            "return getComputedStyle(document.body).backgroundColor;",
            vec![],
        )
        .await
        .expect("background")
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_theme_follows_the_choice_and_text_keeps_its_contrast() {
    let (port, _driver, client) = session().await;
    open_seed(&client, port).await;
    // System, then light, then dark; the page's colours follow.
    toggle_theme_to(&client, "light").await;
    let light = background(&client).await;
    toggle_theme_to(&client, "dark").await;
    let dark = background(&client).await;
    assert_ne!(light, dark);
    assert_eq!(dark, "rgb(21, 23, 26)");
    // The choice is remembered for the next visit; "system" forgets it.
    let stored = "return localStorage.getItem('cablescope-theme');";
    wait_for_script(&client, stored, json!("dark")).await;
    click(&client, "#theme-toggle").await;
    wait_for_script(&client, stored, json!(null)).await;

    // Contrast: body text, muted text and links meet WCAG AA (4.5:1) in both themes.
    for theme in ["light", "dark"] {
        let ratios = client
            .execute(
                "document.documentElement.setAttribute('data-theme', arguments[0]);\
                 const rgb = s => s.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);\
                 const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };\
                 const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };\
                 const bg = rgb(getComputedStyle(document.body).backgroundColor);\
                 return ['.tagline', '.fields dt', '.fields dd', '.paragraph-text', '.hint']\
                   .map(sel => document.querySelector(sel)).filter(Boolean)\
                   .map(el => ratio(rgb(getComputedStyle(el).color), bg));",
                vec![json!(theme)],
            )
            .await
            .expect("contrast ratios");
        for ratio in ratios.as_array().expect("ratios") {
            let ratio = ratio.as_f64().unwrap_or(0.0);
            assert!(ratio >= 4.5, "{theme}: contrast {ratio:.2} < 4.5");
        }
    }
    let _ = client.close().await;
}

/// The first frame that shows the view is whole: a reader who chose a theme never sees the page
/// in the other one first, nor the theme button saying another, and the text area holds the
/// cable from the start.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_frame_has_the_chosen_theme_and_the_text() {
    let (port, _driver, client) = session().await;
    let url = page_url(port);
    client.goto(&url).await.expect("page");
    watch_first_frames(&client).await;
    let seed = seed_text();
    for theme in ["dark", "light", "dark"] {
        client
            .execute(
                "localStorage.setItem('cablescope-theme', arguments[0]);",
                vec![json!(theme)],
            )
            .await
            .expect("theme chosen");
        client.goto(&url).await.expect("page again");
        let first = first_frame(&client).await;
        assert_eq!(first["theme"], json!(theme), "the first frame's theme");
        assert_eq!(
            first["themeButton"],
            json!(format!("Theme: {theme}")),
            "the first frame's theme button"
        );
        assert_eq!(
            first["text"].as_str(),
            Some(seed.as_str()),
            "the first frame's text area"
        );
    }
    let _ = client.close().await;
}
