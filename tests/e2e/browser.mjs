// How every browser script here starts Chromium: Debian's chromium (or $CHROMIUM), headless,
// with the flags that keep it from reaching the network on its own (background updates,
// sync, QUIC) — so that any request a test sees comes from the page.
export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
export const ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];
