//! Moves between pages of the article list: the list shows one page at a time, so its
//! page stays quick to draw however large the collection; the page is in the address,
//! so Back and shared links return to it.

use crate::components::list_link::ListLink;
use crate::list_address::ListAddress;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PagerProps {
    /// The page shown, from 1.
    pub page: usize,
    /// How many articles a page shows.
    pub per_page: usize,
    /// How many articles there are in all.
    pub total: usize,
    /// The addresses of the pages before and after this one, where there are such.
    pub previous: Option<ListAddress>,
    pub next: Option<ListAddress>,
    /// Called when the app has gone to another page.
    pub onpage: Callback<()>,
}

/// How many pages `total` articles take, `per_page` to a page (at least one).
pub fn page_count(total: usize, per_page: usize) -> usize {
    total.div_ceil(per_page.max(1)).max(1)
}

/// "Page 2 of 185 · articles 51–100 of 9,240".
pub fn page_text(page: usize, per_page: usize, total: usize) -> String {
    let first = (page - 1) * per_page + 1;
    let last = (page * per_page).min(total);
    format!(
        "Page {} of {} · articles {}–{} of {}",
        grouped(page),
        grouped(page_count(total, per_page)),
        grouped(first),
        grouped(last),
        grouped(total)
    )
}

/// A count with thousands separated by commas: 9,240.
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[component]
pub fn Pager(props: &PagerProps) -> Html {
    if page_count(props.total, props.per_page) <= 1 {
        return html! {};
    }
    // Real links, so the pages can be walked without JavaScript (and by crawlers); where
    // there is no such page, the place stays, inert, so the pager does not shift.
    let link = |to: &Option<ListAddress>, rel: &'static str, label: &'static str| match to {
        Some(to) => html! {
            <ListLink to={to.clone()} classes="button" rel={AttrValue::from(rel)} onfollow={props.onpage.clone()}>
                { label }
            </ListLink>
        },
        None => html! { <span class="button" aria-disabled="true">{ label }</span> },
    };
    html! {
        <nav class="pager" aria-label="Pages">
            { link(&props.previous, "prev", "Previous page") }
            <span class="pager-place">{ page_text(props.page, props.per_page, props.total) }</span>
            { link(&props.next, "next", "Next page") }
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_count_and_name_their_articles() {
        assert_eq!(page_count(0, 50), 1);
        assert_eq!(page_count(50, 50), 1);
        assert_eq!(page_count(51, 50), 2);
        assert_eq!(page_text(1, 50, 132), "Page 1 of 3 · articles 1–50 of 132");
        assert_eq!(
            page_text(3, 50, 132),
            "Page 3 of 3 · articles 101–132 of 132"
        );
        assert_eq!(
            page_text(185, 50, 9240),
            "Page 185 of 185 · articles 9,201–9,240 of 9,240"
        );
        assert_eq!(grouped(1_234_567), "1,234,567");
    }
}
