//! Stage 6, numbers: every quantity of the prose with its unit, value, approximation and
//! range ([`quantities`]). Numbers inside furniture, tables, dates, document numbers, titles
//! and contacts are excluded by the ranges the earlier stages found.

pub(crate) mod quantities;
