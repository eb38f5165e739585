// The release build's one step after trunk: wasm-bindgen's JavaScript glue minified
// with terser, the stylesheets with csso. (trunk's own --minify rewrites the page so
// its inline loader can no longer be moved out for the Content-Security-Policy.)
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify as minifyJs } from "terser";
import { minify as minifyCss } from "csso";

const dir = process.argv[2] || "dist";
const files = readdirSync(dir);
const glue = files.filter((name) => /^intensive-planner-[0-9a-f]+\.js$/.test(name));
const sheets = files.filter((name) => name.endsWith(".css"));
if (glue.length !== 1 || sheets.length === 0) {
  console.error(`minify: expected one glue file and the stylesheets in ${dir}, found ${glue.length} and ${sheets.length}`);
  process.exit(1);
}
for (const name of glue) {
  const source = readFileSync(join(dir, name), "utf8");
  const { code } = await minifyJs(source, { module: true, compress: true, mangle: true });
  writeFileSync(join(dir, name), code);
  console.log(`minify: ${name} ${source.length} -> ${code.length} bytes`);
}
for (const name of sheets) {
  const source = readFileSync(join(dir, name), "utf8");
  // restructure: false keeps every rule where it is written, so the cascade is the source's.
  const { css } = minifyCss(source, { restructure: false });
  writeFileSync(join(dir, name), css);
  console.log(`minify: ${name} ${source.length} -> ${css.length} bytes`);
}
