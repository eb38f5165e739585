// trunk copies the stylesheets as written, comments and indentation included. csso takes
// those out (0.3 KB brotli, BENCHMARKS.md). `restructure: false` keeps every rule where it
// is written, so the cascade is the one the source shows; it was also the smaller output.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "csso";

const dir = process.argv[2] || "dist";
const sheets = readdirSync(dir).filter((name) => name.endsWith(".css"));
if (sheets.length === 0) {
  console.error(`minify-css: no stylesheet in ${dir}`);
  process.exit(1);
}
for (const name of sheets) {
  const path = join(dir, name);
  const source = readFileSync(path, "utf8");
  const { css } = minify(source, { restructure: false });
  writeFileSync(path, css);
  console.log(`minify-css: ${name} ${source.length} -> ${css.length} bytes`);
}
