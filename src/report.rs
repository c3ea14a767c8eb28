//! The analysis result: the `xxgk/1` JSON contract as Rust types.
//!
//! Field names and meanings of the contract are fixed (see README.md, "The `xxgk/1` schema");
//! fields may be added. Every `start`/`end` pair is a character (Unicode scalar) offset into
//! the input exactly as given, end-exclusive, and every `text` equals that slice of the input.
//! These types carry serde derives and nothing else: layout choices live here, logic elsewhere.

use serde::{Deserialize, Serialize};

/// The schema identifier written into every report.
pub const SCHEMA: &str = "xxgk/1";

/// The whole analysis of one input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema: String,
    pub meta: Meta,
    pub sections: Vec<Section>,
    pub quantities: Vec<Quantity>,
    pub key: Key,
    pub tables: Vec<Table>,
    pub checks: Vec<Check>,
    /// Page furniture: text that belongs to the web page, not to the report (extra field).
    pub furniture: Vec<Furniture>,
    /// Facts about the input itself (extra field).
    pub input: InputInfo,
}

/// Kind of document (report-formats.md §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocType {
    #[serde(rename = "annual_report_2019")]
    AnnualReport2019,
    #[serde(rename = "annual_report_2008")]
    AnnualReport2008,
    WorkSummary,
    Other,
}

/// The words people read for the contract's codes, shared by the page and the CLI: the
/// same Chinese label wherever a report is shown.
impl DocType {
    pub fn label(self) -> &'static str {
        match self {
            DocType::AnnualReport2019 => "年度报告（2019年修订条例）",
            DocType::AnnualReport2008 => "年度报告（2008年条例）",
            DocType::WorkSummary => "工作总结",
            DocType::Other => "其他文件",
        }
    }

    /// An annual report, under either regulation.
    pub fn is_annual(self) -> bool {
        matches!(self, DocType::AnnualReport2019 | DocType::AnnualReport2008)
    }
}

impl Script {
    pub fn label(self) -> &'static str {
        match self {
            Script::Simplified => "简体",
            Script::Traditional => "繁体",
        }
    }
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

impl Approx {
    /// The qualifier shown with a number: 以上, 不足, 约.
    pub fn label(self) -> &'static str {
        match self {
            Approx::Over => "以上",
            Approx::Under => "不足",
            Approx::About => "约",
        }
    }
}

/// Script of the input as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Script {
    Simplified,
    Traditional,
}

/// Document-level facts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// The report's title as written.
    pub title: Option<String>,
    /// The issuing body as written.
    pub agency: Option<String>,
    /// The year the report covers.
    pub year: Option<i32>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    pub doc_type: DocType,
    pub script: Script,
    /// Span of the title in the input (extra).
    pub title_span: Option<Span>,
    /// Where `published` was read from (extra): `发布日期`, `成文日期`, `signature`, …
    pub published_source: Option<String>,
    /// 索引号 (extra).
    pub index_number: Option<String>,
    /// 文号 of the report itself (extra).
    pub doc_number: Option<String>,
    /// The statistical period stated in the text (extra).
    pub period: Option<Period>,
    /// Contact details stated in the text (extra).
    pub contacts: Contacts,
    /// Documents cited in the text: 《title》 with its document number (extra).
    pub cited: Vec<Citation>,
    /// Where the agency was read (extra): `title`, `opening`, `alias`, `signature`,
    /// `subject`, `header`, `site`.
    #[serde(default)]
    pub agency_source: Option<String>,
    /// Notes on metadata set aside or not found (extra), in Chinese: a placeholder date,
    /// a report that names itself only 本机关.
    #[serde(default)]
    pub notes: Vec<String>,
}

/// A character span of the input with its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A statistical period, e.g. 2019年1月1日到12月31日.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// `YYYY-MM-DD`
    pub from: String,
    /// `YYYY-MM-DD`
    pub to: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Contact details found in the text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contacts {
    pub phones: Vec<Span>,
    pub emails: Vec<Span>,
    pub websites: Vec<Span>,
    pub addresses: Vec<Span>,
}

/// A cited document: 《title》 and, when given, its number (国办发〔2019〕14号).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// The title inside 《》, as written; `None` when only a number is cited.
    pub title: Option<String>,
    /// The document number normalised to `机关代字〔年份〕序号号`.
    pub number: Option<String>,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A section of the report: its heading and body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// The number as written without its punctuation: "一", "1", "①"; `None` when unnumbered.
    pub number: Option<String>,
    /// Title as written in the input, without the number and its punctuation.
    pub title: String,
    /// Template part: overview, proactive, requests, review_litigation, problems, other,
    /// requests_2008, fees.
    pub canonical: Option<String>,
    /// 1 for top-level parts, 2, 3 … below.
    pub level: u8,
    /// Span of heading and body.
    pub start: usize,
    pub end: usize,
    /// True when the body has no report text (only whitespace, furniture or picture names).
    pub empty: bool,
    pub children: Vec<Section>,
    /// End of the heading itself (extra); `start..heading_end` is the heading.
    pub heading_end: usize,
    /// Numbering style (extra): `cn_dun` 一、, `cn_paren` （一）, `arabic_dot` 1. 1、,
    /// `arabic_paren` （1）, `circled` ①, `part` 第一部分, `markdown` #, `none`.
    pub style: String,
}

