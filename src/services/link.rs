//! Links to the view: the page's address follows what is shown, and a link opened in the page
//! shows the same again. The format is the `permalink` crate's; this module does the browser's
//! part: the codec, and a cache of the last text's compression. The address bar is `history`'s.
//!
//! Links are made in format 2: its primer (one of the page's own static files, 42.5 KB) is
//! fetched and checked when a link is first made or opened, and read in a few tens of
//! milliseconds. Format 1's links still open: for one, and only then, format 1's primer is
//! fetched too, and read in steps.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use permalink::{Codec, CompressedText, View};

use super::fetch::FetchError;

/// Where format 2's primer is, beside the page.
const PRIMER_V2_PATH: &str = "primer-v2.txt";

/// Where format 1's primer is, beside the page.
const PRIMER_V1_PATH: &str = "primer-v1.txt";

/// Links longer than this are cut by some chat applications (Discord's limit; Slack keeps about
/// 4,000): the page warns.
pub const LONG_LINK: usize = 2000;

/// Texts longer than this are not put in the address: compressing them would hold up the page
/// (about a second for 100 KB), and such links are too long to send anyway.
pub const MAX_LINKED_TEXT: usize = permalink::MAX_TEXT_BYTES;

/// Why the link model could not be had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// Its primer could not be fetched.
    NotFetched(FetchError),
    /// Its primer is not the one this page reads (a damaged or mixed-up file).
    BadPrimer(permalink::PrimerError),
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::NotFetched(problem) => {
                write!(f, "The link model could not be loaded: {problem}.")
            }
            ModelError::BadPrimer(error) => write!(
                f,
                "The link model could not be loaded: {error}. Reload the page."
            ),
        }
    }
}

/// Why a link to the text could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkNotMade {
    /// The link model could not be had.
    Model(ModelError),
    /// The text is over [`MAX_LINKED_TEXT`]: `n_bytes` long.
    TooLong {
        /// The text's length.
        n_bytes: usize,
    },
    /// The link format refused the text or the view.
    NotEncoded(permalink::EncodeError),
}

impl fmt::Display for LinkNotMade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkNotMade::Model(problem) => problem.fmt(f),
            LinkNotMade::TooLong { n_bytes } => write!(
                f,
                "This text is {} KB; links carry texts up to {} KB. Send the cable as a file instead.",
                n_bytes.div_ceil(1024),
                MAX_LINKED_TEXT / 1024
            ),
            LinkNotMade::NotEncoded(error) => error.fmt(f),
        }
    }
}

/// Why a link in the address could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkNotOpened {
    /// The link model could not be had.
    Model(ModelError),
    /// The link is cut, damaged, too large or from a newer page.
    Refused(permalink::LinkError),
}

impl fmt::Display for LinkNotOpened {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkNotOpened::Model(problem) => problem.fmt(f),
            LinkNotOpened::Refused(error) => error.fmt(f),
        }
    }
}

thread_local! {
    static CODEC: RefCell<Option<Rc<Codec>>> = const { RefCell::new(None) };
    static LOADING: RefCell<bool> = const { RefCell::new(false) };
    /// The last text compressed, so that a change of view does not compress it again.
    static COMPRESSED: RefCell<Option<(Rc<str>, Rc<CompressedText>)>> = const { RefCell::new(None) };
}

/// The link codec, its primer fetched on first use. It opens format 1's links too when the
/// address holds one (the link being opened): format 1's primer is then fetched and read, a few
/// hundred milliseconds in Chromium, 8 KB at a time, letting the page answer between steps.
pub async fn codec() -> Result<Rc<Codec>, ModelError> {
    let needs_format_1 = permalink::format_version(&super::history::current_fragment()) == Some(1);
    loop {
        if let Some(codec) = CODEC.with(|codec| codec.borrow().clone()) {
            if codec.reads_format_1() || !needs_format_1 {
                return Ok(codec);
            }
        }
        if !LOADING.with(|loading| loading.replace(true)) {
            break;
        }
        // Someone else is loading it: wait for them.
        gloo_timers::future::TimeoutFuture::new(20).await;
    }
    let loaded = load(needs_format_1).await;
    LOADING.with(|loading| loading.replace(false));
    let codec = Rc::new(loaded?);
    CODEC.with(|slot| slot.replace(Some(codec.clone())));
    Ok(codec)
}

/// The codec as loaded so far, with format 2's primer fetched if it was not, and format 1's
/// too if `needs_format_1`.
async fn load(needs_format_1: bool) -> Result<Codec, ModelError> {
    let codec = match CODEC.with(|codec| codec.borrow().clone()) {
        Some(codec) => Codec::clone(&codec),
        None => {
            let primer = super::fetch::fetch_bytes(PRIMER_V2_PATH)
                .await
                .map_err(ModelError::NotFetched)?;
            Codec::current(&primer).map_err(ModelError::BadPrimer)?
        }
    };
    if !needs_format_1 || codec.reads_format_1() {
        return Ok(codec);
    }
    let primer = super::fetch::fetch_bytes(PRIMER_V1_PATH)
        .await
        .map_err(ModelError::NotFetched)?;
    let mut priming = codec.priming(&primer).map_err(ModelError::BadPrimer)?;
    while !priming.step(8 * 1024) {
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
    Ok(priming.finish())
}

/// The fragment (without `#`) of a link to `text` shown as `view`.
pub fn fragment(codec: &Codec, text: &Rc<str>, view: &View) -> Result<String, LinkNotMade> {
    if text.len() > MAX_LINKED_TEXT {
        return Err(LinkNotMade::TooLong {
            n_bytes: text.len(),
        });
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
            let compressed = Rc::new(codec.compress(text).map_err(LinkNotMade::NotEncoded)?);
            COMPRESSED.with(|cache| cache.replace(Some((text.clone(), compressed.clone()))));
            compressed
        }
    };
    compressed.fragment(view).map_err(LinkNotMade::NotEncoded)
}
