// Deterministic budgets of the finished page, www/dist/xxgk.html (no browser, no timing):
//
//  - its size (≤ 1.5 MB);
//  - the wasm module inside it validates with only the WebAssembly features old Chromium
//    runs (`wasm-tools validate`, see WASM_FEATURES), and no function JavaScript calls has an
//    i64 in its signature (BigInt integration is Chromium 85+);
//  - every inline script parses as ES2020 (acorn) without optional chaining, ?? and BigInt
//    literals (so Chromium 7x parses it too), uses no built-in newer than Chromium 72
//    unguarded, and builds no code from strings (eval, Function, string timers);
//  - the module carries the gunzip for browsers without DecompressionStream (fflate,
//    bundled by www/build.mjs), small, and it inflates the page's own module;
//  - the style sheet uses nothing Chromium 72 lacks without a fallback: no flexbox `gap`
//    (Chromium 84), `inset`, `min()`, `:is()`, a bare `:focus-visible` …;
//  - the Content-Security-Policy lists exactly the hashes of the inline scripts, forbids
//    every connection, and is locked (script-src 'none') once the module is compiled.
//
// Timing figures are printed by tests/e2e/perf.mjs and old-browsers.test.mjs and never
// asserted; old-browsers.test.mjs runs the page in real Chromium 72–83.
//
// Run: node --test tests/e2e/budgets.test.mjs (after scripts/build-page.sh). Needs
// wasm-tools on PATH or in ~/.cargo/bin (scripts/setup.sh installs it).

import { test } from "node:test";
import assert from "node:assert/strict";
import { gunzipSync } from "node:zlib";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { runInNewContext } from "node:vm";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as acorn from "acorn";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const pagePath = process.env.XXGK_PAGE || join(root, "www", "dist", "xxgk.html");

/** The page budget: 1.5 MB (decimal), the whole file as shipped. */
const PAGE_BUDGET = 1_500_000;
/** The gunzip for browsers without DecompressionStream: fflate's inflater is ≈ 4.5 KB. */
const INFLATER_BUDGET = 8_000;
/**
 * The WebAssembly features the module may use: the 2017 MVP that every WebAssembly browser
 * runs (Chromium 57+), plus importable mutable globals (Chromium 74), which wasm-bindgen
 * only emits for threads. Chromium 80 would also run sign-extension, non-trapping
 * float-to-int (74/75) and bulk memory (75), but the page is built with
 * -Ctarget-cpu=mvp so that 360/奇安信-era browsers older than 80 run it too: any of
 * them appearing means a build route lost that flag (for instance rustup's prebuilt std).
 * Multi-value, reference types (Chromium 85/96), SIMD and the rest are out.
 */
export const WASM_FEATURES = "mvp,mutable-global";

function page() {
  assert.ok(existsSync(pagePath), `${pagePath} is missing: run scripts/build-page.sh first`);
  return readFileSync(pagePath, "utf8");
}

