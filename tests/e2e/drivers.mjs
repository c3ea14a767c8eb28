// One small driver interface over two DevTools clients, so that the old-browser suite
// (old-browsers.test.mjs) runs the same steps in every Chromium:
//
//  - the real old builds (Chromium 72, 78, 80, 83, fetched by scripts/old-browsers.sh into
//    $XXGK_BROWSERS, default ~/.cache/xxgk-browsers) through the puppeteer-core of their day
//    (tests/e2e/package.json: puppeteer-core-72 is puppeteer-core 1.11.0, and so on) — the
//    DevTools protocol has moved on, and Playwright only speaks the new one;
//  - the current Debian Chromium through playwright-core, like the other suites.
//
// Everything that waits polls with plain evaluate calls: puppeteer's waitForFunction and
// waitForSelector build their predicate with `new Function` inside the page, which the page's
// locked Content-Security-Policy refuses (and a test must not weaken the policy it checks).

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM, ARGS } from "./browser.mjs";

const require = createRequire(import.meta.url);

/** Where scripts/old-browsers.sh puts the old builds. */
export const BROWSERS_DIR = process.env.XXGK_BROWSERS || join(homedir(), ".cache", "xxgk-browsers");

/** The old Chromium builds and the puppeteer-core each is driven with. */
export const OLD = [
  { major: 72, client: "puppeteer-core-72" },
  { major: 78, client: "puppeteer-core-78" },
  { major: 80, client: "puppeteer-core-80" },
  { major: 83, client: "puppeteer-core-83" },
];

/** The old build of `major`: its binary and libraries, or null when it is not fetched. */
export function oldBuild(major) {
  const dir = join(BROWSERS_DIR, `chromium-${major}`);
  const chrome = join(dir, "chrome");
  if (!existsSync(chrome)) return null;
  return { chrome, lib: join(dir, "lib"), version: readFileSync(join(dir, "VERSION"), "utf8").trim() };
}

// The old builds are headless-only builds for AWS Lambda: they need one process and no zygote
// (there is no sandbox helper), as the issue found. The rest keeps them off the network.
const OLD_ARGS = [
  "--no-sandbox", "--disable-gpu", "--single-process", "--no-zygote", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=zh-CN",
];

