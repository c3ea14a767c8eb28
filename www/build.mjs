#!/usr/bin/env node
// Assembles the page into ONE self-contained file, www/dist/xxgk.html: the template
// (www/index.html) with the style sheet, the wasm-bindgen glue (made into an inline module
// script) and the wasm module (base64) inlined. No npm dependencies.
//
// Usage: node www/build.mjs <bindgen-dir> [out-file]
//   <bindgen-dir> holds wasm-bindgen's `--target web` output: xxgk.js and xxgk_bg.wasm.

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
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
  // Inside <script>, "</script" and "<!--" would end or confuse the element.
  g = g.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
  return g;
}

const template = read(join(here, "index.html"), "utf8");
const style = read(join(here, "style.css"), "utf8");
const glue = inlineGlue(read(join(bindgen, "xxgk.js"), "utf8"));
const wasm = read(join(bindgen, "xxgk_bg.wasm"));
if (wasm.subarray(0, 4).toString("binary") !== "\0asm") fail("xxgk_bg.wasm is not a wasm module");
const cargo = read(join(here, "..", "Cargo.toml"), "utf8");
const version = (cargo.match(/^version\s*=\s*"([^"]+)"/m) || [])[1] || "0";

const parts = {
  STYLE: style.replace(/<\/(style)/gi, "<\\/$1"),
  GLUE: glue,
  WASM_BASE64: wasm.toString("base64"),
  VERSION: version,
};
// A function replacement, so that `$&` and friends in the glue are left alone.
const html = template.replace(/\{\{([A-Z_0-9]+)\}\}/g, (m, name) => {
  if (!(name in parts)) fail(`unknown placeholder ${m} in index.html`);
  return parts[name];
});
for (const name of Object.keys(parts)) {
  if (!template.includes(`{{${name}}}`)) fail(`index.html lacks the placeholder {{${name}}}`);
}
// The page must not load anything: no src/href pointing anywhere but data: or #.
const external = html.match(/\b(?:src|href)\s*=\s*["'](?!data:|#)[^"']*["']/gi);
if (external) fail(`the page refers to external resources: ${external.join(", ")}`);

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
console.log(`${out} (${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB; wasm ${(wasm.length / 1024).toFixed(0)} KiB)`);
