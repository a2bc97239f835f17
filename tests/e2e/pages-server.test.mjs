// Tests of the GitHub Pages stand-in (pages-server.mjs) on a small site in a temporary
// folder: the other end-to-end tests trust it to serve the release site as Pages does, in
// paths (base, `x` → x.html, folders, 404.html) and in transfer (gzip by type, byte
// ranges, validators). Needs no browser and no built site.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { acceptsGzip, byteRange, servePages } from "./pages-server.mjs";

const BASE = "/insight-explorer/";

// Text long and repetitive enough that gzip clearly shrinks it, so a test can tell.
const filler = (word) => `${word} `.repeat(400);
const FILES = {
  "index.html": `<!doctype html><title>home</title>${filler("home")}`,
  "404.html": `<!doctype html><title>not found</title>${filler("missing")}`,
  "about.html": `<!doctype html><title>about</title>${filler("about")}`,
  "corpus.json": JSON.stringify({ words: filler("json") }),
  "app.wasm": Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), Buffer.alloc(4000, 7)]),
  "app.js": `export const text = ${JSON.stringify(filler("js"))};`,
  "style.css": `body { color: black; }\n`.repeat(100),
  "feed.xml": `<?xml version="1.0"?><feed>${filler("xml")}</feed>`,
  "logo.svg": `<svg xmlns="http://www.w3.org/2000/svg">${filler("<g/>")}</svg>`,
  "notes.txt": filler("text"),
  // Bytes 0..255 repeated: a range's content is easy to predict.
  "pack.bin": Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256)),
  "photo.png": Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(3000, 1)]),
  "empty.bin": Buffer.alloc(0),
  "guide/index.html": `<!doctype html><title>guide</title>${filler("guide")}`,
  "articles/first.html": `<!doctype html><title>first</title>${filler("first")}`,
};

let dir, site, origin;
const heard = [];

/** A raw GET (or other method): status, headers and the body bytes as sent, not decoded
 * (fetch would gunzip silently and hide what went over the wire). */
function get(path, headers = {}, method = "GET") {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { method, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

const fileBytes = (name) => Buffer.from(FILES[name]);
const GZIP = { "accept-encoding": "gzip, deflate, br" };

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "pages-server-"));
  for (const [name, content] of Object.entries(FILES)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  site = await servePages(dir, BASE, { onResponse: (r) => heard.push(r) });
  origin = new URL(site.url).origin;
});

