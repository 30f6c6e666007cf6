//! Years and months as histograms the reader can brush: a press on one bar and a release on
//! another selects every bar between; a click selects one; a click on the only bar selected
//! clears it.

use std::cell::Cell;
use std::rc::Rc;

use collection::{Facet, FacetCounts};
use yew::prelude::*;

use crate::format;
use crate::state::{App, Msg};

thread_local! {
    /// The bar a press began on, while the button is down.
    static PRESSED: Cell<Option<usize>> = const { Cell::new(None) };
}

/// The years' histogram.
pub fn histogram(
    app: &App,
    counts: &FacetCounts,
    facet: Facet,
    title: &str,
    ctx: &Context<App>,
) -> Html {
    let values: Vec<(String, u32)> = fill_years(&counts.counts, facet);
    bars(app, &values, facet, title, ctx)
}

/// The months of the years selected.
pub fn months(app: &App, counts: &FacetCounts, ctx: &Context<App>) -> Html {
    let years: Vec<String> = app
        .address
        .filter
        .selected
        .iter()
        .find(|(facet, _)| *facet == Facet::Year)
        .map(|(_, values)| values.clone())
        .unwrap_or_default();
    if years.len() > 3 {
        return Html::default();
    }
    let mut values = Vec::new();
    for year in &years {
        for month in 1..=12 {
            let value = format!("{year}-{month:02}");
            let n = counts
                .counts
                .iter()
                .find(|(v, _)| *v == value)
                .map_or(0, |(_, n)| *n);
            values.push((value, n));
        }
    }
    bars(app, &values, Facet::Month, "Month", ctx)
}

/// Every year from the first to the last with cables, those without at 0, so that the bars
/// stand on a time axis.
fn fill_years(counts: &[(String, u32)], facet: Facet) -> Vec<(String, u32)> {
    let years: Vec<i32> = counts
        .iter()
        .filter_map(|(value, _)| value.parse().ok())
        .collect();
    let (Some(&first), Some(&last)) = (years.iter().min(), years.iter().max()) else {
        return counts.to_vec();
    };
    if facet != Facet::Year || last - first > 100 {
        return counts.to_vec();
    }
    (first..=last)
        .map(|year| {
            let value = year.to_string();
            let n = counts
                .iter()
                .find(|(v, _)| *v == value)
                .map_or(0, |(_, n)| *n);
            (value, n)
        })
        .collect()
}

fn bars(
    app: &App,
    values: &[(String, u32)],
    facet: Facet,
    title: &str,
    ctx: &Context<App>,
) -> Html {
    let selected: Vec<String> = app
        .address
        .filter
        .selected
        .iter()
        .find(|(f, _)| *f == facet)
        .map(|(_, values)| values.clone())
        .unwrap_or_default();
    let highest = values.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let names: Rc<Vec<String>> = Rc::new(values.iter().map(|(value, _)| value.clone()).collect());
    let width = 100.0 / values.len().max(1) as f64;
    html! {
        <fieldset class="facet histogram" id={format!("facet-{}", facet.name())}>
            <legend>{ title }</legend>
            <div class="bars" role="group" aria-label={format!("{title}: press on one bar and release on another to select a span")}>
                { for values.iter().enumerate().map(|(idx, (value, n))| {
                    let height = f64::from(*n) / f64::from(highest) * 100.0;
                    let is_selected = selected.contains(value);
                    let onmousedown = Callback::from(move |event: MouseEvent| {
                        event.prevent_default();
                        PRESSED.with(|pressed| pressed.set(Some(idx)));
                    });
                    let names = names.clone();
                    let selected_now = selected.clone();
                    let onmouseup = ctx.link().callback(move |_: MouseEvent| {
                        let start = PRESSED.with(|pressed| pressed.take()).unwrap_or(idx);
                        let (from, to) = (start.min(idx), start.max(idx));
                        let span: Vec<String> = names.get(from..=to).unwrap_or_default().to_vec();
                        if span.len() == 1 && selected_now == span {
                            Msg::SetValues(facet, Vec::new())
                        } else {
                            Msg::SetValues(facet, span)
                        }
                    });
                    // From the keyboard (a click without a press): the bar alone, or none.
                    let value_now = value.clone();
                    let onclick = ctx.link().batch_callback(move |event: MouseEvent| {
                        (event.detail() == 0).then(|| {
                            Msg::SetValues(facet, if is_selected { Vec::new() } else { vec![value_now.clone()] })
                        })
                    });
                    html! {
                        <button type="button" class={classes!("bar", is_selected.then_some("selected"))} onclick={onclick}
                            style={format!("width:{width:.3}%")}
                            title={format!("{value}: {} cables", format::count(u64::from(*n)))}
                            aria-pressed={is_selected.to_string()} data-value={value.clone()}
                            onmousedown={onmousedown} onmouseup={onmouseup}>
                            <span class="bar-fill" style={format!("height:{height:.1}%")}></span>
                        </button>
                    }
                }) }
            </div>
            <div class="axis">
                <span>{ values.first().map(|(v, _)| v.clone()).unwrap_or_default() }</span>
                <span>{ values.last().map(|(v, _)| v.clone()).unwrap_or_default() }</span>
            </div>
        </fieldset>
    }
}
