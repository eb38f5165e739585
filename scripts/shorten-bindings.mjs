// The names the wasm module and its JavaScript glue call each other by are long:
// wasm-bindgen gives each import a 16-hex-digit hash (`__wbg_body_5f971cbc6950ca4f`) and
// each closure export a mangled type name. A hash does not compress, and every name is
// written twice (in the wasm and in the glue). This gives each such name a short one
// ($0, $1, …) in both files. Only the interface changes: no code in either file does.
// Every renamed name must appear in the glue as a whole token, and none may remain
// afterwards, or the build stops (a missed name would fail at instantiation).
import { readFileSync, writeFileSync } from "node:fs";
import { onlyFile, GLUE, WASM } from "./dist-file.mjs";

const dir = process.argv[2] || "dist";
function fail(message) {
  console.error(`shorten-bindings: ${message}`);
  process.exit(1);
}

const gluePath = onlyFile(dir, GLUE, "wasm-bindgen glue file", "shorten-bindings");
const wasmPath = onlyFile(dir, WASM, "wasm file", "shorten-bindings");
const glue = readFileSync(gluePath, "utf8");
const wasm = readFileSync(wasmPath);

// --- reading and writing the few wasm encodings the import and export sections use ---
function reader(bytes, start) {
  let at = start;
  const r = {
    get at() { return at; },
    byte: () => bytes[at++],
    u32() {
      let result = 0, shift = 0, b;
      do { b = bytes[at++]; result |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
      return result >>> 0;
    },
    bytes(n) { const out = bytes.subarray(at, at + n); at += n; return out; },
    name() { return Buffer.from(r.bytes(r.u32())).toString("utf8"); },
    limits() { const flags = r.u32(); r.u32(); if (flags & 1) r.u32(); },
  };
  return r;
}
function u32(n) {
  const out = [];
  do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n);
  return Buffer.from(out);
}
const token = (name) => new RegExp(`(?<![A-Za-z0-9_$])${name}(?![A-Za-z0-9_$])`, "g");
const nameBytes = (s) => { const b = Buffer.from(s, "utf8"); return Buffer.concat([u32(b.length), b]); };

// Which names to shorten: every import, and the exports wasm-bindgen names for itself.
// `memory` and `main` stay, being generic words that could occur in the glue otherwise;
// so do exports the glue never names (no script reaches them by name, so nothing gains).
const inGlue = (name) => token(name).test(glue);
const keepExport = (name) => name === "memory" || name === "main" || !inGlue(name);
const renames = new Map();
const taken = new Set(glue.match(/[A-Za-z0-9_$]+/g));
let counter = 0;
const shortName = (old) => {
  // A name the glue could not spell as a bare property is left as it is.
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(old)) return old;
  if (!renames.has(old)) {
    let next;
    do { next = "$" + (counter++).toString(36); } while (taken.has(next));
    renames.set(old, next);
  }
  return renames.get(old);
};

// Both sections are a vector of entries; `entry` reads one and returns its new bytes.
function rewriteVector(body, section, entry) {
  const r = reader(body, 0);
  const count = r.u32();
  const parts = [u32(count)];
  for (let i = 0; i < count; i++) parts.push(...entry(r, body));
  if (r.at !== body.length) fail(`the ${section} section has bytes after its last entry`);
  return Buffer.concat(parts);
}

function importEntry(r, body) {
  const module = r.name();
  const field = r.name();
  const descStart = r.at;
  const kind = r.byte();
  if (kind === 0) r.u32();
  else if (kind === 1) { r.byte(); r.limits(); }
  else if (kind === 2) r.limits();
  else if (kind === 3) { r.byte(); r.byte(); }
  else fail(`import ${field} is of a kind (${kind}) this script does not know`);
  return [nameBytes(module), nameBytes(shortName(field)), body.subarray(descStart, r.at)];
}

function exportEntry(r, body) {
  const name = r.name();
  const descStart = r.at;
  r.byte();
  r.u32();
  return [nameBytes(keepExport(name) ? name : shortName(name)), body.subarray(descStart, r.at)];
}

if (wasm.readUInt32LE(0) !== 0x6d736100) fail(`${wasmPath} is not a wasm module`);
const sections = [wasm.subarray(0, 8)];
const r = reader(wasm, 8);
while (r.at < wasm.length) {
  const id = r.byte();
  const body = r.bytes(r.u32());
  const rewritten =
    id === 2 ? rewriteVector(body, "import", importEntry) : id === 7 ? rewriteVector(body, "export", exportEntry) : body;
  sections.push(Buffer.from([id]), u32(rewritten.length), rewritten);
}

// The glue refers to each name as an object key (imports) or a property (exports).
let newGlue = glue;
for (const [old, short] of renames) {
  const pattern = token(old);
  if (!pattern.test(newGlue)) fail(`${old} is not in the glue as a whole name`);
  newGlue = newGlue.replace(pattern, () => short);
}
for (const old of renames.keys()) {
  if (token(old).test(newGlue)) fail(`${old} is still in the glue`);
}

const newWasm = Buffer.concat(sections);
writeFileSync(wasmPath, newWasm);
writeFileSync(gluePath, newGlue);
console.log(`shorten-bindings: ${renames.size} names; wasm ${wasm.length} -> ${newWasm.length} bytes, glue ${glue.length} -> ${newGlue.length} bytes`);
