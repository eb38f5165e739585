// The JavaScript glue wasm-bindgen writes is readable (trunk's --minify fails on it, and
// rewrites index.html so the inline loader can no longer be moved out for the CSP).
// Minifying it with terser takes about a fifth off the glue's brotli size (BENCHMARKS.md).
// Property names are kept here: they are the names the wasm module imports and exports,
// which scripts/shorten-bindings.mjs then shortens in both files together.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";

const dir = process.argv[2] || "dist";
const glue = readdirSync(dir).filter((name) => /^intensive-planner-[0-9a-f]+\.js$/.test(name));
if (glue.length !== 1) {
  console.error(`minify-glue: expected one wasm-bindgen glue file in ${dir}, found ${glue.length}`);
  process.exit(1);
}
const path = join(dir, glue[0]);
const source = readFileSync(path, "utf8");
const result = await minify(source, { module: true, compress: true, mangle: true });
writeFileSync(path, result.code);
console.log(`minify-glue: ${glue[0]} ${source.length} -> ${result.code.length} bytes`);
