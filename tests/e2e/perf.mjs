#!/usr/bin/env node
// Speed, size and memory of the page in headless Chromium, printed as tables. Not a test:
// nothing is asserted, the figures go to docs/performance.md. Runs by itself:
//
//   node tests/e2e/perf.mjs            # after scripts/build-page.sh
//   XXGK_PAGE=other.html node tests/e2e/perf.mjs
//
// What it measures (targets from docs/performance.md in brackets):
//  - the page's size, raw and gzipped [≤ 2.5 MB];
//  - time from navigation to interactive (`<html data-xxgk="ready">`, the moment the API is
//    installed and the app mounted), file://, fresh profile, median of 7 [≤ 200 ms], and the
//    same loads by start-up phase (the page's performance marks: page read and parsed, base64
//    decoded, gzip inflated, module compiled, instantiated, app mounted);
//  - window.xxgk.analyze on every seed, timed with performance.now() inside the page (so the
//    figure includes copying the text into wasm and building the result object), MB/s of
//    UTF-8 input [≥ 20 MB/s];
//  - the same on growing inputs (all seeds joined, repeated) to show the time is linear;
//  - memory while analysing a 5 MB input [≤ 10× the input]: the growth of the wasm linear
//    memory (it never shrinks, so its growth is the module's peak) plus the JS heap the
//    result object holds (CDP Runtime.getHeapUsage with and without the result, each after
//    a full GC).

