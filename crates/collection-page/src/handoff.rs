//! A cable of the collection handed to the single-cable viewer (`./`), exactly as if pasted:
//! it is written as the newest draft, in the form `src/services/drafts.rs` keeps drafts (and
//! `static/start.js` writes them), and the viewer opens the newest draft when it starts
//! without a link.

/// Writes `text` as the newest draft named `title`, for the cable `id`, and opens the viewer.
pub fn open_in_viewer(id: Option<&str>, title: &str, text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let storage = window
        .local_storage()
        .ok()
        .flatten()
        .ok_or("this browser keeps no local storage for the page (private mode?), so the cable cannot be handed to the viewer")?;
    let saved = js_sys::Date::now() as u64;
    let title: String = title.chars().filter(|ch| *ch != '\n').take(90).collect();
    let id = id.map_or(String::new(), |id| format!(" {id}"));
    let draft = format!("cablescope-draft 1\nsaved {saved}\nview - -{id}\ntitle {title}\n\n{text}");
    storage
        .set_item(&format!("cablescope-draft-{saved}"), &draft)
        .map_err(|_| "the browser's storage for the page is full, so the cable cannot be handed to the viewer".to_string())?;
    let index = storage.get_item("cablescope-drafts").ok().flatten();
    let index = match index.filter(|index| !index.is_empty()) {
        Some(index) => format!("{saved},{index}"),
        None => saved.to_string(),
    };
    storage
        .set_item("cablescope-drafts", &index)
        .map_err(|_| "the list of drafts could not be saved".to_string())?;
    window
        .location()
        .assign("./")
        .map_err(|_| "the viewer could not be opened".to_string())
}
