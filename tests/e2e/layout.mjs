// Layout assertions that catch the kind of break old browsers show: flexbox `gap` (Chromium
// 84+) ignored, so fields run together, buttons touch and rows overlap. No screenshots: the
// old builds draw text with other font hinting, so pixels differ where the layout does not.
//
// `layoutProbe` runs in the page (any Chromium from 72 on: no syntax newer than ES2017) and
// measures, for every visible flex container under #app, the space between each pair of
// adjacent children — horizontally for children on the same line of a row, vertically in a
// column — plus every pair of adjacent block siblings that overlap, all on what the eye sees
// of each element (see `box`). Pairs are named by their
// place in the DOM, so the same page state gives the same names in every browser.
// `compareLayouts` checks one browser's measures against the current Chromium's, which
// draws the style sheet as designed.

/** In the page: { spacing: {pair: px}, overlaps: [pair …], tight: [pair …] }. */
export function layoutProbe() {
  var MIN = 2; // px: adjacent items of a toolbar or a list of fields closer than this touch
  // Rows of items the design spaces out: touching items there are a break on their own.
  var SPACED = [".toolbar", ".facts", ".tabs", ".filters", ".legend", ".doc-head", ".compare-head",
    ".file", ".check", ".sec-btn", ".part-btn", "figcaption"];
  function name(el) {
    var parts = [];
    for (var e = el; e && e.id !== "app" && e !== document.body; e = e.parentElement) {
      var i = 0;
      for (var s = e.previousElementSibling; s; s = s.previousElementSibling) i++;
      parts.unshift(e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
        (typeof e.className === "string" && e.className ? "." + e.className.trim().split(/\s+/).join(".") : "") + ":" + i);
    }
    return parts.join(">");
  }
  function shown(el) {
    var cs = getComputedStyle(el);
    if (cs.display === "none" || cs.visibility === "hidden" || cs.position === "absolute" || cs.position === "fixed") return false;
    var r = el.getBoundingClientRect();
    return r.width > 1 && r.height > 1;
  }
  // What the eye sees of an element: its own box when it paints something (a border, a
  // background, a shadow, text of its own) or is a control; else the union of its children's,
  // so that a row's invisible box (which may reach into a margin it takes back) is not
  // mistaken for an overlap.
  var memo = new Map();
  function box(el) {
    if (memo.has(el)) return memo.get(el);
    var r = el.getBoundingClientRect();
    var out = { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    var cs = getComputedStyle(el);
    var paints = ["Top", "Right", "Bottom", "Left"].some(function (side) { return parseFloat(cs["border" + side + "Width"]) > 0; }) ||
      cs.backgroundColor !== "rgba(0, 0, 0, 0)" || cs.backgroundImage !== "none" || cs.boxShadow !== "none" ||
      /^(BUTTON|INPUT|TEXTAREA|SELECT|IMG|TABLE|DETAILS)$/.test(el.tagName) || el.namespaceURI !== "http://www.w3.org/1999/xhtml";
    var text = false;
    for (var n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3 && n.nodeValue.trim()) text = true;
    if (!paints && !text) {
      var u = null;
      for (var c = el.firstElementChild; c; c = c.nextElementSibling) {
        if (!shown(c)) continue;
        var b = box(c);
        u = u ? { left: Math.min(u.left, b.left), right: Math.max(u.right, b.right), top: Math.min(u.top, b.top), bottom: Math.max(u.bottom, b.bottom) } : b;
      }
      if (u) out = u;
    }
    memo.set(el, out);
    return out;
  }
  // A margin set to `auto` (its computed value: the Typed OM has it, Chromium 66+).
  function auto(el, side) {
    return !!el.computedStyleMap && String(el.computedStyleMap().get("margin-" + side)) === "auto";
  }
  var spacing = {};
  var overlaps = [];
  var tight = [];
  var all = document.querySelectorAll("#app *");
  for (var k = 0; k < all.length; k++) {
    var el = all[k];
    var cs = getComputedStyle(el);
    if (cs.display === "none" || el.closest("svg")) continue;
    var flex = cs.display === "flex" || cs.display === "inline-flex";
    var row = flex && cs.flexDirection.indexOf("row") === 0;
    var spaced = false;
    for (var q = 0; q < SPACED.length; q++) if (el.matches(SPACED[q])) spaced = true;
    var kids = [];
    for (var c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (!shown(c)) continue;
      // inline boxes of running text and table internals lie where the line breaks put them
      var d = getComputedStyle(c).display;
      if (!flex && (d === "inline" || d.indexOf("table") === 0)) continue;
      kids.push(c);
    }
    for (var j = 1; j < kids.length; j++) {
      var a = box(kids[j - 1]);
      var b = box(kids[j]);
      var pair = name(kids[j - 1]) + " | " + kids[j].tagName.toLowerCase() + ":" + j;
      var vOverlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      var hOverlap = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      if (vOverlap > 1 && hOverlap > 1) overlaps.push(pair + " (" + hOverlap.toFixed(1) + "×" + vOverlap.toFixed(1) + " px)");
      if (!flex) continue;
      var space = null;
      if (row && vOverlap > 0) space = b.left - a.right;
      else if (!row) space = b.top - a.bottom;
      // an auto margin takes the free space, which depends on the widths of the texts
      if (space === null || row && (auto(kids[j - 1], "right") || auto(kids[j], "left"))) continue;
      spacing[pair] = Math.round(space * 10) / 10;
      if (spaced && space < MIN) tight.push(pair + " (" + space.toFixed(1) + " px)");
    }
  }
  return { spacing: spacing, overlaps: overlaps, tight: tight };
}

/**
 * The pairs whose spacing differs from the reference by more than `tolerance` px (only pairs
 * both browsers measured: a row that wraps differently is not compared).
 */
export function compareLayouts(got, reference, tolerance = 1.5) {
  const out = [];
  let compared = 0;
  for (const [pair, want] of Object.entries(reference.spacing)) {
    if (!(pair in got.spacing)) continue;
    compared++;
    const have = got.spacing[pair];
    if (Math.abs(have - want) > tolerance) out.push(`${pair}: ${have} px, ${want} px in the current Chromium`);
  }
  return { differ: out, compared };
}
