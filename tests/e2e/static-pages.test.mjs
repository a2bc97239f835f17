// End to end: the published pages as they arrive, before and without the app. Every page
// carries its view rendered at publish time by the app's own components, so a reader
// without JavaScript (or a crawler, or a link preview) gets the content, and the app,
// when it runs, takes over the same markup. Run by `cargo xtask test`, like
// explorer.test.mjs, against the release site.
import { after, afterEach, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { servePages } from "./pages-server.mjs";
import { launchBrowser, openPage } from "./browser.mjs";

const SITE_DIR = process.env.SITE_DIR ?? "../../target/e2e-site";
const BASE = process.env.SITE_BASE ?? "/insight-explorer/";
const SAMPLE = process.env.SAMPLE_CORPUS ?? "../../target/e2e-sample-corpus.json";

// The address the site was published for (`cargo xtask test` passes it on); the tests
// serve it from localhost all the same.
const SITE_URL = process.env.SITE_URL ?? "https://explorer.example.org/insight-explorer/";

let site, browser, corpus, current;

const newestFirst = () =>
  [...corpus.articles].sort((a, b) => b.published.localeCompare(a.published) || a.title.localeCompare(b.title));

before(async () => {
  corpus = JSON.parse(await readFile(SAMPLE, "utf8"));
  site = await servePages(SITE_DIR, BASE);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

afterEach(async (t) => {
  if (!current) return;
  const { page, problems, context, allowed = [] } = current;
  current = null;
  await page.close();
  await context?.close();
  const unexpected = problems.filter((p) => !allowed.some((pattern) => pattern.test(p)));
  assert.deepEqual(unexpected, [], `${t.name}: the browser reported problems`);
});

/** A page in a browser context with JavaScript turned off. */
async function withoutScripts() {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  current = { page, problems, context };
  return page;
}

const meta = (page, selector) => page.locator(selector).first().getAttribute("content");

describe("with JavaScript off", () => {
  test("the first list shows with 50 KB or less transferred (HTML and stylesheet, gzipped)", async () => {
    const page = await withoutScripts();
    const responses = [];
    page.on("response", (response) => responses.push(response));
    await page.goto(site.url, { waitUntil: "load" });
    assert.equal(await page.locator(".article-list > li").count(), 20);
    let bytes = 0;
    for (const response of responses) {
      const { responseBodySize, responseHeadersSize } = await response.request().sizes();
      bytes += responseBodySize + responseHeadersSize;
    }
    assert.ok(responses.some((r) => r.headers()["content-encoding"] === "gzip"), "the page travels gzipped");
    assert.ok(bytes <= 50 * 1024, `the first list took ${bytes} bytes`);
  });

  test("the list shows the newest articles, and following one opens its full text", async () => {
    const page = await withoutScripts();
    const response = await page.goto(site.url);
    assert.equal(response.status(), 200);
    assert.equal(await page.title(), corpus.title);
    const titles = newestFirst().slice(0, 20).map((a) => a.title);
    assert.deepEqual(await page.locator(".article-list > li h2").allInnerTexts(), titles);
    assert.match(await page.locator(".result-count").innerText(), new RegExp(`^${corpus.articles.length} articles$`));
    assert.match(await page.locator(".search-box").innerText(), /Search and the filters need JavaScript/);

    const article = newestFirst()[1];
    await page.getByRole("link", { name: article.title, exact: true }).click();
    await page.waitForURL(`${site.url}articles/${article.id}`);
    assert.equal(await page.locator("main h1").innerText(), article.title);
    assert.equal(await page.title(), `${article.title} · ${corpus.title}`);
    assert.equal(await meta(page, "meta[name=description]"), article.summary);
    const paragraphs = article.body.filter((b) => b.type === "paragraph");
    const firstText = paragraphs[0].content.filter((i) => i.type === "text").map((i) => i.text)[0];
    assert.ok((await page.locator(".article-body").innerText()).includes(firstText.slice(0, 40)), "the body is there");
    assert.match(await page.locator(".byline").innerText(), new RegExp(article.authors[0]));
  });

  test("every article's page has its own title, description and language", async () => {
    const page = await withoutScripts();
    const titles = new Set();
    for (const article of corpus.articles) {
      const response = await page.goto(`${site.url}articles/${article.id}`);
      assert.equal(response.status(), 200, article.id);
      assert.equal(await page.locator("main h1").innerText(), article.title, article.id);
      assert.equal(await page.getAttribute("html", "lang"), article.language, article.id);
      assert.equal(await meta(page, "meta[name=description]"), article.summary, article.id);
      titles.add(await page.title());
    }
    assert.equal(titles.size, corpus.articles.length, "no two pages share a title");
  });

  test("previous, next and related articles are links that work", async () => {
    const page = await withoutScripts();
    const [newer, article] = newestFirst();
    await page.goto(`${site.url}articles/${article.id}`);
    await page.getByRole("navigation", { name: "Previous and next in this list" }).getByRole("link").first().click();
    await page.waitForURL(`${site.url}articles/${newer.id}`);
    assert.equal(await page.locator("main h1").innerText(), newer.title);
    const related = page.locator(".related a").first();
    const title = await related.innerText();
    await related.click();
    await page.waitForLoadState();
    assert.equal(await page.locator("main h1").innerText(), title);
  });

  test("the list's pages follow one another to the oldest article", async () => {
    const page = await withoutScripts();
    await page.goto(site.url);
    const seen = [];
    for (;;) {
      seen.push(...(await page.locator(".article-list > li h2").allInnerTexts()));
      const next = page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next page" });
      if ((await next.count()) === 0) break;
      await next.click();
      await page.waitForLoadState();
    }
    assert.deepEqual(seen, newestFirst().map((a) => a.title));
    assert.match(page.url(), /\/page\/3$/);
    assert.match(await page.title(), / · page 3$/);
    await page.getByRole("link", { name: "Previous page" }).click();
    await page.waitForURL(`${site.url}page/2`);
  });

  test("a keyword link opens that keyword's page, and an author's name their page", async () => {
    const page = await withoutScripts();
    const article = newestFirst().find((a) => a.keywords.length > 0);
    await page.goto(`${site.url}articles/${article.id}`);
    const link = page.locator(".reader-footer .keyword-link").first();
    const label = await link.innerText();
    await link.click();
    await page.waitForLoadState();
    assert.match(page.url(), /\/keywords\/[^/?]+$/);
    assert.equal(await page.locator("main h1").innerText(), `Articles on ${label}`);
    assert.equal(await page.title(), `Articles on ${label} · ${corpus.title}`);
    const fold = (k) => k.trim().toLowerCase();
    const carrying = newestFirst().filter((a) => a.keywords.some((k) => fold(k) === fold(label)));
    assert.deepEqual(await page.locator(".article-list > li h2").allInnerTexts(), carrying.slice(0, 20).map((a) => a.title));
    assert.match(await meta(page, "meta[name=description]"), new RegExp(`^${carrying.length} articles? on `));
    const canonical = await page.locator("link[rel=canonical]").getAttribute("href");
    assert.equal(canonical, page.url().replace(site.url, SITE_URL));

    const author = article.authors[0];
    await page.goto(`${site.url}articles/${article.id}`);
    await page.locator(".reader .byline .author-link", { hasText: author }).click();
    await page.waitForLoadState();
    assert.match(page.url(), /\/authors\/[^/?]+$/);
    assert.equal(await page.locator("main h1").innerText(), `Articles by ${author}`);
    const theirs = newestFirst().filter((a) => a.authors.some((n) => fold(n) === fold(author)));
    assert.deepEqual(await page.locator(".article-list > li h2").allInnerTexts(), theirs.slice(0, 20).map((a) => a.title));
  });

  test("an unknown address answers 404 with the not-found view and a way home", async () => {
    const page = await withoutScripts();
    current.allowed = [/status of 404/];
    const response = await page.goto(`${site.url}no/such/page`);
    assert.equal(response.status(), 404);
    assert.match(await page.locator("main").innerText(), /nothing at this address/i);
    await page.locator("header a.site-title").click();
    await page.waitForURL(site.url);
    assert.equal(await page.locator(".article-list > li").count(), 20);
  });
});

describe("with JavaScript on", () => {
  test("an article's heading is in the page before the app runs, and the same after it has taken over", async () => {
    const context = await browser.newContext();
    current = { ...(await openPage(context, { origin: new URL(site.url).origin })), context };
    const { page } = current;
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route("**/*.wasm", async (route) => {
      await held;
      await route.continue();
    });
    const article = newestFirst().at(-1);
    await page.goto(`${site.url}articles/${article.id}`, { waitUntil: "domcontentloaded" });
    assert.equal(await page.locator("main h1").innerText(), article.title);
    assert.equal(await page.locator("#app[data-live]").count(), 0, "the app has not started");
    const before = await page.locator("main h1").evaluate((h) => h.getBoundingClientRect().top);
    release();
    await page.waitForSelector("#app[data-live] article h1");
    assert.equal(await page.locator("main h1").innerText(), article.title);
    assert.equal(await page.locator("main h1").count(), 1);
    const afterTop = await page.locator("main h1").evaluate((h) => h.getBoundingClientRect().top);
    assert.equal(afterTop, before, "the heading did not move");
  });
});

describe("what crawlers, link previews and feed readers get", () => {
  const fetchText = async (path) => {
    const response = await fetch(site.url + path);
    assert.equal(response.status, 200, path);
    return response.text();
  };

  test("an article's page names its canonical address, preview tags and JSON-LD that parses", async () => {
    const page = await withoutScripts();
    const article = corpus.articles.find((a) => a.language === "zh");
    await page.goto(`${site.url}articles/${article.id}`);
    const url = `${SITE_URL}articles/${article.id}`;
    assert.equal(await page.getAttribute("html", "lang"), "zh");
    assert.equal(await page.locator("link[rel=canonical]").getAttribute("href"), url);
    assert.equal(await meta(page, "meta[property='og:type']"), "article");
    assert.equal(await meta(page, "meta[property='og:title']"), article.title);
    assert.equal(await meta(page, "meta[property='og:description']"), article.summary);
    assert.equal(await meta(page, "meta[property='og:url']"), url);
    assert.equal(await meta(page, "meta[property='article:published_time']"), article.published);
    assert.deepEqual(await page.locator("meta[property='article:author']").evaluateAll((m) => m.map((e) => e.content)), article.authors);
    assert.equal(await meta(page, "meta[name='twitter:card']"), "summary");
    const data = JSON.parse(await page.locator("script[type='application/ld+json']").textContent());
    assert.equal(data["@type"], "Article");
    assert.equal(data.headline, article.title);
    assert.equal(data.datePublished, article.published);
    assert.deepEqual(data.author.map((a) => a.name), article.authors);
    assert.equal(data.publisher.name, article.source);
    assert.equal(data.inLanguage, "zh");
    assert.equal(await page.locator("link[rel=alternate][type='application/atom+xml']").getAttribute("href"), `${SITE_URL}feed.xml`);
  });

  test("the JSON-LD block breaks no policy when the app runs", async () => {
    const context = await browser.newContext();
    current = { ...(await openPage(context, { origin: new URL(site.url).origin })), context };
    await current.page.goto(`${site.url}articles/${newestFirst()[0].id}`);
    await current.page.waitForSelector("#app[data-live] article h1");
  });

  test("the not-found page asks not to be indexed and names no canonical address", async () => {
    const html = await fetch(`${site.url}no/such/page`).then((r) => r.text());
    assert.match(html, /<meta name="robots" content="noindex" \/>/);
    assert.doesNotMatch(html, /rel="canonical"/);
  });

  test("sitemap.xml lists the list, every article and every keyword's and author's page; robots.txt names it", async () => {
    const xml = await fetchText("sitemap.xml");
    const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    const pages = locs.filter((l) => /\/(keywords|authors)\//.test(l));
    assert.deepEqual(
      locs.filter((l) => !pages.includes(l)).sort(),
      [SITE_URL, ...corpus.articles.map((a) => `${SITE_URL}articles/${a.id}`)].sort(),
    );
    const fold = (k) => k.trim().toLowerCase();
    const keywords = new Set(corpus.articles.flatMap((a) => a.keywords.map(fold)));
    const authors = new Set(corpus.articles.flatMap((a) => a.authors.map(fold)));
    assert.equal(pages.filter((l) => l.includes("/keywords/")).length, keywords.size);
    assert.equal(pages.filter((l) => l.includes("/authors/")).length, authors.size);
    for (const loc of pages.slice(0, 10)) {
      const response = await fetch(loc.replace(SITE_URL, site.url));
      assert.equal(response.status, 200, loc);
    }
    assert.match(await fetchText("robots.txt"), new RegExp(`^Sitemap: ${SITE_URL}sitemap.xml$`, "m"));
  });

  test("the Atom feed parses, with the newest articles, each with its address and summary", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    current = { page, problems: [], context };
    const xml = await fetchText("feed.xml");
    const entries = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "application/xml");
      if (doc.querySelector("parsererror")) return null;
      return [...doc.querySelectorAll("entry")].map((e) => ({
        title: e.querySelector("title").textContent,
        link: e.querySelector("link").getAttribute("href"),
        summary: e.querySelector("summary").textContent,
        published: e.querySelector("published").textContent,
      }));
    }, xml);
    assert.ok(entries, "the feed is well-formed XML");
    const newest = newestFirst().slice(0, 50);
    assert.equal(entries.length, newest.length);
    assert.deepEqual(entries.map((e) => e.title), newest.map((a) => a.title));
    assert.equal(entries[0].link, `${SITE_URL}articles/${newest[0].id}`);
    assert.equal(entries[0].summary, newest[0].summary);
    assert.equal(entries[0].published, `${newest[0].published}T00:00:00Z`);
  });
});
