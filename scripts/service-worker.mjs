// The release build's offline step: a Workbox service worker (dist/sw.js) that precaches
// every file of the build with a revision taken from its content, so the app opens with
// no network. Runs after minify, so the revisions are those of the files served.
//
// - The Workbox runtime is inlined: the worker fetches nothing from anywhere but here.
// - A new worker waits until the page asks it to take over (the "A new version is ready"
//   notice's Reload button posts {type: "SKIP_WAITING"}), so an update never swaps the
//   app underneath an edit.
// - Navigations are answered with the precached index.html; routes live in the #hash.
import { readdirSync, readFileSync } from "node:fs";
import { generateSW } from "workbox-build";

const dir = process.argv[2] || "dist";
// Trunk names the wasm, JS and CSS by their content's hash, a 64-bit number in hex
// without leading zeros: 15 digits in one build of sixteen, 14 in one of 256.
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(wasm|js|css)$/;
// Every other script and style is one `index.html` copies as it is, or the worker itself.
const copied = [...readFileSync(new URL("../index.html", import.meta.url), "utf8").matchAll(/rel="copy-file" href="public\/([^"]+)"/g)].map((m) => m[1]);
const unmatched = readdirSync(dir).filter((f) => /\.(wasm|js|css)$/.test(f) && !HASHED.test(f) && !copied.includes(f) && f !== "sw.js");
if (unmatched.length) {
  console.error(`service-worker: ${unmatched.join(", ")} would be fetched twice on a first visit: name neither hashed nor copied`);
  process.exit(1);
}
const { count, size, warnings } = await generateSW({
  globDirectory: dir,
  globPatterns: ["**/*"],
  globIgnores: ["sw.js", "sw.js.map", "**/*.br", "**/*.gz"],
  swDest: `${dir}/sw.js`,
  inlineWorkboxRuntime: true,
  sourcemap: false,
  mode: "production",
  skipWaiting: false,
  clientsClaim: false,
  cleanupOutdatedCaches: true,
  navigateFallback: "index.html",
  // Hashed files: the browser may take them from its HTTP cache while installing,
  // instead of fetching the whole app twice.
  dontCacheBustURLsMatching: HASHED,
  // The wasm is the largest file (about 1.1 MB before compression).
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  // Every file is precached; nothing is left to fetch at run time.
  runtimeCaching: [],
});
for (const warning of warnings) console.warn(`service-worker: ${warning}`);
if (warnings.length) process.exit(1);
console.log(`service-worker: ${dir}/sw.js precaches ${count} files, ${(size / 1024).toFixed(1)} KB`);
