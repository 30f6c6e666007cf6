//! The reader's theme (`data-theme` on the root element, remembered in local storage). The stored
//! theme is applied as the page first renders: yew yields to the browser between building the
//! first view and running its effects, so an effect would paint one frame in the other theme.
//! A change (the button, `t`) is shown, stored and set in the callback ([`Theme::choose_next`]),
//! not by an effect, for the same reason.

use yew::prelude::*;

use crate::services::storage;

/// The reader's theme: follow the system, or always light or dark. Kept in local storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// The system's light or dark.
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    const KEY: &'static str = "cablescope-theme";

    fn stored() -> Theme {
        let value =
            storage::local().and_then(|storage| storage.get_item(Theme::KEY).ok().flatten());
        match value.as_deref() {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::System,
        }
    }

    fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }

    /// What the theme button says.
    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "Theme: system",
            Theme::Light => "Theme: light",
            Theme::Dark => "Theme: dark",
        }
    }

    /// Sets `data-theme` on the root element.
    fn show(self) {
        if let Some(root) = crate::services::window()
            .and_then(|window| window.document())
            .and_then(|document| document.document_element())
        {
            let _ = match self {
                Theme::System => root.remove_attribute("data-theme"),
                Theme::Light => root.set_attribute("data-theme", "light"),
                Theme::Dark => root.set_attribute("data-theme", "dark"),
            };
        }
    }

    /// The reader chose the theme after `theme`: shows it, remembers it, and re-renders.
    pub fn choose_next(theme: &UseStateHandle<Theme>) {
        let next = theme.next();
        next.show();
        if let Some(storage) = storage::local() {
            let _ = match next {
                Theme::System => storage.remove_item(Theme::KEY),
                Theme::Light => storage.set_item(Theme::KEY, "light"),
                Theme::Dark => storage.set_item(Theme::KEY, "dark"),
            };
        }
        theme.set(next);
    }
}

/// The reader's theme, shown as the page first renders, before its first frame.
#[hook]
pub fn use_theme() -> UseStateHandle<Theme> {
    use_state(|| {
        let theme = Theme::stored();
        theme.show();
        theme
    })
}
