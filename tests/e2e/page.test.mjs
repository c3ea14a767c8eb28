// Browser tests of the single-file page www/dist/xxgk.html, opened from file:// in Debian's
// chromium through playwright-core. Run: node --test tests/e2e/ (after scripts/build-page.sh).
//
// Tests marked [core] assert what a finished analysis core must produce for the seeds
// (sections, quantities, furniture); they fail while the core returns empty sections.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, existsSync, statSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const pagePath = process.env.XXGK_PAGE || join(root, "www", "dist", "xxgk.html");
const pageUrl = pathToFileURL(pagePath).href;
const artifacts = join(here, "artifacts");
const seed = (name) => readFileSync(join(root, "tests", "fixtures", name), "utf8");
const SEED_000 = seed("000_a76db0a735cfa73f.txt");
const SEED_002 = seed("002_ce639bba3c248ba6.txt");
// A made-up report with table 3 (2021 template) copied from a web page: tab-separated cells.
const TABLE3_TSV = `某县人民政府2021年政府信息公开工作年度报告

一、总体情况

2021年，全年主动公开政府信息2316条。

三、收到和处理政府信息公开申请情况

申请人情况	自然人	法人或其他组织	总计
商业企业	科研机构	社会公益组织	法律服务机构	其他
一、本年新收政府信息公开申请数量	71	3	0	0	2	1	77
二、上年结转政府信息公开申请数量	3	0	0	0	0	0	3
三、本年度办理结果	（一）予以公开	30	1	0	0	1	0	32
	（二）部分公开（区分处理的，只计这一情形，不计其他情形）	5	0	0	0	0	1	6
（三）不予公开	1.属于国家秘密	0	0	0	0	0	0	0
2.其他法律行政法规禁止公开	1	0	0	0	0	0	1
	3.危及“三安全一稳定”	0	0	0	0	0	0	0
4.保护第三方合法权益	2	0	0	0	0	0	2
5.属于三类内部事务信息	1	0	0	0	0	0	1
	6.属于四类过程性信息	0	0	0	0	0	0	0
7.属于行政执法案卷	0	0	0	0	0	0	0
8.属于行政查询事项	1	0	0	0	0	0	1
	（四）无法提供	1.本机关不掌握相关政府信息	15	1	0	0	1	0	17
2.没有现成信息需要另行制作	3	0	0	0	0	0	3
3.补正后申请内容仍不明确	1	0	0	0	0	0	1
	（五）不予处理	1.信访举报投诉类申请	4	0	0	0	0	0	4
2.重复申请	2	1	0	0	0	0	3
3.要求提供公开出版物	0	0	0	0	0	0	0
	4.无正当理由大量反复申请	0	0	0	0	0	0	0
5.要求行政机关确认或重新出具已获取信息	1	0	0	0	0	0	1
（六）其他处理	1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请	2	0	0	0	0	0	2
	2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请	0	0	0	0	0	0	0
3.其他	1	0	0	0	0	0	1
（七）总计	69	3	0	0	2	1	75
四、结转下年度继续办理	5	0	0	0	0	0	5
`;
const SEEDS = readdirSync(join(root, "tests", "fixtures")).filter((f) => f.endsWith(".txt")).sort();

// The CLI to compare with: $XXGK_BIN, else the newest of target/{release,debug}/xxgk.
function cliPath() {
  if (process.env.XXGK_BIN) return process.env.XXGK_BIN;
  const found = ["release", "debug"].map((p) => join(root, "target", p, "xxgk")).filter((p) => existsSync(p));
  found.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return found[0];
}

import { CHROMIUM, ARGS } from "./browser.mjs";

let context;
let profile;

before(async () => {
  assert.ok(existsSync(pagePath), `${pagePath} is missing: run scripts/build-page.sh first`);
  mkdirSync(artifacts, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), "xxgk-e2e-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
    locale: "zh-CN",
  });
});

