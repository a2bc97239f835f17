// The scale benchmark's runner: for each corpus size, the explorer (the release site with
// the generated corpus published into it), Pagefind and MiniSearch on the same articles,
// in one run. It builds the Pagefind bundle (timing it and watching its memory), writes
// the MiniSearch page and documents, serves all three like GitHub Pages, drives headless
// Chromium through cold runs of each, prints Markdown tables and writes every number to
// results.json.
//
// `cargo xtask bench-scale` runs it after generating the corpora and publishing them (it
// writes publish-N.json for each size, which this reads). Settings (environment): SIZES
// (default 1000,10000), SCALE_DIR (default target/bench/scale), RUNS (cold runs per
// engine, default 3), CHROMIUM, BENCH_COMMAND (the command named in the report),
// PAGEFIND_MEMORY_LIMIT_GIB (stop Pagefind's build past this much memory, default 20),
// REUSE_PAGEFIND=1 (keep a bundle built by an earlier run, with its recorded build numbers),
// REPORT_ONLY=1 (print the tables again from results.json).
import { chromium } from "playwright-core";
import { copyFile, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { availableParallelism, totalmem } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { FLAGS as MACHINE_FLAGS } from "../../e2e/browser.mjs";
import { servePages } from "../../e2e/pages-server.mjs";
import { bodyText, readArticles, Vocabulary } from "./corpus.mjs";
import { explorerRun } from "./explorer.mjs";
import { miniSearchRun } from "./minisearch.mjs";
import { pagefindRun } from "./pagefind.mjs";
import { runWatched } from "./processes.mjs";
import { combinedTable, header, sizeTable } from "./report.mjs";
import { folderSize } from "./sizes.mjs";
import { median, medianOf } from "./stats.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../../..");
const WORK = resolve(process.env.SCALE_DIR ?? join(ROOT, "target/bench/scale"));
const SIZES = (process.env.SIZES ?? "1000,10000").split(",").map((s) => Number(s.trim()));
const RUNS = Number(process.env.RUNS ?? 3);
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const BASE = "/insight-explorer/";
const MANY_QUERIES = 200;
// Pagefind peaked at 15.7 GiB for 100,000 articles here; past 20 GiB the 24 GiB machine
// would start to starve whatever else runs on it.
const PAGEFIND_LIMIT_KIB = Number(process.env.PAGEFIND_MEMORY_LIMIT_GIB ?? 20) * 1024 * 1024;
// The machine's usual flags, plus exact JS heap figures.
// The sites are served over HTTP/2 with a certificate made for the run, as GitHub Pages
// serves them (HTTP/2 over TLS): the browser must accept that certificate.
const FLAGS = [...MACHINE_FLAGS, "--enable-precise-memory-info", "--ignore-certificate-errors"];
const SERVE = { http2: true };

const version = async (name) => JSON.parse(await readFile(join(HERE, "node_modules", name, "package.json"), "utf8")).version;
const clock = () => new Date().toISOString().slice(11, 19);
const log = (what) => console.log(`    ${clock()} ${what}`);
const shown = (path) => (relative(ROOT, path).startsWith("..") ? path : relative(ROOT, path));

async function machine() {
  const info = await readFile("/proc/cpuinfo", "utf8").catch(() => "");
  return {
    model: info.match(/^model name\s*:\s*(.*)$/m)?.[1]?.trim() ?? "unknown CPU",
    cores: info.match(/^processor\s*:/gm)?.length ?? availableParallelism(),
    memoryGiB: totalmem() / 2 ** 30,
    load: (await readFile("/proc/loadavg", "utf8").catch(() => "")).split(" ").slice(0, 3).join(" "),
  };
}

/**
 * One pass over the corpus: its vocabulary (for the queries) and the MiniSearch page's
 * folder: the page, MiniSearch itself, and documents.json, one plain-text document per line.
 */
async function prepareMiniSearch(corpus, folder) {
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  await copyFile(join(HERE, "page/minisearch.html"), join(folder, "index.html"));
  await copyFile(join(HERE, "page/minisearch-bench.mjs"), join(folder, "minisearch-bench.mjs"));
  await copyFile(join(HERE, "node_modules/minisearch/dist/es/index.js"), join(folder, "minisearch.js"));
  const vocabulary = new Vocabulary();
  const out = createWriteStream(join(folder, "documents.json"));
  const write = async (text) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write("[\n");
  let first = true;
  for await (const article of readArticles(corpus)) {
    vocabulary.add(article);
    const document = {
      id: article.id,
      title: article.title,
      keywords: (article.keywords ?? []).join(" "),
      authors: (article.authors ?? []).join(" "),
      summary: article.summary,
      body: bodyText(article.body),
      kw: (article.keywords ?? []).map((k) => k.toLowerCase()),
    };
    await write(`${first ? "" : ",\n"}${JSON.stringify(document)}`);
    first = false;
  }
  await write("\n]\n");
  out.end();
  await once(out, "finish");
  return vocabulary;
}

