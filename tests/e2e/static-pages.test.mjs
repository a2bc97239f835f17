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