after(async () => {
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("paths as on GitHub Pages", () => {
  test("the site's address is under the base", () => {
    assert.match(site.url, /^http:\/\/127\.0\.0\.1:\d+\/insight-explorer\/$/);
  });

  test("the base serves index.html; without its slash it redirects, keeping the query", async () => {
    const home = await get(BASE);
    assert.equal(home.status, 200);
    assert.deepEqual(home.body, fileBytes("index.html"));
    const bare = await get("/insight-explorer?q=x");
    assert.equal(bare.status, 301);
    assert.equal(bare.headers.location, "/insight-explorer/?q=x");
  });

  test("`/x` is served by x.html, with or without a query; `/x/` is not", async () => {
    const about = await get(`${BASE}about?from=test`);
    assert.equal(about.status, 200);
    assert.match(about.headers["content-type"], /^text\/html/);
    assert.deepEqual(about.body, fileBytes("about.html"));
    assert.deepEqual((await get(`${BASE}about.html`)).body, fileBytes("about.html"));
    assert.deepEqual((await get(`${BASE}articles/first`)).body, fileBytes("articles/first.html"));
    assert.equal((await get(`${BASE}about/`)).status, 404);
  });

  test("a folder serves its index.html, and redirects to its slash first", async () => {
    const guide = await get(`${BASE}guide/`);
    assert.equal(guide.status, 200);
    assert.deepEqual(guide.body, fileBytes("guide/index.html"));
    const bare = await get(`${BASE}guide`);
    assert.equal(bare.status, 301);
    assert.equal(bare.headers.location, `${BASE}guide/`);
  });

  test("a missing path gets the site's 404.html with status 404, never cached", async () => {
    for (const path of [`${BASE}nothing`, `${BASE}articles/unknown`, `${BASE}articles/`, `${BASE}nothing.json`]) {
      const missing = await get(path);
      assert.equal(missing.status, 404, path);
      assert.match(missing.headers["content-type"], /^text\/html/);
      assert.deepEqual(missing.body, fileBytes("404.html"), path);
      assert.equal(missing.headers["cache-control"], undefined);
      assert.equal(missing.headers.etag, undefined);
    }
    const gzipped = await get(`${BASE}nothing`, GZIP);
    assert.equal(gzipped.status, 404);
    assert.deepEqual(gunzipSync(gzipped.body), fileBytes("404.html"));
  });

  test("nothing outside the base or the site folder is served", async () => {
    assert.equal((await get("/elsewhere/index.html")).status, 404);
    // Encoded slashes stay inside the site (its 404 page); encoded dots are resolved by
    // the URL parser to a path outside the base.
    for (const path of [`${BASE}..%2F..%2F..%2Fetc%2Fhostname`, `${BASE}%2e%2e/%2e%2e/%2e%2e/etc/hostname`]) {
      const escaped = await get(path);
      assert.equal(escaped.status, 404, path);
      assert.match(escaped.body.toString(), /not found|not part of this site/, path);
    }
    assert.equal((await get(`${BASE}%E0%A4%A`)).status, 400);
  });

  test("only GET and HEAD are allowed; HEAD sends the headers of GET without a body", async () => {
    const post = await get(`${BASE}corpus.json`, {}, "POST");
    assert.equal(post.status, 405);
    const head = await get(`${BASE}corpus.json`, GZIP, "HEAD");
    const full = await get(`${BASE}corpus.json`, GZIP);
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    assert.equal(head.headers["content-length"], String(full.body.length));
    assert.equal(head.headers["content-encoding"], "gzip");
  });
});

describe("transfer as on GitHub Pages", () => {
  const TEXT_LIKE = ["corpus.json", "index.html", "app.wasm", "app.js", "style.css", "feed.xml", "logo.svg", "notes.txt"];

  test("text-like types (.json, .html, .wasm, .js, .css, .xml, .svg, .txt) are gzipped when gzip is accepted", async () => {
    for (const name of TEXT_LIKE) {
      const response = await get(BASE + name, GZIP);
      assert.equal(response.status, 200, name);
      assert.equal(response.headers["content-encoding"], "gzip", name);
      assert.equal(response.headers.vary, "Accept-Encoding", name);
      assert.equal(response.headers["content-length"], String(response.body.length), name);
      assert.ok(response.body.length < fileBytes(name).length, `${name}: the body is compressed`);
      assert.deepEqual(gunzipSync(response.body), fileBytes(name), name);
      assert.match(response.headers.etag, /^W\/"/, `${name}: a gzipped body has a weak ETag`);
    }
    assert.equal((await get(`${BASE}app.wasm`, GZIP)).headers["content-type"], "application/wasm");
  });

  test("without gzip in Accept-Encoding the same files go out as they are", async () => {
    for (const headers of [{}, { "accept-encoding": "identity" }, { "accept-encoding": "gzip;q=0, br" }]) {
      for (const name of TEXT_LIKE) {
        const response = await get(BASE + name, headers);
        assert.equal(response.headers["content-encoding"], undefined, `${name} ${JSON.stringify(headers)}`);
        assert.equal(response.headers.vary, "Accept-Encoding", name);
        assert.deepEqual(response.body, fileBytes(name), name);
      }
    }
  });

  test("unknown types (.bin) and images are never gzipped", async () => {
    for (const name of ["pack.bin", "photo.png"]) {
      const response = await get(BASE + name, GZIP);
      assert.equal(response.status, 200);
      assert.equal(response.headers["content-encoding"], undefined, name);
      assert.equal(response.headers.vary, undefined, name);
      assert.equal(response.headers["accept-ranges"], "bytes");
      assert.deepEqual(response.body, fileBytes(name), name);
    }
    assert.equal((await get(`${BASE}pack.bin`)).headers["content-type"], "application/octet-stream");
  });

  test("a single byte range gets 206 with exactly those bytes", async () => {
    const bytes = fileBytes("pack.bin");
    const cases = [
      ["bytes=0-0", 0, 0],
      ["bytes=10-19", 10, 19],
      ["bytes=990-", 990, 999],
      ["bytes=-16", 984, 999],
      ["bytes=500-5000", 500, 999],
      ["bytes=-5000", 0, 999],
      ["BYTES=1-2", 1, 2],
    ];
    for (const [range, start, end] of cases) {
      const response = await get(`${BASE}pack.bin`, { ...GZIP, range });
      assert.equal(response.status, 206, range);
      assert.equal(response.headers["content-range"], `bytes ${start}-${end}/1000`, range);
      assert.equal(response.headers["content-length"], String(end - start + 1), range);
      assert.equal(response.headers["accept-ranges"], "bytes");
      assert.deepEqual(response.body, bytes.subarray(start, end + 1), range);
    }
  });

  test("a ranged response is never gzipped, even of a text-like type", async () => {
    const response = await get(`${BASE}corpus.json`, { ...GZIP, range: "bytes=2-9" });
    assert.equal(response.status, 206);
    assert.equal(response.headers["content-encoding"], undefined);
    assert.deepEqual(response.body, fileBytes("corpus.json").subarray(2, 10));
  });

  test("a range past the end gets 416 with the file's size", async () => {
    for (const [name, range] of [["pack.bin", "bytes=1000-"], ["pack.bin", "bytes=5000-6000"], ["pack.bin", "bytes=-0"], ["empty.bin", "bytes=0-"], ["empty.bin", "bytes=-5"]]) {
      const response = await get(BASE + name, { range });
      assert.equal(response.status, 416, `${name} ${range}`);
      assert.equal(response.headers["content-range"], `bytes */${fileBytes(name).length}`);
    }
  });

  test("a malformed or multiple range is ignored: the whole file, 200", async () => {
    for (const range of ["bytes=5-2", "bytes=a-b", "items=0-5", "bytes=0-1,4-5", "bytes=-"]) {
      const response = await get(`${BASE}pack.bin`, { range });
      assert.equal(response.status, 200, range);
      assert.deepEqual(response.body, fileBytes("pack.bin"), range);
    }
  });

  test("files carry validators and Pages' Cache-Control; a conditional request gets 304", async () => {
    const first = await get(`${BASE}pack.bin`);
    assert.equal(first.headers["cache-control"], "max-age=600");
    assert.match(first.headers.etag, /^"[0-9a-f]+-3e8"$/);
    assert.ok(first.headers["last-modified"]);
    const again = await get(`${BASE}pack.bin`, { "if-none-match": first.headers.etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    const since = await get(`${BASE}pack.bin`, { "if-modified-since": first.headers["last-modified"] });
    assert.equal(since.status, 304);
    // The weak tag of the gzipped body validates that body too.
    const packed = await get(`${BASE}corpus.json`, GZIP);
    assert.equal((await get(`${BASE}corpus.json`, { ...GZIP, "if-none-match": packed.headers.etag })).status, 304);
    // If-Range with another tag: the range is dropped and the whole file sent.
    const stale = await get(`${BASE}pack.bin`, { range: "bytes=0-9", "if-range": '"0-0"' });
    assert.equal(stale.status, 200);
    assert.equal(stale.body.length, 1000);
    const fresh = await get(`${BASE}pack.bin`, { range: "bytes=0-9", "if-range": first.headers.etag });
    assert.equal(fresh.status, 206);
  });

  test("onResponse hears each response with the bytes that went over the wire", async () => {
    heard.length = 0;
    const packed = await get(`${BASE}corpus.json`, GZIP);
    await get(`${BASE}pack.bin`, { range: "bytes=100-199" });
    await get(`${BASE}nowhere`);
    // 'finish' on the server may come just after the client has its last byte.
    for (let tries = 0; heard.length < 3 && tries < 100; tries++) await new Promise((done) => setTimeout(done, 5));
    assert.deepEqual(
      heard.map(({ file, status, encoding, bytes, range }) => ({ file, status, encoding, bytes, range })),
      [
        { file: "corpus.json", status: 200, encoding: "gzip", bytes: packed.body.length, range: null },
        { file: "pack.bin", status: 206, encoding: "identity", bytes: 100, range: [100, 199] },
        { file: "404.html", status: 404, encoding: "identity", bytes: fileBytes("404.html").length, range: null },
      ],
    );
  });
});

describe("closing", () => {
  test("close() ends connections a client opened and never used, and ones kept alive", async () => {
    const other = await servePages(dir, BASE);
    const { hostname, port } = new URL(other.url);
    // A connection opened ahead of need, as Chromium's preconnect does, that sends nothing.
    const silent = connect(Number(port), hostname);
    await new Promise((done) => silent.once("connect", done));
    // And one kept alive after a response.
    const agent = new Agent({ keepAlive: true });
    await new Promise((done, fail) => {
      const req = request(other.url, { agent }, (res) => res.resume().on("end", done));
      req.on("error", fail);
      req.end();
    });
    const closed = other.close().then(() => "closed");
    const late = new Promise((done) => setTimeout(() => done("still open after 3 s"), 3000).unref());
    assert.equal(await Promise.race([closed, late]), "closed");
    agent.destroy();
  });
});

describe("header parsing", () => {
  test("Accept-Encoding", () => {
    assert.equal(acceptsGzip(undefined), false);
    assert.equal(acceptsGzip("gzip"), true);
    assert.equal(acceptsGzip("br, GZIP;q=0.5"), true);
    assert.equal(acceptsGzip("gzip;q=0"), false);
    assert.equal(acceptsGzip("*"), true);
    assert.equal(acceptsGzip("*, gzip;q=0"), false);
    assert.equal(acceptsGzip("identity, br"), false);
  });

  test("Range", () => {
    assert.deepEqual(byteRange("bytes=0-99", 50), { start: 0, end: 49 });
    assert.deepEqual(byteRange("bytes=-10", 5), { start: 0, end: 4 });
    assert.equal(byteRange("bytes=50-", 50), null);
    assert.equal(byteRange("bytes=3-1", 50), undefined);
    assert.equal(byteRange("bytes=1-2, 4-5", 50), undefined);
  });
});
