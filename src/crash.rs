//! What a reader sees if the explorer hits a bug. A panic stops the WebAssembly app for
//! good, so the notice is built here with plain DOM calls (no Yew, no callbacks into the
//! app): it says what happened and offers a reload link to the same address.

use std::panic::PanicHookInfo;

/// The id of the notice, so that it is added only once.
pub const NOTICE_ID: &str = "crash-notice";

/// Sends every panic to the browser console (with its message and place) and shows the
/// reader a notice instead of a page that silently stops responding.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info: &PanicHookInfo<'_>| {
        console_error_panic_hook::hook(info);
        show_crash_notice();
    }));
}

/// Adds the crash notice to the page (once). Failures here are ignored: there is no
/// better place left to report them.
pub fn show_crash_notice() {
    let _ = try_show_crash_notice();
}

fn try_show_crash_notice() -> Option<()> {
    let document = web_sys::window()?.document()?;
    if document.get_element_by_id(NOTICE_ID).is_some() {
        return Some(());
    }
    let notice = document.create_element("div").ok()?;
    notice.set_id(NOTICE_ID);
    notice.set_class_name("crash-notice");
    notice.set_attribute("role", "alert").ok()?;
    let heading = document.create_element("h2").ok()?;
    heading.set_text_content(Some("Something went wrong"));
    let text = document.create_element("p").ok()?;
    text.set_text_content(Some(
        "The explorer ran into an unexpected problem and stopped. Reload the page to start again: the address keeps your place.",
    ));
    let reload = document.create_element("a").ok()?;
    reload.set_class_name("button");
    let here = document.location()?.href().ok()?;
    reload.set_attribute("href", &here).ok()?;
    reload.set_text_content(Some("Reload"));
    notice.append_child(&heading).ok()?;
    notice.append_child(&text).ok()?;
    notice.append_child(&reload).ok()?;
    document.body()?.append_child(&notice).ok()?;
    Some(())
}
