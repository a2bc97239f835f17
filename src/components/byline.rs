//! Authors, source and date of an article, as one line; each author links to their
//! articles.

use crate::components::list_link::ListLink;
use crate::list_address::ValueLink;
use insight_corpus::Date;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BylineProps {
    pub authors: Vec<ValueLink>,
    pub source: String,
    pub published: Date,
}

/// Joins names the way a reader says them: "A", "A and B", "A, B and C".
pub fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {}", rest.join(", "), last),
    }
}

/// What goes before the name at `place` of `count`: nothing, ", " or " and ".
fn joiner(place: usize, count: usize) -> &'static str {
    match place {
        0 => "",
        p if p + 1 == count => " and ",
        _ => ", ",
    }
}

#[component]
pub fn Byline(props: &BylineProps) -> Html {
    let count = props.authors.len();
    // An article whose site names nobody shows its source and date alone.
    let authors = (count > 0).then(|| {
        html! {
            <>
                <span class="authors">
                    { for props.authors.iter().enumerate().map(|(place, author)| html! {
                        <>
                            { joiner(place, count) }
                            <ListLink to={author.to.clone()} classes="author-link">{ author.label.clone() }</ListLink>
                        </>
                    }) }
                </span>
                <span class="separator" aria-hidden="true">{" · "}</span>
            </>
        }
    });
    html! {
        <p class="byline">
            { authors }
            <span class="source">{ props.source.clone() }</span>
            <span class="separator" aria-hidden="true">{" · "}</span>
            <time datetime={props.published.to_string()}>{ props.published.long_form() }</time>
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_join_as_said() {
        let names: Vec<String> = ["A", "B", "C"].map(String::from).to_vec();
        assert_eq!(join_names(&names), "A, B and C");
        let joined: String = (0..3)
            .map(|p| format!("{}{}", joiner(p, 3), names[p]))
            .collect();
        assert_eq!(joined, join_names(&names));
        assert_eq!(joiner(1, 2), " and ");
    }
}
