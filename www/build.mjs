#!/usr/bin/env node
// Assembles the page into ONE self-contained file, www/dist/xxgk.html: the template
// (www/index.html) with the style sheet, the wasm-bindgen glue (made into an inline module
// script), a small gunzip and the wasm module (gzip by zopfli, then base64) inlined. The module is
// stored compressed because base64 of the raw module would be a third larger than the module
// itself; the page inflates it with the browser's DecompressionStream (Chromium 80+), or, in
// older browsers (360 安全浏览器 12 is Chromium 78), with fflate's gunzipSync, which this
// script bundles and minifies with esbuild (≈ 4.5 KB; these and zopfli pinned in www/package.json,
// installed by `npm ci` in www/, which scripts/setup.sh and scripts/build-page.sh run).
//
// Usage: node www/build.mjs <bindgen-dir> [out-file]
//   <bindgen-dir> holds wasm-bindgen's `--target web` output: xxgk.js and xxgk_bg.wasm.
//
// The page's Content-Security-Policy is written here, not in the template: it lists the
// SHA-256 hash of every inline script of the finished page, so it can only be computed once
// the page is assembled. Any CSP <meta> in the template is replaced (see SECURITY.md).

import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import zopfli from "@gfx/zopfli";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const bindgen = resolve(process.argv[2] ?? join(here, "..", "target", "wasm", "bindgen"));
const out = resolve(process.argv[3] ?? join(here, "dist", "xxgk.html"));

function fail(msg) {
  console.error(`build.mjs: ${msg}`);
  process.exit(1);
}

function read(path, enc) {
  try {
    return readFileSync(path, enc);
  } catch (e) {
    fail(`cannot read ${path}: ${e.message}`);
  }
}

