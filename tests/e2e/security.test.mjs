// The page under its Content-Security-Policy, in Debian's chromium (headless, file://):
//
//  - it works: the module compiles, the analysis runs, and start-up violates nothing;
//  - once started, the policy is locked: no eval, no string timers, no new WebAssembly;
//  - nothing can leave the machine: fetch, XMLHttpRequest, WebSocket, EventSource,
//    sendBeacon, images, style sheets, frames, workers, scripts, forms and prefetches aimed
//    at a local HTTP server are refused with a CSP violation, and the server receives no
//    byte (Chromium may open a TCP connection for a frame or form before refusing it);
//  - report text with HTML and script payloads — pasted, or in a file and its name — is
//    only ever shown as text: no dialog, no injected element, not even a refused attempt.
//
// Run: node --test tests/e2e/security.test.mjs (after scripts/build-page.sh).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const pagePath = process.env.XXGK_PAGE || join(root, "www", "dist", "xxgk.html");
const pageUrl = pathToFileURL(pagePath).href;
import { CHROMIUM, ARGS } from "./browser.mjs";

let context;
let profile;
let server;
let base;
const hits = [];
let connections = 0;

before(async () => {
  assert.ok(existsSync(pagePath), `${pagePath} is missing: run scripts/build-page.sh first`);
  // Every request or connection that reaches this server is a leak.
  server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { "content-type": "text/plain", "access-control-allow-origin": "*" });
    res.end("leaked");
  });
  server.on("upgrade", (req, socket) => {
    hits.push(`UPGRADE ${req.url}`);
    socket.destroy();
  });
  // Chromium may open a TCP connection speculatively when a frame or a form starts to
  // navigate, before the policy refuses the navigation; a connection is not a leak, a byte is.
  server.on("connection", (socket) => {
    connections++;
    socket.on("data", (d) => hits.push(`${d.length} bytes`));
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  base = `127.0.0.1:${server.address().port}`;
  profile = mkdtempSync(join(tmpdir(), "xxgk-sec-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1400, height: 900 }, locale: "zh-CN",
  });
});

after(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  await new Promise((ok) => (server ? server.close(ok) : ok()));
});

/** Opens the page, recording violations, dialogs, requests and errors from the start. */
async function open() {
  const page = await context.newPage();
  const seen = { dialogs: [], requests: [], finished: [], errors: [] };
  page.on("dialog", (d) => { seen.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on("request", (r) => seen.requests.push(r.url()));
  page.on("requestfinished", (r) => seen.finished.push(r.url()));
  page.on("pageerror", (e) => seen.errors.push(String(e)));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__violations.push({ directive: e.effectiveDirective || e.violatedDirective, blocked: e.blockedURI });
    });
  });
  await page.goto(pageUrl);
  await page.waitForSelector('html[data-xxgk="ready"]', { timeout: 20000 });
  return { page, seen };
}

const violations = (page) => page.evaluate(() => window.__violations.slice());

async function analysed(page) {
  await page.waitForFunction(() => {
    const v = document.getElementById("xxgk-input").value;
    const s = document.getElementById("summary");
    return s && Number(s.dataset.chars) === Array.from(v).length;
  }, null, { timeout: 10000 });
}

test("the page works under its policy, and start-up violates nothing", async () => {
  const { page, seen } = await open();
  const policies = await page.$$eval('meta[http-equiv="Content-Security-Policy"]', (ms) => ms.map((m) => m.content));
  assert.equal(policies.length, 2, "the page's policy and the lock added after compiling");
  assert.match(policies[0], /^default-src 'none';/);
  assert.match(policies[1], /^script-src 'none';/);
  const n = await page.evaluate(() => window.xxgk.analyze("一、总体情况\n全年共受理申请598件。").quantities.length);
  assert.equal(n, 1);
  await page.click("text=示例");
  await analysed(page);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.requests, [pageUrl]);
  await page.close();
});

