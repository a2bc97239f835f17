// The explorer at scale, in headless Chromium: one cold page load (fresh browser context,
// HTTP cache off) measured to the first list, then the query set typed into the search
// box one key at a time; on the last run also a warm second pass and 200 more queries,
// after which the app's WebAssembly memory is read.
import { openPage } from "../../e2e/browser.mjs";
import { encodings, pageBytes, pageEpoch, trackNetwork } from "./network.mjs";
import { latencies } from "./stats.mjs";

/** A keystroke whose results have not changed after this long, with the network quiet and the app not busy, changed nothing. */
const QUIET_MS = 300;
/** The longest a keystroke or query may take (pieces fetched over a slow start included). */
const KEY_LIMIT_MS = 120_000;
const FIRST_LIST_LIMIT_MS = 15 * 60_000;

// Runs in the page before its own scripts: room for every resource entry, and the app's
// wasm exports (memory included), which Trunk's start-up script hands to the
// `TrunkApplicationStarted` event.
function beforeLoad() {
  performance.setResourceTimingBufferSize(1_000_000);
  window.__scaleBench = { memory: null };
  addEventListener("TrunkApplicationStarted", (event) => {
    window.__scaleBench.memory = event.detail?.wasm?.memory ?? null;
  });
}

// Runs in the page after the first list: watches each keystroke (or armed change) until
// its results are drawn. Drawn means: `section.results` is not aria-busy, and the result
// count changed, or something else in the results changed, or the app was busy and is no
// longer; then the time is taken after the next frame was produced (a message posted from
// requestAnimationFrame runs after that frame's rendering).
function instrument() {
  const bench = window.__scaleBench;
  bench.done = [];
  bench.pending = null;
  const section = () => document.querySelector("section.results");
  const count = () => document.querySelector(".result-count")?.textContent ?? null;
  const busy = () => section()?.getAttribute("aria-busy") === "true";
  const finish = (pending) => {
    pending.finishing = true;
    requestAnimationFrame(() => {
      const frame = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        if (bench.pending !== pending) return;
        bench.done.push({
          label: pending.label,
          ms: performance.now() - pending.start,
          // Where the time went: to the first change of the results in the DOM, and to
          // the start of the frame that drew them (the rest is style, layout and paint).
          changedMs: pending.changedAt === null ? null : pending.changedAt - pending.start,
          frameMs: frame - pending.start,
          busySeen: pending.busySeen,
          countChanged: count() !== pending.countBefore,
          count: count(),
        });
        bench.pending = null;
      };
      channel.port2.postMessage(null);
    });
  };
  const check = () => {
    const pending = bench.pending;
    if (!pending || pending.finishing) return;
    if (busy()) {
      pending.busySeen = true;
      return;
    }
    if (pending.busySeen || pending.mutated || count() !== pending.countBefore) finish(pending);
  };
  bench.arm = (label, start = performance.now()) => {
    bench.pending = { label, start, countBefore: count(), busySeen: busy(), mutated: false, finishing: false, changedAt: null };
  };
  bench.cancel = () => {
    bench.pending = null;
  };
  document.addEventListener(
    "keydown",
    (event) => {
      // The event's own time stamp: when the browser took the key, queueing included.
      if (event.target?.id === "search-input") bench.arm(`key ${event.key}`, event.timeStamp);
    },
    true,
  );
  new MutationObserver((records) => {
    const pending = bench.pending;
    if (!pending) return;
    for (const record of records) {
      const element = record.target.nodeType === Node.ELEMENT_NODE ? record.target : record.target.parentElement;
      if (!element?.closest("section.results") || element.closest("form.search-box")) continue;
      if (record.type === "attributes") {
        if (busy()) pending.busySeen = true;
      } else {
        pending.mutated = true;
        pending.changedAt ??= performance.now();
      }
    }
    check();
  }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["aria-busy"] });
}

/**
 * Waits until the armed change is drawn. Returns its sample, or null when nothing
 * changed (no new result drawn, the network quiet and the app not busy after QUIET_MS).
 */