// The glue is an ES module ending in `export { initSync, __wbg_init as default };` with
// `export function …` for the Rust exports. Inline, it is the top of the page's module
// script, so exports become plain declarations.
function inlineGlue(js) {
  let g = js
    .replace(/^export (function|class|const|let) /gm, "$1 ")
    .replace(/^export \{[^}]*\};?[ \t]*$/gm, "")
    .replace(/^export default [^;\n]*;?[ \t]*$/gm, "");
  if (/^\s*(export|import)\b/m.test(g)) fail("the glue has import/export statements build.mjs does not know");
  if (!/\basync function __wbg_init\b/.test(g)) fail("the glue has no __wbg_init (is it wasm-bindgen --target web output?)");
  // Without an entry point the module is empty: src/lib.rs must declare
  // `#[cfg(target_arch = "wasm32")] mod web;` (whose `start` is the #[wasm_bindgen(start)]).
  if (!/__wbindgen_start\(\)/.test(g)) fail("the wasm module has no start function: is `mod web;` declared in src/lib.rs?");
  // No code from strings: the policy forbids it, and nothing in the glue should need it.
  const evalLike = g.match(/\beval\s*\(|\bnew\s+Function\b|\bFunction\s*\(\s*["'`]/g);
  if (evalLike) fail(`the glue builds code from strings (${evalLike.join(", ")}); the page's CSP forbids it`);
  // Start-up under the two-stage policy (see cspFor below and SECURITY.md): the page's module
  // script calls __wbg_init({ module_or_path: bytes }). The glue's own __wbg_init is renamed,
  // and the one put in its place compiles the bytes first, then locks the policy (no more
  // eval, no more wasm compilation), and only then instantiates the compiled module and runs
  // its start function, which is when the user's text first enters the page.
  const init = /^async function __wbg_init\(/m;
  if (!init.test(g)) fail("the glue's __wbg_init is not a top-level `async function __wbg_init(`");
  g = g.replace(init, "async function __wbg_init_glue(") + `
// Added by www/build.mjs: compile, lock the Content-Security-Policy, then instantiate.
function __wbg_init(arg) {
    var bytes = arg && arg.module_or_path;
    var compiled = bytes instanceof WebAssembly.Module ? Promise.resolve(bytes) : WebAssembly.compile(bytes);
    return compiled.then(function (module) {
        __xxgk_lock_policy();
        return __wbg_init_glue({ module_or_path: module });
    });
}
function __xxgk_lock_policy() {
    // In the analysis worker (same glue, no document) there is nothing to lock: a worker made
    // from a blob: URL runs under the policy of the page that made it, already locked then.
    if (typeof document === "undefined") return;
    var meta = document.createElement("meta");
    meta.httpEquiv = "Content-Security-Policy";
    meta.content = ${JSON.stringify(LOCKED_POLICY)};
    document.head.appendChild(meta);
}
`;
  // Optional chaining (`a?.b`) is Chromium 80+; 360 安全浏览器 12 and other Chromium 7x
  // browsers cannot even parse a module that has it. wasm-bindgen's debugString has one,
  // `= /…/.exec(x)?.[1]`: the same without it is `= (/…/.exec(x) || [])[1]`. Any other use
  // fails tests/e2e/budgets.test.mjs, which then needs a rule here.
  g = g.replace(/= (\/(?:[^/\\\n]|\\.)+\/[a-z]*\.exec\([\w$]+\))\?\.\[(\d+)\]/g, "= ($1 || [])[$2]");
  // Inside <script>, "</script" and "<!--" would end or confuse the element.
  g = g.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
  return g;
}

// The Content-Security-Policy, in two stages (SECURITY.md explains why).
//
// Stage 1, the <meta> in the page: nothing may be fetched or connected to (default-src
// 'none', and every fetch directive spelt out), scripts only the page's own inline ones by
// hash, and code generation allowed *only while the module is compiled*: 'wasm-unsafe-eval'
// for browsers that know it (Chromium 97+, Firefox 102+, Safari 16+) and 'unsafe-eval' for
// the older Chromium-based browsers common on government PCs, which refuse to compile
// WebAssembly under a policy without it.
// Stage 2, added by the start-up code as soon as the module is compiled and before any of
// the user's text is in the page: script-src 'none' — from then on no script of any kind,
// no eval, no Function, no further WebAssembly compilation. Policies only add up, so the
// page ends with the intersection of both.
// Both stages allow workers from blob: URLs only (worker-src blob:): the page analyses long
// texts in a worker made from its own inline glue (src/web/worker.rs), which is handed the
// already compiled module, so the worker needs no compilation and nothing is fetched.
const FETCH_NONE = ["connect-src", "font-src", "media-src", "object-src", "frame-src", "child-src",
  "manifest-src"];
const LOCKED_POLICY = "script-src 'none'; worker-src blob:; connect-src 'none'; object-src 'none'";
function cspFor(scriptHashes) {
  return [
    "default-src 'none'",
    `script-src ${scriptHashes.map((h) => `'${h}'`).join(" ")} 'wasm-unsafe-eval' 'unsafe-eval'`,
    "style-src 'unsafe-inline'",
    "img-src data: blob:",
    ...FETCH_NONE.map((d) => `${d} 'none'`),
    "worker-src blob:",
    "form-action 'none'",
    "base-uri 'none'",
  ].join("; ");
}

// Executable inline scripts: <script> without a type, or a JavaScript or module type. Data
// blocks (type="application/wasm-gzip-base64") never run, so the policy does not cover them.
function inlineScripts(html) {
  const out = [];
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
  for (let m; (m = re.exec(html)); ) {
    const attrs = m[1];
    if (/\bsrc\s*=/i.test(attrs)) fail("the page has a <script src>");
    const type = (attrs.match(/\btype\s*=\s*["']?([^"'\s>]+)/i) || [])[1]?.toLowerCase() ?? "";
    const js = type === "" || type === "module" || /^(text|application)\/(javascript|ecmascript)$/.test(type);
    if (js) out.push({ module: type === "module", text: m[2] });
  }
  return out;
}
// fflate's gunzipSync, bundled: one expression defining `xxgkInflate` (its only export) in the
// page's module script. Tree-shaken to the inflater; syntax lowered to ES2017, which every
// browser that runs the page's module parses.
function inflater() {
  let esbuild;
  try {
    esbuild = createRequire(import.meta.url)("esbuild");
  } catch (e) {
    fail(`esbuild is missing (${e.code || e.message}): run \`npm ci\` in www/ (scripts/setup.sh does)`);
  }
  const pkg = JSON.parse(read(join(here, "node_modules", "fflate", "package.json"), "utf8"));
  const out = esbuild.buildSync({
    stdin: { contents: 'export { gunzipSync } from "fflate";', resolveDir: here, loader: "js" },
    bundle: true, minify: true, format: "iife", globalName: "xxgkInflate", target: "es2017",
    charset: "ascii", legalComments: "none", write: false, logLevel: "silent",
  });
  const js = out.outputFiles[0].text.trim();
  if (!/^var xxgkInflate=/.test(js)) fail("esbuild's bundle of fflate does not define xxgkInflate");
  if (/<\/script|<!--/i.test(js)) fail("esbuild's bundle of fflate has </script or <!-- in it");
  return `// fflate ${pkg.version} (MIT, github.com/101arrowz/fflate): gunzipSync, bundled by www/build.mjs\n${js}`;
}

const sha256 = (text) => `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;

const template = read(join(here, "index.html"), "utf8");
const style = read(join(here, "style.css"), "utf8");
const glue = inlineGlue(read(join(bindgen, "xxgk.js"), "utf8"));
const wasm = read(join(bindgen, "xxgk_bg.wasm"));
if (wasm.subarray(0, 4).toString("binary") !== "\0asm") fail("xxgk_bg.wasm is not a wasm module");
const cargo = read(join(here, "..", "Cargo.toml"), "utf8");
const version = (cargo.match(/^version\s*=\s*"([^"]+)"/m) || [])[1] || "0";

// The module gzip-compressed by zopfli: the same format as zlib's, about 6 % smaller than its
// level 9 (the page's size budget), in a few seconds; checked by decompressing it again.
const wasmGz = Buffer.from(await zopfli.gzipAsync(wasm, { numiterations: 15 }));
if (Buffer.compare(gunzipSync(wasmGz), wasm) !== 0) fail("the compressed module does not decompress to itself");

const parts = {
  STYLE: style.replace(/<\/(style)/gi, "<\\/$1"),
  GLUE: glue,
  INFLATE: inflater(),
  WASM_GZIP_BASE64: wasmGz.toString("base64"),
  VERSION: version,
};
// A function replacement, so that `$&` and friends in the glue are left alone.
let html = template.replace(/\{\{([A-Z_0-9]+)\}\}/g, (m, name) => {
  if (!(name in parts)) fail(`unknown placeholder ${m} in index.html`);
  return parts[name];
});
for (const name of Object.keys(parts)) {
  if (!template.includes(`{{${name}}}`)) fail(`index.html lacks the placeholder {{${name}}}`);
}
// The page must not load anything: no src/href pointing anywhere but data: or #.
const external = html.match(/\b(?:src|href)\s*=\s*["'](?!data:|#)[^"']*["']/gi);
if (external) fail(`the page refers to external resources: ${external.join(", ")}`);

// The policy: replaces the template's CSP <meta>, or goes right after <meta charset>.
// Browsers hash a script's text as parsed, where CR LF and CR have become LF: so must we (a
// template checked out with CRLF line ends would otherwise get hashes that match nothing).
html = html.replace(/\r\n?/g, "\n");
const scripts = inlineScripts(html);
if (!scripts.some((s) => s.module && s.text.includes("__xxgk_lock_policy"))) fail("no module script with the glue");
const cspMeta = `<meta http-equiv="Content-Security-Policy" content="${cspFor(scripts.map((s) => sha256(s.text)))}">`;
const existing = html.match(/<meta\s+http-equiv\s*=\s*["']?Content-Security-Policy["']?[^>]*>/gi) || [];
if (existing.length > 1) fail("the template has more than one Content-Security-Policy <meta>");
if (existing.length === 1) {
  html = html.replace(existing[0], () => cspMeta);
} else {
  const charset = html.match(/<meta\s+charset\s*=[^>]*>/i);
  if (!charset) fail("index.html has no <meta charset>");
  html = html.replace(charset[0], (m) => `${m}\n${cspMeta}`);
}
// The policy must come before every script, or the scripts before it run unchecked.
if (html.search(/<meta\s+http-equiv="Content-Security-Policy"/) > html.search(/<script\b/i)) {
  fail("the Content-Security-Policy <meta> comes after a <script>");
}

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
console.log(`${out} (${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB; wasm ${(wasm.length / 1024).toFixed(0)} KiB)`);
