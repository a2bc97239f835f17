// Counting the bytes a page fetches for the scale benchmark, its workers' fetches
// included (Pagefind searches in a web worker, whose requests neither the page's Resource
// Timing nor the page's own DevTools session sees).
//
// Each finished request, the page's or a worker's, is taken from Playwright's request
// events: `sizes().responseBodySize` is the body as it travelled (compressed when the
// server compressed it), `responseHeadersSize` its headers, and `timing()` places it in
// wall-clock time, so "everything that had arrived when the first list was drawn" is a cut
// at the mark's time (the page's `performance.timeOrigin` plus the mark's `startTime`).
// Requests still in flight are known too, so a query's count can wait for the network to
// go quiet. Resource Timing in the page (`encodedBodySize`) is kept as a cross-check.

import { gzipSync } from "node:zlib";

/** Starts watching `page`'s requests (and its workers'). Returns a tracker. */
export async function trackNetwork(page) {
  const cdp = await page.context().newCDPSession(page);
  const pending = new Set();
  const settling = new Set();
  const tracker = {
    cdp,
    /** Finished responses: { url, start, end (epoch ms), body, headers, encoding, status }. */
    finished: [],
    failed: [],
    pendingCount: () => pending.size + settling.size,
    pendingUrls: () => [...pending].map((r) => r.url()),
    /** Turns the browser's HTTP cache off (cold) or on, for the page's requests. */
    setCacheDisabled: (disabled) => cdp.send("Network.setCacheDisabled", { cacheDisabled: disabled }),
    /** Resolves once no request has been in flight for `quietMs`, or after `timeoutMs`. */
    async idle({ quietMs = 50, timeoutMs = 30_000 } = {}) {
      const end = Date.now() + timeoutMs;
      let quietSince = null;
      while (Date.now() < end) {
        if (tracker.pendingCount()) quietSince = null;
        else if (quietSince === null) quietSince = Date.now();
        else if (Date.now() - quietSince >= quietMs) return true;
        await new Promise((done) => setTimeout(done, 10));
      }
      return false;
    },
    /** Sums { requests, body, headers } of the responses that `keep` accepts. */
    sum(keep = () => true) {
      const kept = tracker.finished.filter(keep);
      return { requests: kept.length, body: kept.reduce((t, r) => t + r.body, 0), headers: kept.reduce((t, r) => t + r.headers, 0) };
    },
    /** When the last finished response ended (epoch ms), or null. */
    lastEnd: () => (tracker.finished.length ? Math.max(...tracker.finished.map((r) => r.end)) : null),
    /** Responses that finished by `epochMs`. */
    finishedBy: (epochMs) => tracker.sum((r) => r.end <= epochMs),
    /** Responses whose request started at or after `epochMs`, the browser's icon requests aside. */
    startedFrom: (epochMs) => tracker.sum((r) => r.start >= epochMs && !r.favicon),
  };
  await cdp.send("Network.enable");
  const isData = (request) => request.url().startsWith("data:");
  page.on("request", (request) => {
    if (!isData(request)) pending.add(request);
  });
  page.on("requestfinished", (request) => {
    if (!pending.delete(request)) return;
    // Sizes and the response arrive asynchronously; until then the request still counts
    // as in flight, so a byte count never closes before them.
    const work = (async () => {
      const [sizes, response] = await Promise.all([request.sizes().catch(() => null), request.response().catch(() => null)]);
      const timing = request.timing();
      const encoding = (await response?.headerValue("content-encoding").catch(() => null)) ?? "identity";
      let body = sizes?.responseBodySize ?? 0;
      let estimated = false;
      // Chromium reports no size for a worker's own script; count its body instead,
      // gzipped here at the level servers use when the server sent it gzipped.
      if (body === 0 && response?.status() === 200) {
        const decoded = await response.body().catch(() => null);
        if (decoded?.length) {
          body = encoding === "gzip" ? gzipSync(decoded, { level: 6 }).length : decoded.length;
          estimated = true;
        }
      }
      tracker.finished.push({
        url: request.url(),
        // Chromium asks for the page's icon again after each change of address (the
        // explorer's address follows the search box), which the HTTP cache answers when
        // it is on; per-query counts leave these out, start-up counts keep them.
        favicon: /\/favicon\.[a-z]+$/.test(new URL(request.url()).pathname),
        start: timing.startTime,
        end: timing.startTime + Math.max(0, timing.responseEnd),
        body,
        estimated,
        headers: sizes?.responseHeadersSize ?? 0,
        encoding,
        status: response?.status() ?? null,
      });
    })();
    settling.add(work);
    work.finally(() => settling.delete(work));
  });
  page.on("requestfailed", (request) => {
    if (pending.delete(request)) tracker.failed.push({ url: request.url(), error: request.failure()?.errorText ?? "failed" });
  });
  return tracker;
}

/** The page's clock as wall-clock milliseconds: performance.timeOrigin + performance.now(). */
export const pageEpoch = (page) => page.evaluate(() => performance.timeOrigin + performance.now());

/**
 * Sums Resource Timing in the page (the page's own requests only: not its workers'): the
 * navigation entry and every resource entry that had finished by `until` (page
 * milliseconds; null for no bound). Returns { requests, encodedBody, decodedBody, transfer }.
 */
export function pageBytes(page, { until = null } = {}) {
  return page.evaluate(
    (until) => {
      const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")].filter((e) => until === null || e.responseEnd <= until);
      const sum = (field) => entries.reduce((total, e) => total + (e[field] ?? 0), 0);
      return { requests: entries.length, encodedBody: sum("encodedBodySize"), decodedBody: sum("decodedBodySize"), transfer: sum("transferSize") };
    },
    until,
  );
}

/** How the finished responses were encoded: { identity: n, gzip: n, … }. */
export function encodings(tracker) {
  const counts = {};
  for (const response of tracker.finished) counts[response.encoding] = (counts[response.encoding] ?? 0) + 1;
  return counts;
}
