//! Stage 3, the page: what the lines say about the document as a whole.
//!
//! - `title`: the document title (also split over lines, or only in a `标题:` field);
//! - `furniture`: lines that belong to the web page or the crawler, not to the report;
//! - `agency`: the reporting body (title, opening sentence, 以下简称, signature …) and what
//!   the opening says of the document (its year, an annual report);
//! - `meta`: agency, year, publication date, 索引号, 文号, period, contacts, citations.
//!
//! Reads the lines of the normalized view; calls no later stage.

pub(crate) mod agency;
pub(crate) mod furniture;
pub(crate) mod meta;
pub(crate) mod title;