after(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Opens the page, recording every request and every page error. */
async function open() {
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(pageUrl);
  await page.waitForSelector('html[data-xxgk="ready"]', { timeout: 20000 });
  return { page, requests, errors };
}

/** Waits until the analysis shown is the analysis of the editor's current text. */
async function analysed(page) {
  await page.waitForFunction(() => {
    const v = document.getElementById("xxgk-input").value;
    const s = document.getElementById("summary");
    return s && Number(s.dataset.chars) === Array.from(v).length;
  }, null, { timeout: 10000 });
}

async function paste(page, text) {
  await page.fill("#xxgk-input", text);
  await analysed(page);
}

/** Top-level outline entries as [number, title]. */
function topLevel(page) {
  return page.$$eval("#outline .tree > li.sec", (lis) =>
    lis.map((li) => {
      const b = li.querySelector(":scope > .sec-btn");
      return [b.querySelector(".num")?.textContent ?? "", b.querySelector(".title").textContent];
    }));
}

/** Quantity rows as {text, value, unit}. */
function quantityRows(page) {
  return page.$$eval("#quantities tbody tr", (trs) =>
    trs.map((tr) => {
      const td = tr.querySelectorAll("td");
      return { text: td[0].textContent, value: td[1].textContent, unit: td[2].textContent };
    }));
}

// Builds GB18030 bytes for a string from the platform's decoder (Node has no GBK encoder).
function gb18030(text) {
  const dec = new TextDecoder("gb18030", { fatal: true });
  const table = new Map();
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      try { table.set(dec.decode(Uint8Array.of(a, b)), [a, b]); } catch { /* not a character */ }
    }
  }
  const out = [];
  for (const ch of text) {
    if (ch.codePointAt(0) < 0x80) out.push(ch.codePointAt(0));
    else if (table.has(ch)) out.push(...table.get(ch));
    else throw new Error(`no GB18030 two-byte code for ${ch}`);
  }
  return Uint8Array.from(out);
}

test("the page loads from file:// with no other request and no error", async () => {
  const { page, requests, errors } = await open();
  await page.fill("#xxgk-input", SEED_002.slice(0, 400));
  await analysed(page);
  assert.deepEqual(requests, [pageUrl], "the only request is the page itself");
  assert.deepEqual(errors, []);
  assert.equal(await page.title(), "政府信息公开工作年度报告 结构与数据");
  // Controls are labelled for screen readers.
  assert.equal(await page.getAttribute("label[for=xxgk-input]", "for"), "xxgk-input");
  assert.ok(await page.$('input[type=file]').then((h) => h.evaluate((el) => !!el.closest("label"))));
  await page.close();
});

test("window.xxgk.analyze returns the xxgk/1 contract as a plain object", async () => {
  const { page } = await open();
  const r = await page.evaluate((t) => {
    const r = window.xxgk.analyze(t);
    return { r, plain: JSON.stringify(r) === JSON.stringify(JSON.parse(JSON.stringify(r))),
      proto: Object.getPrototypeOf(r) === Object.prototype && Object.getPrototypeOf(r.meta) === Object.prototype,
      chars: Array.from(t).length, version: window.xxgk.version };
  }, SEED_000);
  assert.equal(r.r.schema, "xxgk/1");
  assert.deepEqual(Object.keys(r.r), ["schema", "meta", "sections", "quantities", "key", "tables", "checks", "furniture", "input"]);
  for (const k of ["title", "agency", "year", "published", "doc_type", "script"]) {
    assert.ok(k in r.r.meta, `meta.${k}`);
    assert.notEqual(r.r.meta[k], undefined, `meta.${k} is null or a value, never undefined`);
  }
  assert.equal(r.r.meta.script, "traditional");
  assert.equal(r.r.input.chars, r.chars);
  assert.ok(r.proto, "plain objects, not Maps");
  assert.ok(r.plain);
  assert.match(r.version, /^\d+\.\d+\.\d+/);
  // Not a string: a TypeError, not a crash.
  const err = await page.evaluate(() => { try { window.xxgk.analyze(42); return null; } catch (e) { return e.constructor.name; } });
  assert.equal(err, "TypeError");
  await page.close();
});

test("[cli] window.xxgk.analyzeBytes gives exactly the CLI's JSON for every seed", async (t) => {
  const bin = cliPath();
  if (!bin) return t.skip("no CLI binary (cargo build) to compare with");
  const { page } = await open();
  for (const name of SEEDS) {
    const file = join(root, "tests", "fixtures", name);
    const out = execFileSync(bin, ["analyze", file], { encoding: "utf8", maxBuffer: 64 << 20 });
    assert.ok(out.trim(), `${bin} analyze printed nothing for ${name}`);
    const cli = JSON.parse(out);
    const web = await page.evaluate((b) => window.xxgk.analyzeBytes(Uint8Array.from(b)), [...readFileSync(file)]);
    assert.deepEqual(web, cli, name);
  }
  await page.close();
});

