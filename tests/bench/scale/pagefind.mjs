// Pagefind at scale, in headless Chromium: one cold run (fresh context, HTTP cache off)
// of the Pagefind results page: bytes and time until Pagefind can search, then each query
// of the set once (cold: its index chunks and result fragments are fetched) and again
// (warm), with the bytes each query fetched.
import { openPage } from "../../e2e/browser.mjs";
import { encodings, pageEpoch, trackNetwork } from "./network.mjs";
import { latencies, withTimeout } from "./stats.mjs";

const LIMIT_MS = 10 * 60_000;

/** The query as Pagefind takes it: its words, and the keyword as a filter. */
const asPagefind = (query) => [query.words, query.keyword ? { keywords: query.keyword } : null];

async function pass(page, network, queries) {
  const perQuery = [];
  for (const query of queries) {
    const from = await pageEpoch(page);
    const result = await withTimeout(page.evaluate(([words, filters]) => window.pagefindBench.query(words, filters), asPagefind(query)), LIMIT_MS, `Pagefind query ${query.text}`);
    await network.idle();
    const fetched = network.startedFrom(from);
    perQuery.push({ query: query.text, kind: query.kind, ms: result.ms, total: result.total, bytes: fetched.body, headers: fetched.headers, requests: fetched.requests });
  }
  return { perQuery, summary: latencies(perQuery.map((q) => q.ms)) };
}

export async function pagefindRun(browser, url, { queries, log = () => {} }) {
  const context = await browser.newContext();
  try {
    const { page, problems } = await openPage(context, { origin: new URL(url).origin });
    const network = await trackNetwork(page);
    await network.setCacheDisabled(true);
    const started = Date.now();
    await page.goto(url, { timeout: LIMIT_MS });
    await page.waitForFunction(() => typeof window.pagefindBench === "object", null, { timeout: LIMIT_MS });
    const init = await withTimeout(page.evaluate(() => window.pagefindBench.init()), LIMIT_MS, "Pagefind init");
    const wallMs = Date.now() - started;
    // init() returns before Pagefind's worker has fetched its wasm and the index metadata,
    // and it cannot search without them: it is ready once those have arrived too.
    await network.idle({ quietMs: 300 });
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    const readyMs = Math.max(init.readyMs, network.lastEnd() - timeOrigin);
    const ready = { initMs: init.initMs, readyMs, initReturnedMs: init.readyMs };
    const beforeReady = network.finishedBy(timeOrigin + readyMs);
    log(`ready after ${(ready.readyMs / 1000).toFixed(2)} s, ${(beforeReady.body / 1e3).toFixed(1)} kB`);
    const cold = await pass(page, network, queries);
    const warm = await pass(page, network, queries);
    log(`queries cold p50 ${cold.summary.p50?.toFixed(1)} ms, p95 ${cold.summary.p95?.toFixed(1)} ms; warm p50 ${warm.summary.p50?.toFixed(1)} ms`);
    return {
      wallMs,
      initMs: ready.initMs,
      initReturnedMs: ready.initReturnedMs,
      readyMs: ready.readyMs,
      beforeReady,
      cold,
      warm,
      totalBytes: network.sum().body,
      encodings: encodings(network),
      failedRequests: network.failed,
      problems,
    };
  } finally {
    await context.close();
  }
}