import { readFileSync, readdirSync, statSync } from "node:fs";
import { gzipSync, gunzipSync } from "node:zlib";
import { cpus, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const pagePath = process.env.XXGK_PAGE || join(root, "www", "dist", "xxgk.html");
const pageUrl = pathToFileURL(pagePath).href;
import { CHROMIUM, ARGS } from "./browser.mjs";
const fixtures = join(root, "tests", "fixtures");
const SEEDS = readdirSync(fixtures).filter((f) => f.endsWith(".txt")).sort()
  .map((f) => ({ name: f.slice(0, 3), text: readFileSync(join(fixtures, f), "utf8") }));
const ALL = SEEDS.map((s) => s.text).join("\n");
const MB = 1e6;
const utf8 = (s) => Buffer.byteLength(s, "utf8");

function table(title, head, rows) {
  const cells = [head, ...rows].map((r) => r.map(String));
  const w = head.map((_, i) => Math.max(...cells.map((r) => [...r[i]].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join("  ");
  console.log(`\n${title}\n${line(cells[0])}\n${w.map((n) => "-".repeat(n)).join("  ")}`);
  for (const r of cells.slice(1)) console.log(line(r));
}
// XXGK_PERF=start,memory runs only those parts (size always): start, analyze, memory.
const only = (process.env.XXGK_PERF || "").split(",").filter(Boolean);
const want = (part) => only.length === 0 || only.includes(part);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
const version = browser.version();

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  // Records when the page becomes ready, and keeps the module's memory for the figures.
  await page.addInitScript(() => {
    // (The <html> element does not exist yet: watch the whole document.)
    new MutationObserver((_, obs) => {
      if (document.documentElement && document.documentElement.dataset.xxgk === "ready") {
        window.__readyAt = performance.now();
        obs.disconnect();
      }
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-xxgk"] });
    const instantiate = WebAssembly.instantiate;
    WebAssembly.instantiate = function (...args) {
      return instantiate.apply(this, args).then((r) => {
        const inst = r instanceof WebAssembly.Instance ? r : r.instance;
        window.__wasmMemory = inst.exports.memory;
        return r;
      });
    };
  });
  return { context, page };
}

// 1. Size.
const html = readFileSync(pagePath);
const wasmB64 = html.toString("utf8").match(/id="xxgk-wasm">([^<]*)</)?.[1].trim() ?? "";
table("Page size", ["what", "bytes", "gzipped"], [
  ["www/dist/xxgk.html", html.length, gzipSync(html, { level: 9 }).length],
  ["  wasm module (inflated)", gunzipSync(Buffer.from(wasmB64, "base64")).length, Buffer.from(wasmB64, "base64").length],
]);

// 2. Navigation → interactive, and by phase.
if (want("start")) {
  const ready = [];
  const loaded = [];
  const marks = [];
  for (let i = 0; i < 7; i++) {
    const { context, page } = await newPage();
    await page.goto(pageUrl);
    await page.waitForSelector('html[data-xxgk="ready"]', { timeout: 30000 });
    // (xxgk:started comes a few microtasks after xxgk:ready at most: wait for it too.)
    await page.waitForFunction(() => performance.getEntriesByName("xxgk:started").length > 0, null, { timeout: 30000 });
    const t = await page.evaluate(() => ({
      ready: window.__readyAt,
      dcl: performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd,
      marks: Object.fromEntries(performance.getEntriesByType("mark").map((m) => [m.name.replace("xxgk:", ""), m.startTime])),
    }));
    ready.push(t.ready);
    loaded.push(t.dcl);
    marks.push({ nav: 0, ...t.marks });
    await context.close();
  }
  const range = (xs) => [median(xs).toFixed(0), Math.min(...xs).toFixed(0), Math.max(...xs).toFixed(0)];
  table("Navigation to interactive (file://, fresh context; 7 loads)", ["what", "median ms", "min ms", "max ms"], [
    ["DOMContentLoaded", ...range(loaded)],
    ['ready (data-xxgk="ready")', ...range(ready)],
  ]);
  // Each phase: from one mark to the next, per load; then the median of the loads.
  const PHASES = [
    ["page read up to its first script", "nav", "html"],
    ["rest of the page parsed, module script compiled", "html", "boot"],
    ["base64 decoded", "boot", "decoded"],
    ["gzip inflated (DecompressionStream)", "decoded", "inflated"],
    ["module compiled", "inflated", "compiled"],
    ["policy locked, module instantiated", "compiled", "instantiated"],
    ["start function: API, app mounted (xxgk:ready)", "instantiated", "ready"],
  ];
  const missing = PHASES.flatMap(([, a, b]) => [a, b]).filter((k) => marks.some((m) => m[k] === undefined));
  if (missing.length) console.log(`\n(no mark ${[...new Set(missing)].join(", ")}: an older page?)`);
  table("Start-up by phase (the same 7 loads; the page's performance marks)", ["phase", "median ms", "min ms", "max ms", "ends at (median)"],
    [...PHASES.map(([name, a, b]) => [name, ...range(marks.map((m) => m[b] - m[a])), median(marks.map((m) => m[b])).toFixed(0)]),
      ["total: navigation to xxgk:ready", ...range(marks.map((m) => m.ready)), ""]]);
}

// 3. Throughput on the seeds (and 4. linear time), in one page.
if (want("analyze")) {
  const { context, page } = await newPage();
  await page.goto(pageUrl);
  await page.waitForSelector('html[data-xxgk="ready"]', { timeout: 30000 });
  /**
   * Runs analyze on `text` in the page: two warm-up runs, then samples of back-to-back runs
   * lasting ≥ 20 ms each (performance.now() is coarsened to 0.1 ms in pages that are not
   * cross-origin isolated), for `budgetMs`; the median time of one run.
   */
  const timeAnalyze = (text, budgetMs = 1500, minSamples = 5) => page.evaluate(({ text, budgetMs, minSamples }) => {
    for (let i = 0; i < 2; i++) window.xxgk.analyze(text);
    const samples = [];
    let runs = 0;
    const start = performance.now();
    while (samples.length < minSamples || performance.now() - start < budgetMs) {
      const t = performance.now();
      let n = 0;
      do {
        window.xxgk.analyze(text);
        n++;
      } while (performance.now() - t < 20);
      samples.push((performance.now() - t) / n);
      runs += n;
      if (samples.length >= 100) break;
    }
    samples.sort((a, b) => a - b);
    return { ms: samples[Math.floor(samples.length / 2)], runs };
  }, { text, budgetMs, minSamples });

  const rows = [];
  for (const s of [...SEEDS, { name: "all five joined", text: ALL }]) {
    const r = await timeAnalyze(s.text);
    const bytes = utf8(s.text);
    rows.push([s.name, [...s.text].length, bytes, r.ms.toFixed(3), (bytes / MB / (r.ms / 1000)).toFixed(1), r.runs]);
  }
  table(`window.xxgk.analyze on the seeds (Chromium ${version}; median)`, ["seed", "chars", "UTF-8 bytes", "ms", "MB/s", "runs"], rows);

  // 4. Linear time: all seeds joined, repeated.
  const scale = [];
  for (const n of [1, 4, 16, 64]) {
    const text = Array(n).fill(ALL).join("\n");
    const r = await timeAnalyze(text, 1000, n >= 16 ? 3 : 5);
    const bytes = utf8(text);
    scale.push([`×${n}`, bytes, r.ms.toFixed(1), (r.ms / n).toFixed(2), (bytes / MB / (r.ms / 1000)).toFixed(1)]);
  }
  table("Growing input (all seeds joined, repeated; median)", ["input", "UTF-8 bytes", "ms", "ms per copy", "MB/s"], scale);
  await context.close();
}

// 5. Memory while analysing a 5 MB input, in a fresh browser that lets us force a GC.
if (want("memory")) {
  const b = await chromium.launch({ executablePath: CHROMIUM, headless: true,
    args: [...ARGS, "--js-flags=--expose-gc"] });
  const context = await b.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const instantiate = WebAssembly.instantiate;
    WebAssembly.instantiate = function (...args) {
      return instantiate.apply(this, args).then((r) => {
        window.__wasmMemory = (r instanceof WebAssembly.Instance ? r : r.instance).exports.memory;
        return r;
      });
    };
  });
  await page.goto(pageUrl);
  await page.waitForSelector('html[data-xxgk="ready"]', { timeout: 30000 });
  const copies = Math.ceil(5 * MB / utf8(ALL));
  // (performance.memory is cached inside a call: the JS heap is read through CDP between calls.)
  const cdp = await context.newCDPSession(page);
  const heap = async () => {
    await page.evaluate(() => window.gc());
    return (await cdp.send("Runtime.getHeapUsage")).usedSize;
  };
  // The input as a paste would give it: one flat string, made before the analysis.
  await page.evaluate(({ all, copies }) => {
    window.__input = Array(copies).fill(all).join("\n");
    /\u0000/.test(window.__input); // flattens the joined string
  }, { all: ALL, copies });
  const m = await page.evaluate(() => {
    const wasm0 = window.__wasmMemory.buffer.byteLength;
    const t = performance.now();
    window.__result = window.xxgk.analyze(window.__input);
    const ms = performance.now() - t;
    return { ms, wasm0, wasm1: window.__wasmMemory.buffer.byteLength, q: window.__result.quantities.length,
      json: JSON.stringify(window.__result).length };
  });
  // The JS heap the result holds: with it and without it, each after a full GC.
  const heapWith = await heap();
  await page.evaluate(() => { window.__result = null; });
  m.result = heapWith - (await heap());
  const bytes = copies * utf8(ALL) + copies - 1;
  const x = (n) => (n / bytes).toFixed(1);
  const peak = (m.wasm1 - m.wasm0) + m.result;
  table(`Memory analysing ${(bytes / MB).toFixed(2)} MB (all seeds ×${copies}; ${m.q} quantities; JSON ${(m.json / MB).toFixed(1)} MB; ${m.ms.toFixed(0)} ms, cold)`,
    ["what", "bytes", "× input"], [
      ["wasm linear memory before", m.wasm0, ""],
      ["wasm linear memory after (= its peak)", m.wasm1, ""],
      ["  growth", m.wasm1 - m.wasm0, x(m.wasm1 - m.wasm0)],
      ["JS heap held by the result object", m.result, x(m.result)],
      ["peak attributable to the analysis (≈ sum)", peak, x(peak)],
    ]);
  await b.close();
}

await browser.close();
const [l1, l5] = loadavg();
console.log(`\nmachine: ${cpus().length} × ${cpus()[0].model}; load average ${l1.toFixed(2)} (1 min), ${l5.toFixed(2)} (5 min)`);
console.log(`page: ${pagePath} (${statSync(pagePath).mtime.toISOString()})`);
