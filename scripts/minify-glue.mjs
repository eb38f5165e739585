// The JavaScript glue wasm-bindgen writes is readable (trunk's --minify fails on it, and
// rewrites index.html so the inline loader can no longer be moved out for the CSP).
// Minifying it with terser takes about a fifth off the glue's brotli size (BENCHMARKS.md).
// Property names are kept here: they are the names the wasm module imports and exports,
// which scripts/shorten-bindings.mjs then shortens in both files together.
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { minify } from "terser";
import { onlyFile, GLUE } from "./dist-file.mjs";

const dir = process.argv[2] || "dist";
const path = onlyFile(dir, GLUE, "wasm-bindgen glue file", "minify-glue");
const source = readFileSync(path, "utf8");
const result = await minify(source, { module: true, compress: true, mangle: true });
writeFileSync(path, result.code);
console.log(`minify-glue: ${basename(path)} ${source.length} -> ${result.code.length} bytes`);
