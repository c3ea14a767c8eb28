//! Table cells with spans → full rows of tab-separated text.
//!
//! A spanned cell's text stands in its first grid position (top-left); the other positions it
//! covers are empty cells. That is the shape of the `tsv`/`markdown` forms the table parser
//! (`src/tables/`) reads: group labels such as 三、本年度办理结果 once, on the first row of
//! their group, and blanks below; 申请人情况 over two header rows with blanks beside it.
//!
//! Guarantees: every written row has the table's full column count (rows that are all empty
//! are dropped); spans are clamped (at most [`MAX_SPAN`] columns or rows, at most
//! [`MAX_COLUMNS`] columns in all), so hostile markup cannot make the work explode.

/// Largest colspan/rowspan honoured.
pub(crate) const MAX_SPAN: usize = 64;
/// Widest table written.
pub(crate) const MAX_COLUMNS: usize = 128;

/// One cell as written in the markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cell {
    pub text: String,
    pub colspan: usize,
    pub rowspan: usize,
}

impl Cell {
    pub(crate) fn new(text: String, colspan: usize, rowspan: usize) -> Self {
        Cell {
            text,
            colspan: colspan.clamp(1, MAX_SPAN),
            rowspan: rowspan.clamp(1, MAX_SPAN),
        }
    }
}

/// Places the cells on the grid (the HTML table model) and returns the rows' texts.
pub(crate) fn resolve(rows: &[Vec<Cell>]) -> Vec<Vec<String>> {
    // covered[c] = rows still covered from above in column c
    let mut covered: Vec<usize> = Vec::new();
    let mut out: Vec<Vec<String>> = Vec::with_capacity(rows.len());
    for row in rows {
        let mut line: Vec<String> = Vec::new();
        let mut col = 0;
        let mut cells = row.iter();
        let mut next = cells.next();
        loop {
            // skip positions covered by a rowspan from above
            while col < covered.len() && covered[col] > 0 {
                if line.len() <= col {
                    line.resize(col + 1, String::new());
                }
                col += 1;
            }
            let Some(cell) = next else { break };
            if col >= MAX_COLUMNS {
                break;
            }
            let span = cell.colspan.min(MAX_COLUMNS - col);
            if line.len() < col + span {
                line.resize(col + span, String::new());
            }
            line[col] = cell.text.clone();
            if covered.len() < col + span {
                covered.resize(col + span, 0);
            }
            for c in covered.iter_mut().skip(col).take(span) {
                // this row counts as one of the span's rows
                *c = (*c).max(cell.rowspan);
            }
            col += span;
            next = cells.next();
        }
        // rows covered on the right of the last cell still take their place
        if line.len() < covered.len() {
            let tail_covered = covered.iter().rposition(|&c| c > 0).map_or(0, |i| i + 1);
            if line.len() < tail_covered {
                line.resize(tail_covered, String::new());
            }
        }
        for c in covered.iter_mut() {
            *c = c.saturating_sub(1);
        }
        out.push(line);
    }
    let width = out.iter().map(Vec::len).max().unwrap_or(0);
    out.retain(|r| r.iter().any(|c| !c.trim().is_empty()));
    for r in &mut out {
        r.resize(width, String::new());
    }
    out
}

/// Writes resolved rows as tab-separated lines (cells must hold no tab or newline).
pub(crate) fn write_tsv(out: &mut String, rows: &[Vec<String>]) {
    for r in rows {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&r.join("\t"));
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(t: &str, cs: usize, rs: usize) -> Cell {
        Cell::new(t.to_owned(), cs, rs)
    }

    #[test]
    fn header_with_row_and_column_spans_fills_every_position() {
        let rows = vec![
            vec![
                c("申请人情况", 3, 2),
                c("自然人", 1, 2),
                c("法人或其他组织", 2, 1),
                c("总计", 1, 2),
            ],
            vec![c("商业企业", 1, 1), c("其他", 1, 1)],
            vec![
                c("三、本年度办理结果", 1, 2),
                c("（一）予以公开", 2, 1),
                c("1", 1, 1),
                c("2", 1, 1),
                c("0", 1, 1),
                c("3", 1, 1),
            ],
            vec![
                c("（二）部分公开", 2, 1),
                c("0", 1, 1),
                c("0", 1, 1),
                c("0", 1, 1),
                c("0", 1, 1),
            ],
        ];
        let g = resolve(&rows);
        assert_eq!(
            g[0],
            ["申请人情况", "", "", "自然人", "法人或其他组织", "", "总计"]
        );
        assert_eq!(g[1], ["", "", "", "", "商业企业", "其他", ""]);
        assert_eq!(
            g[2],
            [
                "三、本年度办理结果",
                "（一）予以公开",
                "",
                "1",
                "2",
                "0",
                "3"
            ]
        );
        assert_eq!(g[3], ["", "（二）部分公开", "", "0", "0", "0", "0"]);
    }

    #[test]
    fn huge_spans_are_clamped() {
        let rows = vec![vec![c("a", 100_000, 100_000)], vec![c("b", 1, 1)]];
        let g = resolve(&rows);
        assert_eq!(g.len(), 2);
        assert!(g[0].len() <= MAX_COLUMNS);
    }
}