test("window.xxgk.stages times every stage of the pipeline and leaves analyze unchanged", async () => {
  const { page } = await open();
  const text = "衢州市人民政府2019年政府信息公开工作年度报告\n一、总体情况\n共受理申请598件。";
  const r = await page.evaluate((t) => {
    const before = JSON.stringify(window.xxgk.analyze(t));
    const s = window.xxgk.stages(t, 3);
    return { keys: Object.keys(s), values: Object.values(s), same: JSON.stringify(window.xxgk.analyze(t)) === before };
  }, text);
  assert.deepEqual(r.keys, ["copy", "normalize", "layout", "lines", "title+furniture", "meta", "tables",
    "sections", "quantities", "key", "checks", "report", "json", "JSON.parse"]);
  assert.ok(r.values.every((v) => Number.isFinite(v) && v >= 0), String(r.values));
  assert.ok(r.same);
  await assert.rejects(page.evaluate(() => window.xxgk.stages(42, 1)), /text 须为字符串/);
});

test("window.xxgk.analyzeBytes reads GB18030 and UTF-16, and refuses a ZIP with an Error", async () => {
  const { page } = await open();
  const text = "衢州市人民政府2019年政府信息公开工作年度报告\n一、总体情况\n共受理申请598件。";
  const gbk = Array.from(gb18030(text));
  const out = await page.evaluate(({ gbk, text }) => {
    const g = window.xxgk.analyzeBytes(Uint8Array.from(gbk));
    const u16 = [0xff, 0xfe];
    for (let i = 0; i < text.length; i++) { const c = text.charCodeAt(i); u16.push(c & 0xff, c >> 8); }
    const u = window.xxgk.analyzeBytes(Uint8Array.from(u16).buffer);
    let zip = null;
    try { window.xxgk.analyzeBytes(Uint8Array.from([0x50, 0x4b, 3, 4, 20, 0, 0, 0])); } catch (e) { zip = { isError: e instanceof Error, message: e.message }; }
    return { g: g.input, u: u.input, zip, same: JSON.stringify(g.sections) === JSON.stringify(window.xxgk.analyze(text).sections) };
  }, { gbk, text });
  assert.equal(out.g.encoding, "gb18030");
  assert.equal(out.g.chars, Array.from(text).length);
  assert.equal(out.u.encoding, "UTF-16LE");
  assert.ok(out.same, "bytes and text give the same sections");
  assert.ok(out.zip?.isError, "a ZIP throws an Error");
  assert.match(out.zip.message, /ZIP/);
  await page.close();
});

test("pasting keeps the text, and the document view shows exactly that text", async () => {
  const { page } = await open();
  await paste(page, SEED_000);
  assert.equal(await page.inputValue("#xxgk-input"), SEED_000);
  assert.equal(await page.textContent("#xxgk-doc"), SEED_000, "document view = input, nothing lost or doubled");
  assert.match(await page.textContent("#summary"), /繁体/);
  await page.close();
});

test("[core] pasted traditional seed 000: outline shows its six numbered parts, quantities are listed", async () => {
  const { page } = await open();
  await paste(page, SEED_000);
  assert.deepEqual(await topLevel(page), [
    ["一", "總體情況"],
    ["二", "主動公開的政府信息"],
    ["三", "收到和處理政府信息公開申請情況"],
    ["四", "政府信息公開行政復議、行政訴訟情況"],
    ["五", "存在的主要問題及改進情況"],
    ["六", "其他需要報告的事項"],
  ]);
  const keys = await page.$$eval("#outline .tree > li.sec .key", (els) => els.slice(0, 1).map((e) => e.textContent));
  assert.deepEqual(keys, ["总体情况"], "canonical key shown in Chinese");
  assert.ok((await quantityRows(page)).length > 0, "quantities are listed");
  await page.close();
});

test("示例 loads the sample and shows it analysed", async () => {
  const { page } = await open();
  await page.click("text=示例");
  await analysed(page);
  assert.equal(await page.inputValue("#xxgk-input"), SEED_002);
  assert.equal(await page.textContent("#xxgk-doc"), SEED_002);
  assert.match(await page.textContent("#summary"), /简体/);
  await page.close();
});