test("after start-up: no eval, no string timers, no new WebAssembly", async () => {
  const { page } = await open();
  const r = await page.evaluate(async () => {
    // DevTools' own evaluation is exempt from the policy, so code from strings is tried the
    // way page code would meet it: a string timer, and a wasm compile.
    setTimeout("window.__evaluated = true", 0);
    let wasm;
    try {
      await WebAssembly.compile(Uint8Array.from([0, 97, 115, 109, 1, 0, 0, 0]));
      wasm = "compiled";
    } catch (e) {
      wasm = e.name;
    }
    await new Promise((ok) => setTimeout(ok, 200));
    return { evaluated: window.__evaluated === true, wasm };
  });
  assert.equal(r.evaluated, false, "a string timer ran");
  assert.equal(r.wasm, "CompileError");
  const dirs = (await violations(page)).map((v) => v.directive);
  assert.ok(dirs.includes("script-src"), `violations: ${dirs}`);
  await page.close();
});

test("nothing leaves the page: every kind of request is refused before it is made", async () => {
  const { page, seen } = await open();
  hits.length = 0;
  const outcome = await page.evaluate(async (host) => {
    const url = (p) => `http://${host}/${p}`;
    const tried = {};
    const attempt = async (name, f) => {
      try {
        tried[name] = String(await f());
      } catch (e) {
        tried[name] = `refused: ${e.name}`;
      }
    };
    await attempt("fetch", () => fetch(url("fetch")).then((r) => r.status));
    await attempt("xhr", () => new Promise((ok, fail) => {
      const x = new XMLHttpRequest();
      x.open("GET", url("xhr"));
      x.onload = () => ok(x.status);
      x.onerror = () => fail(new Error("xhr error"));
      x.send();
    }));
    await attempt("websocket", () => new Promise((ok, fail) => {
      const w = new WebSocket(`ws://${host}/ws`);
      w.onopen = () => ok("open");
      w.onerror = () => fail(new Error("ws error"));
    }));
    await attempt("eventsource", () => new Promise((ok, fail) => {
      const s = new EventSource(url("sse"));
      s.onopen = () => ok("open");
      s.onerror = () => { s.close(); fail(new Error("sse error")); };
    }));
    await attempt("beacon", () => navigator.sendBeacon(url("beacon"), "data"));
    await attempt("image", () => new Promise((ok, fail) => {
      const i = new Image();
      i.onload = () => ok("loaded");
      i.onerror = () => fail(new Error("img error"));
      i.src = url("img.png");
    }));
    const add = (tag, attrs) => {
      const el = document.createElement(tag);
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      document.body.appendChild(el);
      return el;
    };
    add("link", { rel: "stylesheet", href: url("style.css") });
    add("link", { rel: "prefetch", href: url("prefetch") });
    add("iframe", { src: url("frame") });
    add("script", { src: url("script.js") });
    add("div", { style: `background-image: url(${url("bg.png")})` }).textContent = "x";
    await attempt("worker", () => new Worker(url("worker.js")));
    await attempt("import", () => import(url("module.js")));
    const form = add("form", { action: url("form"), method: "post" });
    await attempt("form", () => form.submit());
    await new Promise((ok) => setTimeout(ok, 1500));
    return tried;
  }, base);
  assert.deepEqual(hits, [], `requests reached the server: ${hits.join(", ")}`);
  if (connections) console.log(`# ${connections} speculative TCP connection(s), no data sent`);
  for (const k of ["fetch", "xhr", "websocket", "eventsource", "image", "worker", "import"]) {
    assert.match(outcome[k], /^refused/, `${k}: ${outcome[k]}`);
  }
  // sendBeacon only queues (it returns true); the policy refuses the send itself.
  const blocked = (await violations(page)).map((v) => `${v.directive} ${v.blocked}`);
  for (const [dir, path] of [["connect-src", "fetch"], ["connect-src", "xhr"], ["connect-src", "ws"],
    ["connect-src", "sse"], ["connect-src", "beacon"], ["img-src", "img.png"], ["style-src-elem", "style.css"],
    ["default-src", "prefetch"], ["script-src-elem", "script.js"], ["script-src-elem", "module.js"],
    ["img-src", "bg.png"], ["form-action", "form"], ["frame-src", ""]]) {
    // (A frame's violation reports only the origin; a Worker from file:// is refused even
    // before the policy is asked.)
    const where = path ? `${base}/${path}` : base;
    assert.ok(blocked.some((b) => b.startsWith(`${dir} `) && b.includes(where)), `no ${dir} violation for ${where}: ${blocked.join(" | ")}`);
  }
  // The browser's own account agrees: every request but the page's failed.
  assert.deepEqual(seen.finished, [pageUrl]);
  await page.close();
});

