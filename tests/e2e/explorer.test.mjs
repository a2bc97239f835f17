// End to end: the release site, served under a sub-path the way GitHub Pages serves a
// project site, driven in headless Chromium through everything a reader does.
// Run by `cargo xtask test`; SITE_DIR and SITE_BASE say what to serve.
import { after, afterEach, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { servePages } from "./pages-server.mjs";
import { launch, openPage } from "./browser.mjs";

const SITE_DIR = process.env.SITE_DIR ?? "../../target/e2e-site";
const BASE = process.env.SITE_BASE ?? "/insight-explorer/";
const SHOTS = process.env.SCREENSHOT_DIR ?? "../../target/e2e-screenshots";
// The sample collection as one corpus file (the site carries it as pieces only).
const SAMPLE = process.env.SAMPLE_CORPUS ?? "../../target/e2e-sample-corpus.json";

let site, browser, corpus, current;

const fold = (keyword) => keyword.trim().split(/\s+/).join(" ").toLowerCase();
const newestFirst = () =>
  [...corpus.articles].sort((a, b) => b.published.localeCompare(a.published) || a.title.localeCompare(b.title));
const withKeywords = (...keywords) =>
  newestFirst().filter((a) => keywords.every((k) => a.keywords.some((own) => fold(own) === fold(k))));
const countText = (n) => (n === 0 ? "No articles" : n === 1 ? "1 article" : `${n.toLocaleString("en-US")} articles`);

before(async () => {
  corpus = JSON.parse(await readFile(SAMPLE, "utf8"));
  site = await servePages(SITE_DIR, BASE);
  browser = await launch();
  await mkdir(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** Waits until nothing on the page is still arriving (no `aria-busy="true"`). */
const settle = (page) => page.waitForFunction(() => !document.querySelector("main [aria-busy=true]"));

/** Opens `path` (relative to the site base) and waits until the app has taken over the
 * pre-rendered page and drawn `ready`. */
async function open(path = "", { ready = "main h1" } = {}) {
  ready = `#app[data-live] ${ready}`;
  current = await openPage(browser, { origin: new URL(site.url).origin });
  await current.page.goto(site.url + path);
  await current.page.waitForSelector(ready);
  await settle(current.page);
  return current.page;
}

afterEach(async (t) => {
  if (!current) return;
  const { page, problems, allowed = [] } = current;
  current = null;
  // Every test starts with no reading history or preferences.
  await page.evaluate(() => localStorage.clear()).catch(() => {});
  await page.close();
  const unexpected = problems.filter((p) => !allowed.some((pattern) => pattern.test(p)));
  assert.deepEqual(unexpected, [], `${t.name}: the browser reported problems`);
});

const statusText = async (page) => {
  await settle(page);
  return page.locator(".result-count, [role=status]").first().innerText();
};
const cardTitles = async (page) => {
  await settle(page);
  return page.locator(".article-list > li h2").allInnerTexts();
};
/** The titles of every page of the list, from the page shown to the last (Next page). */
const allCardTitles = async (page) => {
  const titles = await cardTitles(page);
  const next = page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next page" });
  while ((await next.count()) > 0) {
    const first = titles.length;
    await next.click();
    await page.waitForFunction((n) => document.querySelector(".pager-place")?.textContent.includes(`articles ${n + 1}–`), first);
    titles.push(...(await cardTitles(page)));
  }
  return titles;
};
const keywordButton = (page, label) =>
  page.getByRole("group", { name: "Keywords" }).locator(".keyword-toggle", { has: page.locator(`.keyword-label:text-is("${label}")`) });

describe("the collection", () => {
  test("lists every article newest first with title link, byline, date, summary and keywords", async () => {
    const page = await open();
    assert.equal(await statusText(page), countText(corpus.articles.length));
    assert.deepEqual(await cardTitles(page), newestFirst().slice(0, 20).map((a) => a.title), "a page of the 20 newest");
    assert.deepEqual(await allCardTitles(page), newestFirst().map((a) => a.title));
    await page.goto(site.url);
    const first = newestFirst()[0];
    const card = page.locator(".article-list > li").first();
    assert.equal(await card.locator("h2 a").getAttribute("href"), `${BASE}articles/${first.id}`);
    assert.equal(await card.locator("time").getAttribute("datetime"), first.published);
    assert.match(await card.locator(".byline").innerText(), new RegExp(first.source));
    assert.equal(await card.locator(".summary").innerText(), first.summary);
    assert.equal(await card.locator(".keyword-links li").count(), new Set(first.keywords.map(fold)).size);
    assert.equal(await page.title(), corpus.title);
    assert.match(await page.locator("footer").innerText(), /fictional/);
    await page.screenshot({ path: join(SHOTS, "list-desktop.png") });
  });

  test("the published site is a manifest and content-named pieces, fetched only as needed", async () => {
    const page = await open();
    const manifest = await (await page.request.get(`${site.url}corpus/manifest.json`)).json();
    assert.equal(manifest.version, 2);
    assert.equal(manifest.articles, corpus.articles.length);
    assert.equal((await page.request.get(`${site.url}corpus.json`)).status(), 404, "no whole corpus is published");
    for (const name of [manifest.search, ...manifest.ids, ...manifest.lists.flatMap((l) => [l.list, l.pack])]) {
      assert.match(name, /^[a-z]+-[0-9a-f]{16}\.bin$/);
    }
    // The first list needed the manifest and one list piece; once it was drawn, the small
    // search directory came too, ready for the first keystroke, and nothing else.
    await page.waitForFunction((name) => performance.getEntriesByType("resource").some((r) => r.name.endsWith(name) && r.responseEnd > 0), manifest.search);
    const fetched = await page.evaluate(() => {
      const drawn = performance.getEntriesByName("first-list-rendered", "mark")[0].startTime;
      return performance.getEntriesByType("resource").map((r) => ({ name: new URL(r.name).pathname.split("/").pop(), afterList: r.startTime >= drawn }));
    });
    const pieces = fetched.filter((r) => r.name.endsWith(".bin"));
    assert.deepEqual(pieces, [
      { name: manifest.lists.at(-1).list, afterList: false },
      { name: manifest.search, afterList: true },
    ]);
  });

  test("says plainly that the sample articles and authors are fictional", async () => {
    const page = await open();
    assert.match(corpus.notice, /fictional/);
    assert.equal(await page.locator(".site-footer .notice").innerText(), corpus.notice);
  });
});

describe("keyword filter", () => {
  test("lists every keyword with its count, most frequent first, merging case variants", async () => {
    const page = await open();
    const group = page.getByRole("group", { name: "Keywords" });
    await group.getByRole("button", { name: /^Show all \d+ keywords$/ }).click();
    const labels = await group.locator(".keyword-label").allInnerTexts();
    const counts = (await group.locator(".keyword-count").allInnerTexts()).map(Number);
    const distinct = new Set(corpus.articles.flatMap((a) => a.keywords.map(fold)));
    assert.equal(labels.length, distinct.size, "one button per keyword, whatever its case");
    assert.deepEqual([...counts].sort((a, b) => b - a), counts, "most frequent first");
    for (const [i, label] of labels.entries()) {
      assert.equal(counts[i], withKeywords(label).length, `count of ${label}`);
    }
    assert.ok(labels.includes("US") && !labels.includes("us"), "US and us are one keyword, in the common spelling");
  });

  test("selecting keywords keeps articles that have all of them; counts follow; one click clears", async () => {
    const page = await open();
    await keywordButton(page, "China").click();
    // One keyword alone has an address of its own: the page published for it.
    await page.waitForURL(/\/keywords\/china$/);
    assert.equal(await statusText(page), countText(withKeywords("China").length));
    assert.equal(await keywordButton(page, "China").getAttribute("aria-pressed"), "true");
    assert.equal(await page.locator("main h1").innerText(), "Articles on China");

    const second = (await page.locator(".keyword-toggle[aria-pressed=false] .keyword-label").allInnerTexts())[0];
    await keywordButton(page, second).click();
    const both = withKeywords("China", second);
    await page.waitForFunction((n) => document.querySelectorAll(".article-list > li").length === n, both.length);
    assert.equal(await statusText(page), countText(both.length));
    assert.deepEqual(await cardTitles(page), both.map((a) => a.title));
    assert.equal(await keywordButton(page, "China").locator(".keyword-count").innerText(), String(both.length));
    assert.equal(new URL(page.url()).search, `?kw=China&kw=${encodeURIComponent(second).replace(/%20/g, "+")}`);

    await page.getByRole("button", { name: "Clear selected keywords" }).click();
    await page.waitForURL((url) => url.search === "");
    assert.equal(await statusText(page), countText(corpus.articles.length));
  });

  test("the text box narrows the keyword list and Escape clears it", async () => {
    const page = await open();
    const box = page.getByLabel("Find a keyword");
    await box.fill("financ");
    const keywords = page.getByRole("group", { name: "Keywords" });
    const shown = await keywords.locator(".keyword-label").allInnerTexts();
    assert.ok(shown.length > 0 && shown.every((label) => fold(label).includes("financ")), shown.join(", "));
    await box.press("Escape");
    assert.equal(await box.inputValue(), "");
    assert.ok((await keywords.locator(".keyword-label").count()) > shown.length);
  });

  test("a keyword address in another case selects the same articles", async () => {
    const page = await open("?kw=us");
    assert.equal(await statusText(page), countText(withKeywords("US").length));
    assert.equal(await keywordButton(page, "US").getAttribute("aria-pressed"), "true");
  });
});

describe("the reader", () => {
  test("shows one article with byline, body structure, bio apart, and keyword links", async () => {
    const page = await open();
    const first = newestFirst()[0];
    await page.locator(".article-list > li h2 a").first().click();
    await page.waitForURL(`${site.url}articles/${first.id}`);
    // The reader fetches its article (a byte range of its pack) and then shows it.
    await page.waitForSelector("article h1");
    await settle(page);
    const article = page.locator("article");
    assert.equal(await article.count(), 1);
    assert.equal(await page.locator("h1").count(), 1);
    assert.equal(await article.locator("h1").innerText(), first.title);
    assert.equal(await article.locator("header time").getAttribute("datetime"), first.published);
    assert.ok(await article.locator(".article-body p").count() >= 3);
    if (first.bio) assert.equal(await article.locator("aside.bio p").innerText(), first.bio);
    assert.equal(await page.title(), `${first.title} · ${corpus.title}`);
    await page.screenshot({ path: join(SHOTS, "reader-desktop.png"), fullPage: true });
  });

  test("renders headings, quotes, lists and links from the structured body", async () => {
    const rich = corpus.articles.find((a) => ["heading", "quote", "list"].every((t) => a.body.some((b) => b.type === t)));
    assert.ok(rich, "the sample collection has an article with headings, quotes and lists");
    const page = await open(`articles/${rich.id}`);
    const body = page.locator(".article-body");
    assert.ok((await body.locator("h2").count()) >= 1);
    assert.ok((await body.locator("blockquote").count()) >= 1);
    assert.ok((await body.locator("ul, ol").count()) >= 1);
  });

  test("printing an article prints the article alone, with link targets written out", async () => {
    const linked = corpus.articles.find((a) => a.language === "en" && a.bio && JSON.stringify(a.body).includes('"type":"link"'));
    assert.ok(linked, "the sample collection has an article with a bio and a link in its body");
    const page = await open(`articles/${linked.id}`);
    await page.emulateMedia({ media: "print" });
    const shown = (selector) => page.locator(selector).first().evaluate((e) => getComputedStyle(e).display !== "none");
    for (const chrome of [".site-header", ".site-footer", ".back-link", ".neighbours", ".reader-footer .keyword-links"]) {
      if (await page.locator(chrome).count()) assert.equal(await shown(chrome), false, `${chrome} is not printed`);
    }
    for (const part of ["article h1", "article .byline", ".article-body", "aside.bio"]) {
      assert.equal(await shown(part), true, `${part} is printed`);
    }
    const link = page.locator(".article-body a[href]").first();
    const href = await link.getAttribute("href");
    const after = await link.evaluate((a) => getComputedStyle(a, "::after").content);
    assert.equal(after, `" (${href})"`);
    await page.screenshot({ path: join(SHOTS, "reader-print.png"), fullPage: true });
    await page.emulateMedia({ media: "screen" });
    assert.equal(await shown(".site-header"), true);
  });

  test("cites the article in five styles and copies a citation and the link", async () => {
    const article = corpus.articles.find((a) => a.language === "en" && a.authors.length === 2);
    assert.ok(article, "the sample collection has an article by two authors");
    const page = await open(`articles/${article.id}`);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(site.url).origin });
    await page.click(".cite summary");
    await page.waitForSelector(".citation figcaption");
    const captions = await page.locator(".citation figcaption").allInnerTexts();
    assert.deepEqual(captions, ["APA", "Chicago", "MLA", "BibTeX", "RIS"]);
    const family = (name) => name.split(" ").pop();
    const apa = await page.locator("#cite-apa").innerText();
    assert.ok(apa.startsWith(`${family(article.authors[0])}, `), apa);
    assert.ok(apa.includes(`, & ${family(article.authors[1])}, `), apa);
    assert.ok(apa.includes(`(${article.published.slice(0, 4)}, `), apa);
    assert.ok(apa.includes(article.title), apa);
    const ris = await page.locator("#cite-ris").innerText();
    assert.ok(ris.startsWith("TY  - ELEC\n"), ris);
    assert.equal(ris.split("\n").filter((l) => l.startsWith("AU  - ")).length, 2);
    await page.click("button:text-is('Copy APA')");
    await page.waitForSelector(".cite-status:text-is('APA citation copied.')");
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), apa);
    await page.click("button:text-is('Copy link')");
    await page.waitForSelector(".cite-status:text-is('Link copied.')");
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${site.url}articles/${article.id}`);
    await page.locator(".cite").screenshot({ path: join(SHOTS, "reader-cite.png") });
  });

  test("a keyword link opens the list filtered by that keyword", async () => {
    const article = newestFirst()[3];
    const page = await open(`articles/${article.id}`);
    const link = page.locator(".reader-footer .keyword-link").first();
    const label = await link.innerText();
    await link.click();
    await page.waitForSelector(".article-list, .empty-result");
    assert.equal(await statusText(page), countText(withKeywords(label).length));
    assert.equal(await keywordButton(page, label).getAttribute("aria-pressed"), "true");
  });

  test("previous and next follow the current list order", async () => {
    const page = await open("?kw=China");
    const list = withKeywords("China");
    assert.ok(list.length >= 3);
    await page.locator(".article-list > li h2 a").nth(1).click();
    await page.waitForURL(new RegExp(`articles/${list[1].id}\\?kw=China$`));
    await page.locator("a.neighbour.next").click();
    await page.waitForURL(new RegExp(`articles/${list[2].id}\\?kw=China$`));
    assert.equal(await page.locator("h1").innerText(), list[2].title);
    await page.locator("a.neighbour.previous").click();
    await page.waitForURL(new RegExp(`articles/${list[1].id}\\?kw=China$`));
  });

  test("More on these keywords lists up to five articles sharing the most keywords", async () => {
    const article = newestFirst()[0];
    const page = await open(`articles/${article.id}`);
    const related = await page.locator(".related li a").allInnerTexts();
    assert.ok(related.length >= 1 && related.length <= 5);
    const mine = new Set(article.keywords.map(fold));
    const shared = (a) => new Set(a.keywords.map(fold).filter((k) => mine.has(k))).size;
    const best = Math.max(...corpus.articles.filter((a) => a.id !== article.id).map(shared));
    const firstRelated = corpus.articles.find((a) => a.title === related[0]);
    assert.equal(shared(firstRelated), best);
  });
});

describe("addresses", () => {
  test("a deep link to an article loads, and survives reload, with no console errors", async () => {
    const article = newestFirst()[5];
    const page = await open(`articles/${article.id}`);
    assert.equal(await page.locator("h1").innerText(), article.title);
    await page.reload();
    await page.waitForSelector("#app[data-live] article h1");
    assert.equal(await page.locator("h1").innerText(), article.title);
  });

  test("reload keeps a keyword selection", async () => {
    const page = await open("?kw=China&kw=US");
    const n = withKeywords("China", "US").length;
    assert.equal(await statusText(page), countText(n));
    await page.reload();
    await page.waitForSelector("#app[data-live] [role=status]");
    assert.equal(await statusText(page), countText(n));
  });

  test("back and forward move between list, selection and reader", async () => {
    const page = await open();
    await keywordButton(page, "China").click();
    await page.waitForURL(/\/keywords\/china$/);
    await page.locator(".article-list > li h2 a").first().click();
    await page.waitForSelector("article h1");
    await page.goBack();
    await page.waitForURL(/\/keywords\/china$/);
    assert.equal(await statusText(page), countText(withKeywords("China").length));
    await page.goBack();
    await page.waitForURL(site.url);
    assert.equal(await statusText(page), countText(corpus.articles.length));
    await page.goForward();
    await page.waitForURL(/\/keywords\/china$/);
    await page.goForward();
    await page.waitForSelector("article h1");
  });

  // An unknown address is answered by 404.html with status 404, as GitHub Pages does, and
  // Chromium logs that status; it is the one console error these two tests expect.
  const notFoundStatus = /status of 404 \(Not Found\) \(http:\/\/127\.0\.0\.1:\d+\/insight-explorer\/(articles\/no-such-article|some\/where\/else)\)$/;

  test("an unknown article id shows a helpful not-found view with a way home", async () => {
    const page = await open("articles/no-such-article");
    current.allowed = [notFoundStatus];
    assert.equal(await page.locator("h1").innerText(), "Not found");
    assert.match(await page.locator(".not-found").innerText(), /no-such-article/);
    await page.getByRole("link", { name: "Browse all articles" }).click();
    await page.waitForSelector(".article-list");
  });

  test("an unknown path shows the not-found view, never a blank page", async () => {
    const page = await open("some/where/else");
    current.allowed = [notFoundStatus];
    assert.equal(await page.locator("h1").innerText(), "Not found");
  });
});

// A site of corpus format 1 (one corpus.json, no manifest): the tests below give the page
// one by answering the manifest 404, which Chromium logs as the console error they expect.
const noManifest = /status of 404 \(Not Found\) \(http:\/\/127\.0\.0\.1:\d+\/insight-explorer\/corpus\/manifest\.json\)$/;
/** Resolves once `done()` holds, looking every 20 ms for at most 10 s. */
async function waitUntil(done) {
  for (let waited = 0; !done(); waited += 20) {
    if (waited > 10_000) throw new Error("waited 10 s in vain");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
async function asWholeCorpusSite(page) {
  await page.route("**/corpus/manifest.json", (route) => route.fulfill({ status: 404, body: "Not Found" }));
}

describe("loading and failure", () => {
  test("a failed corpus download shows a message and Retry, and Retry recovers", async () => {
    current = await openPage(browser, { origin: new URL(site.url).origin });
    const { page } = current;
    // The failed request itself is the one console error this test expects.
    current.allowed = [/status of 500/];
    await page.route("**/corpus/manifest.json", (route) => route.fulfill({ status: 500, body: "boom" }));
    await page.goto(site.url);
    await page.waitForSelector(".start-notice .load-failure");
    assert.match(await page.locator(".load-failure").innerText(), /HTTP 500 for corpus\/manifest\.json/);
    // The published list stays below the notice, readable, until the app can take over.
    assert.equal(await page.locator("#app:not([data-live]) .article-list").count(), 1);
    await page.screenshot({ path: join(SHOTS, "load-failure-notice.png") });
    await page.unroute("**/corpus/manifest.json");
    await page.getByRole("button", { name: "Retry" }).click();
    await page.waitForSelector("#app[data-live] .article-list");
    assert.equal(await page.locator(".load-failure").count(), 0);
    assert.equal(await statusText(page), countText(corpus.articles.length));
  });

  /** Opens the site as one of format 1, with corpus.json answered by `answer`. */
  async function openWithCorpus(answer, allowed = []) {
    current = await openPage(browser, { origin: new URL(site.url).origin });
    current.allowed = [noManifest, ...allowed];
    const { page } = current;
    await asWholeCorpusSite(page);
    await page.route("**/corpus.json", answer);
    await page.goto(site.url);
    return page;
  }
  const failure = async (page) => {
    await page.waitForSelector(".load-failure");
    assert.equal(await page.locator("#app:not([data-live]) .article-list").count(), 1, "the published list stays");
    return {
      headline: await page.locator(".load-failure h2").innerText(),
      text: await page.locator(".load-failure").innerText(),
      retry: await page.getByRole("button", { name: "Retry" }).count(),
    };
  };
  const json = (body) => (route) => route.fulfill({ status: 200, contentType: "application/json", body });

  test("a missing corpus (404) says so and what the site owner should run, without Retry", async () => {
    const page = await openWithCorpus((route) => route.fulfill({ status: 404, body: "Not Found" }), [/status of 404/]);
    const shown = await failure(page);
    assert.equal(shown.headline, "The collection is missing from this site");
    assert.match(shown.text, /corpus\/manifest\.json was not found on this site \(HTTP 404\)/);
    assert.match(shown.text, /If you run this site: .*cargo xtask dist/s);
    assert.equal(shown.retry, 0);
  });

  test("a network failure offers Retry", async () => {
    let asked = 0;
    const page = await openWithCorpus((route) => { asked += 1; return route.abort("internetdisconnected"); }, [/ERR_INTERNET_DISCONNECTED/]);
    const shown = await failure(page);
    assert.equal(shown.headline, "The collection could not be downloaded");
    assert.match(shown.text, /Check your connection/);
    assert.equal(shown.retry, 1);
    // A retry that fails again says so in the same place, and can be tried once more.
    await page.getByRole("button", { name: "Retry" }).click();
    await waitUntil(() => asked === 2);
    await page.waitForSelector(".load-failure button:not([disabled])");
    assert.equal(await page.locator(".load-failure").count(), 1);
    assert.equal(await page.locator(".load-failure h2").innerText(), "The collection could not be downloaded");
    assert.equal(await page.locator("#app[data-live]").count(), 0);
  });

  test("a truncated corpus says it arrived incomplete, with Retry and the check to run", async () => {
    const page = await openWithCorpus(json('{"version":1,"title":"x","articles":['));
    const shown = await failure(page);
    assert.equal(shown.headline, "The collection arrived incomplete");
    assert.match(shown.text, /stops early \(at line 1, column \d+\)/);
    assert.match(shown.text, /corpus check corpus\.json/);
    assert.equal(shown.retry, 1);
  });

  test("a corpus of an unknown version names both versions and the rebuild, without Retry", async () => {
    const page = await openWithCorpus(json(JSON.stringify({ ...corpus, version: 99 })));
    const shown = await failure(page);
    assert.equal(shown.headline, "The collection needs a newer version of this explorer");
    assert.match(shown.text, /corpus format version 99, and this explorer reads versions 1 and 2/);
    assert.match(shown.text, /cargo xtask dist/);
    assert.equal(shown.retry, 0);
  });

  test("a file that is not JSON says where it breaks, without Retry", async () => {
    const page = await openWithCorpus(json("<!DOCTYPE html><title>Moved</title>"));
    const shown = await failure(page);
    assert.equal(shown.headline, "The collection file could not be read");
    assert.match(shown.text, /line 1, column 1/);
    assert.equal(shown.retry, 0);
  });

  test("articles missing required fields are left out and counted; the rest still show", async () => {
    const [first, second, ...rest] = corpus.articles;
    const { title, ...untitled } = first;
    const { published, ...undated } = second;
    const page = await openWithCorpus(json(JSON.stringify({ ...corpus, articles: [untitled, undated, ...rest] })));
    // The page's own list shows at once; the app's, from this corpus, replaces it.
    await page.waitForSelector("#app[data-live] .article-list");
    assert.equal(await statusText(page), countText(rest.length));
    const notice = page.locator(".skipped-notice");
    assert.equal(await notice.locator("summary").innerText(), "2 articles left out: their records in the corpus are invalid.");
    await notice.locator("summary").click();
    const reasons = await notice.locator("li").allInnerTexts();
    assert.equal(reasons.length, 2);
    assert.match(reasons[0], /missing field `title`/);
    assert.match(reasons[1], /missing field `published`/);
    assert.match(await notice.innerText(), /corpus check corpus\.json/);
  });

  test("a link whose target is not allowed costs the link, not the article: its text shows and it is counted", async () => {
    const [newest] = newestFirst();
    const target = "javascript:alert(1)";
    const linked = {
      ...newest,
      body: [{ type: "paragraph", content: [{ type: "text", text: "See " }, { type: "link", href: target, content: [{ type: "emphasis", content: [{ type: "text", text: "the refused page" }] }] }] }, ...newest.body],
    };
    const articles = corpus.articles.map((a) => (a.id === newest.id ? linked : a));
    const page = await openWithCorpus(json(JSON.stringify({ ...corpus, articles })));
    await page.waitForSelector("#app[data-live] .article-list");
    assert.equal(await statusText(page), countText(corpus.articles.length));
    assert.equal(await page.locator(".skipped-notice").count(), 0);
    const notice = page.locator(".refused-links-notice");
    assert.equal(await notice.locator("summary").innerText(), "1 link shown as text: its target is not allowed.");
    await notice.locator("summary").click();
    const listed = await notice.locator("li").allInnerTexts();
    assert.equal(listed.length, 1);
    assert.ok(listed[0].startsWith(`${newest.id}: link target "${target}" is not allowed`), listed[0]);
    assert.match(await notice.innerText(), /corpus check corpus\.json/);
    await page.locator(".article-list > li h2 a").first().click();
    await page.waitForSelector("article.reader .article-body");
    const body = page.locator("article.reader .article-body");
    assert.equal(await body.locator("p").first().innerText(), "See the refused page");
    assert.equal(await body.locator("p").first().locator("em").innerText(), "the refused page");
    assert.equal(await body.locator("p").first().locator("a").count(), 0, "the text is not a link");
    const withTarget = await page.evaluate((href) => [...document.querySelectorAll("a")].filter((a) => a.getAttribute("href")?.trim() === href).length, target);
    assert.equal(withTarget, 0, "no link anywhere has the refused target");
  });

  test("a 50 MB corpus loads, lists and searches", async () => {
    // Copies of the sample under new ids until the file passes 50 MB.
    const copies = Math.ceil((50 * 1024 * 1024) / JSON.stringify(corpus).length);
    const big = { ...corpus, articles: Array.from({ length: copies }, (_, n) => corpus.articles.map((a) => ({ ...a, id: `${a.id}-${n}` }))).flat() };
    const body = JSON.stringify(big);
    assert.ok(body.length >= 50 * 1024 * 1024);
    const page = await openWithCorpus(json(body));
    await page.waitForSelector("#app[data-live] .article-list", { timeout: 60_000 });
    assert.equal(await statusText(page), countText(big.articles.length));
    await page.getByRole("searchbox", { name: "Search articles" }).fill(`"${corpus.articles[0].title}"`);
    await page.waitForFunction((n) => document.querySelector("[role=status]")?.textContent === n, `${copies} articles`, { timeout: 30_000 });
  });

  test("while the collection downloads, the page shows its pre-rendered list; the app takes over with no Loading flash", async () => {
    current = await openPage(browser, { origin: new URL(site.url).origin });
    const { page } = current;
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route("**/corpus/manifest.json", async (route) => {
      await held;
      await route.continue();
    });
    await page.addInitScript(() => {
      window.__sawLoading = false;
      new MutationObserver(() => {
        if (document.querySelector(".loading, .loading-more")) window.__sawLoading = true;
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(site.url);
    const titles = newestFirst().slice(0, 20).map((a) => a.title);
    assert.deepEqual(await page.locator(".article-list > li h2").allInnerTexts(), titles, "the page's own HTML");
    assert.equal(await page.locator("#app[data-live]").count(), 0, "the app has not taken over yet");
    release();
    await page.waitForSelector("#app[data-live] .article-list");
    assert.deepEqual(await cardTitles(page), titles);
    assert.equal(await page.evaluate(() => window.__sawLoading), false, "no Loading… was ever shown");
  });
});

describe("broken pieces of a published collection", () => {
  const manifestOf = async () => JSON.parse(await readFile(join(SITE_DIR, "corpus", "manifest.json"), "utf8"));
  const notice = (page) => page.locator(".piece-failure");
  /** Answers a request with its file, one byte changed. */
  const alter = async (route) => {
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    body[Math.floor(body.length / 2)] ^= 0xff;
    await route.fulfill({ response, body });
  };

  test("a manifest of an unknown version names both versions, without Retry", async () => {
    current = await openPage(browser, { origin: new URL(site.url).origin });
    const { page } = current;
    const manifest = await manifestOf();
    await page.route("**/corpus/manifest.json", (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ ...manifest, version: 99 }) }));
    await page.goto(site.url);
    await page.waitForSelector(".start-notice .load-failure");
    assert.match(await page.locator(".load-failure").innerText(), /corpus\/manifest\.json is in corpus format version 99, and this explorer reads versions 1 and 2/);
    assert.equal(await page.getByRole("button", { name: "Retry" }).count(), 0);
  });

  test("a truncated manifest says it arrived incomplete, with Retry", async () => {
    current = await openPage(browser, { origin: new URL(site.url).origin });
    const { page } = current;
    const text = JSON.stringify(await manifestOf());
    await page.route("**/corpus/manifest.json", (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: text.slice(0, text.length / 2) }));
    await page.goto(site.url);
    await page.waitForSelector(".start-notice .load-failure");
    assert.equal(await page.locator(".load-failure h2").innerText(), "The collection arrived incomplete");
    assert.match(await page.locator(".load-failure").innerText(), /corpus check dist/);
    assert.equal(await page.getByRole("button", { name: "Retry" }).count(), 1);
  });

  test("a missing list piece costs its articles, not the page, and Retry recovers", async () => {
    const manifest = await manifestOf();
    const newest = manifest.lists.at(-1).list;
    current = await openPage(browser, { origin: new URL(site.url).origin });
    const { page } = current;
    current.allowed = [/status of 404/];
    await page.route(`**/corpus/${newest}`, (route) => route.fulfill({ status: 404, body: "Not Found" }));
    await page.goto(site.url);
    await notice(page).waitFor();
    assert.match(await notice(page).innerText(), new RegExp(`HTTP 404 for ${newest}`));
    assert.match(await page.locator("header").innerText(), new RegExp(corpus.title), "the rest of the page is there");
    await page.unroute(`**/corpus/${newest}`);
    await notice(page).getByRole("button", { name: "Retry" }).click();
    await page.waitForSelector(".article-list");
    assert.deepEqual(await allCardTitles(page), newestFirst().map((a) => a.title));
  });

  test("a damaged search piece is refused by its hash; the list stays and Retry recovers", async () => {
    const manifest = await manifestOf();
    current = await openPage(browser, { origin: new URL(site.url).origin });
    const { page } = current;
    // The directory is fetched as soon as the list is drawn: it arrives damaged.
    await page.route(`**/corpus/${manifest.search}`, alter);
    await page.goto(site.url);
    await page.waitForSelector("#app[data-live] .article-list");
    await page.getByRole("searchbox", { name: "Search articles" }).fill("energy");
    await notice(page).waitFor();
    assert.match(await notice(page).innerText(), /do not match the hash in its name/);
    assert.equal(await page.locator(".result-count").innerText(), "Search incomplete", "no count is guessed");
    await page.unroute(`**/corpus/${manifest.search}`);
    await notice(page).getByRole("button", { name: "Retry" }).click();
    await page.waitForFunction(() => /^[\d,]+ articles?$/.test(document.querySelector(".result-count")?.textContent ?? ""));
    assert.equal(await notice(page).count(), 0);
  });

  test("a damaged article record costs that article; the reader says so", async () => {
    const article = newestFirst()[4];
    current = await openPage(browser, { origin: new URL(site.url).origin });
    const { page } = current;
    await page.route("**/corpus/pack-*.bin", async (route) => {
      // The header (first range) stays whole; the record ranges are damaged.
      if ((route.request().headers().range ?? "").startsWith("bytes=0-")) return route.continue();
      return alter(route);
    });
    await page.goto(`${site.url}articles/${article.id}`);
    await notice(page).waitFor();
    assert.match(await notice(page).innerText(), /do not match the hash|cannot be shown/);
    assert.equal(await page.locator("article").count(), 0, "nothing of the damaged record is shown");
  });

  test("a piece needed while offline says so, and works again once online", async () => {
    const page = await open();
    current.allowed = [/ERR_INTERNET_DISCONNECTED/];
    await page.context().setOffline(true);
    try {
      await page.getByRole("searchbox", { name: "Search articles" }).fill("insurance");
      await notice(page).waitFor();
      assert.match(await notice(page).innerText(), /offline/);
    } finally {
      await page.context().setOffline(false);
    }
    await notice(page).getByRole("button", { name: "Retry" }).click();
    await page.waitForFunction(() => /^[\d,]+ articles?$/.test(document.querySelector(".result-count")?.textContent ?? ""));
  });
});

describe("a larger collection", () => {
  test("shows 20 articles a page; the page is in the address, and Back returns to the place left", async () => {
    current = await openPage(browser, { origin: new URL(site.url).origin });
    const { page } = current;
    // Three copies of the sample under new ids: 132 articles.
    const bigger = { ...corpus, articles: [0, 1, 2].flatMap((n) => corpus.articles.map((a) => ({ ...a, id: `${a.id}-${n}` }))) };
    current.allowed = [noManifest];
    await asWholeCorpusSite(page);
    await page.route("**/corpus.json", (route) => route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(bigger) }));
    await page.goto(site.url);
    await page.waitForSelector("#app[data-live] .article-list");
    assert.equal(await statusText(page), countText(bigger.articles.length));
    const cards = page.locator(".article-list > li");
    const pager = page.getByRole("navigation", { name: "Pages" });
    assert.equal(await cards.count(), 20);
    assert.equal(await pager.locator(".pager-place").innerText(), "Page 1 of 7 · articles 1–20 of 132");
    // Where there is no page before, the place stays, inert: no link.
    assert.equal(await pager.getByRole("link", { name: "Previous page" }).count(), 0);
    assert.equal(await pager.locator('[aria-disabled="true"]', { hasText: "Previous page" }).count(), 1);
    const firstOnPageOne = await cards.first().locator("h2").innerText();

    // The whole list's pages have addresses of their own.
    assert.match(await pager.getByRole("link", { name: "Next page" }).getAttribute("href"), /\/page\/2$/);
    await pager.getByRole("link", { name: "Next page" }).click();
    await page.waitForURL(/\/page\/2$/);
    assert.equal(await cards.count(), 20, "a page holds 20 cards, never more");
    assert.notEqual(await cards.first().locator("h2").innerText(), firstOnPageOne);
    await pager.getByRole("link", { name: "Next page" }).click();
    await page.waitForURL(/\/page\/3$/);
    assert.equal(await cards.count(), 20);
    assert.equal(await pager.locator(".pager-place").innerText(), "Page 3 of 7 · articles 41–60 of 132");

    // Far down page 3, open an article; Back returns to page 3 where it was left.
    const card = cards.nth(15);
    await card.scrollIntoViewIfNeeded();
    const title = await card.locator("h2").innerText();
    const scrolled = await page.evaluate(() => window.scrollY);
    assert.ok(scrolled > 500, `the page is scrolled down (${scrolled})`);
    await card.locator("h2 a").click();
    await page.waitForSelector("article.reader h1");
    assert.equal(await page.evaluate(() => window.scrollY), 0, "the reader opens at its top");
    await page.goBack();
    await page.waitForURL(/\/page\/3$/);
    await page.waitForSelector(".article-list");
    assert.equal(await cards.nth(15).locator("h2").innerText(), title);
    // The position is set once the page is drawn; give it a few frames.
    const back = await page
      .waitForFunction((y) => Math.abs(window.scrollY - y) < 2, scrolled, { polling: "raf", timeout: 2000 })
      .then(() => true, () => false);
    assert.ok(back, `the scroll position is back (${await page.evaluate(() => window.scrollY)}, left at ${scrolled})`);

    // The last page holds the rest; an address past it shows the last page.
    await page.goto(`${site.url}?page=99`);
    await page.waitForSelector("#app[data-live] .article-list");
    assert.equal(await cards.count(), 12);
    assert.equal(await pager.locator(".pager-place").innerText(), "Page 7 of 7 · articles 121–132 of 132");
    assert.equal(await pager.getByRole("link", { name: "Next page" }).count(), 0);

    // A new search starts again at page 1.
    await page.getByRole("searchbox", { name: "Search articles" }).fill("trade");
    await page.waitForFunction(() => !location.search.includes("page=") && !location.pathname.includes("/page/"));
  });
});

describe("search", () => {
  const search = (page) => page.getByRole("searchbox", { name: "Search articles" });

  test("/ focuses the search box; results follow typing, with marks, snippets and the address", async () => {
    const page = await open();
    await page.locator("body").click({ position: { x: 5, y: 300 } });
    await page.keyboard.press("/");
    assert.equal(await page.evaluate(() => document.activeElement.id), "search-input");
    await page.keyboard.type("innovation cooperation", { delay: 20 });
    await page.waitForURL(/\?q=innovation\+cooperation$/);
    const count = Number((await statusText(page)).split(" ")[0]);
    assert.ok(count >= 1 && count < corpus.articles.length, `narrowed to ${count}`);
    const first = page.locator(".article-list > li").first();
    assert.match(await first.locator("h2").innerText(), /innovation cooperation/i);
    assert.ok((await first.locator("h2 mark").count()) >= 2, "the title marks both words");
    assert.ok((await page.locator(".article-list .snippet mark").count()) >= 1, "snippets mark matches");
    await page.screenshot({ path: join(SHOTS, "search-desktop.png") });
    await page.reload();
    await page.waitForSelector("#app[data-live] .article-list");
    assert.equal(await search(page).inputValue(), "innovation cooperation");
  });

  test("Chinese text is found by any run of characters", async () => {
    const page = await open(`?q=${encodeURIComponent("创新合作")}`);
    const titles = await cardTitles(page);
    assert.ok(titles.some((t) => t.includes("创新合作")), titles.join(" | "));
  });

  test("facets narrow the results and sort changes the order", async () => {
    const page = await open("?q=trade");
    const before = Number((await statusText(page)).split(" ")[0]);
    const authors = page.getByRole("group", { name: "Authors" });
    const firstAuthor = authors.locator(".keyword-toggle").first();
    const [name, count] = [await firstAuthor.locator(".keyword-label").innerText(), Number(await firstAuthor.locator(".keyword-count").innerText())];
    await firstAuthor.click();
    await page.waitForURL(/author=/);
    assert.equal(await statusText(page), countText(count));
    assert.ok(count <= before);
    for (const byline of await page.locator(".article-list .byline .authors").allInnerTexts()) {
      assert.ok(byline.includes(name), `${byline} is by ${name}`);
    }
    await page.getByLabel("Sort").selectOption("oldest");
    await page.waitForURL(/sort=oldest/);
    const dates = await page.locator(".article-list time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime")));
    assert.deepEqual(dates, [...dates].sort());
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes("sort="));
  });

  test("an empty result offers to drop the filter that excludes the most", async () => {
    const page = await open("?q=zzqxv&kw=China");
    assert.equal(await statusText(page), "No articles");
    const relax = page.getByRole("button", { name: /^Remove the search/ });
    assert.match(await relax.innerText(), new RegExp(`\\(${withKeywords("China").length} articles\\)`));
    await relax.click();
    await page.waitForSelector(".article-list");
    assert.equal(await statusText(page), countText(withKeywords("China").length));
  });

  test("a reader opened from a search marks the terms, and the marks can be turned off", async () => {
    const page = await open("?q=flood+insurance");
    await page.locator(".article-list > li h2 a").first().click();
    // The reader shows the article's entry at once and its body once the record arrives.
    await page.waitForSelector("article .article-body");
    assert.ok((await page.locator(".article-body mark").count()) >= 2);
    await page.getByLabel("Highlight search terms").uncheck();
    assert.equal(await page.locator(".article-body mark").count(), 0);
    await page.screenshot({ path: join(SHOTS, "reader-search.png") });
  });
});

describe("reading history and preferences", () => {
  const readMarks = (page) => page.locator(".article-list > li:has(.read-mark) h2").allInnerTexts();
  const [newest, second] = [0, 1].map((n) => () => newestFirst()[n]);

  /** Opens the first two articles from the list and comes back to it. */
  async function readTwo(page) {
    for (const article of [newest(), second()]) {
      await page.getByRole("link", { name: article.title, exact: true }).first().click();
      await page.waitForSelector("article h1");
      await page.goBack();
      await page.waitForSelector(".article-list");
    }
  }

  test("opened articles are marked Read, after a reload too, until the history is forgotten", async () => {
    const page = await open();
    assert.deepEqual(await readMarks(page), []);
    await readTwo(page);
    assert.deepEqual(await readMarks(page), [newest().title, second().title]);
    await page.reload();
    await page.waitForSelector("#app[data-live] .article-list");
    assert.deepEqual(await readMarks(page), [newest().title, second().title]);
    assert.match(await page.locator(".reading-note").innerText(), /only this browser knows/);
    await page.getByRole("button", { name: "Forget reading history" }).click();
    assert.deepEqual(await readMarks(page), []);
    await page.reload();
    await page.waitForSelector("#app[data-live] .article-list");
    assert.deepEqual(await readMarks(page), []);
  });

  test("the choice to turn off search highlighting is remembered", async () => {
    const page = await open("?q=flood+insurance");
    await page.locator(".article-list > li h2 a").first().click();
    await page.waitForSelector("article h1");
    await page.getByLabel("Highlight search terms").uncheck();
    await page.reload();
    await page.waitForSelector("#app[data-live] article h1");
    assert.equal(await page.getByLabel("Highlight search terms").isChecked(), false);
    assert.equal(await page.locator(".article-body mark").count(), 0);
  });

  for (const [name, breakStorage] of [
    [
      "disabled",
      () => Object.defineProperty(window, "localStorage", { get() { throw new DOMException("The operation is insecure.", "SecurityError"); } }),
    ],
    [
      "full",
      () => { Storage.prototype.setItem = function () { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); }; },
    ],
  ]) {
    test(`with storage ${name}, marks and preferences still work for the visit, and the reader is told`, async () => {
      current = await openPage(browser, { origin: new URL(site.url).origin });
      const { page } = current;
      await page.addInitScript(breakStorage);
      await page.goto(site.url);
      await page.waitForSelector("#app[data-live] .article-list");
      await readTwo(page);
      assert.deepEqual(await readMarks(page), [newest().title, second().title]);
      assert.match(await page.locator(".reading-note").innerText(), /until you close this page/);
      await page.goto(`${site.url}?q=flood+insurance`);
      await page.waitForSelector("#app[data-live] .article-list");
      await page.locator(".article-list > li h2 a").first().click();
      await page.waitForSelector("article h1");
      await page.getByLabel("Highlight search terms").uncheck();
      assert.equal(await page.locator(".article-body mark").count(), 0);
    });
  }
});

describe("phone, desktop and keyboard", () => {
  test("works at 360 px wide without sideways scrolling", async () => {
    current = await openPage(browser, { origin: new URL(site.url).origin });
    const { page } = current;
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(site.url);
    await page.waitForSelector("#app[data-live] .article-list");
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360));
    const firstCard = await page.locator(".article-list > li").first().boundingBox();
    assert.ok(firstCard && firstCard.y < 780, "the first article is on the first screen");
    await page.screenshot({ path: join(SHOTS, "list-phone.png") });
    const toggle = page.getByRole("button", { name: "Show keywords" });
    await toggle.click();
    assert.equal(await page.getByRole("button", { name: "Hide keywords" }).getAttribute("aria-expanded"), "true");
    await keywordButton(page, "China").click();
    await page.waitForURL(/\/keywords\/china$/);
    assert.equal(await statusText(page), countText(withKeywords("China").length));
    await page.locator(".article-list > li h2 a").first().click();
    await page.waitForSelector("article h1");
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360));
    assert.ok(await page.evaluate(() => window.scrollY === 0));
    await page.screenshot({ path: join(SHOTS, "reader-phone.png") });
  });

  test("the first Tab reaches a visible skip link that moves to the content", async () => {
    const page = await open();
    await page.keyboard.press("Tab");
    const skip = page.locator(".skip-link");
    assert.equal(await page.evaluate(() => document.activeElement.className), "skip-link");
    const box = await skip.boundingBox();
    assert.ok(box && box.y >= 0, "the focused skip link is on screen");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement.id), "content");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement.closest(".keyword-panel") !== null);
    assert.ok(focused, "after the skip link, Tab goes into the filters");
  });

  test("the skip link stays on the current page (it must not follow the base address)", async () => {
    const article = newestFirst()[2];
    const page = await open(`articles/${article.id}`);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement.id), "content");
    assert.equal(page.url(), `${site.url}articles/${article.id}`);
    assert.equal(await page.locator("h1").innerText(), article.title);
  });

  test("keyboard alone can filter and open an article", async () => {
    const page = await open();
    await keywordButton(page, "China").focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/keywords\/china$/);
    await page.locator(".article-list > li h2 a").first().focus();
    await page.keyboard.press("Enter");
    await page.waitForSelector("article h1");
  });

  test("changing view scrolls to the top", async () => {
    const page = await open();
    const last = page.locator(".article-list > li h2 a").last();
    await last.scrollIntoViewIfNeeded();
    assert.ok((await page.evaluate(() => window.scrollY)) > 0);
    await last.click();
    await page.waitForSelector("article h1");
    assert.equal(await page.evaluate(() => window.scrollY), 0);
  });
});

describe("keyboard shortcuts", () => {
  const activeHref = (page) => page.evaluate(() => document.activeElement?.getAttribute("href") ?? null);

  test("j and k move from card to card in the list, not while typing", async () => {
    const page = await open();
    const hrefs = await page.$$eval(".article-list > li h2 a", (as) => as.map((a) => a.getAttribute("href")));
    assert.ok(hrefs.length >= 3);
    await page.keyboard.press("j");
    assert.equal(await activeHref(page), hrefs[0]);
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    assert.equal(await activeHref(page), hrefs[2]);
    await page.keyboard.press("k");
    assert.equal(await activeHref(page), hrefs[1]);
    await page.focus("#search-input");
    await page.keyboard.type("jk");
    assert.equal(await page.inputValue("#search-input"), "jk");
    assert.equal(await page.evaluate(() => document.activeElement.id), "search-input");
  });

  test("j and k open the next and previous article in the reader", async () => {
    const [newer, middle, older] = newestFirst();
    const page = await open(`articles/${middle.id}`, { ready: ".reader h1" });
    await page.keyboard.press("j");
    await page.waitForURL(new RegExp(`articles/${older.id}$`));
    await page.waitForSelector(`#app[data-live] .reader h1:text-is(${JSON.stringify(older.title)})`);
    await settle(page);
    await page.keyboard.press("k");
    await page.waitForURL(new RegExp(`articles/${middle.id}$`));
    await page.keyboard.press("k");
    await page.waitForURL(new RegExp(`articles/${newer.id}$`));
  });

  test("? opens the shortcuts dialog, which keeps focus inside and gives it back on Escape", async () => {
    const page = await open();
    await page.keyboard.press("j");
    const card = await activeHref(page);
    await page.keyboard.press("?");
    const dialog = page.locator("dialog.shortcuts");
    await dialog.waitFor({ state: "visible" });
    assert.equal(await dialog.getAttribute("open"), "");
    assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), "focus is in the dialog");
    assert.deepEqual(await dialog.locator("kbd").allInnerTexts(), ["j", "k", "/", "?"]);
    // The rest of the page is inert while it is open: Tab stays inside.
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press("Tab");
      assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement) || document.activeElement === document.body));
    }
    await page.screenshot({ path: join(SHOTS, "shortcuts-dialog.png") });
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    assert.equal(await activeHref(page), card, "focus is back on the card");
    await page.click(".shortcuts-button");
    await dialog.waitFor({ state: "visible" });
    await dialog.locator("button", { hasText: "Close" }).click();
    await dialog.waitFor({ state: "hidden" });
    assert.equal(await page.evaluate(() => document.activeElement.className), "link-button shortcuts-button");
  });
});

