//! Leaf views shared by the pages.

pub mod article_card;
pub mod body;
pub mod byline;
pub mod cite;
pub mod facet_group;
pub mod keyword_links;
pub mod keyword_panel;
pub mod list_link;
pub mod load_failure;
pub mod marked;
pub mod pager;
pub mod piece_failure;
pub mod refused_links;
pub mod search_box;
pub mod selection_bar;
pub mod shortcuts;
pub mod start_notice;
pub mod theme_toggle;