/// Approximation attached to a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    /// 余, 多, 超, 超过, 以上, +
    Over,
    /// 近, 不足, 以下
    Under,
    /// 约, 左右, 大约
    About,
}

/// A number with its unit, as stated in the report text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The number meant: 6万余条 → 60000; 63.58% → 63.58.
    pub value: f64,
    /// Unit as normalised (simplified script): 条, 件, 万元, %, 人次 …
    pub unit: String,
    pub text: String,
    pub approx: Option<Approx>,
    pub start: usize,
    pub end: usize,
    /// Template key of the top-level part the number stands in, or that part's title when it
    /// has no template key; `None` before the first heading.
    pub section: Option<String>,
    /// Upper end of a range such as 3至5个工作日 (extra); `value` is the lower end.
    pub value_to: Option<f64>,
}

/// The key indicators (numbers of requests and outcomes, reviews and suits).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Key {
    pub requests_received: Option<f64>,
    pub requests_carried_over_from_last_year: Option<f64>,
    pub requests_completed: Option<f64>,
    pub requests_carried_to_next_year: Option<f64>,
    pub outcome_disclosed: Option<f64>,
    pub outcome_partially_disclosed: Option<f64>,
    pub outcome_not_disclosed: Option<f64>,
    pub outcome_unable_to_provide: Option<f64>,
    pub outcome_not_processed: Option<f64>,
    pub outcome_other: Option<f64>,
    pub review_total: Option<f64>,
    pub litigation_total: Option<f64>,
    /// 予以公开 + 部分公开 when the text gives only their sum (予以公开及部分公开411件), from the
    /// prose; `outcome_disclosed` and `outcome_partially_disclosed` are then `null` (extra).
    #[serde(default)]
    pub outcome_disclosed_combined: Option<f64>,
    // Table 2 (主动公开政府信息情况), extra fields; `null` when the report has no table 2 or
    // the cell cannot be read with certainty.
    /// 规章：本年制发件数 (2021) / 本年新制作数量 (2019).
    #[serde(default)]
    pub rules_issued: Option<f64>,
    /// 规章：本年废止件数 (2021).
    #[serde(default)]
    pub rules_repealed: Option<f64>,
    /// 规章：现行有效件数 (2021).
    #[serde(default)]
    pub rules_in_force: Option<f64>,
    /// 规章：本年新公开数量 (2019).
    #[serde(default)]
    pub rules_published: Option<f64>,
    /// 规章：对外公开总数量 (2019).
    #[serde(default)]
    pub rules_published_total: Option<f64>,
    /// (行政)规范性文件：本年制发件数 (2021) / 本年新制作数量 (2019).
    #[serde(default)]
    pub normative_documents_issued: Option<f64>,
    /// 规范性文件：本年废止件数 (2021).
    #[serde(default)]
    pub normative_documents_repealed: Option<f64>,
    /// 规范性文件：现行有效件数 (2021).
    #[serde(default)]
    pub normative_documents_in_force: Option<f64>,
    /// 规范性文件：本年新公开数量 (2019).
    #[serde(default)]
    pub normative_documents_published: Option<f64>,
    /// 规范性文件：对外公开总数量 (2019).
    #[serde(default)]
    pub normative_documents_published_total: Option<f64>,
    /// 行政许可：(本年)处理决定数量.
    #[serde(default)]
    pub licensing_decisions: Option<f64>,
    /// 行政许可：上一年项目数量 (2019).
    #[serde(default)]
    pub licensing_items_last_year: Option<f64>,
    /// 行政许可：本年增/减 (2019; 减 is negative).
    #[serde(default)]
    pub licensing_items_change: Option<f64>,
    /// 其他对外管理服务事项：处理决定数量 (2019).
    #[serde(default)]
    pub other_services_decisions: Option<f64>,
    /// 其他对外管理服务事项：上一年项目数量 (2019).
    #[serde(default)]
    pub other_services_items_last_year: Option<f64>,
    /// 其他对外管理服务事项：本年增/减 (2019).
    #[serde(default)]
    pub other_services_items_change: Option<f64>,
    /// 行政处罚：(本年)处理决定数量.
    #[serde(default)]
    pub penalty_decisions: Option<f64>,
    /// 行政处罚：上一年项目数量 (2019).
    #[serde(default)]
    pub penalty_items_last_year: Option<f64>,
    /// 行政处罚：本年增/减 (2019).
    #[serde(default)]
    pub penalty_items_change: Option<f64>,
    /// 行政强制：(本年)处理决定数量.
    #[serde(default)]
    pub coercion_decisions: Option<f64>,
    /// 行政强制：上一年项目数量 (2019).
    #[serde(default)]
    pub coercion_items_last_year: Option<f64>,
    /// 行政强制：本年增/减 (2019).
    #[serde(default)]
    pub coercion_items_change: Option<f64>,
    /// 行政事业性收费：本年收费金额, 万元 (2021; a cell in 元 is converted).
    #[serde(default)]
    pub fees_amount: Option<f64>,
    /// 行政事业性收费：上一年项目数量 (2019).
    #[serde(default)]
    pub fees_items_last_year: Option<f64>,
    /// 行政事业性收费：本年增/减 (2019).
    #[serde(default)]
    pub fees_items_change: Option<f64>,
    /// 政府集中采购：采购项目数量 (2019).
    #[serde(default)]
    pub procurement_items: Option<f64>,
    /// 政府集中采购：采购总金额, 万元 (2019; only when the table states the unit).
    #[serde(default)]
    pub procurement_amount: Option<f64>,
    /// Where each value came from, with the span and any note (extra).
    pub sources: Vec<KeySource>,
}

