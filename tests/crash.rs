//! A panic anywhere in the explorer turns into a visible notice (in headless Chromium).
//! Kept apart from the other component tests: after a panic the module cannot be trusted
//! to run further tests.
#![cfg(target_arch = "wasm32")]

use insight_explorer::crash::{install_panic_hook, NOTICE_ID};
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_panic_shows_the_reader_a_notice_with_a_reload_link() {
    install_panic_hook();
    let window = web_sys::window().unwrap();
    // The panic happens in a browser callback, as a panic in an event handler would.
    let boom = Closure::once_into_js(|| -> () { panic!("a bug in the explorer") });
    window
        .set_timeout_with_callback_and_timeout_and_arguments_0(boom.unchecked_ref(), 0)
        .unwrap();
    yew::platform::time::sleep(Duration::from_millis(100)).await;

    let notice = window
        .document()
        .unwrap()
        .get_element_by_id(NOTICE_ID)
        .expect("the crash notice is on the page");
    assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
    let text = notice.text_content().unwrap();
    assert!(text.contains("Something went wrong"), "{text}");
    assert!(text.contains("Reload the page"), "{text}");
    let reload = notice.query_selector("a").unwrap().unwrap();
    assert_eq!(reload.get_attribute("href"), window.location().href().ok());
}
