// The page in real old Chromium builds — 72, 78, 80, 83 (the engines of 360 安全浏览器 12/13,
// 奇安信 and other office browsers) — and in the current Debian Chromium, on the core path a
// user takes: open the page from file://, load the sample and paste a report, see the parts,
// key figures and checks, open a .docx and a .html file, compare them, export CSV, analyse a
// long text in the worker; no request but the page file, no error, and the two-stage
// Content-Security-Policy locked once started. The layout is measured in each browser
// (layout.mjs): no boxes overlap, spaced rows are spaced, and every spacing equals the
// current Chromium's — the kind of break flexbox `gap` (Chromium 84+) caused.
//
// The current Chromium runs first: its layout and its analyses are the reference the old ones
// must equal. Figures per browser (start-up, analysis speed) are printed at the end and
// written to tests/e2e/artifacts/old-browsers.json — they are never asserted.
//
// The old builds come from scripts/old-browsers.sh (run by scripts/test.sh), each driven by
// the puppeteer-core of its day (drivers.mjs). Run:
//   bash scripts/old-browsers.sh && node --test tests/e2e/old-browsers.test.mjs
// XXGK_OLD_BROWSERS="80 72" runs only those old ones (the current one always runs).

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { OLD, launchOld, launchCurrent, BROWSERS_DIR, oldBuild } from "./drivers.mjs";
import { layoutProbe, compareLayouts } from "./layout.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const pagePath = process.env.XXGK_PAGE || join(root, "www", "dist", "xxgk.html");
const pageUrl = pathToFileURL(pagePath).href;
const artifacts = join(here, "artifacts");
const fixture = (p) => join(root, "tests", "fixtures", p);
const SEED_000 = readFileSync(fixture("000_a76db0a735cfa73f.txt"), "utf8");
const SEED_002 = readFileSync(fixture("002_ce639bba3c248ba6.txt"), "utf8");
const ALL = ["000_a76db0a735cfa73f", "001_2e44ad171ca045ec", "002_ce639bba3c248ba6", "003_ed6d354b193d9598",
  "004_3113b365ef35d360"].map((n) => readFileSync(fixture(`${n}.txt`), "utf8")).join("\n");
// Over the worker's threshold (150,000 bytes): analysed off the main thread.
const LONG = [ALL, ALL, ALL].join("\n");
const DOCX = fixture("formats/report.docx");
const HTML = fixture("formats/report.html");

const only = (process.env.XXGK_OLD_BROWSERS || "").split(/[\s,]+/).filter(Boolean).map(Number);
const BROWSERS = [{ current: true }, ...OLD.filter((b) => !only.length || only.includes(b.major))];

// Console errors a browser may print that are not the page's fault: Chromium before 97 does
// not know the CSP source 'wasm-unsafe-eval' and says it ignores it (SECURITY.md).
const KNOWN_ERRORS = (major) => (major < 97 ? [/contains an invalid source: ''wasm-unsafe-eval''/] : []);
// Chromium before 97 also reports a `script-src eval` violation when the module is compiled
// under 'unsafe-eval', and then compiles it: it looks for its own experimental 'wasm-eval'
// first, reports its absence, then allows the compilation by 'unsafe-eval' (SECURITY.md).
const KNOWN_START_VIOLATIONS = (major) => (major < 97 ? /^script-src eval at \d+:\d+$/ : null);

/** What the current Chromium measured and analysed: what the old ones must equal. */
const reference = {};
const figures = [];

after(() => {
  if (!figures.length) return;
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(join(artifacts, "old-browsers.json"), JSON.stringify(figures, null, 2));
  const row = (cells) => `# ${cells[0].padEnd(44)}${cells[1].padStart(18)}${cells[2].padStart(28)}${cells[3].padStart(24)}${cells[4].padStart(16)}`;
  console.log(row(["browser", "ready ms (min–max)", "decoded/inflated/compiled/started", "analyze 5 seeds, 65.7 KB", "worker, 197 KB"]));
  for (const f of figures) {
    console.log(row([f.version,
      f.readyMs ? `${f.readyMs.median} (${f.readyMs.min}–${f.readyMs.max})` : "—",
      f.phases ? `${f.phases.decoded}/${f.phases.inflated}/${f.phases.compiled}/${f.phases.started}` : "—",
      f.analyze ? `${f.analyze.ms} ms, ${f.analyze.mbps} MB/s` : "—",
      f.worker ? `${f.worker.ms} ms` : "—"]));
  }
});