async function settle(page, network, expected) {
  const started = Date.now();
  for (;;) {
    try {
      await page.waitForFunction((n) => window.__scaleBench.done.length >= n, expected, { polling: "raf", timeout: QUIET_MS });
      return await page.evaluate((n) => window.__scaleBench.done[n - 1], expected);
    } catch (error) {
      if (!/Timeout/i.test(error.message)) throw error;
    }
    // Asked after the page has produced another frame: a page still computing answers only
    // once it is done, and whatever it drew by then has been seen by the observer.
    const state = await page.evaluate(async () => {
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      const pending = window.__scaleBench.pending;
      return {
        done: window.__scaleBench.done.length,
        busy: document.querySelector("section.results")?.getAttribute("aria-busy") === "true",
        progressing: Boolean(pending && (pending.finishing || pending.mutated || pending.busySeen)),
      };
    });
    if (state.done >= expected) return await page.evaluate((n) => window.__scaleBench.done[n - 1], expected);
    if (!state.busy && !state.progressing && network.pendingCount() === 0) {
      await page.evaluate(() => window.__scaleBench.cancel());
      return null;
    }
    if (Date.now() - started > KEY_LIMIT_MS) throw new Error(`a search took more than ${KEY_LIMIT_MS / 1000} s`);
  }
}

/** Counts of drawn changes so far (to know which sample the next change will be). */
const doneCount = (page) => page.evaluate(() => window.__scaleBench.done.length);

/** Empties the search box and waits for the full list to be back (not a sample). */
async function clear(page, network) {
  const input = page.locator("#search-input");
  if ((await input.inputValue()) === "") return;
  const expected = (await doneCount(page)) + 1;
  await page.evaluate(() => window.__scaleBench.arm("clear"));
  await input.fill("");
  await settle(page, network, expected);
  await network.idle();
}

/** Types each query one key at a time; returns per-keystroke samples and per-query bytes. */
async function typeQueries(page, network, queries) {
  const samples = [];
  const changed = [];
  const frames = [];
  const perQuery = [];
  let unchanged = 0;
  for (const query of queries) {
    await clear(page, network);
    await page.locator("#search-input").focus();
    const from = await pageEpoch(page);
    const keys = [];
    for (const key of query.text) {
      const expected = (await doneCount(page)) + 1;
      await page.keyboard.type(key);
      const sample = await settle(page, network, expected);
      if (sample) {
        keys.push(sample.ms);
        samples.push(sample.ms);
        changed.push(sample.changedMs);
        frames.push(sample.frameMs);
      } else unchanged++;
    }
    await network.idle();
    const fetched = network.startedFrom(from);
    const count = await page.locator(".result-count").textContent();
    perQuery.push({ query: query.text, kind: query.kind, keystrokes: query.text.length, drawn: keys.length, latencies: latencies(keys), bytes: fetched.body, headers: fetched.headers, requests: fetched.requests, resultCount: count });
  }
  return { samples, perQuery, unchanged, summary: latencies(samples), toFirstChange: latencies(changed), toFrame: latencies(frames) };
}

/** Replaces the search text with each query at once (as a paste would), waiting for each. */
async function pasteQueries(page, network, queries) {
  const input = page.locator("#search-input");
  const samples = [];
  let unchanged = 0;
  for (const text of queries) {
    const expected = (await doneCount(page)) + 1;
    await page.evaluate((label) => window.__scaleBench.arm(label), `paste ${text}`);
    await input.fill(text);
    const sample = await settle(page, network, expected);
    if (sample) samples.push(sample.ms);
    else unchanged++;
  }
  return { unchanged, summary: latencies(samples) };
}

const wasmMemory = (page) => page.evaluate(() => window.__scaleBench.memory?.buffer?.byteLength ?? null);

async function jsHeap(page, network) {
  await network.cdp.send("HeapProfiler.collectGarbage").catch(() => {});
  return page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
}

/** How many range requests the browser floor sends at once: a search page's cards. */
const FLOOR_REQUESTS = 10;
const FLOOR_ROUNDS = 9;