/** Builds the Pagefind bundle in a child process, timing it and watching its memory. */
async function buildPagefind(corpus, folder, size) {
  const record = join(WORK, `pagefind-build-${size}.json`);
  if (process.env.REUSE_PAGEFIND === "1") {
    const earlier = await readFile(record, "utf8").then(JSON.parse).catch(() => null);
    if (earlier?.ok && (await stat(join(folder, "pagefind/pagefind.js")).catch(() => null))) {
      log("reusing the Pagefind bundle of an earlier run (REUSE_PAGEFIND=1)");
      return { ...earlier, reused: true };
    }
  }
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  await copyFile(join(HERE, "page/pagefind.html"), join(folder, "index.html"));
  await copyFile(join(HERE, "page/pagefind-bench.mjs"), join(folder, "pagefind-bench.mjs"));
  let lastProgress = null;
  const watched = await runWatched(process.execPath, [join(HERE, "pagefind-build.mjs"), corpus, join(folder, "pagefind"), BASE], {
    limitKiB: PAGEFIND_LIMIT_KIB,
    onLine: (line) => {
      try {
        lastProgress = JSON.parse(line);
        if (lastProgress.stage !== "done") log(`pagefind: ${lastProgress.stage} ${lastProgress.added ?? ""}`);
      } catch {
        log(`pagefind: ${line}`);
      }
    },
  });
  const ok = watched.code === 0 && lastProgress?.stage === "done";
  const build = {
    ok,
    seconds: watched.seconds,
    addSeconds: lastProgress?.addSeconds ?? null,
    writeSeconds: lastProgress?.writeSeconds ?? null,
    peakTreeKiB: watched.peakTreeKiB,
    peakByProcess: watched.peakByProcess,
    records: lastProgress?.added ?? null,
    recordProblems: lastProgress?.problemCount ?? null,
    lastProgress,
  };
  if (!ok) {
    build.error = watched.stoppedForMemory
      ? `stopped past the ${PAGEFIND_LIMIT_KIB / 1024 / 1024} GiB memory limit`
      : `exited with ${watched.signal ?? `status ${watched.code}`}: ${watched.stderr.trim().split("\n").slice(-3).join(" ").slice(0, 400)}`;
  }
  await writeFile(record, JSON.stringify(build, null, 2));
  return build;
}

/**
 * Runs `once` RUNS times. A failed run is kept as { error } and ends the repeats (at
 * 100,000 articles a failure is a timeout or a crashed page, and would only recur), but
 * not the benchmark: the other engines still run.
 */
async function repeat(what, once) {
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    console.log(`  ${what}, cold run ${run + 1} of ${RUNS}`);
    try {
      runs.push(await once(run));
    } catch (error) {
      log(`failed: ${error.message.split("\n")[0]}`);
      runs.push({ error: error.message });
      break;
    }
  }
  return runs;
}

