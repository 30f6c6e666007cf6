//! Links to the view: the page's address follows what is shown, and a link opened in the page
//! shows the same again. The format is the `permalink` crate's; this module does the browser's
//! part: the model's primer (one of the page's own static files, fetched once and checked) and
//! a cache of the last text's compression. The address bar is `history`'s.

use std::cell::RefCell;
use std::rc::Rc;

use permalink::{Codec, CompressedText, View};

/// Where the primer is, beside the page.
const PRIMER_PATH: &str = "primer-v1.txt";

/// Links longer than this are cut by some chat applications (Discord's limit; Slack keeps about
/// 4,000): the page warns.
pub const LONG_LINK: usize = 2000;

/// Texts longer than this are not put in the address: compressing them would hold up the page
/// (about a second for 100 KB), and such links are too long to send anyway.
pub const MAX_LINKED_TEXT: usize = permalink::MAX_TEXT_BYTES;

thread_local! {
    static CODEC: RefCell<Option<Rc<Codec>>> = const { RefCell::new(None) };
    static LOADING: RefCell<bool> = const { RefCell::new(false) };
    /// The last text compressed, so that a change of view does not compress it again.
    static COMPRESSED: RefCell<Option<(Rc<str>, Rc<CompressedText>)>> = const { RefCell::new(None) };
}

/// The link model, fetched and primed on first use. Priming (a few hundred milliseconds in
/// Chromium here) is done 8 KB at a time, letting the page answer between steps.
pub async fn codec() -> Result<Rc<Codec>, String> {
    loop {
        if let Some(codec) = CODEC.with(|codec| codec.borrow().clone()) {
            return Ok(codec);
        }
        if !LOADING.with(|loading| loading.replace(true)) {
            break;
        }
        // Someone else is loading it: wait for them.
        gloo_timers::future::TimeoutFuture::new(20).await;
    }
    let loaded = load().await;
    LOADING.with(|loading| loading.replace(false));
    let codec = Rc::new(loaded?);
    CODEC.with(|slot| slot.replace(Some(codec.clone())));
    Ok(codec)
}

async fn load() -> Result<Codec, String> {
    let primer = crate::services::fetch::fetch_bytes(PRIMER_PATH)
        .await
        .map_err(|problem| format!("The link model could not be loaded: {problem}."))?;
    let mut priming = Codec::priming(&primer).map_err(|error| {
        format!("The link model could not be loaded: {error}. Reload the page.")
    })?;
    while !priming.step(8 * 1024) {
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
    Ok(priming.finish())
}

/// The fragment (without `#`) of a link to `text` shown as `view`.
pub fn fragment(codec: &Codec, text: &Rc<str>, view: &View) -> Result<String, String> {
    if text.len() > MAX_LINKED_TEXT {
        return Err(format!(
            "This text is {} KB; links carry texts up to {} KB. Send the cable as a file instead.",
            text.len().div_ceil(1024),
            MAX_LINKED_TEXT / 1024
        ));
    }
    let cached = COMPRESSED.with(|cache| {
        cache
            .borrow()
            .as_ref()
            .filter(|(cached, _)| Rc::ptr_eq(cached, text) || **cached == **text)
            .map(|(_, compressed)| compressed.clone())
    });
    let compressed = match cached {
        Some(compressed) => compressed,
        None => {
            let compressed = Rc::new(codec.compress(text).map_err(|error| error.to_string())?);
            COMPRESSED.with(|cache| cache.replace(Some((text.clone(), compressed.clone()))));
            compressed
        }
    };
    compressed.fragment(view).map_err(|error| error.to_string())
}
