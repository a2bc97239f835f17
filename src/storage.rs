//! The browser's local storage, made safe to lean on. Storage may be disabled (privacy
//! settings, some embedded browsers throw on any access), full (saving throws a quota
//! error) or shared with other sites on the same origin (GitHub Pages project sites all
//! live on `<user>.github.io`). Every value is also kept in memory for this visit, so
//! the explorer behaves the same whether or not it could save; keys are prefixed with
//! the site's own path so that sites sharing an origin keep apart.
//!
//! Not `gloo-storage`: its `LocalStorage` throws when storage is disabled, which is one
//! of the cases this module exists for.

use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    /// This visit's values: what was saved, or would have been.
    static THIS_VISIT: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

/// Whether a value outlives this visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// Saved in the browser.
    Saved,
    /// Storage refused it (disabled or full); it lasts until the page is closed.
    ThisVisitOnly,
}

/// The value last stored under `name`, from this visit or an earlier one.
pub fn load(name: &str) -> Option<String> {
    let key = key(name);
    THIS_VISIT
        .with(|values| values.borrow().get(&key).cloned())
        .or_else(|| local_storage()?.get_item(&key).ok().flatten())
}

/// Stores `value` under `name`, saving it in the browser when the browser lets us.
pub fn store(name: &str, value: &str) -> Kept {
    let key = key(name);
    THIS_VISIT.with(|values| values.borrow_mut().insert(key.clone(), value.to_string()));
    match local_storage().map(|storage| storage.set_item(&key, value)) {
        Some(Ok(())) => Kept::Saved,
        _ => Kept::ThisVisitOnly,
    }
}

/// Forgets the value under `name`, here and in the browser.
pub fn remove(name: &str) {
    let key = key(name);
    THIS_VISIT.with(|values| values.borrow_mut().remove(&key));
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(&key);
    }
}

/// The browser's storage, or `None` when it is missing or refuses access, or when the
/// page is being rendered at publish time (natively, where there is no browser).
fn local_storage() -> Option<web_sys::Storage> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    web_sys::window()?.local_storage().ok().flatten()
}

/// `insight-explorer:<site path>:<name>`.
fn key(name: &str) -> String {
    let site = (cfg!(target_arch = "wasm32"))
        .then(web_sys::window)
        .flatten()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|base| web_sys::Url::new(&base).ok())
        .map(|url| url.pathname())
        .unwrap_or_else(|| "/".to_string());
    format!("insight-explorer:{site}:{name}")
}
