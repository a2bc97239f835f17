// Runs the search benchmark page (page/) in headless Chromium and prints its numbers as
// Markdown: our engine compiled to wasm beside MiniSearch, on one corpus and one query set.
//
// It serves the page, the wasm-bindgen output, MiniSearch and the corpus from a loopback
// port, with cross-origin isolation headers so `performance.now()` has its finest
// resolution; opens the page; gives it a way to force a full garbage collection (the
// DevTools protocol's HeapProfiler.collectGarbage) for honest JS heap deltas; and fails
// loudly on any console error, page error, failed request or HTTP error.
//
// Settings (environment): CORPUS (corpus JSON), WASM_DIR (wasm-bindgen --target web
// output), CHROMIUM, BUILDS (default 3), WARMUP (2), PASSES (5), RESULTS_JSON (also write
// the raw numbers there), BENCH_COMMAND (the command to name in the report).
import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { createReadStream } from "node:fs";
import { readFile, stat, writeFile } from "node:fs/promises";
import { availableParallelism, totalmem } from "node:os";
import { dirname, extname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { FLAGS as MACHINE_FLAGS } from "../e2e/browser.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../..");
const CORPUS = resolve(process.env.CORPUS ?? join(ROOT, "target/bench/search-10k.json"));
const WASM_DIR = resolve(process.env.WASM_DIR ?? join(ROOT, "target/bench/search-wasm"));
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const OPTIONS = {
  builds: Number(process.env.BUILDS ?? 3),
  warmup: Number(process.env.WARMUP ?? 2),
  passes: Number(process.env.PASSES ?? 5),
};
/** The whole run may take this long before it is called hung. */
const TIME_LIMIT_MS = 20 * 60 * 1000;
// The machine's usual flags, plus precise heap numbers for the memory rows.
const FLAGS = [...MACHINE_FLAGS, "--enable-precise-memory-info"];

const MINISEARCH_DIR = join(HERE, "node_modules/minisearch");
const MINISEARCH_PACKAGE = JSON.parse(await readFile(join(MINISEARCH_DIR, "package.json"), "utf8"));
const MINISEARCH_FILE = join(MINISEARCH_DIR, "dist/es/index.js");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
};

/** The file a request path names, or null: the page, the wasm package, MiniSearch, the corpus. */
function fileFor(path) {
  if (path === "/" || path === "/index.html") return join(HERE, "page/index.html");
  if (path === "/bench.mjs") return join(HERE, "page/bench.mjs");
  if (path === "/vendor/minisearch.js") return MINISEARCH_FILE;
  if (path === "/corpus.json") return CORPUS;
  const wasm = path.match(/^\/pkg\/([\w.-]+)$/);
  return wasm ? join(WASM_DIR, wasm[1]) : null;
}

function serve() {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, "http://localhost").pathname;
    const file = fileFor(path);
    const info = file && (await stat(file).catch(() => null));
    if (!info?.isFile()) {
      response.writeHead(404, { "content-type": "text/plain" }).end(`not found: ${path}\n`);
      return;
    }
    response.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "content-length": info.size,
      "cache-control": "no-store",
      // Cross-origin isolation: performance.now() at 5 µs rather than 100 µs.
      "cross-origin-opener-policy": "same-origin",
      "cross-origin-embedder-policy": "require-corp",
      "cross-origin-resource-policy": "same-origin",
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}

async function machine() {
  const info = await readFile("/proc/cpuinfo", "utf8").catch(() => "");
  const model = info.match(/^model name\s*:\s*(.*)$/m)?.[1]?.trim() ?? "unknown CPU";
  const processors = info.match(/^processor\s*:/gm)?.length ?? availableParallelism();
  const load = (await readFile("/proc/loadavg", "utf8").catch(() => "")).split(" ").slice(0, 3).join(" ");
  return { model, cores: processors, memoryGiB: totalmem() / 2 ** 30, load };
}

const ms = (v) => (v >= 100 ? `${Math.round(v).toLocaleString("en-US")} ms` : v >= 10 ? `${v.toFixed(1)} ms` : `${v.toFixed(3)} ms`);
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

