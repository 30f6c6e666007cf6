//! The Print button: every paragraph is rendered, each whole, then the browser's print is called
//! (by an effect, which runs after that render). Printed any other way (the browser's menu), a
//! text longer than the page shows at first prints what is shown, with the notes of what is not.

use yew::prelude::*;

/// Whether the page is rendering for the Print button, and the button's callback.
#[hook]
pub fn use_print() -> (bool, Callback<MouseEvent>) {
    let printing = use_state(|| false);
    let on_print = {
        let printing = printing.clone();
        Callback::from(move |_: MouseEvent| printing.set(true))
    };
    {
        let printing = printing.clone();
        use_effect_with(*printing, move |&asked| {
            if asked {
                if let Some(window) = crate::services::window() {
                    let _ = window.print();
                }
                printing.set(false);
            }
        });
    }
    (*printing, on_print)
}