// Runs in the page: the browser's own floor for a keystroke that needs a search page's
// cards, with none of the app's work: FLOOR_REQUESTS card-sized byte ranges of distinct
// record packs, sent at once, timed until every body is in (per round, in ms).
async function browserFloor({ requests, rounds }) {
  const manifest = await (await fetch("corpus/manifest.json", { cache: "no-store" })).json();
  const packs = manifest.lists.map((list) => list.pack);
  const times = [];
  for (let round = 0; round < rounds; round++) {
    const chosen = Array.from({ length: Math.min(requests, packs.length) }, (_, i) => packs[(round * requests + i) % packs.length]);
    const start = performance.now();
    await Promise.all(chosen.map((pack) => fetch(`corpus/${pack}`, { headers: { Range: "bytes=0-799" } }).then((r) => r.arrayBuffer())));
    times.push(performance.now() - start);
  }
  return times;
}

/**
 * One cold run: a fresh context, cache off, the page opened at `url` until the
 * first-list mark, then the query set typed. With `full`, also a warm pass (cache on)
 * and `many` pasted queries, then memory readings.
 */
export async function explorerRun(browser, url, { queries, many, full, log = () => {} }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const { page, problems } = await openPage(context, { origin: new URL(url).origin });
    await page.addInitScript(beforeLoad);
    const network = await trackNetwork(page);
    await network.setCacheDisabled(true);
    const started = Date.now();
    await page.goto(url, { waitUntil: "commit", timeout: FIRST_LIST_LIMIT_MS });
    await page.waitForFunction(() => performance.getEntriesByName("first-list-rendered", "mark").length > 0, null, { polling: "raf", timeout: FIRST_LIST_LIMIT_MS });
    const wallMs = Date.now() - started;
    const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType("mark").map((m) => [m.name, m.startTime])));
    const firstList = marks["first-list-rendered"];
    // The page's own HTML holds the first list, so it is on screen at the first paint,
    // before the app has drawn it.
    const painted = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null);
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    const memoryAfterLoad = await wasmMemory(page);
    // Requests still finishing when the mark was set are counted only if they had ended by it.
    await network.idle();
    const beforeFirstList = network.finishedBy(timeOrigin + firstList);
    const beforePaint = painted == null ? null : network.finishedBy(timeOrigin + painted);
    const resourceTiming = await pageBytes(page, { until: firstList });
    log(`first list after ${(firstList / 1000).toFixed(2)} s, ${(beforeFirstList.body / 1e6).toFixed(2)} MB`);
    const floor = latencies(await page.evaluate(browserFloor, { requests: FLOOR_REQUESTS, rounds: FLOOR_ROUNDS }));
    log(`the browser's floor: ${FLOOR_REQUESTS} range requests at once take p50 ${floor.p50?.toFixed(1)} ms`);
    await page.evaluate(instrument);
    const cold = await typeQueries(page, network, queries);
    log(`cold keystrokes p50 ${cold.summary.p50?.toFixed(1)} ms, p95 ${cold.summary.p95?.toFixed(1)} ms (${cold.summary.count} drawn, ${cold.unchanged} unchanged)`);
    const result = {
      wallMs,
      marks,
      firstListMs: firstList,
      beforeFirstList,
      paintedMs: painted,
      beforePaint,
      resourceTiming,
      memoryAfterLoad,
      floor,
      cold,
    };
    if (full) {
      await network.setCacheDisabled(false);
      result.warm = await typeQueries(page, network, queries);
      log(`warm keystrokes p50 ${result.warm.summary.p50?.toFixed(1)} ms, p95 ${result.warm.summary.p95?.toFixed(1)} ms`);
      const pastedFrom = await pageEpoch(page);
      result.many = await pasteQueries(page, network, many);
      result.many.count = many.length;
      await network.idle();
      result.many.bytes = network.startedFrom(pastedFrom).body;
      result.wasmMemoryAfterQueries = await wasmMemory(page);
      result.jsHeapAfterQueries = await jsHeap(page, network);
      log(`${many.length} more queries: p50 ${result.many.summary.p50?.toFixed(1)} ms; wasm memory ${(result.wasmMemoryAfterQueries / 2 ** 20).toFixed(1)} MiB`);
    }
    result.totalBytes = network.sum().body;
    result.encodings = encodings(network);
    result.failedRequests = network.failed;
    result.problems = problems;
    return result;
  } finally {
    await context.close();
  }
}
