// Prints the analysis of a text file as the page computes it (window.xxgk.analyze), as JSON.
// Usage: node tests/e2e/analyze.mjs <file> [--head N]
// Used by scripts/build.sh to show the report; handy to compare the page with the CLI.

import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const page = process.env.XXGK_PAGE || join(here, "..", "..", "www", "dist", "xxgk.html");
const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
const headAt = args.indexOf("--head");
const head = headAt >= 0 ? Number(args[headAt + 1]) : Infinity;
if (!file) {
  console.error("usage: node tests/e2e/analyze.mjs <file> [--head N]");
  process.exit(2);
}
const bytes = [...readFileSync(resolve(file))];
const profile = mkdtempSync(join(tmpdir(), "xxgk-analyze-"));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const p = await ctx.newPage();
  await p.goto(pathToFileURL(page).href);
  await p.waitForSelector('html[data-xxgk="ready"]', { timeout: 20000 });
  const json = await p.evaluate((b) => JSON.stringify(window.xxgk.analyzeBytes(Uint8Array.from(b)), null, 2), bytes);
  const lines = json.split("\n");
  console.log(lines.slice(0, head).join("\n"));
  if (lines.length > head) console.log(`… (${lines.length - head} more lines)`);
} finally {
  await ctx.close();
  rmSync(profile, { recursive: true, force: true });
}
