//! Stage 2, text: the decoded input → the normalized view every later stage reads.
//!
//! - [`normalize`]: width, punctuation and script folding with a map back to the input;
//! - [`layout`]: the report's logical lines recovered from any physical layout (one long
//!   line, hard wraps, one fragment or cell per line, double spacing), by rewriting only line
//!   breaks;
//! - `offsets`: the compact maps between normalized bytes and input characters;
//! - `lines`: the normalized view as trimmed lines, the unit of the page and structure stages.
//!
//! Guarantee: any byte range of the normalized view maps back to the characters of the input
//! it came from ([`normalize::Text::span`]), so every span reported points into the input.

pub mod layout;
pub(crate) mod lines;
pub mod normalize;
pub(crate) mod offsets;
