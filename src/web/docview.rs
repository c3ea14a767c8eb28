//! The document view: the analysed text as text (never as HTML), with headings marked,
//! quantities highlighted (hovering shows value, unit and approximation) and page furniture
//! greyed out. The span asked for by the outline, a check or a quantity is marked and
//! scrolled into view.
//!
//! Spans are character offsets; the text is cut at every span boundary into pieces, each
//! rendered with the marks that cover it, so offsets never go through JavaScript strings.

use super::labels;
use super::state::{Focus, Shared};
use super::text::{fmt_num, CharIndex};
use crate::report::{Quantity, Report, Section};
use yew::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Furniture(usize),
    Heading(u8),
    Quantity(usize),
    Focus,
}

struct Mark {
    start: usize,
    end: usize,
    kind: Kind,
}

/// A stretch of text covered by the same marks.
#[derive(Default, PartialEq)]
struct Piece {
    start: usize,
    end: usize,
    furniture: Option<usize>,
    heading: Option<u8>,
    quantity: Option<usize>,
    focus: bool,
}

fn marks(report: &Report, focus: Option<Focus>) -> Vec<Mark> {
    fn headings(out: &mut Vec<Mark>, sections: &[Section]) {
        for s in sections {
            out.push(Mark {
                start: s.start,
                end: s.heading_end,
                kind: Kind::Heading(s.level),
            });
            headings(out, &s.children);
        }
    }
    let mut out = Vec::new();
    headings(&mut out, &report.sections);
    for (i, f) in report.furniture.iter().enumerate() {
        out.push(Mark {
            start: f.start,
            end: f.end,
            kind: Kind::Furniture(i),
        });
    }
    for (i, q) in report.quantities.iter().enumerate() {
        out.push(Mark {
            start: q.start,
            end: q.end,
            kind: Kind::Quantity(i),
        });
    }
    if let Some(f) = focus {
        // An empty span still gets a (one character) mark so there is something to show.
        out.push(Mark {
            start: f.start,
            end: f.end.max(f.start + 1),
            kind: Kind::Focus,
        });
    }
    out
}

/// Cuts `0..len` at every mark boundary; marks out of range are clamped or dropped.
fn pieces(len: usize, marks: &[Mark]) -> Vec<Piece> {
    let mut valid: Vec<(usize, usize, Kind)> = marks
        .iter()
        .map(|m| (m.start.min(len), m.end.min(len), m.kind))
        .filter(|(s, e, _)| s < e)
        .collect();
    valid.sort_by_key(|m| m.0);
    let mut cuts: Vec<usize> = valid.iter().flat_map(|m| [m.0, m.1]).collect();
    cuts.extend([0, len]);
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::with_capacity(cuts.len());
    let mut active: Vec<(usize, usize, Kind)> = Vec::new();
    let mut next = 0;
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        active.retain(|m| m.1 > a);
        while next < valid.len() && valid[next].0 <= a {
            active.push(valid[next]);
            next += 1;
        }
        let mut p = Piece {
            start: a,
            end: b,
            ..Piece::default()
        };
        for m in &active {
            match m.2 {
                Kind::Furniture(i) => p.furniture = p.furniture.or(Some(i)),
                Kind::Heading(l) => p.heading = Some(p.heading.map_or(l, |h| h.min(l))),
                Kind::Quantity(i) => p.quantity = p.quantity.or(Some(i)),
                Kind::Focus => p.focus = true,
            }
        }
        out.push(p);
    }
    out
}

fn quantity_title(q: &Quantity) -> String {
    let mut t = format!("数值 {}", fmt_num(q.value));
    if let Some(to) = q.value_to {
        t.push_str(&format!("–{}", fmt_num(to)));
    }
    t.push_str(&format!("；单位 {}", q.unit));
    let approx = labels::approx(q.approx);
    t.push_str(&format!(
        "；约数 {}",
        if approx.is_empty() { "否" } else { approx }
    ));
    if let Some(s) = &q.section {
        t.push_str(&format!("；所在部分 {}", labels::section_name(s)));
    }
    t
}

/// Pieces drawn with their marks at most; beyond them (a very long text) only a window around
/// the focus is drawn, so the page stays responsive.
const MAX_PIECES: usize = 3000;
/// Characters of plain text shown before or after the window at most.
const MAX_PLAIN: usize = 50_000;

/// The text in simplified script: the core's normalized view (traditional characters and
/// Taiwan wording converted, pinyin glosses dropped), with the widths of digits and
/// punctuation kept as written. `pos[c]` is the byte offset in `text` where input character
/// `c` begins (characters dropped by the conversion take no room).
struct Simplified {
    text: String,
    pos: Vec<usize>,
}