test("[core] 示例: outline shows the six parts and quantities include 598件 and 63.58%", async () => {
  const { page } = await open();
  await page.click("text=示例");
  await analysed(page);
  await page.screenshot({ path: join(artifacts, "sample.png") });
  assert.deepEqual((await topLevel(page)).map(([n, t]) => n + "、" + t), [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、政府信息公开工作存在的主要问题及改进情况",
    "六、其他需要报告的事项",
  ]);
  const rows = await quantityRows(page);
  assert.ok(rows.some((q) => q.text === "598件" && q.value === "598" && q.unit === "件"), "598件");
  assert.ok(rows.some((q) => q.text === "63.58%" && q.value === "63.58" && q.unit === "%"), "63.58%");
  // Quantities are highlighted in the document view, with value and unit on hover.
  const title = await page.getAttribute("#xxgk-doc .q >> nth=0", "title");
  assert.match(title, /^数值 .+；单位 /);
  // The page header (索引号, 发布机构 …) is furniture, greyed out.
  assert.ok(await page.$("#xxgk-doc .furn"), "furniture is marked");
  assert.ok(await page.$("#xxgk-doc .hd"), "headings are marked");
  // The folded details: index number, period, contacts.
  await page.click(".meta-details summary");
  const details = await page.textContent(".meta-details dl");
  assert.match(details, /索引号11330800002618015K\/2020-102110/);
  assert.match(details, /统计期限2019-01-01 至 2019-12-31/);
  assert.match(details, /电话0570—3087586/);
  await page.close();
});

test("[core] clicking an outline entry shows its heading; the editor selection counts UTF-16 correctly", async () => {
  const { page } = await open();
  // Characters outside the BMP before the report: one character, two UTF-16 units each.
  const text = "𠮷𠮷 🙂\n" + SEED_002;
  await paste(page, text);
  const n = (await topLevel(page)).length;
  assert.ok(n >= 6);
  await page.click("#outline .tree > li.sec >> nth=1 >> .sec-btn");
  await page.waitForSelector("#xxgk-focus");
  assert.match(await page.textContent("#xxgk-focus"), /^二、\s*主动公开/);
  assert.equal(await page.getAttribute("#outline .tree > li.sec >> nth=1 >> .sec-btn", "aria-current"), "true");
  const selected = await page.evaluate(() => {
    const ta = document.getElementById("xxgk-input");
    return ta.value.slice(ta.selectionStart, ta.selectionEnd);
  });
  assert.match(selected, /^二、\s*主动公开/);
  // A quantity in the table shows its place too.
  await page.click("#quantities tbody tr >> nth=0 >> .qtext");
  const qtext = await page.textContent("#quantities tbody tr >> nth=0 >> .qtext");
  await page.waitForFunction((t) => document.getElementById("xxgk-focus")?.textContent === t, qtext);
  await page.close();
});

test("[tables] a tab-separated table 3 is shown as a table; a cell shows its place", async () => {
  const { page } = await open();
  await paste(page, TABLE3_TSV);
  await page.waitForSelector('#tables figure[data-table="table3"]', { timeout: 3000 });
  const row = await page.$$eval('#tables figure[data-table="table3"] tr[data-key="new_requests"] td', (tds) => tds.map((td) => td.textContent));
  assert.deepEqual(row, ["71", "3", "0", "0", "2", "1", "77"]);
  const rows = await page.$$eval('#tables figure[data-table="table3"] tbody tr', (trs) => trs.length);
  assert.ok(rows >= 20, `${rows} rows`);
  await page.click('#tables figure[data-table="table3"] tr[data-key="new_requests"] td >> nth=6 >> button');
  await page.waitForFunction(() => document.getElementById("xxgk-focus")?.textContent === "77");
  assert.equal(await page.getAttribute('#tables figure[data-table="table3"] tr[data-key="new_requests"] td >> nth=6', "class"), "n st-ok active");
  await page.close();
});

test("the text survives a reload, and 示例 puts it aside with a way back that survives reloads too", async () => {
  const { page } = await open();
  const mine = "我的文字 𠮷 第一行\r\n第二行，共12件。";
  await paste(page, mine);
  const kept = await page.inputValue("#xxgk-input"); // the textarea keeps line ends as LF
  await page.reload();
  await page.waitForSelector('html[data-xxgk="ready"]');
  await analysed(page);
  assert.equal(await page.inputValue("#xxgk-input"), kept);
  await page.click("text=示例");
  await analysed(page);
  assert.equal(await page.inputValue("#xxgk-input"), SEED_002);
  await page.click("text=恢复先前的文字");
  await analysed(page);
  assert.equal(await page.inputValue("#xxgk-input"), kept);
  await page.reload();
  await page.waitForSelector('html[data-xxgk="ready"]');
  assert.equal(await page.inputValue("#xxgk-input"), kept);
  // Restoring swapped the texts: the sample is now the one put aside, also after a reload.
  await page.click("text=恢复先前的文字");
  await analysed(page);
  assert.equal(await page.inputValue("#xxgk-input"), SEED_002);
  await page.close();
});