/** Waits until the analysis shown is the analysis of the editor's current text. */
function analysed(page, timeout = 20000) {
  return page.waitFor(() => {
    const v = document.getElementById("xxgk-input").value;
    const s = document.getElementById("summary");
    return v.length > 0 && !!s && Number(s.getAttribute("data-chars")) === Array.from(v).length && !document.getElementById("xxgk-busy");
  }, null, { timeout, what: "the analysis of the editor's text" });
}

/** What the page shows of the current report, and what window.xxgk says of the same text. */
function shown() {
  const text = (el) => (el ? el.textContent : null);
  const top = Array.prototype.map.call(document.querySelectorAll("#outline .tree > li.sec > .sec-btn"), (b) =>
    [text(b.querySelector(".num")) || "", text(b.querySelector(".title"))]);
  const key = {};
  Array.prototype.forEach.call(document.querySelectorAll("#key tr[data-field]"), (tr) => {
    const v = tr.querySelector("td.n").textContent.replace(/,/g, "");
    key[tr.getAttribute("data-field")] = v === "—" ? null : Number(v);
  });
  const report = window.xxgk.analyze(document.getElementById("xxgk-input").value);
  // the page shows the twelve xxgk/1 fields always (they come first), the others when given
  const apiKey = {};
  Object.keys(report.key).filter((k) => k !== "sources").forEach((k, i) => {
    if (i < 12 || report.key[k] !== null) apiKey[k] = report.key[k];
  });
  return {
    top, key, apiKey,
    checksHeading: text(document.getElementById("checks-h")),
    checks: document.querySelectorAll("#checks li.check").length,
    apiChecks: report.checks.length,
    quantities: document.querySelectorAll("#quantities tbody tr").length,
    apiQuantities: report.quantities.length,
    summary: text(document.getElementById("summary")),
    report: JSON.stringify(report),
  };
}

/** Asserts the page shows what the API computed, and (old browsers) what the current one did. */
function assertShown(s, name, b) {
  assert.deepEqual(s.key, s.apiKey, "the key figures shown are the analysis's");
  assert.equal(s.checksHeading, `检查（${s.apiChecks}）`);
  assert.equal(s.checks, Math.min(s.apiChecks, s.checks), "checks listed");
  assert.ok(s.apiChecks === 0 || s.checks > 0, "checks are listed");
  assert.ok(s.quantities > 0 && s.quantities <= s.apiQuantities, "quantities are listed");
  if (b.current) reference[name] = s.report;
  else if (reference[name]) assert.equal(s.report, reference[name], "the analysis equals the current Chromium's");
}

function assertLayout(layout, name, b) {
  const found = { overlaps: layout.overlaps, touching: layout.tight, differ: [] };
  if (b.current) {
    reference[`layout:${name}`] = layout;
  } else if (reference[`layout:${name}`]) {
    const ref = reference[`layout:${name}`];
    const { differ, compared } = compareLayouts(layout, ref);
    const of = Object.keys(ref.spacing).length;
    assert.ok(compared >= 0.75 * of && compared >= 20, `only ${compared} of ${of} spacings could be compared`);
    found.differ = differ;
  }
  // overlapping boxes, items of toolbars and field lists that touch, spacings unlike the
  // current Chromium's
  assert.deepEqual(found, { overlaps: [], touching: [], differ: [] }, `the layout of ${name}`);
}

/**
 * Loads the page `n` times (nothing saved in the browser) and returns the median, lowest and
 * highest time to ready, the median time of each start-up phase (the page's performance
 * marks: base64 decoded, module inflated, compiled, started) and the last load's violations.
 */
