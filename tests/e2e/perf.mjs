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
//  - input latency while typing into the editor (keydown → the frame after it) with a 17 KB,
//    a 66 KB, a 131 KB and a 1 MB text, each analysed on the main thread and in the worker
//    (`?xxgk-worker-min=BYTES`, see src/web/worker.rs; as shipped, texts of 150,000 bytes
//    and more go to the worker); also the page's long tasks and the time from the last key
//    to the new analysis on screen (XXGK_TYPING_ROUNDS rounds, 3);
//  - window.xxgk.analyze on every seed, timed with performance.now() inside the page (so the
//    figure includes copying the text into wasm and building the result object), MB/s of
//    UTF-8 input [≥ 20 MB/s];
//  - the same on growing inputs (all seeds joined, repeated) to show the time is linear;
//  - the analysis stage by stage in the page (window.xxgk.stages: the core's stage hook timed
//    with the page's clock, summed over many rounds), ms/MB and MB/s per stage for the five
//    seeds one after another, as examples/stages prints natively;
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
// XXGK_PERF=start,typing runs only those parts (size always): start, analyze, stages, typing,
// memory.
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
    ["start function: panic hook, window.xxgk", "instantiated", "installed"],
    ["app rendered and mounted (xxgk:ready)", "installed", "ready"],
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

// 4b. Stage by stage: the seeds one after another, many rounds, the sums of each stage.
if (want("stages")) {
  const { context, page } = await newPage();
  await page.goto(pageUrl);
  await page.waitForSelector('html[data-xxgk="ready"]', { timeout: 30000 });
  const ROUNDS = Number(process.env.XXGK_STAGE_ROUNDS || 200);
  const sums = await page.evaluate(({ texts, rounds }) => {
    for (const t of texts) window.xxgk.stages(t, 2);
    const total = {};
    for (let r = 0; r < rounds; r++) {
      for (const t of texts) {
        const s = window.xxgk.stages(t, 1);
        for (const k of Object.keys(s)) total[k] = (total[k] || 0) + s[k];
      }
    }
    return total;
  }, { texts: SEEDS.map((s) => s.text), rounds: ROUNDS });
  const bytes = SEEDS.reduce((n, s) => n + utf8(s.text), 0) * ROUNDS;
  const all = Object.values(sums).reduce((a, b) => a + b, 0);
  const row = (k, ms) => {
    const perMB = ms / (bytes / MB);
    return [k, perMB.toFixed(3), `${((100 * ms) / all).toFixed(1)}%`, (1000 / perMB).toFixed(0)];
  };
  table(`Stage by stage in the page (Chromium ${version}; the five seeds in sequence, ${ROUNDS} rounds, load ${loadavg()[0].toFixed(2)})`,
    ["stage", "ms/MB", "share", "MB/s"], [...Object.entries(sums).map(([k, ms]) => row(k, ms)), row("whole pass", all)]);
  await context.close();
}

