// The size of a published folder for the scale benchmark: its file count, its bytes, and
// its bytes as a server that gzips would send them. GitHub Pages (and the test server)
// compress text, JavaScript, JSON and wasm on the fly and send other types
// (application/octet-stream) as they are, so "as served" gzips only those types; "all
// gzipped" gzips every file, the most a compressing host could save.
import { readdir, readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { gzipSync } from "node:zlib";
import * as pages from "../../e2e/pages-server.mjs";

/** The extensions a compressing static host sends gzipped, for a test server that does not say. */
const COMPRESSED = new Set([".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".txt", ".xml"]);

/** Whether the test server gzips this file: its own rule when it exports one. */
const servedGzipped =
  typeof pages.compressible === "function" && typeof pages.typeOf === "function"
    ? (path) => pages.compressible(pages.typeOf(path))
    : (path) => COMPRESSED.has(extname(path).toLowerCase());

async function* files(folder) {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

/** { files, bytes, gzipAll, asServed, byExtension: { ".json": { files, bytes, asServed } } } */
export async function folderSize(folder) {
  const total = { files: 0, bytes: 0, gzipAll: 0, asServed: 0, byExtension: {} };
  for await (const path of files(folder)) {
    const body = await readFile(path);
    // Level 6: what servers use when they compress on the fly.
    const zipped = gzipSync(body, { level: 6 }).length;
    const extension = extname(path) || "(none)";
    const served = servedGzipped(path) ? zipped : body.length;
    total.files++;
    total.bytes += body.length;
    total.gzipAll += zipped;
    total.asServed += served;
    const group = (total.byExtension[extension] ??= { files: 0, bytes: 0, asServed: 0 });
    group.files++;
    group.bytes += body.length;
    group.asServed += served;
  }
  return total;
}
