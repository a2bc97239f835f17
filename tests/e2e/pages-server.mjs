// A static server that behaves like GitHub Pages for a project site, in paths and in
// transfer, so that the end-to-end tests load the release site the way readers will.
//
// Paths: the site lives under /<repo>/; `/<repo>` and any other folder asked for without
// its slash get a 301 to the slash; folders serve their index.html; `x` is served by
// `x.html`; a missing file gets the site's 404.html with status 404; nothing is rewritten.
//
// Transfer: text-like types (HTML, CSS, JS, JSON, XML, SVG, plain text, wasm) are gzipped
// when the request accepts gzip, with `Vary: Accept-Encoding`; images and unknown types
// (application/octet-stream, such as .bin pack files) are sent as they are. A single byte
// range (`Range: bytes=a-b`, `a-`, `-n`) gets 206 with exactly those bytes, never gzipped;
// a range past the end gets 416. Files carry an ETag and Last-Modified (a conditional
// request gets 304) and `Cache-Control: max-age=600`, as Pages sends them.
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { createSecureServer } from "node:http2";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { open, readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { promisify } from "node:util";
import { gzip } from "node:zlib";

const gzipAsync = promisify(gzip);

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".xml": "application/xml",
  ".rss": "application/rss+xml",
  ".atom": "application/atom+xml",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
};
const BINARY = "application/octet-stream";

/** Whether Pages gzips a response of this type: text, the JSON/XML families, SVG and
 * wasm. Images, fonts and unknown (octet-stream) files go out as they are, which is why a
 * reader of byte ranges in binary pack files can count on identity bodies. */
export function compressible(type) {
  const bare = type.split(";")[0].trim().toLowerCase();
  return (
    bare.startsWith("text/") ||
    /^application\/(json|javascript|wasm|xml|[\w.-]+\+(json|xml))$/.test(bare) ||
    bare === "image/svg+xml"
  );
}

export const typeOf = (path) => TYPES[extname(path).toLowerCase()] ?? BINARY;

/** Whether an Accept-Encoding header allows gzip (by name or by `*`, with q > 0). */
export function acceptsGzip(header) {
  if (!header) return false;
  const weights = new Map();
  for (const part of header.split(",")) {
    const [name, ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    weights.set(name, q ? Number(q.slice(2)) : 1);
  }
  const weight = weights.get("gzip") ?? weights.get("x-gzip") ?? weights.get("*") ?? 0;
  return weight > 0;
}

/**
 * The byte range a Range header asks of a `size`-byte file: `{ start, end }` (inclusive),
 * `null` when no byte of the file is in it (416), or `undefined` when the header is to be
 * ignored and the whole file sent (not a single `bytes` range, or malformed: RFC 9110
 * lets a server answer those with 200, and multipart answers are more than the explorer
 * needs).
 */
export function byteRange(header, size) {
  const match = /^bytes=(\d*)-(\d*)$/i.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return undefined;
  const [first, last] = [match[1], match[2]];
  if (first === "") {
    const suffix = Number(last);
    return suffix === 0 || size === 0 ? null : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last !== "" && Number(last) < start) return undefined;
  if (start >= size) return null;
  return { start, end: last === "" ? size - 1 : Math.min(Number(last), size - 1) };
}

/** The file at `path`, or `{ folder: true }` for a folder with an index.html, or null. */
async function fileIfPresent(path) {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return (await fileIfPresent(join(path, "index.html"))) ? { folder: true } : null;
    return info.isFile() ? { path, info } : null;
  } catch {
    return null;
  }
}

// Like GitHub Pages: `/a/b` is served by `a/b`, `a/b.html`, or (after a redirect to
// `/a/b/`) `a/b/index.html`.
async function resolveFile(path, slash) {
  if (slash) return fileIfPresent(join(path, "index.html"));
  const found = await fileIfPresent(path);
  if (found) return found;
  return fileIfPresent(`${path}.html`);
}

/** nginx-style validators, as Pages sends them: the ETag is weak for a gzipped body,
 * which is a different representation of the same file. */
