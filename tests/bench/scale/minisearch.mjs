// MiniSearch at scale, in headless Chromium: one cold run (fresh context, HTTP cache off)
// of the MiniSearch page: download and index every document, then the query set, one
// warm-up pass and five timed passes, and the JS heap after a forced garbage collection.
import { openPage } from "../../e2e/browser.mjs";
import { encodings, trackNetwork } from "./network.mjs";
import { latencies, withTimeout } from "./stats.mjs";

const LIMIT_MS = 15 * 60_000;
const WARMUP = 1;
const PASSES = 5;

export async function miniSearchRun(browser, url, { queries, log = () => {} }) {
  const context = await browser.newContext();
  try {
    const { page, problems } = await openPage(context, { origin: new URL(url).origin });
    const network = await trackNetwork(page);
    await network.setCacheDisabled(true);
    await page.goto(url, { timeout: LIMIT_MS });
    await page.waitForFunction(() => typeof window.miniBench === "object", null, { timeout: LIMIT_MS });
    const loaded = await withTimeout(page.evaluate(() => window.miniBench.load()), LIMIT_MS, "MiniSearch load and index");
    await network.idle();
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    const bytes = network.finishedBy(timeOrigin + loaded.readyMs);
    log(`loaded and indexed ${loaded.documents} documents in ${(loaded.loadMs / 1000).toFixed(2)} s (index ${(loaded.indexMs / 1000).toFixed(2)} s), ${(bytes.body / 1e6).toFixed(1)} MB`);
    const timed = await withTimeout(
      page.evaluate(({ queries, warmup, passes }) => window.miniBench.time(queries, warmup, passes), { queries, warmup: WARMUP, passes: PASSES }),
      LIMIT_MS,
      "MiniSearch queries",
    );
    await network.cdp.send("HeapProfiler.collectGarbage").catch(() => {});
    const jsHeap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
    const summary = latencies(timed.samples);
    log(`queries p50 ${summary.p50?.toFixed(2)} ms, p95 ${summary.p95?.toFixed(2)} ms`);
    return {
      ...loaded,
      bytes,
      queries: { summary, passes: PASSES, warmup: WARMUP, totals: queries.map((q, i) => ({ query: q.text, total: timed.totals[i] })) },
      jsHeap,
      encodings: encodings(network),
      failedRequests: network.failed,
      problems,
    };
  } finally {
    await context.close();
  }
}
