// A small static file server bound to 127.0.0.1, serving the way a real host does:
// brotli `Content-Encoding` when the browser accepts it, an ETag per file, and
// `Cache-Control: no-cache` (the browser may keep a copy but asks each time; an
// unchanged file is answered 304 with no body). The bench measures first and repeat
// visits through it, and the tests run against it.
import { createServer } from "node:http";
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { brotliCompressSync, constants } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};
// Already compressed: brotli would only add work.
const STORED = new Set([".png"]);

/** Serves `dir`; `setRoot(other)` switches to another folder (a new build) in place.
 *  `sent` lists every response since `sent.length = 0`: path, status and the bytes
 *  written to the socket for it, headers included. */
export async function serveDir(dir, port = 0) {
  let root = resolve(dir);
  const sent = [];
  // path -> { mtime, size, etag, body, brotli }: compressed once per version of a file.
  const prepared = new Map();
  async function prepare(file) {
    const info = await stat(file);
    const known = prepared.get(file);
    if (known && known.mtime === info.mtimeMs && known.size === info.size) return known;
    const body = await readFile(file);
    const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
    const brotli = STORED.has(extname(file))
      ? null
      : brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    const entry = { mtime: info.mtimeMs, size: info.size, etag, body, brotli };
    prepared.set(file, entry);
    return entry;
  }
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    // One response at a time per HTTP/1.1 connection: the socket's count before and
    // after is this response's size on the wire.
    const before = req.socket.bytesWritten;
    res.on("finish", () => sent.push({ path, status: res.statusCode, bytes: req.socket.bytesWritten - before }));
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const entry = await prepare(file);
      const headers = {
        "content-type": TYPES[extname(file)] || "application/octet-stream",
        "cache-control": "no-cache",
        etag: entry.etag,
        vary: "Accept-Encoding",
      };
      if (req.headers["if-none-match"] === entry.etag) {
        res.writeHead(304, headers).end();
        return;
      }
      const brotli = entry.brotli && /\bbr\b/.test(req.headers["accept-encoding"] || "");
      if (brotli) headers["content-encoding"] = "br";
      const body = brotli ? entry.brotli : entry.body;
      headers["content-length"] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
    }
  });
  await new Promise((ok, fail) => { server.once("error", fail); server.listen(port, "127.0.0.1", ok); });
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    setRoot: (other) => { root = resolve(other); },
    sent,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT || 8080);
  const { url } = await serveDir(process.argv[2] || "dist", port);
  console.log(`\nIntensive Planner is running at ${url}  (Ctrl+C to stop)\n`);
}