const etagOf = (info) => `"${Math.floor(info.mtimeMs / 1000).toString(16)}-${info.size.toString(16)}"`;
const bareTag = (tag) => tag.trim().replace(/^W\//, "");

/** Whether a conditional GET may be answered 304 (RFC 9110: If-None-Match, weakly
 * compared, wins over If-Modified-Since). */
function notModified(request, etag, info) {
  const noneMatch = request.headers["if-none-match"];
  if (noneMatch !== undefined) {
    return noneMatch.trim() === "*" || noneMatch.split(",").some((tag) => bareTag(tag) === bareTag(etag));
  }
  const since = Date.parse(request.headers["if-modified-since"] ?? "");
  return !Number.isNaN(since) && Math.floor(info.mtimeMs / 1000) * 1000 <= since;
}

/** Whether a Range request's If-Range (if any) still names this file: only a strong
 * ETag or the exact Last-Modified date does; otherwise the whole file is sent. */
function rangeStillValid(request, etag, lastModified) {
  const ifRange = request.headers["if-range"];
  if (ifRange === undefined) return true;
  return ifRange.trim() === etag || ifRange.trim() === lastModified;
}

async function readSlice(path, start, end) {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(end - start + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Serves `siteDir` under `base` (for example "/insight-explorer/") on a free loopback port.
 * Returns { url, close }, where url is the site's address with the base.
 *
 * Options (all optional):
 * - `onResponse(record)`: called once each response has been sent, with `{ method, url,
 *   file, status, type, encoding, bytes, range }`: `file` is the site-relative file served
 *   (or null), `encoding` "gzip" or "identity", `bytes` the body bytes sent (what went
 *   over the wire, compressed if gzipped), `range` `[start, end]` for a 206. For tests that
 *   count what a page downloads.
 * - `cacheControl`: the Cache-Control of files, "max-age=600" (as Pages) unless given.
 * - `http2`: serve HTTP/2 over TLS, as GitHub Pages does (a browser then sends every
 *   request of a page over one connection instead of at most six at a time); the
 *   certificate is made for the run with `openssl`, and the browser must ignore
 *   certificate errors.
 */
export async function servePages(siteDir, base, options = {}) {
  const { onResponse, cacheControl = "max-age=600", http2 = false } = options;
  const root = normalize(siteDir).replace(/(.)[\\/]+$/, "$1");
  // Gzipped bodies by file, version and size: the release wasm is large, and the tests
  // load it many times.
  const gzipped = new Map();

  async function handle(request, response) {
    // What onResponse hears about this response, filled in as it is answered.
    const record = { method: request.method, url: request.url, file: null, status: 0, type: null, encoding: "identity", bytes: 0, range: null };
    if (onResponse) response.once("finish", () => onResponse({ ...record }));
    const head = request.method === "HEAD";

    /** Sends a body with the headers Pages sends on every response, gzipped when the type
     * allows it, the request accepts it and the answer is not about a byte range. */
    async function send(status, type, body, { headers = {}, cacheKey = null, identity = false } = {}) {
      const vary = compressible(type);
      headers = { ...headers };
      if (vary && !identity && acceptsGzip(request.headers["accept-encoding"])) {
        let packed = cacheKey ? gzipped.get(cacheKey) : undefined;
        if (!packed) {
          packed = await gzipAsync(body);
          if (cacheKey) gzipped.set(cacheKey, packed);
        }
        body = packed;
        record.encoding = "gzip";
        if (headers.etag) headers.etag = `W/${headers.etag}`;
      }
      Object.assign(record, { status, type, bytes: head ? 0 : body.length });
      response.writeHead(status, {
        "content-type": type,
        "content-length": body.length,
        "access-control-allow-origin": "*",
        ...(vary ? { vary: "Accept-Encoding" } : {}),
        ...(record.encoding === "gzip" ? { "content-encoding": "gzip" } : {}),
        ...headers,
      });
      response.end(head ? undefined : body);
    }
    const plain = (status, text, headers) => send(status, TYPES[".txt"], Buffer.from(text), { headers });
    /** A response without a body (301, 304). */
    const bare = (status, headers) => {
      record.status = status;
      response.writeHead(status, headers);
      response.end();
    };

    if (request.method !== "GET" && !head) return plain(405, "405 Not Allowed", { allow: "GET, HEAD" });
    const address = new URL(request.url, "http://localhost");
    let path;
    try {
      path = decodeURIComponent(address.pathname);
    } catch {
      return plain(400, "400 Bad Request");
    }
    const redirect = (to) => bare(301, { location: to + address.search, "content-length": 0 });
    if (path === base.replace(/\/$/, "")) return redirect(base);
    if (!path.startsWith(base)) return plain(404, "404: not part of this site");

    const wanted = normalize(join(root, path.slice(base.length)));
    const inside = wanted === root || wanted.startsWith(root + sep);
    const found = inside ? await resolveFile(wanted, path.endsWith("/")) : null;
    if (found?.folder) return redirect(`${address.pathname}/`);

    if (!found) {
      // No validators and no Cache-Control: the browser must not keep a 404 (a later test
      // may publish the file).
      const page = join(root, "404.html");
      const info = await stat(page).catch(() => null);
      if (!info?.isFile()) return plain(404, "404");
      record.file = "404.html";
      return send(404, TYPES[".html"], await readFile(page), { cacheKey: `${page}\n${info.mtimeMs}\n${info.size}` });
    }

    const { path: file, info } = found;
    record.file = file.slice(root.length + 1).split(sep).join("/");
    const cacheKey = `${file}\n${info.mtimeMs}\n${info.size}`;
    const type = typeOf(file);
    const etag = etagOf(info);
    const lastModified = new Date(Math.floor(info.mtimeMs / 1000) * 1000).toUTCString();
    const validators = { etag, "last-modified": lastModified, "cache-control": cacheControl, "accept-ranges": "bytes" };

    if (notModified(request, etag, info)) {
      const gzippable = compressible(type) && acceptsGzip(request.headers["accept-encoding"]);
      return bare(304, {
        ...validators,
        etag: gzippable ? `W/${etag}` : etag,
        ...(compressible(type) ? { vary: "Accept-Encoding" } : {}),
      });
    }

    const rangeHeader = request.headers.range;
    const range = rangeHeader !== undefined && rangeStillValid(request, etag, lastModified) ? byteRange(rangeHeader, info.size) : undefined;
    if (range === null) {
      return send(416, TYPES[".txt"], Buffer.from("416 Range Not Satisfiable"), {
        headers: { "content-range": `bytes */${info.size}`, "accept-ranges": "bytes" },
        identity: true,
      });
    }
    if (range) {
      const body = await readSlice(file, range.start, range.end);
      const end = range.start + body.length - 1;
      record.range = [range.start, end];
      return send(206, type, body, { headers: { ...validators, "content-range": `bytes ${range.start}-${end}/${info.size}` }, identity: true });
    }
    return send(200, type, await readFile(file), { headers: validators, cacheKey });
  }

  // The open connections, each with the number of its responses not yet done, so that
  // close() can end them: Node's server.close() waits for every connection, but closes
  // only those it deems idle, and a connection the browser opened ahead of need (Chromium
  // preconnects) and never used is not idle to Node, nor timed out once close() has
  // stopped Node's timeout checks. The test run would then hang in an `after` hook.
  const connections = new Map();
  let closing = false;
  const answer = (request, response) => {
    // (Over HTTP/2 a request's socket stands for its whole session: close() ends those.)
    if (!http2) {
      const { socket } = request;
      connections.set(socket, (connections.get(socket) ?? 0) + 1);
      response.once("close", () => {
        const busy = connections.get(socket) - 1;
        connections.set(socket, busy);
        if (closing && busy === 0) socket.destroy();
      });
    }
    handle(request, response).catch((error) => {
      // A test server that fails must say why, not leave the page that asked waiting.
      if (!response.headersSent) response.writeHead(500, { "content-type": TYPES[".txt"] });
      response.end(`500: ${error.message}`);
    });
  };
  // HTTP/2 needs TLS in browsers: a certificate made for this run, which the browser
  // must be told to accept (`--ignore-certificate-errors`).
  const server = http2 ? createSecureServer({ ...throwawayCertificate(), allowHTTP1: true }, answer) : createServer(answer);
  server.on(http2 ? "secureConnection" : "connection", (socket) => {
    connections.set(socket, 0);
    socket.once("close", () => connections.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `${http2 ? "https" : "http"}://127.0.0.1:${port}${base}`,
    // Stops listening, ends every connection not busy with a response at once and the
    // others as soon as their responses are done, and resolves when all are closed.
    close: () =>
      new Promise((resolve) => {
        closing = true;
        server.close(() => resolve());
        for (const [socket, busy] of connections) if (busy === 0) socket.destroy();
      }),
  };
}

/** A key and self-signed certificate for 127.0.0.1, made now and valid for a day. */
function throwawayCertificate() {
  const dir = mkdtempSync(join(tmpdir(), "pages-tls-"));
  try {
    const [key, cert] = [join(dir, "key.pem"), join(dir, "cert.pem")];
    execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert], { stdio: "ignore" });
    return { key: readFileSync(key), cert: readFileSync(cert) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
