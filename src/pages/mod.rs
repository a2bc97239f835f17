//! One routed page per file.

pub mod list;
pub mod not_found;
pub mod reader;
pub mod recovery;

/// Sets the browser tab's title for the current page.
pub(crate) fn set_document_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}
