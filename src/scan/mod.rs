//! Shared scanners: small, stateless readers of the normalized text that several stages
//! need — character classes, numerals (Arabic and Chinese, exact decimals), dates in every
//! written form, and heading lines (numbering style, number, title). They call no stage.

pub(crate) mod chars;
pub(crate) mod dates;
pub(crate) mod headings;
pub(crate) mod numerals;
pub(crate) mod patterns;
