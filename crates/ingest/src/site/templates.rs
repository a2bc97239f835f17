//! Template tags in a post's Markdown (Jekyll's Liquid, Hugo's and Zola's shortcodes) are
//! the site's markup, not the article's text: they are taken out before the Markdown is
//! read. What they hold for a reader is kept: the code of a `{% highlight %}` block (as a
//! fenced code block), the body between a paired shortcode's tags, a figure's caption,
//! and the site's own path where `{{ site.baseurl }}` stands in a link.

use super::Generator;

/// The tag delimiters a generator's templates use, opening and closing.
fn delimiters(generator: Generator) -> &'static [(&'static str, &'static str)] {
    match generator {
        Generator::Jekyll | Generator::Zola => &[("{%", "%}"), ("{{", "}}")],
        Generator::Hugo => &[("{{<", ">}}"), ("{{%", "%}}")],
    }
}

/// `body` without its template tags. `base_path` is the site's path prefix (`/blog`),
/// for `{{ site.baseurl }}`. Fenced code blocks are left as written.
pub fn strip(generator: Generator, body: &str, base_path: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut fence: Option<String> = None;
    let mut verbatim = false;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim();
        if let Some(open) = &fence {
            if trimmed.starts_with(open.as_str()) {
                fence = None;
            }
            out.push_str(line);
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(trimmed[..3].to_string());
            out.push_str(line);
            continue;
        }
        if generator == Generator::Jekyll {
            if let Some(rest) = tag_alone(trimmed, "highlight") {
                let language = rest.split_whitespace().next().unwrap_or("");
                out.push_str(&format!("```{language}\n"));
                verbatim = true;
                continue;
            }
            if tag_alone(trimmed, "endhighlight").is_some() {
                out.push_str("```\n");
                verbatim = false;
                continue;
            }
            if verbatim {
                out.push_str(line);
                continue;
            }
        }
        out.push_str(&strip_line(generator, line, base_path));
    }
    out
}

/// The rest of a line that is only the Liquid tag `{% name rest %}`.
fn tag_alone<'a>(line: &'a str, name: &str) -> Option<&'a str> {
    let inner = line.strip_prefix("{%")?.strip_suffix("%}")?;
    let inner = inner
        .trim()
        .trim_start_matches('-')
        .trim_end_matches('-')
        .trim();
    let rest = inner.strip_prefix(name)?;
    (rest.is_empty() || rest.starts_with(' ')).then(|| rest.trim())
}

/// One line without its tags.
fn strip_line(generator: Generator, line: &str, base_path: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    'scan: while !rest.is_empty() {
        for (open, close) in delimiters(generator) {
            if !rest.starts_with(open) {
                continue;
            }
            let Some(end) = rest[open.len()..].find(close) else {
                break 'scan;
            };
            let inner = rest[open.len()..open.len() + end].trim();
            out.push_str(&replacement(generator, inner, base_path));
            rest = &rest[open.len() + end + close.len()..];
            continue 'scan;
        }
        let next = rest.chars().next().map_or(1, char::len_utf8);
        out.push_str(&rest[..next]);
        rest = &rest[next..];
    }
    out.push_str(rest);
    // A line that held only tags leaves no blank text behind.
    if out.trim().is_empty() && !line.trim().is_empty() {
        return if line.ends_with('\n') {
            "\n".into()
        } else {
            String::new()
        };
    }
    out
}

/// What a tag leaves in the text: the site's path for `site.baseurl`, a figure's
/// caption, otherwise nothing.
fn replacement(generator: Generator, inner: &str, base_path: &str) -> String {
    let inner = inner.trim_matches('-').trim();
    if generator == Generator::Jekyll
        && matches!(inner.split('|').next().map(str::trim), Some("site.baseurl"))
    {
        return base_path.to_string();
    }
    match quoted_parameter(inner, "caption") {
        Some(caption) if !caption.is_empty() => format!("\n\n{caption}\n\n"),
        _ => String::new(),
    }
}

/// The value of `name="…"` among a tag's parameters.
fn quoted_parameter<'a>(inner: &'a str, name: &str) -> Option<&'a str> {
    let at = inner.find(&format!("{name}=\""))?;
    let value = &inner[at + name.len() + 2..];
    value.find('"').map(|end| &value[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn liquid_leaves_code_and_paths() {
        let body = "Intro [link]({{ site.baseurl }}/x/).\n\n{% include note.html %}\n\n{% highlight ruby %}\ndef a = {{ b }}\n{% endhighlight %}\n\n```\n{{ kept }}\n```\n";
        assert_eq!(
            strip(Generator::Jekyll, body, "/blog"),
            "Intro [link](/blog/x/).\n\n\n\n```ruby\ndef a = {{ b }}\n```\n\n```\n{{ kept }}\n```\n"
        );
    }

    #[test]
    fn shortcodes_keep_bodies_and_captions() {
        let hugo = "{{< figure src=\"a.svg\" caption=\"Costs by year.\" >}}\n{{% note %}}\nKept text.\n{{% /note %}}\n";
        assert_eq!(
            strip(Generator::Hugo, hugo, ""),
            "\n\nCosts by year.\n\n\n\nKept text.\n\n"
        );
        let zola = "{{ youtube(id=\"x\") }}\n{% note() %} Kept. {% end %}\nA {{ not closed\n";
        assert_eq!(
            strip(Generator::Zola, zola, ""),
            "\n Kept. \nA {{ not closed\n"
        );
    }
}