// Payloads in every place the page shows text from the report: title, headings, numbers,
// table cells, contacts, the document view, the file list.
const PAYLOADS = [
  `<script>alert("script")</script>`,
  `<img src=x onerror="alert('img')">`,
  `"><svg onload=alert('svg')>`,
  `'><iframe srcdoc="<script>parent.alert('frame')</script>">`,
  `<a href="javascript:alert('href')">点此</a>`,
  `{{constructor.constructor('alert(1)')()}}`,
  `</textarea><script>alert('textarea')</script>`,
  `<style>*{background:url(http://127.0.0.1/css)}</style>`,
];
const HOSTILE = `<img src=x onerror="alert('title')">某县人民政府2021年政府信息公开工作年度报告
发布日期：2022-01-20 <script>alert('date')</script>
一、总体情况<svg onload=alert('heading')>
2021年，全年主动公开政府信息2316条<img src=y onerror=alert('qty')>，电话：0570-1234567<script>alert(1)</script>
二、主动公开政府信息情况 ${PAYLOADS.join(" ")}
三、收到和处理政府信息公开申请情况
本年新收申请<b>71</b>件 <iframe src="javascript:alert('iframe')"></iframe>
申请人情况	自然人	<img src=z onerror=alert('cell')>	总计
一、本年新收政府信息公开申请数量	71	3	74
四、政府信息公开行政复议、行政诉讼情况
${PAYLOADS.map((p, i) => `${i + 1}. ${p}`).join("\n")}
`;

test("report text with script and HTML payloads is shown as text, never run", async () => {
  const { page, seen } = await open();
  const before = await page.evaluate(() => ({
    scripts: document.scripts.length,
    tags: [...document.querySelectorAll("*")].map((e) => e.tagName),
  }));
  // Pasted (the editor), then as a file whose name is a payload too.
  await page.fill("#xxgk-input", HOSTILE);
  await analysed(page);
  await page.setInputFiles("input[type=file]", [
    { name: `<img src=x onerror=alert('name')>.txt`, mimeType: "text/plain", buffer: Buffer.from(HOSTILE) },
  ]);
  await page.waitForSelector(".files li.file");
  await analysed(page);
  // Click through what the page offers for this report: outline, checks, quantities.
  for (const sel of ["#outline .sec-btn", "#quantities tbody tr", "#checks li"]) {
    const el = await page.$(sel);
    if (el) await el.click().catch(() => {});
  }
  await page.waitForTimeout(500);
  const after = await page.evaluate(() => ({
    scripts: document.scripts.length,
    injected: [...document.querySelectorAll("img, svg, iframe, object, embed, a[href^='javascript'], [onerror], [onload], style:not(head style), b, form")]
      .map((e) => e.outerHTML.slice(0, 80)),
    text: document.body.innerText,
    pwned: typeof window.pwned !== "undefined",
  }));
  assert.deepEqual(seen.dialogs, [], "a payload ran");
  assert.equal(after.scripts, before.scripts, "no script element was added");
  assert.deepEqual(after.injected, [], "no element came from the report");
  assert.ok(after.text.includes(`<script>alert("script")</script>`), "the payload is shown as text");
  assert.ok(after.text.includes(`<img src=x onerror=alert('name')>.txt`), "the file name is shown as text");
  // Not even a refused attempt: a violation here would mean markup from the report was parsed.
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.requests, [pageUrl]);
  await page.close();
});
