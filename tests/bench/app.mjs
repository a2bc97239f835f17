// The explorer itself at 10,000 articles: the release site, served like GitHub Pages with
// a generated corpus in place of the sample, opened in headless Chromium. Reports the
// start-up marks the app records (corpus fetched, decoded, index ready, first list) and
// the time from each keystroke in the search box to the updated list on screen.
// Run by `cargo xtask bench-search`; SITE_DIR is a built site whose corpus.json is the
// large one.
import { servePages } from "../e2e/pages-server.mjs";
import { launch, openPage } from "../e2e/browser.mjs";

const SITE_DIR = process.env.SITE_DIR;
const BASE = "/insight-explorer/";
const QUERIES = ["innovation cooperation", "green finance", "supply chains", "author:abara energy", "创新合作", "regional tourism"];

function percentile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * q))];
}

const site = await servePages(SITE_DIR, BASE);
const browser = await launch();
try {
  const { page, problems } = await openPage(browser);
  await page.goto(site.url, { timeout: 120_000 });
  await page.waitForSelector(".article-list", { timeout: 120_000 });
  const marks = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType("mark").map((m) => [m.name, m.startTime])),
  );
  // Each keystroke: from the key event to the first frame after the list changed.
  await page.evaluate(() => {
    window.__latencies = [];
    const input = document.getElementById("search-input");
    const list = document.querySelector(".results");
    let started = null;
    input.addEventListener("keydown", () => (started = performance.now()), true);
    new MutationObserver(() => {
      if (started === null) return;
      const t0 = started;
      started = null;
      requestAnimationFrame(() => window.__latencies.push(performance.now() - t0));
    }).observe(list, { childList: true, subtree: true, characterData: true });
  });
  const search = page.getByRole("searchbox", { name: "Search articles" });
  for (const query of QUERIES) {
    await search.fill("");
    await page.waitForTimeout(150);
    await search.focus();
    await page.keyboard.type(query, { delay: 120 });
    await page.waitForTimeout(200);
  }
  const latencies = (await page.evaluate(() => window.__latencies)).sort((a, b) => a - b);
  if (problems.length) throw new Error(`the browser reported problems:\n${problems.join("\n")}`);
  const ms = (v) => `${v.toFixed(1)} ms`;
  const since = (a, b) => (marks[a] !== undefined && marks[b] !== undefined ? ms(marks[a] - marks[b]) : "n/a");
  console.log("\n## The explorer with 10,000 articles (release site, headless Chromium)\n");
  console.log("| measure | value |\n| --- | ---: |");
  console.log(`| corpus fetched (from navigation start) | ${ms(marks["corpus-fetched"] ?? NaN)} |`);
  console.log(`| corpus decoded (after fetch) | ${since("corpus-decoded", "corpus-fetched")} |`);
  console.log(`| collection and search index ready (after decode) | ${since("index-ready", "corpus-decoded")} |`);
  console.log(`| first list drawn (after index) | ${since("first-list-rendered", "index-ready")} |`);
  console.log(`| keystroke → updated list, p50 (${latencies.length} keystrokes) | ${ms(percentile(latencies, 0.5))} |`);
  console.log(`| keystroke → updated list, p95 | ${ms(percentile(latencies, 0.95))} |`);
} finally {
  await browser.close();
  await site.close();
}