/// Provenance of one key indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeySource {
    /// The indicator's field name in [`Key`].
    pub field: String,
    pub value: f64,
    /// `table2`, `table3`, `table4`, `table2008` (the 统计表 of a 2008-regulation report) or
    /// `prose`.
    pub from: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// A remark for the reader, e.g. that 411 counts 予以公开 and 部分公开 together.
    pub note: Option<String>,
}

/// One of the standard statistics tables.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// `table2`, `table3`, `table4`, or `table2008` (the 统计表 / 附表 of a 2008-regulation
    /// report).
    pub id: String,
    pub title: String,
    /// Template version: `2019`, `2021` (`2008` for `table2008`); `None` when the table does
    /// not tell.
    pub template: Option<String>,
    /// How the table came through: `tsv`, `pipe`, `markdown`, `cell_per_line`, `spaces`,
    /// `glued`, `html`.
    pub form: String,
    pub start: usize,
    pub end: usize,
    pub columns: Vec<String>,
    pub rows: Vec<TableRow>,
}

/// A labelled row of a statistics table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableRow {
    /// Row label as written.
    pub label: String,
    /// Stable key of the row, e.g. `new_requests`, `outcome_disclosed`, `not_disclosed_state_secret`.
    pub key: String,
    pub cells: Vec<Cell>,
    /// Table 2 and `table2008`: the name of each cell's column as the row's block header gives
    /// it (extra); empty for tables 3 and 4, whose columns are the table's.
    #[serde(default)]
    pub columns: Vec<String>,
    /// How the row's cells were read when they were not read as written (extra).
    #[serde(default)]
    pub note: Option<String>,
}

/// One cell of a statistics table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub value: Option<f64>,
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// `ok`; `decoded` (restored by the table's identities: split out of glued digits, joined
    /// from digits broken over lines, or one of merged repeated cells — the same in every
    /// reading the identities leave); `derived` (a blank 总计 computed from its complete row);
    /// `doubtful` (more than one reading remains, or none fits: `value` is `null`).
    pub status: String,
}

/// Severity of a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// A finding about the report: a broken identity, a missing part, a late publication …
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Check {
    /// Stable code, e.g. `part_missing`, `table3_column_balance`, `published_late`.
    pub code: String,
    pub severity: Severity,
    /// Plain Chinese message for the reader.
    pub message: String,
    pub start: Option<usize>,
    pub end: Option<usize>,
    /// The template part the check is about (`part_missing`, `part_empty`,
    /// `parts_out_of_order`), as its canonical key (extra).
    pub part: Option<String>,
}

/// A piece of page furniture.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Furniture {
    /// `header`, `breadcrumb`, `toolbar`, `share`, `navigation`, `attachment`, `related`,
    /// `wiki`, `ad`, `footer`, `picture`.
    pub kind: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Facts about the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputInfo {
    /// Characters (Unicode scalars) in the input.
    pub chars: usize,
    /// Encoding the bytes were decoded from, when the input was bytes.
    pub encoding: Option<String>,
    /// Format of the file the text was read from (`text`, `html`, `docx`, `pdf`), when the
    /// input was a file ([`crate::analyze_file`]); `null` for text given directly.
    pub format: Option<String>,
    /// Problems met while reading the input, in plain Chinese.
    pub diagnostics: Vec<String>,
}
