//! The vocabulary of the regulation and the national templates, as data: part titles and
//! their local variants with their canonical keys ([`parts`]), and the statistics tables' rows,
//! columns and header words ([`tables`]), the key indicators' names ([`key`]), sets of
//! categories that make up a whole ([`partitions`]), the endings of bodies' names
//! ([`bodies`]), words doubled on purpose ([`words`]), and the words of web pages that are not
//! the report ([`page`]); [`index`] looks a word list up by first character. Several stages
//! read it (the page stage to tell a heading from furniture, the structure stage to map
//! sections, the checks to list what is missing, the page to show the template); it calls no
//! stage.

pub mod bodies;
pub mod index;
pub mod key;
pub mod page;
pub mod partitions;
pub mod parts;
pub mod tables;
pub mod words;
