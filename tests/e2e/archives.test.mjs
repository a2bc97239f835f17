// End to end with archives as site owners have them: a Jekyll site's root published as
// it is (its title, its posts' addresses, its Liquid tags), and a bare folder of
// Markdown whose articles name no author, no keyword and no source.
// Run by `cargo xtask test`; SITE_DIR is the built release site, CORPUS_TOOL the corpus
// tool (release build).
import { after, afterEach, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { servePages } from "./pages-server.mjs";
import { launch, openPage } from "./browser.mjs";

const SITE_DIR = resolve(process.env.SITE_DIR ?? "../../target/e2e-site");
const BASE = process.env.SITE_BASE ?? "/insight-explorer/";
const TOOL = resolve(process.env.CORPUS_TOOL ?? "../../target/release/corpus");
const WORK = resolve(process.env.ARCHIVES_DIR ?? "../../target/e2e-archives");
const JEKYLL = resolve("../../crates/ingest/tests/fixtures/jekyll/input");
const SHOTS = process.env.SCREENSHOT_DIR ?? "../../target/e2e-screenshots";

let browser, current;
const servers = {};

/** Publishes `inputs` into a fresh copy of the release site and serves it. */
async function publish(name, inputs) {
  const dir = join(WORK, name);
  cpSync(SITE_DIR, dir, { recursive: true });
  execFileSync(TOOL, ["publish", ...inputs, "--site", dir, "--quiet"], { stdio: "inherit" });
  servers[name] = await servePages(dir, BASE);
}

before(async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  await publish("jekyll", [JEKYLL]);
  const bare = join(WORK, "field-notes");
  mkdirSync(bare);
  writeFileSync(join(bare, "first.md"), "---\ntitle: Tide tables by hand\ndate: 2023-05-02\n---\n\nWe copied the tide tables out by hand.\n");
  writeFileSync(join(bare, "second.md"), "---\ntitle: Gauges and gaps\ndate: 2023-06-14\n---\n\nThe gauge stopped for a week.\n");
  await publish("bare", [bare]);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await Promise.all(Object.values(servers).map((s) => s.close()));
});

afterEach(async (t) => {
  if (!current) return;
  const { page, problems } = current;
  current = null;
  await page.close();
  assert.deepEqual(problems, [], `${t.name}: the browser reported problems`);
});

async function open(name, path = "") {
  const server = servers[name];
  current = await openPage(browser, { origin: new URL(server.url).origin });
  const { page } = current;
  await page.goto(server.url + path);
  await page.waitForSelector("#app[data-live] main h1");
  await page.waitForFunction(() => !document.querySelector("main [aria-busy=true]"));
  return page;
}

describe("a Jekyll site's root, published as it is", () => {
  test("the list carries the site's title and its published posts only", async () => {
    const page = await open("jekyll");
    assert.equal(await page.textContent(".site-title"), "Harbour Notes");
    // 7 posts: drafts, the unpublished one and the future-dated one are left out.
    assert.equal(await page.textContent(".result-count"), "7 articles");
    const titles = await page.$$eval(".article-card h2", (hs) => hs.map((h) => h.textContent.trim()));
    assert.ok(titles.includes("Why Dredging Budgets Slip"), titles.join(" | "));
    assert.ok(!titles.some((t) => /future|bunker|ferry subsid/i.test(t)), titles.join(" | "));
  });

  test("a post links to where the site publishes it, with its Liquid tags gone", async () => {
    const page = await open("jekyll", "articles/shore-power-mandates");
    const original = await page.getAttribute(".reader .original a", "href");
    assert.equal(original, "https://harbour.example.org/blog/2021/04/12/shore-power-mandates/");
    const text = await page.textContent(".reader");
    assert.ok(!/\{%|\{\{/.test(text), "no template tags are left in the text");
    // The highlighted code became a code block; a link through {{ site.baseurl }} points
    // into the original site.
    assert.match(await page.textContent(".reader pre"), /def ready_year/);
    const links = await page.$$eval(".reader a", (as) => as.map((a) => a.getAttribute("href")));
    assert.ok(links.includes("https://harbour.example.org/blog/2021/09/20/grid-queues/"), links.join(" | "));
    await page.screenshot({ path: join(SHOTS, "jekyll-post.png"), fullPage: true });
  });
});

describe("a bare folder of Markdown: no authors, keywords or source", () => {
  test("the list has no keyword panel and its cards no author", async () => {
    const page = await open("bare");
    assert.equal(await page.textContent(".result-count"), "2 articles");
    assert.equal(await page.$("#keywords-heading"), null);
    assert.ok(await page.$(".more-filters"), "the other filters stay");
    assert.equal(await page.$("#facet-authors"), null, "no authors to filter by");
    assert.equal(await page.textContent("#more-filters-heading"), "Sources, years");
    assert.equal(await page.$(".article-card .authors"), null);
    // The folder's name stands in as the source.
    const byline = await page.textContent(".article-card .byline");
    assert.match(byline, /^field-notes · 14 June 2023$/);
    await page.screenshot({ path: join(SHOTS, "bare-folder-list.png") });
  });

  test("an article without authors reads cleanly, in the app and as published", async () => {
    const page = await open("bare", "articles/second");
    assert.equal(await page.textContent(".reader h1"), "Gauges and gaps");
    assert.equal(await page.textContent(".reader .byline"), "field-notes · 14 June 2023");
    const published = await (await fetch(servers.bare.url + "articles/second")).text();
    assert.ok(!published.includes('class="authors"'), "the published page names no author either");
  });
});