function summariseExplorer(runs) {
  const ok = runs.filter((r) => !r.error);
  if (!ok.length) return { error: runs[0]?.error ?? "no run", runs };
  const last = ok.find((r) => r.warm) ?? {};
  const markNames = [...new Set(ok.flatMap((r) => Object.keys(r.marks)))];
  return {
    beforeFirstList: medianOf(ok, (r) => r.beforeFirstList.body),
    headersBeforeFirstList: medianOf(ok, (r) => r.beforeFirstList.headers),
    requestsBeforeFirstList: medianOf(ok, (r) => r.beforeFirstList.requests),
    resourceTimingBeforeFirstList: medianOf(ok, (r) => r.resourceTiming.encodedBody),
    decodedBeforeFirstList: medianOf(ok, (r) => r.resourceTiming.decodedBody),
    firstListMs: medianOf(ok, (r) => r.firstListMs),
    paintedMs: medianOf(ok, (r) => r.paintedMs),
    beforePaint: medianOf(ok, (r) => r.beforePaint?.body),
    wallMs: medianOf(ok, (r) => r.wallMs),
    marks: Object.fromEntries(markNames.map((name) => [name, medianOf(ok, (r) => r.marks[name])])),
    firstQueryBytes: medianOf(ok, (r) => r.cold.perQuery[0].bytes),
    furtherQueryBytes: medianOf(ok, (r) => median(r.cold.perQuery.slice(1).map((q) => q.bytes))),
    cold: { p50: medianOf(ok, (r) => r.cold.summary.p50), p95: medianOf(ok, (r) => r.cold.summary.p95), count: medianOf(ok, (r) => r.cold.summary.count) },
    coldToFirstChange: { p50: medianOf(ok, (r) => r.cold.toFirstChange.p50), p95: medianOf(ok, (r) => r.cold.toFirstChange.p95) },
    coldToFrame: { p50: medianOf(ok, (r) => r.cold.toFrame.p50), p95: medianOf(ok, (r) => r.cold.toFrame.p95) },
    floor: { p50: medianOf(ok, (r) => r.floor?.p50), p95: medianOf(ok, (r) => r.floor?.p95) },
    unchanged: medianOf(ok, (r) => r.cold.unchanged),
    warm: last.warm ? { p50: last.warm.summary.p50, p95: last.warm.summary.p95, count: last.warm.summary.count } : null,
    many: last.many?.summary ?? null,
    manyCount: last.many?.count ?? null,
    wasmMemory: last.wasmMemoryAfterQueries ?? null,
    wasmMemoryAfterLoad: medianOf(ok, (r) => r.memoryAfterLoad),
    jsHeap: last.jsHeapAfterQueries ?? null,
    encodings: ok[0].encodings,
    problems: [...new Set(ok.flatMap((r) => [...r.problems, ...r.failedRequests.map((f) => `request failed: ${f.url} (${f.error})`)]))],
    failedRuns: runs.length - ok.length,
    runs,
  };
}

function summarisePagefind(runs) {
  const ok = runs.filter((r) => !r.error);
  if (!ok.length) return { error: runs[0]?.error ?? "no run", runs };
  return {
    beforeReady: medianOf(ok, (r) => r.beforeReady.body),
    requestsBeforeReady: medianOf(ok, (r) => r.beforeReady.requests),
    readyMs: medianOf(ok, (r) => r.readyMs),
    initMs: medianOf(ok, (r) => r.initMs),
    wallMs: medianOf(ok, (r) => r.wallMs),
    firstQueryBytes: medianOf(ok, (r) => r.cold.perQuery[0].bytes),
    furtherQueryBytes: medianOf(ok, (r) => median(r.cold.perQuery.slice(1).map((q) => q.bytes))),
    cold: { p50: medianOf(ok, (r) => r.cold.summary.p50), p95: medianOf(ok, (r) => r.cold.summary.p95), count: medianOf(ok, (r) => r.cold.summary.count) },
    warm: { p50: medianOf(ok, (r) => r.warm.summary.p50), p95: medianOf(ok, (r) => r.warm.summary.p95) },
    encodings: ok[0].encodings,
    problems: [...new Set(ok.flatMap((r) => [...r.problems, ...r.failedRequests.map((f) => `request failed: ${f.url} (${f.error})`)]))],
    failedRuns: runs.length - ok.length,
    runs,
  };
}

function summariseMiniSearch(runs) {
  const ok = runs.filter((r) => !r.error);
  if (!ok.length) return { error: runs[0]?.error ?? "no run", runs };
  return {
    loadMs: medianOf(ok, (r) => r.loadMs),
    indexMs: medianOf(ok, (r) => r.indexMs),
    readyMs: medianOf(ok, (r) => r.readyMs),
    bytes: medianOf(ok, (r) => r.bytes.body),
    documents: ok[0].documents,
    p50: medianOf(ok, (r) => r.queries.summary.p50),
    p95: medianOf(ok, (r) => r.queries.summary.p95),
    jsHeap: medianOf(ok, (r) => r.jsHeap),
    encodings: ok[0].encodings,
    problems: [...new Set(ok.flatMap((r) => [...r.problems, ...r.failedRequests.map((f) => `request failed: ${f.url} (${f.error})`)]))],
    failedRuns: runs.length - ok.length,
    runs,
  };
}

