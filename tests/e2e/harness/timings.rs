//! Timings as BENCHMARKS.md quotes them.

/// The median of some timings (NaN for none).
pub fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted.get(sorted.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Some timings as BENCHMARKS.md quotes them: `median 42 ms, best 30 ms`.
pub fn median_and_best(values: &[f64]) -> String {
    let best = values.iter().copied().fold(f64::INFINITY, f64::min);
    format!("median {:.0} ms, best {best:.0} ms", median(values))
}

/// A number a script in the page returned (NaN if it returned none).
pub fn milliseconds(value: &serde_json::Value) -> f64 {
    value.as_f64().unwrap_or(f64::NAN)
}

/// Waits until paragraph 3 is the one selected (a link that chose it has opened) and returns
/// when, on the page's timeline: after the frame that shows it.
pub async fn when_paragraph_3_is_selected(client: &fantoccini::Client) -> f64 {
    let ms = client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             requestAnimationFrame(function check() {\
               const p = document.getElementById('p-3');\
               if (p && p.classList.contains('selected')) setTimeout(() => done(performance.now()), 0);\
               else requestAnimationFrame(check);\
             });",
            vec![],
        )
        .await
        .expect("link opened");
    milliseconds(&ms)
}