describe("content security policy", () => {
  const policyOf = (html) => html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1];

  test("every published page carries one policy that allows exactly the build's inline scripts", async () => {
    const index = await readFile(join(SITE_DIR, "index.html"), "utf8");
    const policy = policyOf(index);
    assert.ok(policy, "index.html has a Content-Security-Policy meta tag");
    assert.ok(index.indexOf("Content-Security-Policy") < index.indexOf("<script"), "the policy comes before every script");
    for (const page of ["404.html", `articles/${corpus.articles[0].id}.html`]) {
      assert.equal(policyOf(await readFile(join(SITE_DIR, page), "utf8")), policy, `${page} carries the same policy`);
    }
    const directives = Object.fromEntries(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    assert.deepEqual(directives["default-src"], ["'none'"]);
    assert.ok(directives["script-src"].includes("'wasm-unsafe-eval'"));
    assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'|\*|https?:/);
    // The hashes in the policy are exactly those of the inline scripts the browser parsed.
    const page = await open();
    const scripts = await page.locator("script:not([src])").evaluateAll((nodes) => nodes.map((n) => n.textContent));
    assert.ok(scripts.length > 0, "Trunk's start-up script is inline");
    const hashes = scripts.map((text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`);
    assert.deepEqual(
      [...new Set(hashes)].sort(),
      directives["script-src"].filter((s) => s.startsWith("'sha256-")).sort(),
    );
  });

  test("the policy is enforced: an inline script the build did not emit never runs", async () => {
    current = await openPage(browser, { origin: new URL(site.url).origin });
    const { page } = current;
    current.allowed = [/securitypolicyviolation: script-src/, /Executing inline script violates/];
    await page.route(site.url, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace("</body>", "<script>window.__injected = true</script></body>");
      await route.fulfill({ response, body: html });
    });
    await page.goto(site.url);
    await page.waitForSelector("#app[data-live] .article-list");
    assert.equal(await page.evaluate(() => window.__injected), undefined);
    assert.ok(current.problems.some((p) => p.startsWith("securitypolicyviolation: script-src")), current.problems.join("\n"));
  });
});
