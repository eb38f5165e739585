// Fails when two or more modules of src/ import each other, directly or round a circle:
// each module should depend one way, so it can be read and changed on its own.
// A module is a file (`a/b.rs` or `a/b/mod.rs` is `a::b`); its imports are every
// `crate::`, `super::` and `self::` path it names, in `use` lines or inline, resolved to
// the deepest module that exists. A module's own submodules do not count as imports
// of it (declaring `mod x;` is not using x), so a parent may name its children.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("../src/", import.meta.url).pathname;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".rs") ? [path] : [];
  });
}

function moduleOf(file) {
  const parts = relative(root, file).replace(/\.rs$/, "").split("/");
  if (["mod", "lib", "main"].includes(parts.at(-1))) parts.pop();
  return parts;
}

const sources = new Map(files(root).map((file) => [moduleOf(file).join("::"), readFileSync(file, "utf8")]));

/** `a::{b, c::{d, e}}` → ["a::b", "a::c::d", "a::c::e"]. */
function expand(tree) {
  const open = tree.indexOf("{");
  if (open < 0) return [tree.trim()];
  const head = tree.slice(0, open);
  const body = tree.slice(open + 1, tree.lastIndexOf("}"));
  const items = [];
  let depth = 0, start = 0;
  for (let i = 0; i <= body.length; i++) {
    const c = body[i];
    if (c === "{") depth++;
    else if (c === "}") depth--;
    else if ((c === "," && depth === 0) || i === body.length) {
      if (body.slice(start, i).trim()) items.push(body.slice(start, i));
      start = i + 1;
    }
  }
  return items.flatMap((item) => expand(item.trim())).map((tail) => head + tail);
}

function withoutComments(text) {
  return text.replace(/\/\/.*$/gm, "").replace(/"(?:[^"\\]|\\.)*"/g, '""');
}

/** The module a path names, from module `from`, or none for a path outside the crate. */
function resolve(from, path) {
  let segments = path.split("::").map((s) => s.trim().split(/\s/)[0]).filter(Boolean);
  let base;
  if (segments[0] === "crate") base = [], segments = segments.slice(1);
  else if (segments[0] === "self") base = [...from], segments = segments.slice(1);
  else if (segments[0] === "super") {
    base = [...from];
    while (segments[0] === "super") base.pop(), segments = segments.slice(1);
  } else return null;
  let found = base;
  for (let i = 0; i < segments.length; i++) {
    const candidate = [...base, ...segments.slice(0, i + 1)];
    if (sources.has(candidate.join("::"))) found = candidate;
    else break;
  }
  return found.join("::");
}

const edges = new Map();
for (const [name, text] of sources) {
  const from = name ? name.split("::") : [];
  const targets = new Set();
  const code = withoutComments(text);
  for (const [, tree] of code.matchAll(/\buse\s+((?:crate|super|self)::[^;]+);/g)) {
    for (const path of expand(tree.replace(/\s+/g, " "))) targets.add(resolve(from, path));
  }
  for (const [path] of code.matchAll(/\b(?:crate|super)(?:::[A-Za-z_][A-Za-z0-9_]*)+/g)) {
    targets.add(resolve(from, path));
  }
  const own = (target) => target === name || (name === "" ? true : target.startsWith(`${name}::`));
  edges.set(name, [...targets].filter((t) => t !== null && !own(t)));
}

// Strongly connected components (Tarjan): any with more than one module is a circle.
let counter = 0;
const index = new Map(), low = new Map(), stack = [], onStack = new Set(), circles = [];
function visit(v) {
  index.set(v, counter); low.set(v, counter); counter++;
  stack.push(v); onStack.add(v);
  for (const w of edges.get(v) ?? []) {
    if (!index.has(w)) { visit(w); low.set(v, Math.min(low.get(v), low.get(w))); }
    else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
  }
  if (low.get(v) === index.get(v)) {
    const component = [];
    let w;
    do { w = stack.pop(); onStack.delete(w); component.push(w); } while (w !== v);
    if (component.length > 1) circles.push(component.sort());
  }
}
for (const v of edges.keys()) if (!index.has(v)) visit(v);

if (circles.length) {
  console.error("Modules that import each other (each line is one circle):");
  for (const circle of circles) {
    const inside = new Set(circle);
    const links = circle.flatMap((m) => edges.get(m).filter((t) => inside.has(t)).map((t) => `${m} -> ${t}`));
    console.error(`  ${circle.join(", ")}\n    ${links.join("\n    ")}`);
  }
  process.exit(1);
}
console.log(`No import circles among ${sources.size} modules.`);
