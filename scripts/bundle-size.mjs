// The release bundle's size: raw, gzip and brotli of the wasm, JS and CSS the page
// loads. The service worker (sw.js) is fetched by the browser after the app is drawn,
// so it is counted on a line of its own. Run as a script it prints the table; the
// bench imports `bundleSizes`.
import { readdirSync, readFileSync } from "node:fs";
import { join, extname } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const sizes = (data) => ({
  raw: data.length,
  gzip: gzipSync(data, { level: 9 }).length,
  brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const add = (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const NONE = { raw: 0, gzip: 0, brotli: 0 };

/** `{ wasm, js, css, total, worker }`, each `{ raw, gzip, brotli }` in bytes. */
export function bundleSizes(dir) {
  const groups = { wasm: NONE, js: NONE, css: NONE };
  let worker = NONE;
  for (const name of readdirSync(dir)) {
    const kind = extname(name).slice(1);
    if (name === "sw.js") worker = sizes(readFileSync(join(dir, name)));
    else if (kind in groups) groups[kind] = add(groups[kind], sizes(readFileSync(join(dir, name))));
  }
  return { ...groups, total: add(add(groups.wasm, groups.js), groups.css), worker };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] || "dist";
  const all = bundleSizes(dir);
  const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";
  const row = (name, s, note = "") => console.log(`  ${name.padEnd(5)} ${kb(s.raw)} ${kb(s.gzip)} ${kb(s.brotli)}${note}`);
  console.log(`\nRelease bundle size (${dir}/):`);
  console.log("  part        raw        gzip      brotli");
  for (const kind of ["wasm", "js", "css", "total"]) row(kind, all[kind]);
  if (all.worker.raw) row("sw.js", all.worker, "  (fetched after the app is drawn)");
  console.log("");
}
