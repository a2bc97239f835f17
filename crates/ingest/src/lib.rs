//! Turns article files into corpus articles. Each file becomes an article, a skip with a
//! reason, or an error that names the file, the line and the fix; one bad file never
//! stops the others from being read.
//!
//! ```no_run
//! use insight_ingest::{ingest, Options};
//! let report = ingest(&["content/articles".into()], &Options::default());
//! println!("{}", report.summary());
//! ```

mod error;
mod files;
mod front_matter;
mod markdown;
mod report;
mod slug;

pub use error::IngestError;
pub use files::{ingest, Options};
pub use markdown::markdown_to_blocks;
pub use report::{Report, Skip};
pub use slug::slugify;
