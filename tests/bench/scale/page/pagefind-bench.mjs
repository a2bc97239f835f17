// In the Pagefind benchmark page: loading Pagefind as a site would (its own pagefind.js,
// then init), and running one query as a results page would: search, then the data of
// the first 10 results. Times are taken here with performance.now(); bytes are counted
// by the runner.
let pagefind = null;

window.pagefindBench = {
  /** Imports pagefind.js and initialises it; returns how long that took. */
  async init() {
    const started = performance.now();
    pagefind = await import("./pagefind/pagefind.js");
    await pagefind.init();
    const ended = performance.now();
    document.getElementById("status").textContent = "ready";
    return { initMs: ended - started, readyMs: ended };
  },

  /** One query: `words`, with `filters` ({ keywords: "…" }) when given. */
  async query(words, filters) {
    const started = performance.now();
    const search = await pagefind.search(words, filters ? { filters } : {});
    const shown = await Promise.all(search.results.slice(0, 10).map((result) => result.data()));
    const ms = performance.now() - started;
    return { ms, total: search.results.length, shown: shown.length, first: shown[0]?.meta?.title ?? null };
  },
};
