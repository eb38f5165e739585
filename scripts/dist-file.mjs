// The one file of a kind in the release folder (trunk adds a content hash to each name).
import { readdirSync } from "node:fs";
import { join } from "node:path";

/** Path of the only file in `dir` whose name matches `pattern`; exits with a message otherwise. */
export function onlyFile(dir, pattern, what, script) {
  const found = readdirSync(dir).filter((name) => pattern.test(name));
  if (found.length !== 1) {
    console.error(`${script}: expected one ${what} in ${dir}, found ${found.length}`);
    process.exit(1);
  }
  return join(dir, found[0]);
}

/** wasm-bindgen's JavaScript glue. */
export const GLUE = /^intensive-planner-[0-9a-f]+\.js$/;
/** The app's wasm module. */
export const WASM = /^intensive-planner-[0-9a-f]+_bg\.wasm$/;
