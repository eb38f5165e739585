// Draws the app's icons (public/icon-192.png, icon-512.png, icon-maskable-512.png) from
// the SVG below, in Debian's Chromium. Run once after changing the drawing:
//   node scripts/icons.mjs
// The PNGs are committed; the build only copies them.
import { writeFileSync } from "node:fs";
import { chromium } from "playwright-core";

const ACCENT = "#2f5d62"; // --accent in style/main.css
const PAPER = "#fbfaf7"; // --paper
const SOFT = "#e3eeec"; // --accent-soft

/** A day-planner page: a header bar and three day columns of blocks. `inset` keeps the
 *  drawing inside a maskable icon's safe zone (the central 80 %). */
function drawing(size, { rounded, inset }) {
  const s = size;
  const pad = s * inset;
  const w = s - 2 * pad;
  const x = (f) => pad + f * w;
  const block = (col, top, height, fill) =>
    `<rect x="${x(0.14 + col * 0.25)}" y="${x(top)}" width="${w * 0.21}" height="${w * height}" rx="${w * 0.025}" fill="${fill}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${s}" height="${s}" viewBox="0 0 ${s} ${s}">
  <rect width="${s}" height="${s}" rx="${rounded ? s * 0.18 : 0}" fill="${ACCENT}"/>
  <rect x="${x(0.1)}" y="${x(0.14)}" width="${w * 0.8}" height="${w * 0.74}" rx="${w * 0.06}" fill="${PAPER}"/>
  <rect x="${x(0.1)}" y="${x(0.14)}" width="${w * 0.8}" height="${w * 0.14}" rx="${w * 0.06}" fill="${SOFT}"/>
  <rect x="${x(0.1)}" y="${x(0.22)}" width="${w * 0.8}" height="${w * 0.06}" fill="${SOFT}"/>
  ${block(0, 0.34, 0.14, ACCENT)}${block(0, 0.52, 0.28, SOFT)}
  ${block(1, 0.34, 0.3, ACCENT)}${block(1, 0.68, 0.12, SOFT)}
  ${block(2, 0.34, 0.1, SOFT)}${block(2, 0.48, 0.2, ACCENT)}
</svg>`;
}

const icons = [
  ["public/icon-192.png", 192, { rounded: true, inset: 0.04 }],
  ["public/icon-512.png", 512, { rounded: true, inset: 0.04 }],
  ["public/icon-maskable-512.png", 512, { rounded: false, inset: 0.12 }],
];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run"],
});
for (const [path, size, options] of icons) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<body style="margin:0;background:transparent">${drawing(size, options)}</body>`);
  writeFileSync(path, await page.locator("svg").screenshot({ omitBackground: true }));
  console.log(`icons: ${path}`);
  await page.close();
}
await browser.close();