// 5. Typing: input latency with the analysis on the main thread or in the worker.
if (want("typing")) {
  const KEYS = "2019 2020 2021 ";
  // Bursts of 6 keys (keyboard.type's delay 40 ms: a key down 40 ms, 40 ms to the next, so a
  // key every ≈ 80 ms, a fast typist), then a pause of 350 ms: longer than the editor's 200 ms
  // debounce, so an analysis starts in every pause and the next burst may meet it. 8 bursts:
  // 48 keys.
  const BURSTS = 8, BURST = 6, DELAY = 40, PAUSE = 350;
  const texts = [
    ["seed 000", SEEDS[0].text],
    ["seeds joined", ALL],
    ["seeds joined ×2", Array(2).fill(ALL).join("\n")],
    ["seeds joined ×16", Array(16).fill(ALL).join("\n")],
  ];
  // Each text both ways; the page as shipped sends texts of 150,000 bytes and more to the
  // worker (WORKER_MIN_BYTES in src/web/worker.rs). (4e9: the page's usize is 32 bits.)
  const SHIPPED_MIN = 150000;
  const modes = [
    ["main thread", "?xxgk-worker-min=4000000000", (bytes) => bytes < SHIPPED_MIN],
    ["worker", "?xxgk-worker-min=0", (bytes) => bytes >= SHIPPED_MIN],
    ["control: a bare <textarea>", null, () => false],
  ];
  const shown = (page, n) => page.waitForFunction((n) => {
    const s = document.getElementById("summary");
    return s && Number(s.dataset.chars) === n && !document.getElementById("xxgk-busy") && performance.now();
  }, n, { timeout: 120000, polling: "raf" }).then((h) => h.jsonValue());
  const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
  // One round: the page opened with the analysis placed as `query` says, the text pasted, then
  // the bursts typed at its end.
  // `query` null: the control, a bare <textarea> of the editor's size and font on an empty
  // page (what the browser itself spends on a key).
  async function typeInto(text, query) {
    const { context, page } = await newPage();
    if (query === null) {
      await page.goto(pageUrl);
      await page.waitForSelector('html[data-xxgk="ready"]', { timeout: 30000 });
      const style = await page.evaluate(() => {
        const cs = getComputedStyle(document.getElementById("xxgk-input"));
        return ["width", "height", "font-family", "font-size", "line-height", "padding", "white-space"]
          .map((p) => `${p}:${cs.getPropertyValue(p)}`).join(";");
      });
      await page.setContent(`<!doctype html><meta charset="utf-8"><textarea id="xxgk-input" style="${style}"></textarea>`);
    } else {
      await page.goto(pageUrl + query);
      await page.waitForSelector('html[data-xxgk="ready"]', { timeout: 30000 });
    }
    await page.evaluate((t) => {
      const ta = document.getElementById("xxgk-input");
      ta.value = t;
      ta.dispatchEvent(new InputEvent("input", { bubbles: true }));
    }, text);
    if (query !== null) await shown(page, [...text].length);
    await page.evaluate(() => {
      const ta = document.getElementById("xxgk-input");
      ta.focus();
      ta.setSelectionRange(ta.value.length, ta.value.length);
      window.__lat = [];
      window.__long = [];
      // keydown's timeStamp is when the browser made the event, so a key that waits for a
      // busy main thread counts its wait; the MessageChannel message after the next
      // animation frame runs once that frame is out.
      document.addEventListener("keydown", (e) => {
        const t0 = e.timeStamp;
        window.__lastKey = t0;
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => window.__lat.push(performance.now() - t0);
          ch.port2.postMessage(0);
        });
      }, true);
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); })
        .observe({ entryTypes: ["longtask"] });
    });
    for (let b = 0; b < BURSTS; b++) {
      await page.keyboard.type(KEYS.slice(0, BURST), { delay: DELAY });
      if (b < BURSTS - 1) await page.waitForTimeout(PAUSE);
    }
    const final = await page.evaluate(() => document.getElementById("xxgk-input").value);
    const at = query === null ? NaN : await shown(page, [...final].length);
    await page.waitForTimeout(100); // the last key's frame
    const r = await page.evaluate(() => ({ lat: window.__lat, long: window.__long, last: window.__lastKey }));
    r.result = at - r.last;
    // The part of a key spent in the editor's input handler (it saves the whole text to
    // localStorage and takes it into wasm; the analysis waits for the debounce): 10 input
    // events dispatched back to back, timed synchronously.
    r.handler = query === null ? NaN : await page.evaluate(() => {
      const ta = document.getElementById("xxgk-input");
      const t0 = performance.now();
      for (let i = 0; i < 10; i++) ta.dispatchEvent(new InputEvent("input", { bubbles: true }));
      return (performance.now() - t0) / 10;
    });
    r.workers = page.workers().length;
    await context.close();
    return r;
  }
  const ROUNDS = Number(process.env.XXGK_TYPING_ROUNDS || 3);
  const runs = texts.map(() => modes.map(() => ({ lat: [], long: [], result: [], handler: [], workers: 0 })));
  for (let round = 0; round < ROUNDS; round++) {
    for (let ti = 0; ti < texts.length; ti++) {
      // The modes in another order each round, so that a change of the machine's load does
      // not always fall on the same one.
      for (let k = 0; k < modes.length; k++) {
        const mi = (k + round) % modes.length;
        const r = await typeInto(texts[ti][1], modes[mi][1]);
        const acc = runs[ti][mi];
        acc.lat.push(...r.lat);
        acc.long.push(...r.long);
        acc.result.push(r.result);
        acc.handler.push(r.handler);
        acc.workers = Math.max(acc.workers, r.workers);
      }
    }
  }
  const rows = [];
  texts.forEach(([tname, text], ti) => modes.forEach(([mname], mi) => {
    const a = runs[ti][mi];
    rows.push([`${tname}, ${(utf8(text) / 1000).toFixed(0)} KB`, mname + (modes[mi][2](utf8(text)) ? " (as shipped)" : ""), a.lat.length, median(a.lat).toFixed(0),
      pct(a.lat, 0.9).toFixed(0), Math.max(...a.lat).toFixed(0), a.long.length,
      a.long.reduce((x, y) => x + y, 0).toFixed(0), a.long.length ? Math.max(...a.long).toFixed(0) : "0",
      Number.isNaN(a.result[0]) ? "—" : median(a.result).toFixed(0),
      Number.isNaN(a.handler[0]) ? "—" : median(a.handler).toFixed(1), a.workers]);
  }));
  table(`Typing into the editor, ${ROUNDS} rounds: ${BURSTS} bursts of ${BURST} keys (delay ${DELAY} ms), ${PAUSE} ms pauses; input latency = keydown → the frame after it, ms; long tasks: all rounds`,
    ["text", "analysis", "keys", "median", "p90", "max", "long tasks", "their ms", "longest", "last key → result", "input handler", "workers"], rows);
}

// 6. Memory while analysing a 5 MB input, in a fresh browser that lets us force a GC.
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