/** Every <script> element: attributes, type, content. */
function scripts(html) {
  const out = [];
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
  for (let m; (m = re.exec(html)); ) {
    const type = (m[1].match(/\btype\s*=\s*["']?([^"'\s>]+)/i) || [])[1]?.toLowerCase() ?? "";
    const js = type === "" || type === "module" || /^(text|application)\/(javascript|ecmascript)$/.test(type);
    out.push({ attrs: m[1], type, js, module: type === "module", text: m[2], index: m.index });
  }
  return out;
}

function cspOf(html) {
  const metas = html.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*>/gi) || [];
  assert.equal(metas.length, 1, "exactly one Content-Security-Policy <meta>");
  const content = metas[0].match(/content="([^"]*)"/)[1];
  const directives = new Map();
  for (const part of content.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return { directives, index: html.indexOf(metas[0]) };
}

function wasmTools() {
  for (const p of [process.env.WASM_TOOLS, join(homedir(), ".cargo", "bin", "wasm-tools")]) {
    if (p && existsSync(p)) return p;
  }
  return "wasm-tools";
}

/** The wasm module exactly as shipped: the page's base64 block, inflated. */
function shippedWasm(html) {
  const m = html.match(/<script type="application\/wasm-gzip-base64" id="xxgk-wasm">([^<]*)<\/script>/);
  assert.ok(m, "the page has the wasm block");
  return gunzipSync(Buffer.from(m[1].trim(), "base64"));
}

/** Visits every node of an acorn AST, with its ancestors. */
function walk(node, visit, ancestors = []) {
  if (!node || typeof node.type !== "string") return;
  visit(node, ancestors);
  ancestors.push(node);
  for (const key of Object.keys(node)) {
    const v = node[key];
    if (Array.isArray(v)) v.forEach((c) => walk(c, visit, ancestors));
    else if (v && typeof v.type === "string") walk(v, visit, ancestors);
  }
  ancestors.pop();
}

function parse(s) {
  return acorn.parse(s.text, { ecmaVersion: 2020, sourceType: s.module ? "module" : "script", locations: true });
}

// Built-ins Chromium 72 lacks (with the version that has them), as properties…
const NEW_PROPERTIES = {
  at: 92, replaceAll: 85, hasOwn: 93, findLast: 97, findLastIndex: 97, toSorted: 110,
  toReversed: 110, toSpliced: 110, groupBy: 117, fromAsync: 121, any: 85,
  fromEntries: 73, matchAll: 73, allSettled: 76, replaceChildren: 86, requestSubmit: 76,
};
// …and as globals; these are fine only behind a `typeof X` test.
const NEW_GLOBALS = {
  WeakRef: 84, FinalizationRegistry: 84, AggregateError: 85, structuredClone: 98,
  DecompressionStream: 80, CompressionStream: 80,
};

function guardedByTypeof(name, ancestors) {
  return ancestors.some((a) => {
    const t = a.type === "ConditionalExpression" || a.type === "IfStatement" ? a.test
      : a.type === "LogicalExpression" ? a.left : null;
    let found = false;
    walk(t, (n) => {
      if (n.type === "UnaryExpression" && n.operator === "typeof" && n.argument.type === "Identifier" && n.argument.name === name) found = true;
    });
    return found;
  });
}

/** What a script uses that Chromium 72 or the page's policy would refuse. */
function problems(ast) {
  const out = [];
  const at = (n, what) => out.push(`${what} (line ${n.loc.start.line})`);
  walk(ast, (n, anc) => {
    // ES2020 syntax that Chromium 80 has but the Chromium 7x of 360 安全浏览器 12 and its
    // kind cannot parse (a module with it fails whole). import.meta (64) and import() (63)
    // are older. www/build.mjs lowers the one `?.` of wasm-bindgen's glue.
    if (n.type === "ChainExpression") at(n, "optional chaining ?. (Chromium 80)");
    if (n.type === "LogicalExpression" && n.operator === "??") at(n, "?? (Chromium 80)");
    if (n.type === "Literal" && typeof n.bigint === "string") at(n, "BigInt literal (Chromium 67, but not needed)");
    if ((n.type === "CallExpression" || n.type === "NewExpression") && n.callee.type === "Identifier") {
      if (n.callee.name === "eval") at(n, "eval(…)");
      if (n.callee.name === "Function") at(n, "Function(…)");
      if (/^set(Timeout|Interval)$/.test(n.callee.name) && n.arguments[0] &&
          (n.arguments[0].type === "Literal" || n.arguments[0].type === "TemplateLiteral")) at(n, `${n.callee.name}(string)`);
    }
    if (n.type === "MemberExpression" && !n.computed && n.property.type === "Identifier") {
      const name = n.property.name;
      if (Object.hasOwn(NEW_PROPERTIES, name) && !(name === "any" && !(n.object.type === "Identifier" && n.object.name === "Promise"))) {
        at(n, `.${name} (Chromium ${NEW_PROPERTIES[name]})`);
      }
      if (name === "Function" && n.object.type === "Identifier" && /^(window|self|globalThis)$/.test(n.object.name)) at(n, `${n.object.name}.Function`);
    }
    if (n.type === "Identifier" && Object.hasOwn(NEW_GLOBALS, n.name)) {
      const parent = anc[anc.length - 1];
      const isProperty = parent && parent.type === "MemberExpression" && parent.property === n && !parent.computed;
      const isTypeof = parent && parent.type === "UnaryExpression" && parent.operator === "typeof";
      if (!isProperty && !isTypeof && !guardedByTypeof(n.name, anc)) at(n, `${n.name} without a typeof guard (Chromium ${NEW_GLOBALS[n.name]})`);
    }
  });
  return out;
}

test(`the page is at most ${PAGE_BUDGET / 1e6} MB`, () => {
  const size = Buffer.byteLength(page());
  assert.ok(size <= PAGE_BUDGET, `the page is ${size} bytes`);
});

test("every inline script parses as ES2020 without ?. and ??, and uses nothing Chromium 72 lacks", () => {
  const js = scripts(page()).filter((s) => s.js);
  assert.ok(js.length >= 2, "the classic script and the module");
  assert.ok(js.some((s) => s.module && s.text.includes("__wbg_init")), "the module holds the glue");
  for (const s of js) {
    let ast;
    try {
      ast = parse(s);
    } catch (e) {
      assert.fail(`a ${s.module ? "module" : "classic"} script does not parse as ES2020: ${e.message}\n` +
        s.text.split("\n").slice(Math.max(0, (e.loc?.line ?? 1) - 3), (e.loc?.line ?? 1) + 2).join("\n"));
    }
    assert.deepEqual(problems(ast), [], `a ${s.module ? "module" : "classic"} script`);
  }
});

test("the checker itself rejects what Chromium 72 cannot run", () => {
  const bad = (text, module = false) => {
    try {
      return problems(parse({ text, module })).length > 0;
    } catch {
      return true;
    }
  };
  for (const src of ["a ??= b;", "a ||= b;", "class A { static { } }", "class A { #m() {} }", "x = 1_000;",
    "await p;", "[1].at(-1);", "s.replaceAll('a', 'b');", "Object.hasOwn(o, 'k');", "new WeakRef(o);",
    "eval('1');", "new Function('return 1');", "setTimeout('x()', 1);", "Promise.any([]);",
    "Object.fromEntries(m);", "s.matchAll(re);", "Promise.allSettled([]);", "el.replaceChildren();",
    "new DecompressionStream('gzip');"]) {
    assert.ok(bad(src, src.startsWith("await")), `accepted: ${src}`);
  }
  for (const src of ["a ?? b;", "a?.b;", "x.exec(s)?.[1];", "10n;"]) {
    assert.ok(bad(src), `accepted: ${src}`);
  }
  for (const src of ["const R = typeof FinalizationRegistry === 'undefined' ? null : new FinalizationRegistry(f);",
    "import.meta.url;", "Promise.all([]);", "globalThis.x;", "[[1]].flat();",
    "typeof DecompressionStream === 'function' ? new DecompressionStream('gzip') : null;"]) {
    assert.ok(!bad(src, true), `rejected: ${src}`);
  }
});

test("the Content-Security-Policy allows exactly the page's scripts and no connection", () => {
  const html = page();
  const { directives: d, index } = cspOf(html);
  const all = scripts(html);
  assert.ok(index < all[0].index, "the policy comes before every script");
  assert.deepEqual(d.get("default-src"), ["'none'"]);
  for (const name of ["connect-src", "font-src", "media-src", "object-src", "frame-src", "child-src",
    "manifest-src", "form-action", "base-uri"]) {
    assert.deepEqual(d.get(name), ["'none'"], name);
  }
  // the analysis worker is made from the page's own code through a blob: URL, nothing else
  assert.deepEqual(d.get("worker-src"), ["blob:"], "worker-src");
  assert.deepEqual(d.get("img-src"), ["data:", "blob:"]);
  assert.deepEqual(d.get("style-src"), ["'unsafe-inline'"]);
  const scriptSrc = d.get("script-src");
  const hashes = scriptSrc.filter((v) => v.startsWith("'sha256-"));
  const want = all.filter((s) => s.js).map((s) => `'sha256-${createHash("sha256").update(s.text, "utf8").digest("base64")}'`);
  assert.deepEqual([...hashes].sort(), [...want].sort(), "one hash per inline script, and the right ones");
  assert.deepEqual(scriptSrc.filter((v) => !v.startsWith("'sha256-")).sort(), ["'unsafe-eval'", "'wasm-unsafe-eval'"],
    "no 'unsafe-inline', no host sources");
  // 'unsafe-eval' is there for browsers older than Chromium 97, only until the module is
  // compiled: the start-up code then adds a policy with script-src 'none'.
  const module = all.find((s) => s.module);
  assert.match(module.text, /function __wbg_init\(arg\)[\s\S]*WebAssembly\.compile\(bytes\)[\s\S]*__xxgk_lock_policy\(\);\s*return __wbg_init_glue/);
  assert.match(module.text, /meta\.content = "script-src 'none';/);
  assert.ok(!/\bsrc\s*=/.test(all.map((s) => s.attrs).join(" ")), "no <script src>");
});

test(`the wasm module validates with only ${WASM_FEATURES}`, () => {
  const tmp = mkdtempSync(join(tmpdir(), "xxgk-wasm-"));
  try {
    const file = join(tmp, "xxgk.wasm");
    writeFileSync(file, shippedWasm(page()));
    const tool = wasmTools();
    const validate = (f) => execFileSync(tool, ["validate", "--features", WASM_FEATURES, f], { stdio: "pipe" });
    try {
      validate(file);
    } catch (e) {
      if (e.code === "ENOENT") assert.fail("wasm-tools is missing: run scripts/setup.sh");
      assert.fail(`the page's wasm uses features beyond ${WASM_FEATURES}:\n${e.stderr}`);
    }
    // The validator does refuse newer instructions: (func (param i32) (result i32) local.get 0 i32.extend8_s).
    const signExt = Uint8Array.from([0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 1, 127, 1, 127, 3, 2, 1, 0,
      10, 7, 1, 5, 0, 32, 0, 192, 11]);
    writeFileSync(join(tmp, "signext.wasm"), signExt);
    execFileSync(tool, ["validate", join(tmp, "signext.wasm")], { stdio: "pipe" });
    assert.throws(() => validate(join(tmp, "signext.wasm")), "sign-extension is refused");

    // Calls across the JS boundary with an i64 throw a TypeError before Chromium 85. The
    // exports (what JavaScript calls) must have none; imports with one are allowed only when
    // they are wasm-bindgen's u64/i64 → JsValue casts, which the page never reaches (reports
    // reach JavaScript as JSON text, parsed by the browser).
    const wat = execFileSync(tool, ["print", file], { maxBuffer: 1 << 30 }).toString();
    const types = new Map(); // type index → "(param …) (result …)"
    for (const m of wat.matchAll(/^ {2}\(type \(;(\d+);\) \(func([^\n]*)\)\)$/gm)) types.set(m[1], m[2]);
    const funcType = new Map(); // function index and $name → type index
    const importsI64 = [];
    // `(import "m" "name" (func (;N;) (type T) …))` and `(func $name (;N;) (type T) …`
    for (const m of wat.matchAll(/^ {2}(?:\(import "[^"]+" "([^"]+)" )?\(func (?:(\$(?:"[^"]*"|\S+)) )?\(;(\d+);\) \(type (\d+)\)/gm)) {
      funcType.set(m[3], m[4]);
      if (m[2]) funcType.set(m[2], m[4]);
      if (m[1] && /i64/.test(types.get(m[4]))) importsI64.push(m[1]);
    }
    assert.ok(types.size > 0 && funcType.size > 100, "wasm-tools print output was understood");
    const exportsI64 = [];
    for (const m of wat.matchAll(/^ {2}\(export "([^"]+)" \(func (\S+)\)\)$/gm)) {
      const t = funcType.get(m[2]);
      assert.ok(t !== undefined, `the type of export ${m[1]}`);
      if (/i64/.test(types.get(t))) exportsI64.push(m[1]);
    }
    assert.deepEqual(exportsI64, [], "exports with i64 in their signature");
    // (wasm-bindgen 0.2.130 has one: `U64 -> Externref`.)
    const glue = scripts(page()).find((s) => s.module).text;
    for (const name of importsI64) {
      const body = glue.slice(glue.indexOf(`${name}: function`), glue.indexOf(`${name}: function`) + 200);
      assert.match(body, /Cast intrinsic for `[IU]64 -> Externref`/, `import ${name} takes an i64`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test(`the module carries a gunzip of at most ${INFLATER_BUDGET / 1000} KB, and it inflates the page's own module`, () => {
  const html = page();
  const module = scripts(html).find((s) => s.module).text;
  const m = module.match(/^\/\/ fflate [\d.]+ \(MIT[^\n]*\n(var xxgkInflate=[^\n]*)$/m);
  assert.ok(m, "the bundled fflate gunzip (www/build.mjs) is in the module script");
  assert.ok(Buffer.byteLength(m[1]) <= INFLATER_BUDGET, `the inflater is ${Buffer.byteLength(m[1])} bytes`);
  assert.ok(module.indexOf(m[1]) > module.indexOf("/*xxgk:page*/"), "after the glue: the worker does not carry it");
  // The start-up code uses it exactly when DecompressionStream is missing (or fails).
  assert.match(module, /typeof DecompressionStream === "function"[\s\S]*: gunzip\(\)/);
  const inflate = runInNewContext(`${m[1]}; xxgkInflate`, {});
  const gz = Buffer.from(html.match(/id="xxgk-wasm">([^<]*)</)[1].trim(), "base64");
  const out = inflate.gunzipSync(new Uint8Array(gz));
  assert.ok(Buffer.from(out).equals(gunzipSync(gz)), "fflate's output is zlib's");
});

/** The style sheet as rules: {selectors: [..], decls: [[prop, value] …], media}. */
function cssRules(css) {
  const out = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, "");
  // A rule is `prelude { declarations }`; an @media prelude is skipped by the match itself.
  for (const m of text.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const selectors = m[1].split(",").map((x) => x.trim()).filter(Boolean);
    const decls = m[2].split(";").map((d) => d.trim()).filter(Boolean).map((d) => {
      const i = d.indexOf(":");
      return [d.slice(0, i).trim().toLowerCase(), d.slice(i + 1).trim()];
    });
    out.push({ selectors, decls });
  }
  return out;
}

// CSS that Chromium 72 lacks (with the version that has it).
const NEW_CSS_PROPERTIES = {
  inset: 87, "inset-inline": 87, "inset-block": 87, "inset-inline-start": 87, "inset-inline-end": 87,
  "inset-block-start": 87, "inset-block-end": 87, "aspect-ratio": 88, "accent-color": 93,
  "content-visibility": 85, "backdrop-filter": 76, "text-decoration-thickness": 89,
  "text-underline-offset": 87, "scrollbar-gutter": 94, "container-type": 105, "container-name": 105,
  translate: 104, rotate: 104, scale: 104, "margin-inline": 87, "margin-block": 87,
  "padding-inline": 87, "padding-block": 87,
};
const NEW_CSS_VALUES = [
  [/(^|[^-\w])(min|max|clamp)\(/, "min()/max()/clamp() (Chromium 79)"],
  [/\b(color-mix|lab|lch|oklab|oklch|hwb)\(/, "a CSS Color 4/5 function (Chromium 101+)"],
  [/^clip$/, "overflow: clip (Chromium 90)"],
];
const NEW_CSS_SELECTORS = [
  [/:(is|where)\(/, ":is()/:where() (Chromium 88)"],
  [/:has\(/, ":has() (Chromium 105)"],
  [/::marker/, "::marker (Chromium 86)"],
  [/:not\([^)]*[ ,>+~]/, "a complex :not() (Chromium 88)"],
  [/&/, "nesting (Chromium 112)"],
];

/** What a style sheet has that Chromium 72 would ignore, and no fallback makes up for. */
function cssProblems(css) {
  const out = [];
  const rules = cssRules(css);
  const grids = new Set(rules.filter((r) => r.decls.some(([p, v]) => p === "display" && /^(inline-)?grid\b/.test(v)))
    .flatMap((r) => r.selectors));
  for (const r of rules) {
    const where = r.selectors.join(", ");
    r.decls.forEach(([p, v], i) => {
      // flexbox gap: Chromium 84. Grid gap is Chromium 66 and stays.
      if (/^(gap|row-gap|column-gap|grid-gap)$/.test(p)) {
        const flex = r.selectors.filter((x) => !grids.has(x));
        if (flex.length) out.push(`${p} on ${flex.join(", ")}, not a grid (flexbox gap is Chromium 84; see "Spacing" in www/style.css)`);
      }
      if (Object.hasOwn(NEW_CSS_PROPERTIES, p)) out.push(`${p} in ${where} (Chromium ${NEW_CSS_PROPERTIES[p]})`);
      for (const [re, what] of NEW_CSS_VALUES) if (re.test(v) && !p.startsWith("--")) out.push(`${what} in ${where}`);
      // overflow-wrap: anywhere (Chromium 80) only after a break-word the old ones keep
      if (p === "overflow-wrap" && v === "anywhere" &&
          !r.decls.slice(0, i).some(([q, w]) => q === "overflow-wrap" && w === "break-word")) {
        out.push(`overflow-wrap: anywhere without overflow-wrap: break-word before it, in ${where} (Chromium 80)`);
      }
    });
    for (const sel of r.selectors) {
      for (const [re, what] of NEW_CSS_SELECTORS) if (re.test(sel)) out.push(`${what}: ${sel}`);
      // :focus-visible (Chromium 86) drops its whole rule in older browsers: only as the
      // refinement `:focus:not(:focus-visible)` of a :focus rule.
      if (/:focus-visible/.test(sel.replace(/:not\(:focus-visible\)/g, ""))) out.push(`:focus-visible (Chromium 86): ${sel}`);
    }
  }
  for (const at of ["@layer", "@container", "@supports selector(", "@property"]) {
    if (css.includes(at)) out.push(`${at} (Chromium 85+)`);
  }
  return out;
}

test("the style sheet uses nothing Chromium 72 lacks, flexbox gap included", () => {
  const html = page();
  const style = html.match(/<style>([\s\S]*?)<\/style>/)[1];
  assert.deepEqual(cssProblems(style), []);
});

test("the style sheet checker refuses what Chromium 72 would drop, and accepts the fallbacks", () => {
  const bad = [
    ".row { display: flex; gap: .5rem; }",
    ".a { display: grid; } .b { display: flex; } .a, .b { gap: 1rem; }",
    ".a { column-gap: 1rem; display: flex; }",
    ".hint { position: fixed; inset: 0; }",
    ".a { width: min(10rem, 50%); }",
    ".a:is(.b, .c) { color: red; }",
    "button:focus-visible { outline: 2px solid; }",
    ".a { overflow-wrap: anywhere; }",
    ".a:not(.b .c) { color: red; }",
    "@container (min-width: 10rem) { .a { color: red; } }",
  ];
  for (const css of bad) assert.ok(cssProblems(css).length > 0, `accepted: ${css}`);
  const good = [
    ".cols { display: grid; gap: 1rem; } @media (max-width: 900px) { .cols { gap: .5rem; } }",
    ".row > :not(:last-child) { margin-right: var(--gx); }",
    ".a { grid-template-columns: minmax(0, 1fr) max-content; }",
    "button:focus { outline: 2px solid; } button:focus:not(:focus-visible) { outline: none; }",
    ".a { overflow-wrap: break-word; overflow-wrap: anywhere; }",
    ".a { --gap: 1rem; margin-bottom: calc(var(--row-mb, 0px) - var(--gy)); }",
    ".hint { position: fixed; top: 0; right: 0; bottom: 0; left: 0; }",
  ];
  for (const css of good) assert.deepEqual(cssProblems(css), [], `refused: ${css}`);
});