const VIEWPORT = { width: 1400, height: 900 };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Records when the page first says it is ready (ms since navigation), before any script runs. */
function readyProbe() {
  new MutationObserver(function (_, obs) {
    var el = document.documentElement;
    if (el && el.getAttribute("data-xxgk") && window.__readyAt === undefined) {
      window.__readyAt = performance.now();
      window.__readyState = el.getAttribute("data-xxgk");
      obs.disconnect();
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-xxgk"] });
  // Every violation of the page's Content-Security-Policy.
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", function (e) {
    window.__violations.push((e.effectiveDirective || e.violatedDirective) + " " + e.blockedURI + " at " + e.lineNumber + ":" + e.columnNumber);
  });
  // Counts the Workers the page makes (the analysis worker of long texts) and the reports they send.
  var W = window.Worker;
  if (typeof W === "function") {
    window.__workers = 0;
    window.__workerReports = 0;
    var Counted = function (url, opts) {
      window.__workers++;
      var w = new W(url, opts);
      w.addEventListener("message", function (e) { if (e.data && typeof e.data.json === "string") window.__workerReports++; });
      return w;
    };
    Counted.prototype = W.prototype;
    window.Worker = Counted;
  }
}

/** Common parts: polling, page state. `impl` has evaluate(fn, arg) and the client's calls. */
function wrap(impl) {
  const d = {
    ...impl,
    /** Polls `fn(arg)` in the page until it returns a truthy value; returns that value. */
    async waitFor(fn, arg, { timeout = 20000, what = fn.name || "a condition" } = {}) {
      const end = Date.now() + timeout;
      let last;
      for (;;) {
        try {
          last = await impl.evaluate(fn, arg);
          if (last) return last;
        } catch (e) {
          // a navigation in flight: try again
          last = String(e);
        }
        if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
        await sleep(50);
      }
    },
    /** Waits until the element matching `selector` exists (and, with visible, has a box). */
    waitForSelector(selector, { visible = false, timeout } = {}) {
      return d.waitFor(([s, v]) => {
        const el = document.querySelector(s);
        if (!el) return false;
        if (!v) return true;
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0;
      }, [selector, visible], { timeout, what: selector });
    },
    text(selector) {
      return impl.evaluate((s) => { const el = document.querySelector(s); return el ? el.textContent : null; }, selector);
    },
    /** Puts `text` in the editor as a paste does: the editor's text selected and replaced. */
    async paste(text) {
      await impl.evaluate(() => { const ta = document.getElementById("xxgk-input"); ta.focus(); ta.select(); });
      await impl.insertText(text);
    },
    /** Sets the editor's text at once, with one input event (as Playwright's fill does). */
    fill(text) {
      return impl.evaluate((t) => {
        const ta = document.getElementById("xxgk-input");
        ta.focus();
        ta.value = t;
        ta.dispatchEvent(new Event("input", { bubbles: true }));
      }, text);
    },
  };
  return d;
}

/** Starts an old Chromium (major 72, 78, 80 or 83) with its puppeteer-core. */
export async function launchOld({ major, client }) {
  const build = oldBuild(major);
  if (!build) throw new Error(`Chromium ${major} is not in ${BROWSERS_DIR}: run bash scripts/old-browsers.sh`);
  const puppeteer = require(client);
  const profile = mkdtempSync(join(tmpdir(), `xxgk-old-${major}-`));
  const browser = await puppeteer.launch({
    executablePath: build.chrome,
    headless: true,
    args: OLD_ARGS,
    userDataDir: profile,
    defaultViewport: VIEWPORT,
    env: { ...process.env, LD_LIBRARY_PATH: build.lib },
  });
  const version = await browser.version();
  return {
    name: `Chromium ${major}`,
    version,
    /** A new page; `init` functions run in it before any of its scripts, on every load. */
    async newPage({ init = [] } = {}) {
      const page = await browser.newPage();
      const downloads = mkdtempSync(join(tmpdir(), `xxgk-old-${major}-dl-`));
      // Page.setDownloadBehavior: the same call in every protocol version 72–83 has.
      await page._client.send("Page.setDownloadBehavior", { behavior: "allow", downloadPath: downloads });
      await page.evaluateOnNewDocument(readyProbe);
      for (const fn of init) await page.evaluateOnNewDocument(fn);
      const requests = [];
      const errors = [];
      page.on("request", (r) => requests.push(r.url()));
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
      return wrap({
        requests,
        errors,
        goto: (url) => page.goto(url),
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        click: (selector) => page.click(selector),
        insertText: (text) => page.keyboard.sendCharacter(text),
        // DOM.setFileInputFiles as such: puppeteer 2.x+ builds the files in the page with
        // fetch(data:…), which the page's policy refuses.
        async upload(selector, files) {
          const input = await page.$(selector);
          await page._client.send("DOM.setFileInputFiles", { objectId: input._remoteObject.objectId, files });
        },
        /** Clicks `selector` and returns the bytes of the file the browser saved. */
        async download(selector, timeout = 10000) {
          const before = new Set(readdirSync(downloads));
          await page.click(selector);
          const end = Date.now() + timeout;
          for (;;) {
            const done = readdirSync(downloads).filter((f) => !before.has(f) && !f.endsWith(".crdownload"));
            if (done.length) {
              const file = join(downloads, done[0]);
              // a file whose size no longer changes is complete
              let size = -1;
              while (size !== statSync(file).size) { size = statSync(file).size; await sleep(100); }
              return { name: done[0], bytes: readFileSync(file) };
            }
            if (Date.now() > end) throw new Error(`no download after clicking ${selector}`);
            await sleep(50);
          }
        },
        screenshot: (path) => page.screenshot({ path, fullPage: false }),
        async close() {
          await page.close();
          rmSync(downloads, { recursive: true, force: true });
        },
      });
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Starts the current Debian Chromium with playwright-core. */
export async function launchCurrent() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const version = browser.version();
  return {
    name: "Chromium (current)",
    version: `HeadlessChrome/${version}`,
    async newPage({ init = [] } = {}) {
      const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true, locale: "zh-CN" });
      const page = await context.newPage();
      await page.addInitScript(readyProbe);
      for (const fn of init) await page.addInitScript(fn);
      const requests = [];
      const errors = [];
      page.on("request", (r) => requests.push(r.url()));
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
      return wrap({
        requests,
        errors,
        goto: (url) => page.goto(url),
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        click: (selector) => page.click(selector),
        insertText: (text) => page.keyboard.insertText(text),
        upload: (selector, files) => page.setInputFiles(selector, files),
        async download(selector) {
          const [dl] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
          return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
        },
        screenshot: (path) => page.screenshot({ path, fullPage: false }),
        close: () => context.close(),
      });
    },
    close: () => browser.close(),
  };
}
