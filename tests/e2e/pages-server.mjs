// A static server that behaves like GitHub Pages for a project site: the site lives under
// /<repo>/, folders serve their index.html, `x` is served by `x.html`, a missing file gets the site's 404.html with
// status 404, and nothing is rewritten on the server.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

async function fileIfPresent(path) {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return fileIfPresent(join(path, "index.html"));
    return info.isFile() ? path : null;
  } catch {
    return null;
  }
}

// Like GitHub Pages: `/a/b` is served by `a/b`, `a/b/index.html` or `a/b.html`.
async function resolve(path) {
  return (await fileIfPresent(path)) ?? (path.endsWith("/") ? null : await fileIfPresent(`${path}.html`));
}

/**
 * Serves `siteDir` under `base` (for example "/insight-explorer/") on a free loopback port.
 * Returns { url, close }, where url is the site's address with the base.
 */
export async function servePages(siteDir, base) {
  const root = normalize(siteDir);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
    if (path === base.replace(/\/$/, "")) {
      response.writeHead(301, { location: base });
      return response.end();
    }
    if (!path.startsWith(base)) {
      response.writeHead(404, { "content-type": TYPES[".txt"] });
      return response.end("404: not part of this site");
    }
    const wanted = normalize(join(root, path.slice(base.length)));
    const file = wanted === root || wanted.startsWith(root + sep) ? await resolve(wanted) : null;
    const status = file ? 200 : 404;
    const served = file ?? join(root, "404.html");
    try {
      const body = await readFile(served);
      response.writeHead(status, { "content-type": TYPES[extname(served)] ?? "application/octet-stream" });
      response.end(body);
    } catch {
      response.writeHead(404, { "content-type": TYPES[".txt"] });
      response.end("404");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
