// Files as people have them, opened in the page with 打开文件 (setInputFiles): a web page in
// UTF-8 and in GBK, a web archive (.mht), a Word .docx, a PDF with a text layer and a GBK text
// file — all made from the same report — give the analysis of the plain text; the editor shows
// the text extracted from the file; the page's analysis equals the CLI's for the same file;
// a scanned PDF is refused with a message, never shown as an empty analysis.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM, ARGS } from "./browser.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const pagePath = process.env.XXGK_PAGE || join(root, "www", "dist", "xxgk.html");
const pageUrl = pathToFileURL(pagePath).href;
const formats = join(root, "tests", "fixtures", "formats");
const PLAIN = readFileSync(join(root, "tests", "fixtures", "tables", "r2021_tsv.txt"), "utf8");
const FILES = ["report.html", "report_gbk.html", "report.mht", "report.docx", "report.pdf", "report_gbk.txt"];

let context;
let profile;

before(async () => {
  assert.ok(existsSync(pagePath), `${pagePath} is missing: run scripts/build-page.sh first`);
  profile = mkdtempSync(join(tmpdir(), "xxgk-e2e-formats-"));
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
});

after(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function open() {
  const page = await context.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(pageUrl);
  await page.waitForSelector('html[data-xxgk="ready"]', { timeout: 20000 });
  await page.evaluate(() => localStorage.clear());
  return { page, requests };
}

/** Waits until the analysis shown is the analysis of the editor's current text. */
async function analysed(page) {
  await page.waitForFunction(() => {
    const v = document.getElementById("xxgk-input").value;
    const s = document.getElementById("summary");
    return v.length > 0 && s && Number(s.dataset.chars) === Array.from(v).length;
  }, null, { timeout: 20000 });
}

const keyOf = (r) => Object.fromEntries(Object.entries(r.key).filter(([k]) => k !== "sources"));
const cli = process.env.XXGK_BIN;

for (const name of FILES) {
  test(`打开文件 ${name}: the text extracted, analysed like the plain text and like the CLI`, async () => {
    const { page, requests } = await open();
    const file = join(formats, name);
    await page.setInputFiles("input[type=file]", file);
    await analysed(page);
    const bytes = Array.from(readFileSync(file));
    const viaApi = await page.evaluate(([b, n]) => window.xxgk.analyzeFile(new Uint8Array(b), n), [bytes, name]);
    assert.equal(await page.inputValue("#xxgk-input"), viaApi.text, "the editor holds the extracted text");
    const plain = await page.evaluate((t) => window.xxgk.analyze(t), PLAIN);
    assert.deepEqual(keyOf(viaApi.report), keyOf(plain), "key indicators as in the plain text");
    assert.deepEqual(viaApi.report.tables.map((t) => t.id), ["table2", "table3", "table4"]);
    assert.deepEqual(viaApi.report.sections.map((s) => s.canonical), plain.sections.map((s) => s.canonical));
    assert.match(await page.textContent("#outline"), /收到和处理政府信息公开申请情况/);
    if (cli) {
      const fromCli = JSON.parse(execFileSync(cli, ["analyze", file], { encoding: "utf8", maxBuffer: 64 << 20 }));
      assert.deepEqual(viaApi.report, fromCli, "the page's analysis is the CLI's");
    }
    assert.deepEqual(requests, [pageUrl], "no request but the page itself");
    await page.close();
  });
}

test("打开文件 a scanned PDF: refused with a message about OCR, not an empty analysis", async () => {
  const { page, requests } = await open();
  await page.setInputFiles("input[type=file]", join(formats, "scanned.pdf"));
  await page.waitForSelector(".files li.file.bad");
  assert.match(await page.textContent(".files li.file.bad"), /OCR/);
  const err = await page.evaluate(() => {
    try {
      window.xxgk.analyzeFile(new Uint8Array([0x25, 0x50, 0x44, 0x46]), "x.pdf");
      return null;
    } catch (e) {
      return String(e.message);
    }
  });
  assert.ok(err && err.length > 0, "analyzeFile throws an Error with a message");
  assert.deepEqual(requests, [pageUrl]);
  await page.close();
});