async function benchSize(size, browser) {
  console.log(`\n==> ${size.toLocaleString("en-US")} articles`);
  const publishRecord = join(WORK, `publish-${size}.json`);
  const prepared = await readFile(publishRecord, "utf8").then(JSON.parse).catch(() => null);
  if (!prepared) throw new Error(`no ${shown(publishRecord)}: run \`cargo xtask bench-scale --sizes ${size}\`, which publishes the corpus and writes it`);
  const corpus = resolve(ROOT, prepared.corpus);
  const site = resolve(ROOT, prepared.site);
  const entry = {
    size,
    corpus: { path: shown(corpus), bytes: (await stat(corpus)).size },
    publish: prepared.publish,
  };
  log("measuring the published site");
  entry.site = await folderSize(site);
  log("reading the corpus: vocabulary and MiniSearch documents");
  const miniFolder = join(WORK, `minisearch-${size}`);
  const vocabulary = await prepareMiniSearch(corpus, miniFolder);
  entry.queries = vocabulary.queries();
  const many = vocabulary.manyQueries(MANY_QUERIES);
  log(`queries: ${entry.queries.map((q) => q.text).join(" | ")}`);

  log("building the Pagefind bundle");
  const pagefindFolder = join(WORK, `pagefind-${size}`);
  const build = await buildPagefind(corpus, pagefindFolder, size);
  log(build.ok ? `Pagefind built in ${build.seconds.toFixed(1)} s, peak ${(build.peakTreeKiB / 1024).toFixed(0)} MiB` : `Pagefind's build failed: ${build.error}`);

  const servers = [];
  try {
    const explorerSite = await servePages(site, BASE, SERVE);
    servers.push(explorerSite);
    entry.explorer = summariseExplorer(
      await repeat("explorer", (run) => explorerRun(browser, explorerSite.url, { queries: entry.queries, many, full: run === RUNS - 1, log })),
    );
    if (build.ok) {
      const pagefindSite = await servePages(pagefindFolder, BASE, SERVE);
      servers.push(pagefindSite);
      const bundle = await folderSize(join(pagefindFolder, "pagefind"));
      entry.pagefind = { build, bundle, ...summarisePagefind(await repeat("Pagefind", () => pagefindRun(browser, pagefindSite.url, { queries: entry.queries, log }))) };
    } else {
      entry.pagefind = { build, error: `build failed: ${build.error}` };
    }
    const miniSite = await servePages(miniFolder, BASE, SERVE);
    servers.push(miniSite);
    entry.minisearch = { folder: await folderSize(miniFolder), ...summariseMiniSearch(await repeat("MiniSearch", () => miniSearchRun(browser, miniSite.url, { queries: entry.queries, log }))) };
  } finally {
    for (const server of servers) await server.close();
  }
  return entry;
}

/** Prints the report again from results.json (REPORT_ONLY=1), measuring nothing. */
async function reportOnly() {
  const { context, sizes } = JSON.parse(await readFile(join(WORK, "results.json"), "utf8"));
  console.log([header(context), ...sizes.map((entry) => sizeTable(entry, context)), combinedTable(sizes)].join("\n\n"));
}

async function main() {
  if (process.env.REPORT_ONLY === "1") return reportOnly();
  const before = await machine();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const context = {
    date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
    machine: { model: before.model, cores: before.cores, memoryGiB: before.memoryGiB, loadBefore: before.load },
    chromium: browser.version(),
    node: process.version,
    versions: { pagefind: await version("pagefind"), minisearch: await version("minisearch"), playwright: await version("playwright-core") },
    command: process.env.BENCH_COMMAND ?? `SIZES=${SIZES.join(",")} node ${relative(process.cwd(), fileURLToPath(import.meta.url))}`,
    runs: RUNS,
    base: BASE,
    sizes: SIZES,
  };
  const results = { context, sizes: [] };
  const resultsPath = join(WORK, "results.json");
  try {
    for (const size of SIZES) {
      results.sizes.push(await benchSize(size, browser));
      // Written after each size, so a later size that fails leaves the earlier numbers.
      await writeFile(resultsPath, JSON.stringify(results, null, 2));
    }
  } finally {
    await browser.close();
  }
  const seen = new Set();
  for (const entry of results.sizes) for (const part of [entry.explorer, entry.pagefind, entry.minisearch]) for (const e of Object.keys(part?.encodings ?? {})) seen.add(e);
  context.compression = seen.size ? [...seen].sort().join(", ") : "unknown";
  context.machine.loadAfter = (await machine()).load;
  await writeFile(resultsPath, JSON.stringify(results, null, 2));
  const report = [header(context), ...results.sizes.map((entry) => sizeTable(entry, context)), combinedTable(results.sizes)].join("\n\n");
  await writeFile(join(WORK, "results.md"), `${report}\n`);
  console.log(`\n${report}\n\nAll numbers: ${shown(resultsPath)}; this report: ${shown(join(WORK, "results.md"))}`);
}

const watchdog = setTimeout(() => {
  console.error("scale benchmark: still running after 3 hours; giving up");
  process.exit(1);
}, 3 * 60 * 60 * 1000);
watchdog.unref();

try {
  await main();
} catch (error) {
  console.error(`scale benchmark failed: ${error.stack ?? error.message}`);
  process.exitCode = 1;
}
