//! Leaf views shared by the pages.

pub mod article_card;
pub mod body;
pub mod byline;
pub mod keyword_links;
pub mod keyword_panel;
pub mod load_failure;
pub mod selection_bar;
