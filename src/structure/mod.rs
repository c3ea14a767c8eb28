//! Stage 5, structure: headings → the section tree mapped onto the statutory template.
//!
//! - `sections`: the heading lines ([`crate::scan::headings`]) nested by numbering style,
//!   with body spans and `empty`, mapped onto the template's parts
//!   ([`crate::lexicon::parts`]).
//!
//! Reads the lines, the page furniture and the statistics tables' ranges (table rows never
//! open a section); calls no later stage.

pub(crate) mod sections;