fn simplified(orig: &str) -> Simplified {
    let view = crate::text::normalize::Text::new(orig);
    let chars: Vec<char> = orig.chars().collect();
    let mut text = String::with_capacity(view.norm.len());
    let mut pos = Vec::with_capacity(chars.len() + 1);
    for (b, n) in view.norm.char_indices() {
        let src = view.orig_range(b..b).start;
        while pos.len() <= src.min(chars.len()) {
            pos.push(text.len());
        }
        let o = chars.get(src).copied();
        match o {
            Some(o) if crate::text::normalize::fold_char(o) == n => text.push(o),
            _ => text.push(n),
        }
    }
    while pos.len() <= chars.len() {
        pos.push(text.len());
    }
    Simplified { text, pos }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub analysis: Shared,
    pub focus: Option<Focus>,
}

#[function_component(DocView)]
pub fn doc_view(props: &Props) -> Html {
    let a = &props.analysis;
    let simple = use_state_eq(|| false);
    let converted = use_memo((props.analysis.clone(), *simple), |(a, on)| {
        on.then(|| simplified(&a.text))
    });
    let idx = CharIndex::new(&a.text);
    let all = pieces(idx.chars(), &marks(&a.report, props.focus));
    // A window of marked pieces around the focus; the rest as plain text.
    let (w0, w1) = if all.len() > MAX_PIECES {
        let f = all.iter().position(|p| p.focus).unwrap_or(0);
        let w0 = f.saturating_sub(MAX_PIECES / 2).min(all.len() - MAX_PIECES);
        (w0, w0 + MAX_PIECES)
    } else {
        (0, all.len())
    };
    let slice = |start: usize, end: usize| -> String {
        match converted.as_ref() {
            Some(s) => {
                let (x, y) = (
                    s.pos[start.min(s.pos.len() - 1)],
                    s.pos[end.min(s.pos.len() - 1)],
                );
                s.text[x..y.max(x)].to_owned()
            }
            None => a.text[idx.byte(start)..idx.byte(end)].to_owned(),
        }
    };
    // Text outside the window: shown as is when short, else as a note (laying out megabytes
    // of text would freeze the page; the editor holds the whole text).
    let outside = |start: usize, end: usize, before: bool| -> Html {
        if end - start <= MAX_PLAIN {
            return html! { { slice(start, end) } };
        }
        let note = if before {
            format!(
                "（前面还有 {} 字未显示：点击结构、检查或数量可跳到相应位置）\n",
                end - start
            )
        } else {
            format!("\n（后面还有 {} 字未显示）", end - start)
        };
        html! { <span class="elided" data-chars={(end - start).to_string()}>{ note }</span> }
    };
    let before = (w0 > 0).then(|| outside(0, all[w0].start, true));
    let after = (w1 < all.len()).then(|| outside(all[w1].start, idx.chars(), false));
    let pieces = &all[w0..w1];

    use_effect_with(props.focus, |focus| {
        if focus.is_some() {
            let el = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("xxgk-focus"));
            if let Some(el) = el {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Center);
                opts.set_behavior(web_sys::ScrollBehavior::Smooth);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        }
    });

    let mut focus_seen = false;
    let nodes = pieces.iter().map(|p| {
        let text = slice(p.start, p.end);
        if *p
            == (Piece {
                start: p.start,
                end: p.end,
                ..Piece::default()
            })
        {
            return html! { { text } };
        }
        let id = (p.focus && !focus_seen).then(|| {
            focus_seen = true;
            "xxgk-focus"
        });
        let class = classes!(
            p.heading.map(|l| format!("hd hd{}", l.min(4))),
            p.furniture.map(|_| "furn"),
            p.quantity.map(|_| "q"),
            p.focus.then_some("focus"),
        );
        let title = match (p.quantity, p.furniture) {
            (Some(i), _) => Some(quantity_title(&a.report.quantities[i])),
            (None, Some(i)) => Some(format!(
                "网页附属内容（{}），不属于报告正文",
                labels::furniture(&a.report.furniture[i].kind)
            )),
            _ => None,
        };
        let start = p.start.to_string();
        html! { <span {id} {class} {title} data-start={start}>{ text }</span> }
    });
    let legend = html! {
        <p class="legend" aria-hidden="true">
            <span class="hd hd1">{ "标题" }</span>
            <span class="q">{ "数量" }</span>
            <span class="furn">{ "网页附属内容" }</span>
        </p>
    };
    let toggle = {
        let simple = simple.clone();
        Callback::from(move |_: MouseEvent| simple.set(!*simple))
    };
    html! {
        <section class="docview" aria-labelledby="docview-h">
            <div class="doc-head">
                <h2 id="docview-h">{ "原文标注" }</h2>
                <button type="button" id="xxgk-script" class="toggle" onclick={toggle}
                    aria-pressed={if *simple { "true" } else { "false" }}
                    title="按原文显示，或转换为简体字显示（标点和数字的全角半角保持原样）">
                    { if *simple { "显示原文" } else { "显示简体" } }
                </button>
            </div>
            { legend }
            <div class="doc" id="xxgk-doc" tabindex="0" data-script={if *simple { "simplified" } else { "original" }}
                aria-label={if *simple { "已标注的原文（简体字）" } else { "已标注的原文" }}>
                { for before }{ for nodes }{ for after }
            </div>
        </section>
    }
}
