// Trunk writes an inline <script type="module"> that loads the wasm. A strict
// Content-Security-Policy forbids inline scripts, so move it into its own file.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";

const dir = process.env.TRUNK_STAGING_DIR || "dist";
const htmlPath = join(dir, "index.html");
let html = readFileSync(htmlPath, "utf8");
const inline = /<script type="module"([^>]*)>([\s\S]*?)<\/script>/g;
let moved = 0;
html = html.replace(inline, (whole, attrs, body) => {
  if (/\bsrc=/.test(attrs) || !body.trim()) return whole;
  const name = `boot-${createHash("sha256").update(body).digest("hex").slice(0, 16)}.js`;
  writeFileSync(join(dir, name), body);
  moved += 1;
  return `<script type="module" src="./${name}"></script>`;
});
// Trunk may also add nonce attributes; they mean nothing for a static file.
html = html.replace(/ nonce="[^"]*"/g, "");
writeFileSync(htmlPath, html);
console.log(`move-inline-loader: moved ${moved} inline script(s) out of index.html`);
