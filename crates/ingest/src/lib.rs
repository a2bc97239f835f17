//! Turns article archives into corpus articles: saved article pages (plain text),
//! Markdown with YAML or TOML front matter (Jekyll, Hugo, Zola), JSON and JSON Lines
//! records, and RSS or Atom feeds. Every file becomes articles, skips with a reason, or
//! errors that name the file, the line and the fix; one bad file never stops the others.
//!
//! ```no_run
//! use insight_ingest::{ingest, Options};
//! let report = ingest(&["content/articles".into()], &Options::default());
//! println!("{}", report.summary());
//! ```

pub mod blocks;
mod dates;
mod entry;
mod error;
mod fields;
pub mod formats;
mod names;
mod options;
mod record;
mod report;
mod run;
pub mod site;
mod slug;

pub use blocks::markdown::markdown_to_blocks;
pub use dates::parse_date;
pub use entry::Entry;
pub use error::IngestError;
pub use names::split_names;
pub use options::{Options, SourceFrom};
pub use report::{Report, SiteNote, Skip};
pub use run::ingest;
pub use slug::slugify;
