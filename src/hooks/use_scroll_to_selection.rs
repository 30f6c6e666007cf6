//! Whatever selected an element (a click, a source line, `j` and `k`, a link, an anchor in the
//! address), it is brought into view in the decomposition.

use yew::prelude::*;

use crate::components::source_pane::scroll_into_view;
use crate::state::Selected;

/// Scrolls the decomposition to `selected` each time it changes.
#[hook]
pub fn use_scroll_to_selection(selected: Option<Selected>) {
    use_effect_with(selected, |selected| {
        if let Some(selected) = selected {
            scroll_into_view(&selected.anchor, false);
        }
    });
}
