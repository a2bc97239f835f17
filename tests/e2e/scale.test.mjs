// End to end at scale: a generated collection of 10,000 full-length articles, published
// as pieces into a copy of the release site and served like GitHub Pages. The reader's
// browser must fetch only what each view needs, and every view must stay right.
// Run by `cargo xtask test`; SITE_DIR is the built release site, CORPUS_TOOL the corpus
// tool (release build).
import { after, afterEach, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { servePages } from "./pages-server.mjs";
import { launch, openPage } from "./browser.mjs";

const SITE_DIR = resolve(process.env.SITE_DIR ?? "../../target/e2e-site");
const BASE = process.env.SITE_BASE ?? "/insight-explorer/";
const TOOL = resolve(process.env.CORPUS_TOOL ?? "../../target/release/corpus");
const WORK = resolve(process.env.SCALE_DIR ?? "../../target/e2e-scale");
const ARTICLES = 10_000;

let site, browser, corpus, manifest, current;

// The explorer's order: newest first, then by title as the corpus tool compares text.
const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const newestFirst = () => [...corpus.articles].sort((a, b) => byText(b.published, a.published) || byText(a.title, b.title));
const countText = (n) => (n === 0 ? "No articles" : n === 1 ? "1 article" : `${n.toLocaleString("en-US")} articles`);
const settle = (page) => page.waitForFunction(() => !document.querySelector("main [aria-busy=true]"), null, { timeout: 20_000 });

before(async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const file = join(WORK, "corpus.json");
  execFileSync(TOOL, ["generate", "--articles", String(ARTICLES), "--seed", "7", "-o", file], { stdio: "inherit" });
  corpus = JSON.parse(readFileSync(file, "utf8"));
  const dir = join(WORK, "site");
  cpSync(SITE_DIR, dir, { recursive: true });
  execFileSync(TOOL, ["publish", file, "--site", dir, "--quiet"], { stdio: "inherit" });
  manifest = JSON.parse(readFileSync(join(dir, "corpus", "manifest.json"), "utf8"));
  site = await servePages(dir, BASE);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

afterEach(async (t) => {
  if (!current) return;
  const { page, problems, allowed = [] } = current;
  current = null;
  await page.close();
  const unexpected = problems.filter((p) => !allowed.some((pattern) => pattern.test(p)));
  assert.deepEqual(unexpected, [], `${t.name}: the browser reported problems`);
});

/** Opens `path` in a fresh page with the HTTP cache off, counting every byte that
 * travels (as sent, compressed or not) by file. */
async function open(path = "") {
  current = await openPage(browser, { origin: new URL(site.url).origin });
  const { page } = current;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const urls = new Map();
  current.bytes = new Map();
  cdp.on("Network.responseReceived", (e) => urls.set(e.requestId, new URL(e.response.url).pathname.split("/").pop() || "index.html"));
  cdp.on("Network.loadingFinished", (e) => {
    const name = urls.get(e.requestId) ?? "?";
    current.bytes.set(name, (current.bytes.get(name) ?? 0) + e.encodedDataLength);
  });
  await page.goto(site.url + path);
  // The page's own HTML shows the view at once; the app takes it over when it is ready.
  await page.waitForSelector("#app[data-live] main h1");
  await settle(page);
  return page;
}
const transferred = () => [...current.bytes.values()].reduce((a, b) => a + b, 0);
const pieces = () => [...current.bytes.keys()].filter((name) => name.endsWith(".bin"));

describe("a collection of 10,000 articles", () => {
  test("the first list needs the manifest and one list piece, well under 400 KB with the app", async () => {
    const page = await open();
    assert.equal(await page.locator(".result-count").innerText(), countText(ARTICLES));
    const titles = await page.locator(".article-list > li h2").allInnerTexts();
    assert.deepEqual(titles, newestFirst().slice(0, 20).map((a) => a.title));
    // The search directory (a few kilobytes) follows once the list is drawn.
    assert.deepEqual(pieces(), [manifest.lists.at(-1).list, manifest.search]);
    assert.ok(transferred() < 400 * 1024, `${transferred()} bytes for the first list and the directory`);
    assert.equal(await page.locator(".article-list > li").count(), 20, "the list draws one page of cards");
  });

  test("a search fetches only its terms' pieces and counts facets right", async () => {
    const page = await open();
    const before = transferred();
    const word = corpus.articles[17].keywords[0].split(/\s+/)[0].toLowerCase();
    await page.getByRole("searchbox", { name: "Search articles" }).fill(`${word} `);
    await settle(page);
    const count = Number((await page.locator(".result-count").innerText()).split(" ")[0].replace(/,/g, ""));
    assert.ok(count > 0 && count < ARTICLES, `${word}: ${count}`);
    const fetched = pieces();
    assert.ok(fetched.some((p) => p.startsWith("search-")) && fetched.some((p) => p.startsWith("terms-")));
    assert.ok(fetched.filter((p) => p.startsWith("terms-")).length <= 2, fetched.join(" "));
    assert.ok(!fetched.some((p) => p.startsWith("positions-")), "no phrase, no positions");
    assert.ok(transferred() - before < 1024 * 1024, `${transferred() - before} bytes for the first search`);
    // An author of the results: selecting them lists exactly their count.
    const author = page.getByRole("group", { name: "Authors" }).locator(".keyword-toggle").first();
    const expected = Number(await author.locator(".keyword-count").innerText());
    await author.click();
    await page.waitForURL(/author=/);
    await settle(page);
    assert.equal(await page.locator(".result-count").innerText(), countText(expected));
    const cards = await page.locator(".article-list > li").count();
    assert.equal(cards, Math.min(expected, 10), "a search shows 10 results at a time");
    assert.ok((await page.locator(".article-list mark").count()) >= 1, "titles and snippets mark the word");
    assert.ok((await page.locator(".article-list .snippet").count()) >= 1, "results show a snippet of their body");
  });

  test("a deep link to the oldest article opens it, with its neighbour and back/forward", async () => {
    const oldest = newestFirst().at(-1);
    const page = await open(`articles/${oldest.id}`);
    assert.equal(await page.locator("article h1").innerText(), oldest.title);
    assert.equal(await page.locator("a.neighbour.next").count(), 0, "nothing is older");
    const newer = newestFirst().at(-2);
    assert.equal(await page.locator("a.neighbour.previous .neighbour-title").innerText(), newer.title);
    await page.locator("a.neighbour.previous").click();
    await page.waitForURL(new RegExp(`articles/${newer.id}$`));
    await settle(page);
    await page.goBack();
    await page.waitForURL(new RegExp(`articles/${oldest.id}$`));
    await settle(page);
    assert.equal(await page.locator("article h1").innerText(), oldest.title);
    await page.goForward();
    await page.waitForURL(new RegExp(`articles/${newer.id}$`));
    await settle(page);
    assert.equal(await page.locator("article h1").innerText(), newer.title);
    assert.ok(transferred() < 600 * 1024, `${transferred()} bytes for two readers`);
  });

  test("a search's scattered results come as cards, one small range each; a damaged card is refused and Retry recovers", async () => {
    const page = await open();
    const slots = new Map(manifest.lists.map((l) => [l.pack, l.card]));
    const cardRanges = [];
    let damage = true;
    await page.route("**/corpus/pack-*.bin", async (route) => {
      const name = new URL(route.request().url()).pathname.split("/").pop();
      const [start, end] = (route.request().headers().range ?? "").replace("bytes=", "").split("-").map(Number);
      // A card request covers whole slots and starts past the header.
      const isCard = start > 0 && (end - start + 1) % slots.get(name) === 0;
      if (!isCard) return route.continue();
      cardRanges.push(end - start + 1);
      if (!damage) return route.continue();
      const response = await route.fetch();
      const body = Buffer.from(await response.body());
      body[20] ^= 0xff;
      await route.fulfill({ response, body });
    });
    await page.getByRole("searchbox", { name: "Search articles" }).fill("policy ");
    await page.locator(".piece-failure").waitFor();
    assert.match(await page.locator(".piece-failure").innerText(), /pack-[0-9a-f]{16}\.bin \(the card of article \d+\)/);
    assert.ok(cardRanges.length > 0 && cardRanges.every((bytes) => bytes < 8 * 1024), cardRanges.join(" "));
    damage = false;
    await page.locator(".piece-failure").getByRole("button", { name: "Retry" }).click();
    await settle(page);
    assert.match(await page.locator(".result-count").innerText(), /^[\d,]+ articles$/);
    assert.equal(await page.locator(".article-list > li").count(), 10, "a page of search results");
    assert.equal(await page.locator(".piece-failure").count(), 0);
  });

  test("a missing term piece costs that search, not the page", async () => {
    const page = await open();
    current.allowed = [/status of 404/];
    await page.route("**/corpus/terms-*.bin", (route) => route.fulfill({ status: 404, body: "Not Found" }));
    await page.getByRole("searchbox", { name: "Search articles" }).fill("policy ");
    await page.locator(".piece-failure").waitFor();
    assert.match(await page.locator(".piece-failure").innerText(), /HTTP 404 for terms-[0-9a-f]{16}\.bin/);
    assert.equal(await page.locator(".result-count").innerText(), "Search incomplete");
    await page.unroute("**/corpus/terms-*.bin");
    await page.locator(".piece-failure").getByRole("button", { name: "Retry" }).click();
    await settle(page);
    assert.match(await page.locator(".result-count").innerText(), /^[\d,]+ articles$/);
  });
});
