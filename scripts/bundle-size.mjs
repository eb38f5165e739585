// Prints the release bundle's size: raw, gzip and brotli of wasm, JS and CSS.
import { readdirSync, readFileSync } from "node:fs";
import { join, extname } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dir = process.argv[2] || "dist";
const groups = { wasm: [0, 0, 0], js: [0, 0, 0], css: [0, 0, 0] };
for (const name of readdirSync(dir)) {
  const kind = extname(name).slice(1);
  if (!(kind in groups)) continue;
  const data = readFileSync(join(dir, name));
  groups[kind][0] += data.length;
  groups[kind][1] += gzipSync(data, { level: 9 }).length;
  groups[kind][2] += brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";
console.log("\nRelease bundle size (dist/):");
console.log("  part        raw        gzip      brotli");
let total = [0, 0, 0];
for (const [kind, [raw, gz, br]] of Object.entries(groups)) {
  console.log(`  ${kind.padEnd(5)} ${kb(raw)} ${kb(gz)} ${kb(br)}`);
  total = [total[0] + raw, total[1] + gz, total[2] + br];
}
console.log(`  total ${kb(total[0])} ${kb(total[1])} ${kb(total[2])}\n`);