async function measureStart(page, n = 5) {
  const ready = [];
  const phases = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) await page.evaluate(() => localStorage.clear());
    await page.goto(pageUrl);
    const state = await page.waitFor(() => window.__readyState, null, { what: "data-xxgk" });
    assert.equal(state, "ready", await page.text("#xxgk-fatal"));
    ready.push(await page.evaluate(() => window.__readyAt));
    phases.push(await page.evaluate(() => {
      const at = {};
      performance.getEntriesByType("mark").forEach((m) => { at[m.name.replace("xxgk:", "")] = m.startTime; });
      return at;
    }));
  }
  const med = (xs) => Math.round([...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]);
  const phase = (k) => med(phases.map((p) => p[k]).filter((x) => x !== undefined));
  return {
    readyMs: { median: med(ready), min: Math.round(Math.min(...ready)), max: Math.round(Math.max(...ready)) },
    phases: { decoded: phase("decoded"), inflated: phase("inflated"), compiled: phase("compiled"), started: phase("started") },
    startViolations: await page.evaluate(() => window.__violations.slice()),
  };
}

for (const b of BROWSERS) {
  const label = b.current ? "current Chromium" : `Chromium ${b.major}`;
  test(`${label}: the core path from file://`, async (t) => {
    assert.ok(existsSync(pagePath), `${pagePath} is missing: run scripts/build-page.sh first`);
    if (!b.current) assert.ok(oldBuild(b.major), `Chromium ${b.major} is not in ${BROWSERS_DIR}: run bash scripts/old-browsers.sh`);
    mkdirSync(artifacts, { recursive: true });
    const browser = b.current ? await launchCurrent() : await launchOld(b);
    const major = Number(browser.version.match(/\/(\d+)\./)[1]);
    if (!b.current) assert.equal(major, b.major, browser.version);
    const tag = b.current ? "current" : String(b.major);
    const page = await browser.newPage();
    const fig = { version: browser.version, readyMs: null, analyze: null, worker: null, startViolations: [] };
    try {
      await t.test("starts: ready from file://, nothing but the page requested", async () => {
        Object.assign(fig, await measureStart(page));
        fig.startViolations = await page.evaluate(() => window.__violations.slice());
        const known = KNOWN_START_VIOLATIONS(major);
        assert.deepEqual(fig.startViolations.filter((v) => !(known && known.test(v))), [], "start-up violates nothing");
        assert.ok(!(await page.evaluate(() => !!document.getElementById("xxgk-loading"))), "the loading line is gone");
        assert.ok(await page.evaluate(() => window.xxgk.schema === "xxgk/1"));
      });

      await t.test("示例: the six parts, key figures and checks are shown; the layout holds", async () => {
        assert.equal(await page.text(".toolbar > button:first-child"), "示例");
        await page.click(".toolbar > button:first-child");
        await analysed(page);
        assert.equal(await page.evaluate(() => document.getElementById("xxgk-input").value), SEED_002);
        const s = await page.evaluate(shown);
        assert.deepEqual(s.top.map(([n, tt]) => n + "、" + tt), [
          "一、总体情况",
          "二、主动公开政府信息情况",
          "三、收到和处理政府信息公开申请情况",
          "四、政府信息公开行政复议、行政诉讼情况",
          "五、政府信息公开工作存在的主要问题及改进情况",
          "六、其他需要报告的事项",
        ]);
        assert.match(s.summary, /简体/);
        assertShown(s, "sample", b);
        await page.screenshot(join(artifacts, `old-${tag}-sample.png`));
        assertLayout(await page.evaluate(layoutProbe), "sample", b);
      });

      await t.test("paste: a traditional-script report typed over the sample", async () => {
        await page.paste(SEED_000);
        await analysed(page);
        assert.equal(await page.evaluate(() => document.getElementById("xxgk-input").value), SEED_000);
        const s = await page.evaluate(shown);
        assert.equal(s.top.length, 6, JSON.stringify(s.top));
        assert.equal(s.top[0][1], "總體情況");
        assert.match(s.summary, /繁体/);
        assertShown(s, "seed000", b);
      });

      await t.test("打开文件: a .docx, then a .html; both listed, then compared", async () => {
        for (const [file, n] of [[DOCX, 1], [HTML, 2]]) {
          await page.upload("input[type=file]", [file]);
          await page.waitFor((k) => document.querySelectorAll(".files li.file").length === k, n, { what: `${n} files listed` });
          await analysed(page);
          const s = await page.evaluate(shown);
          assert.ok(s.top.some(([, tt]) => /收到和处理政府信息公开申请情况/.test(tt)), JSON.stringify(s.top));
          assert.ok(s.apiKey.requests_received !== null, "the key figures are read");
          assertShown(s, file, b);
        }
        await page.waitForSelector("#tab-compare");
        await page.click("#tab-compare");
        await page.waitForSelector("#overview");
        const cols = await page.evaluate(() => document.querySelectorAll("#overview thead th").length);
        assert.ok(cols >= 3, `${cols} header cells`);
        await page.screenshot(join(artifacts, `old-${tag}-compare.png`));
        const layout = await page.evaluate(layoutProbe);
        await page.click("#tab-single");
        await page.waitForSelector("#summary");
        assertLayout(layout, "compare", b);
      });

      await t.test("exports: 数量 CSV (UTF-8 with BOM, one row per quantity), JSON (the API's object), Markdown", async () => {
        const { name, bytes } = await page.download("#export-csv");
        assert.match(name, /\.csv$/);
        assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
        const lines = bytes.toString("utf8").slice(1).split("\r\n").filter(Boolean);
        assert.equal(lines[0], "序号,原文,数值,上限,单位,约数,所在部分,起,止");
        const n = await page.evaluate(() => window.xxgk.analyze(document.getElementById("xxgk-input").value).quantities.length);
        assert.equal(lines.length, n + 1);
        const json = await page.download("#export-json");
        assert.match(json.name, /\.json$/);
        const direct = await page.evaluate(() => JSON.stringify(window.xxgk.analyze(document.getElementById("xxgk-input").value)));
        // the report of the file shown (the .html): its input says so; the rest is the text's
        const exported = JSON.parse(json.bytes.toString("utf8"));
        assert.equal(exported.input.format, "html");
        assert.deepEqual({ ...exported, input: null }, { ...JSON.parse(direct), input: null });
        const md = await page.download("#export-md");
        assert.match(md.name, /\.md$/);
        assert.match(md.bytes.toString("utf8"), /^# .+/);
      });

      await t.test("a long text is analysed in the worker", async () => {
        const workers = await page.evaluate(() => [window.__workers, window.__workerReports]);
        const t0 = Date.now();
        // (set at once: typing 197 KB through the DevTools protocol takes longer than analysing it)
        await page.fill(LONG);
        await analysed(page, 60000);
        fig.worker = { ms: Date.now() - t0 };
        const [made, reports] = await page.evaluate(() => [window.__workers, window.__workerReports]);
        assert.ok(made > workers[0], "a Worker was made");
        assert.ok(reports > workers[1], "the worker sent the report (the page did not fall back to its main thread)");
        const s = await page.evaluate(shown);
        assert.ok(s.quantities > 0);
        assertShown(s, "long", b);
      });

      await t.test("analysis speed (printed, not asserted)", async () => {
        const r = await page.evaluate((text) => {
          // the best of 15: on a shared machine the other runs measure the neighbours
          const times = [];
          for (let i = 0; i < 15; i++) {
            const t1 = performance.now();
            window.xxgk.analyze(text);
            times.push(performance.now() - t1);
          }
          return Math.min(...times);
        }, ALL);
        fig.analyze = { ms: Number(r.toFixed(1)), mbps: Number((Buffer.byteLength(ALL) / 1e3 / r).toFixed(1)) };
      });

      await t.test("no request but the page file, no error, no policy violation", async () => {
        // blob: URLs of the page itself (the worker's script, the exports) are memory, not requests.
        const own = /^blob:null\/[0-9a-f-]+$/;
        assert.deepEqual([...new Set(page.requests.filter((u) => !own.test(u)))], [pageUrl]);
        const known = KNOWN_ERRORS(major);
        assert.deepEqual(page.errors.filter((e) => !known.some((re) => re.test(e))), []);
        assert.deepEqual(await page.evaluate(() => window.__violations), fig.startViolations, "nothing violated the policy after start-up");
      });

      await t.test("the policy holds once started: no connection, no code from strings, no WebAssembly compilation", async () => {
        const r = await page.evaluate(async (skip) => {
          // DevTools' own evaluation is exempt from the policy: code from strings is tried the
          // way page code would meet it, a string timer (and a wasm compile of an empty module).
          const out = { metas: document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]').length };
          try { await fetch("http://127.0.0.1:9/xxgk"); out.fetch = "fetched"; } catch (e) { out.fetch = e.name; }
          setTimeout("window.__evaluated = true", 0);
          try {
            await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
            out.wasm = "compiled";
          } catch (e) { out.wasm = e.name; }
          await new Promise((ok) => setTimeout(ok, 200));
          out.evaluated = window.__evaluated === true;
          // (those of start-up aside, see KNOWN_START_VIOLATIONS)
          out.violated = window.__violations.slice(skip).map((v) => v.split(" ")[0]).filter((d, i, a) => a.indexOf(d) === i).sort();
          return out;
        }, fig.startViolations.length);
        assert.deepEqual(r, { metas: 2, fetch: "TypeError", wasm: "CompileError", evaluated: false, violated: ["connect-src", "script-src"] });
      });
      figures.push(fig);
    } finally {
      await page.close().catch(() => {});
      await browser.close();
    }
  });
}

/** A copy of the page with its module script changed, the policy's hash of it updated. */
function variant(edit) {
  const html = readFileSync(pagePath, "utf8");
  const m = html.match(/<script type="module" id="xxgk-main">([\s\S]*?)<\/script>/);
  const hash = (t) => `'sha256-${createHash("sha256").update(t, "utf8").digest("base64")}'`;
  const text = edit(m[1]);
  const out = html.replace(m[1], () => text).replace(hash(m[1]), () => hash(text));
  assert.ok(out.includes(hash(text)), "the policy has the new hash");
  const dir = mkdtempSync(join(tmpdir(), "xxgk-variant-"));
  writeFileSync(join(dir, "xxgk.html"), out);
  return { url: pathToFileURL(join(dir, "xxgk.html")).href, done: () => rmSync(dir, { recursive: true, force: true }) };
}

test("current Chromium without DecompressionStream starts with the bundled gunzip", async () => {
  const browser = await launchCurrent();
  const page = await browser.newPage({ init: [() => { delete window.DecompressionStream; }] });
  try {
    const fig = await measureStart(page);
    assert.equal(await page.evaluate(() => typeof DecompressionStream), "undefined");
    figures.push({ version: `${browser.version}, no DecompressionStream`, ...fig });
    assert.ok(await page.evaluate(() => window.xxgk.analyze("一、总体情况\n共受理申请598件。").quantities.length === 1));
    assert.deepEqual(page.errors, []);
    assert.deepEqual(fig.startViolations, []);
  } finally {
    await browser.close();
  }
});

test("below the floor: a module the browser cannot parse (optional chaining in Chromium 72) gets the message", async () => {
  const v = variant((text) => `${text}\nvoid (window.xxgk?.version);\n`);
  const browser = await launchOld(OLD[0]);
  const page = await browser.newPage();
  try {
    await page.goto(v.url);
    const state = await page.waitFor(() => window.__readyState, null, { what: "data-xxgk" });
    assert.equal(state, "unsupported");
    assert.match(await page.text("#xxgk-fatal-msg"), /浏览器版本过旧/);
    assert.match(await page.text("#xxgk-fatal-detail"), /SyntaxError/);
    assert.equal(await page.evaluate(() => !!document.getElementById("xxgk-loading") && !document.getElementById("xxgk-loading").hidden), false);
  } finally {
    await browser.close();
    v.done();
  }
});

test("below the floor: a browser without ES modules gets the message in Chinese", async () => {
  // A browser without modules neither runs <script type="module"> nor knows `nomodule`: the
  // page as such a browser sees it (the module's type unknown, the attribute ignored), in the
  // current Chromium. The scripts' hashes are unchanged, so the policy still allows them.
  const html = readFileSync(pagePath, "utf8");
  const dir = join(tmpdir(), `xxgk-nomodule-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "xxgk.html");
  const old = html.replace('<script type="module" id="xxgk-main">', '<script type="x-unknown" id="xxgk-main">')
    .replace("<script nomodule>", "<script>");
  assert.notEqual(old, html);
  writeFileSync(file, old);
  const browser = await launchCurrent();
  const page = await browser.newPage();
  try {
    await page.goto(pathToFileURL(file).href);
    const state = await page.waitFor(() => window.__readyState, null, { what: "data-xxgk" });
    assert.equal(state, "unsupported");
    assert.match(await page.text("#xxgk-fatal-msg"), /浏览器版本过旧/);
    assert.equal(await page.evaluate(() => document.getElementById("xxgk-fatal").hidden), false);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
