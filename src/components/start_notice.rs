//! The notice a pre-rendered page shows when the collection could not be started: the
//! page's own content stays, and the notice says what went wrong, with Retry where it
//! helps. A retry that works hands the collection on, for the app to take the page over.

use crate::app;
use crate::collection::Collection;
use crate::components::load_failure::LoadFailure;
use crate::services::LoadError;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StartNoticeProps {
    /// Why the first start failed.
    pub error: LoadError,
    /// Called with the collection once a retry has started it.
    pub onstarted: Callback<Rc<Collection>>,
}

#[component]
pub fn StartNotice(props: &StartNoticeProps) -> Html {
    let error = use_state(|| props.error.clone());
    let retrying = use_state(|| false);
    let onretry = {
        let (error, retrying, onstarted) =
            (error.clone(), retrying.clone(), props.onstarted.clone());
        Callback::from(move |_| {
            if *retrying {
                return;
            }
            retrying.set(true);
            let (error, retrying, onstarted) = (error.clone(), retrying.clone(), onstarted.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match app::start().await {
                    Ok(collection) => onstarted.emit(collection),
                    Err(again) => {
                        error.set(again);
                        retrying.set(false);
                    }
                }
            });
        })
    };
    html! {
        <LoadFailure error={(*error).clone()} {onretry} beside_page=true retrying={*retrying} />
    }
}