test("打开文件 reads several files (GB18030, and a ZIP refused); drop opens files too", async () => {
  const { page, requests } = await open();
  const text = "衢州市人民政府2019年政府信息公开工作年度报告\n一、总体情况\n共受理申请598件。";
  await page.setInputFiles("input[type=file]", [
    { name: "报告-gbk.txt", mimeType: "text/plain", buffer: Buffer.from(gb18030(text)) },
    { name: "压缩包.txt", mimeType: "text/plain", buffer: Buffer.from([0x50, 0x4b, 3, 4, 20, 0, 0, 0, 1, 2]) },
  ]);
  await page.waitForSelector(".files li.file >> nth=1");
  assert.equal(await page.inputValue("#xxgk-input"), text, "the first file is in the editor, decoded");
  await analysed(page);
  assert.match(await page.textContent("#summary .origin"), /报告-gbk\.txt（gb18030）/);
  assert.match(await page.textContent(".files li.file.bad"), /ZIP/);
  // Drag and drop of a UTF-16 file.
  const dt = await page.evaluateHandle(() => {
    const d = new DataTransfer();
    const s = "拖入的文件：二、主动公开";
    const u = [0xff, 0xfe];
    for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); u.push(c & 0xff, c >> 8); }
    d.items.add(new File([Uint8Array.from(u)], "拖入.txt", { type: "text/plain" }));
    return d;
  });
  await page.dispatchEvent(".app", "dragover", { dataTransfer: dt });
  await page.waitForSelector(".drop-hint");
  await page.dispatchEvent(".app", "drop", { dataTransfer: dt });
  await page.waitForSelector(".drop-hint", { state: "detached" });
  await page.waitForFunction(() => document.getElementById("xxgk-input").value === "拖入的文件：二、主动公开");
  await analysed(page);
  assert.match(await page.textContent("#summary .origin"), /UTF-16LE/);
  assert.deepEqual(requests, [pageUrl]);
  await page.close();
});

test("导出数量 CSV gives UTF-8 with BOM; 导出 JSON gives the same object as window.xxgk.analyze", async () => {
  const { page } = await open();
  await page.click("text=示例");
  await analysed(page);
  const [csvDl] = await Promise.all([page.waitForEvent("download"), page.click("#export-csv")]);
  const csv = readFileSync(await csvDl.path());
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = csv.toString("utf8").slice(1).split("\r\n").filter(Boolean);
  assert.equal(lines[0], "序号,原文,数值,上限,单位,约数,所在部分,起,止");
  const n = await page.evaluate((t) => window.xxgk.analyze(t).quantities.length, SEED_002);
  assert.equal(lines.length, n + 1);
  const [jsonDl] = await Promise.all([page.waitForEvent("download"), page.click("#export-json")]);
  assert.match(jsonDl.suggestedFilename(), /\.json$/);
  const exported = JSON.parse(readFileSync(await jsonDl.path(), "utf8"));
  const direct = await page.evaluate((t) => window.xxgk.analyze(t), SEED_002);
  assert.deepEqual(exported, direct);
  await page.close();
});

test("a crash of the module shows a plain message and keeps saving the text", async () => {
  const { page } = await open();
  await paste(page, "崩溃前的文字");
  await page.evaluate(() => window.dispatchEvent(new ErrorEvent("error", { error: new WebAssembly.RuntimeError("unreachable") })));
  assert.ok(await page.isVisible("#xxgk-fatal"));
  assert.match(await page.textContent("#xxgk-fatal-msg"), /文字仍在文本框中/);
  assert.equal(await page.inputValue("#xxgk-input"), "崩溃前的文字");
  await page.close();
});

test("without WebAssembly the page says so in Chinese", async () => {
  const page = await context.newPage();
  await page.addInitScript(() => { delete globalThis.WebAssembly; });
  await page.goto(pageUrl);
  await page.waitForSelector('html[data-xxgk="unsupported"]');
  assert.match(await page.textContent("#xxgk-fatal"), /不支持 WebAssembly/);
  await page.close();
});