function report(result, context) {
  const { ours, minisearch: mini, options } = result;
  const lines = [];
  const out = (line = "") => lines.push(line);
  out(`## Search engines in headless Chromium, ${context.date}`);
  out();
  out(`- machine: ${context.machine.model}, ${context.machine.cores} cores, ${context.machine.memoryGiB.toFixed(0)} GiB, load average ${context.machine.loadBefore} before the run and ${context.machine.load} after; Chromium ${context.browserVersion}, Node ${process.version}`);
  out(`- command: \`${context.command}\``);
  out(`- corpus: ${context.corpusPath} (${mb(result.corpusBytes)}, ${ours.articles.toLocaleString("en-US")} articles, ${ours.skipped} set aside), fetched once in ${ms(result.fetchMs)}; both engines start from that same text`);
  out(`- builds: ${options.builds} per engine, median shown; queries: ${result.queryCount} queries, ${options.warmup} warm-up passes, then ${options.passes} timed passes (${ours.queries.samples} samples per engine)`);
  out(`- timer: performance.now(), page cross-origin isolated: ${result.crossOriginIsolated ? "yes (5 µs resolution)" : "no (100 µs resolution)"}; forced GC before each JS heap reading: ${result.forcedGc ? "yes" : "no"}`);
  out();
  out(`| measure | insight-search (Rust → wasm) | MiniSearch ${context.minisearchVersion} (JS) |`);
  out("| --- | ---: | ---: |");
  out(`| decode / parse the corpus text | ${ms(ours.decodeMs)} (\`ValidCorpus::from_json\`) | ${ms(mini.parseMs)} (\`JSON.parse\`) |`);
  out(`| copy the text into wasm memory | ${ms(ours.copyMs)} | — |`);
  out(`| body blocks → plain text | (inside index build) | ${ms(mini.prepareMs)} |`);
  out(`| **index build** | **${ms(ours.indexMs)}** | **${ms(mini.indexMs)}** (\`addAll\`) |`);
  out(`| **query p50** | **${ms(ours.queries.p50)}** | **${ms(mini.queries.p50)}** |`);
  out(`| **query p95** | **${ms(ours.queries.p95)}** | **${ms(mini.queries.p95)}** |`);
  out(`| query mean / max | ${ms(ours.queries.mean)} / ${ms(ours.queries.max)} | ${ms(mini.queries.mean)} / ${ms(mini.queries.max)} |`);
  out(`| memory: decoded / parsed corpus | ${mb(ours.memory.corpusBytes)} Rust heap | ${mb(mini.memory.parsedBytes)} JS heap |`);
  out(`| memory: plain-text documents | — | ${mb(mini.memory.documentsBytes)} JS heap |`);
  out(`| **memory: index** | **${mb(ours.memory.indexBytes)}** Rust heap | **${mb(mini.memory.indexBytes)}** JS heap |`);
  out(`| memory: peak while building | ${mb(ours.memory.peakBytes)} Rust heap (text copy included) | — |`);
  out(`| memory: WebAssembly.Memory size | ${mb(ours.memory.wasmMemory)} (${mb(ours.memory.wasmMemoryAfterLoad)} after load) | — |`);
  out(`| memory: JS heap change over the wasm builds | ${mb(ours.memory.jsHeapDelta)} | — |`);
  out();
  out("Per query (results and median time over the timed passes):");
  out();
  out("| query | kind | insight-search results | MiniSearch results | insight-search p50 | MiniSearch p50 |");
  out("| --- | --- | ---: | ---: | ---: | ---: |");
  ours.queries.queries.forEach((q, i) => {
    const m = mini.queries.queries[i];
    out(`| \`${q.text}\` | ${q.kind} | ${q.total.toLocaleString("en-US")} | ${m.total.toLocaleString("en-US")} | ${ms(q.p50)} | ${ms(m.p50)} |`);
  });
  out();
  out(`Build runs (ms): insight-search decode ${ours.runs.map((r) => r.decodeMs.toFixed(0)).join(", ")}; index ${ours.runs.map((r) => r.indexMs.toFixed(0)).join(", ")}. MiniSearch parse ${mini.runs.map((r) => r.parseMs.toFixed(0)).join(", ")}; addAll ${mini.runs.map((r) => r.indexMs.toFixed(0)).join(", ")}.`);
  return lines.join("\n");
}

async function main() {
  for (const [what, path] of [["corpus", CORPUS], ["wasm-bindgen output", join(WASM_DIR, "search_bench.js")]]) {
    if (!(await stat(path).catch(() => null))) throw new Error(`no ${what} at ${path}: run \`cargo xtask bench-search\`, which makes it`);
  }
  const before = await machine();
  const server = await serve();
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const problems = [];
  try {
    const page = await browser.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()} (${message.location().url})`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
    page.on("response", (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    const cdp = await page.context().newCDPSession(page);
    await page.exposeFunction("benchCollectGarbage", () => cdp.send("HeapProfiler.collectGarbage"));
    await page.exposeFunction("benchProgress", (what) => console.log(`    ${new Date().toISOString().slice(11, 19)} ${what}`));
    await page.goto(url);
    await page.waitForFunction(() => typeof window.runBench === "function");
    if (problems.length) throw new Error("the page reported problems while loading");
    const result = await page.evaluate((options) => window.runBench(options), OPTIONS);
    if (problems.length) throw new Error("the page reported problems while running");
    if (!result.preciseMemory || !result.forcedGc) throw new Error("the page could not read the JS heap precisely after a forced collection");
    const context = {
      date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
      machine: { ...(await machine()), loadBefore: before.load },
      browserVersion: browser.version(),
      command: process.env.BENCH_COMMAND ?? `node ${process.argv.slice(1).join(" ")}`,
      corpusPath: relative(ROOT, CORPUS).startsWith("..") ? CORPUS : relative(ROOT, CORPUS),
      minisearchVersion: MINISEARCH_PACKAGE.version,
    };
    if (process.env.RESULTS_JSON) await writeFile(process.env.RESULTS_JSON, JSON.stringify({ context, result }, null, 2));
    console.log(`\n${report(result, context)}`);
  } catch (error) {
    for (const problem of problems) console.error(problem);
    throw error;
  } finally {
    await browser.close();
    server.close();
  }
}

const watchdog = setTimeout(() => {
  console.error(`search benchmark: still running after ${TIME_LIMIT_MS / 60000} minutes; giving up`);
  process.exit(1);
}, TIME_LIMIT_MS);
watchdog.unref();

try {
  await main();
} catch (error) {
  console.error(`search benchmark failed: ${error.message}`);
  process.exitCode = 1;
}
