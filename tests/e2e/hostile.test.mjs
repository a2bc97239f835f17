// Hostile content, end to end. Every XSS payload (the workplace's shared DOMPurify
// fixtures where that file is present, else the project's own set in hostile/payloads.json;
// XSS_PAYLOADS=shared|own|<file> chooses, see hostile/README.md) goes into every
// field of an article, through every input format of the corpus tool and through a corpus
// file written by hand; each collection is published into a copy of the release site and
// read in headless Chromium: the list, every reader, and a search for every payload.
// Nothing may open a dialog, break the Content-Security-Policy or load anything from
// another origin (the page helpers fail a test on any of these), and every text field
// must show exactly its text.
// Run by `cargo xtask test` after explorer.test.mjs; SITE_DIR is the built release site.
import { after, afterEach, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { servePages } from "./pages-server.mjs";
import { launch, openPage } from "./browser.mjs";
import { hostileCorpus, isSafeHref, loadPayloads, writeHostileInputs } from "./hostile/inputs.mjs";

const SITE_DIR = resolve(process.env.SITE_DIR ?? "../../target/e2e-site");
const BASE = process.env.SITE_BASE ?? "/insight-explorer/";
const ROOT = resolve("../..");
const WORK = resolve(process.env.HOSTILE_DIR ?? join(ROOT, "target", "hostile"));

/** Elements that article text must never become. */
const FOREIGN = "script, iframe, frame, object, embed, img, svg, math, video, audio, source, style, link, meta, base, form:not(.search-box), template, picture, canvas, marquee, input:not(#search-input):not(#keyword-narrow):not([type=checkbox]), textarea";

let payloads, browser, current;

/** What each payload set must hold, so that a truncated or emptied file cannot pass. */
function checkSet({ kind, path }, loaded) {
  if (kind === "shared") {
    assert.equal(loaded.length, 223, "the shared payload file holds 223 payloads");
  } else if (kind === "own") {
    assert.ok(loaded.length >= 120, `the project's set holds at least 120 payloads, not ${loaded.length}`);
    assert.equal(new Set(loaded).size, loaded.length, "the project's payloads are distinct");
    // The set must keep what the checks below rely on.
    assert.ok(loaded.some((p) => p.includes("<img")) && loaded.some((p) => /<script/i.test(p)), "an <img> and a <script> payload");
  } else {
    assert.ok(loaded.length >= 1, `${path} holds no payload`);
  }
  // Many payloads call alert(): the search test looks for that word.
  assert.ok(loaded.some((p) => p.includes("alert")), "a payload with alert");
}

before(async (t) => {
  const { payloads: loaded, set } = loadPayloads();
  // Say which set ran, at once and again in the summary: a run on the project's set is
  // not a run on the shared fixtures.
  console.log(`payloads: ${set.label}`);
  t.diagnostic(`payloads: ${set.label}`);
  checkSet(set, loaded);
  payloads = loaded;
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

afterEach(async (t) => {
  if (!current) return;
  const { page, problems, allowed = [] } = current;
  current = null;
  await page.close();
  const unexpected = problems.filter((p) => !allowed.some((pattern) => pattern.test(p)));
  assert.deepEqual(unexpected, [], `${t.name}: the browser reported problems`);
});

/** Waits until nothing on the page is still arriving (no `aria-busy="true"`). */
const settle = (page) => page.waitForFunction(() => !document.querySelector("main [aria-busy=true]"));

// A site of corpus format 1 has no manifest: the explorer asks for it, gets 404, and
// Chromium logs that, the one console error such a page may show.
const noManifest = /status of 404 \(Not Found\) \(http:\/\/127\.0\.0\.1:\d+\/insight-explorer\/corpus\/manifest\.json\)$/;

/**
 * A copy of the release site without the sample collection: its pieces, page copies and
 * the page's preload of its first list piece (`corpus publish` writes them all).
 */
function emptySite(name) {
  const dir = join(WORK, name);
  cpSync(SITE_DIR, dir, { recursive: true });
  for (const generated of ["corpus", "corpus.json", "articles"]) rmSync(join(dir, generated), { recursive: true, force: true });
  for (const page of ["index.html", "404.html"]) {
    const html = readFileSync(join(dir, page), "utf8");
    writeFileSync(join(dir, page), html.split("\n").filter((line) => !line.includes("data-first-view")).join("\n"));
  }
  return dir;
}

/** All the text of a structured body, in order, as the reader renders it. */
function bodyText(value) {
  if (Array.isArray(value)) return value.map(bodyText).join("");
  if (value && typeof value === "object") {
    return Object.entries(value)
      .filter(([key]) => key !== "href" && key !== "type")
      .map(([key, inner]) => (key === "text" ? inner : bodyText(inner)))
      .join("");
  }
  return "";
}

/** Every link target of a structured body, in order. */
function bodyLinks(value) {
  if (Array.isArray(value)) return value.flatMap(bodyLinks);
  if (value && typeof value === "object") {
    const own = value.type === "link" ? [value.href] : [];
    return [...own, ...Object.values(value).flatMap(bodyLinks)];
  }
  return [];
}

/**
 * Runs in the page: whatever of the page is not plain text or an allowed link. Returns a
 * list of findings, empty when the page is clean.
 */
function pageFindings(foreign, doc = document) {
  const findings = [];
  for (const element of doc.querySelectorAll(`body :is(${foreign})`)) findings.push(`element <${element.localName}> in the page`);
  for (const element of doc.querySelectorAll("body *")) {
    for (const attribute of element.attributes) {
      if (attribute.name.startsWith("on")) findings.push(`event handler attribute ${attribute.name} on <${element.localName}>`);
      if (attribute.name === "style") findings.push(`style attribute on <${element.localName}>`);
    }
  }
  for (const link of doc.querySelectorAll("a[href]")) {
    if (!["http:", "https:", "mailto:"].includes(link.protocol)) findings.push(`link with scheme ${link.protocol}: ${link.getAttribute("href")}`);
  }
  return findings;
}

/** Opens `site` and waits for the list. */
async function openList(site) {
  current = await openPage(browser, { origin: new URL(site.url).origin });
  if (site.whole) current.allowed = [noManifest];
  await current.page.goto(site.url);
  await current.page.waitForSelector("#app[data-live] .article-list");
  await settle(current.page);
  return current.page;
}

/** Goes through every page of the list (20 articles a page) and returns what each card
 * shows. */
async function allCards(page, count) {
  const cards = [];
  for (;;) {
    cards.push(...(await page.locator(".article-list > li").evaluateAll((shown) =>
      shown.map((card) => ({
        id: decodeURIComponent(card.querySelector("h2 a").getAttribute("href").split("/").pop().split("?")[0]),
        title: card.querySelector("h2").textContent,
        authors: card.querySelector(".byline .authors").textContent,
        source: card.querySelector(".byline .source").textContent,
        summary: card.querySelector(".summary")?.textContent,
        keywords: [...card.querySelectorAll(".keyword-links li")].map((li) => li.textContent),
      })),
    )));
    const next = page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next page" });
    if (cards.length >= count || (await next.count()) === 0) break;
    await next.click();
    await settle(page);
  }
  return cards;
}

// Rust's str::trim, which the corpus tool and the explorer use: it removes the White_Space
// characters (JavaScript's trim differs: it leaves U+0085 and removes U+FEFF).
const RUST_SPACE = /[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/.source;
const rustTrim = (s) => s.replace(new RegExp(`^${RUST_SPACE}+|${RUST_SPACE}+$`, "g"), "");

/** The spellings a keyword may show in: each article's own, and each trimmed as the
 * explorer trims a keyword before showing and merging it. */
const keywordSpellings = (articles) => [...new Set(articles.flatMap((a) => a.keywords.flatMap((k) => [k, rustTrim(k)])))];

/** Compares what the list shows with the corpus, field by field. */
function checkCards(cards, articles) {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const spellings = new Set(keywordSpellings(articles));
  const wrong = [];
  for (const card of cards) {
    const article = byId.get(card.id);
    if (!article) {
      wrong.push(`${card.id}: not in the corpus`);
      continue;
    }
    if (card.title !== article.title) wrong.push(`${card.id}: title ${JSON.stringify(card.title)}`);
    if (card.source !== article.source) wrong.push(`${card.id}: source ${JSON.stringify(card.source)}`);
    if (card.summary !== article.summary) wrong.push(`${card.id}: summary ${JSON.stringify(card.summary)}`);
    for (const author of article.authors) if (!card.authors.includes(author)) wrong.push(`${card.id}: author ${JSON.stringify(author)} not shown as text`);
    for (const keyword of card.keywords) if (!spellings.has(keyword)) wrong.push(`${card.id}: keyword ${JSON.stringify(keyword)} is no keyword of the corpus`);
  }
  return wrong;
}

/**
 * Runs in the page: opens each article's reader by the router (as a link click does) and
 * compares what it shows with the article. Returns the differences.
 */
async function readEach({ articles, base, foreign, spellings }) {
  const wrong = [];
  const frame = () => new Promise((done) => setTimeout(done, 0));
  /** What the reader shows differently from `article`, as it stands now. */
  const differences = (article) => {
    const found = [];
    const reader = document.querySelector("article.reader");
    const h1 = reader?.querySelector("h1");
    if (!h1 || h1.textContent !== article.title) return [`${article.id}: reader title ${JSON.stringify(h1?.textContent)}`];
    const shown = {
      source: reader.querySelector(".byline .source")?.textContent,
      authors: reader.querySelector(".byline .authors")?.textContent ?? "",
      body: reader.querySelector(".article-body")?.textContent,
      bio: reader.querySelector(".bio p")?.textContent,
      keywords: [...reader.querySelectorAll(".reader-footer .keyword-links li")].map((li) => li.textContent),
    };
    if (shown.source !== article.source) found.push(`${article.id}: source ${JSON.stringify(shown.source)}`);
    for (const author of article.authors) if (!shown.authors.includes(author)) found.push(`${article.id}: author ${JSON.stringify(author)}`);
    if (shown.body !== article.expectedBody) found.push(`${article.id}: body ${JSON.stringify(shown.body?.slice(0, 200))}`);
    if ((shown.bio ?? null) !== (article.bio ?? null)) found.push(`${article.id}: bio ${JSON.stringify(shown.bio)}`);
    // A keyword shows in the spelling most articles use, which may be another article's.
    for (const keyword of shown.keywords) if (!spellings.includes(keyword)) found.push(`${article.id}: keyword ${JSON.stringify(keyword)}`);
    // The browser collapses whitespace and control characters (C0 and DEL) in
    // document.title.
    const tidy = (text) => text.replace(/[\u0000-\u0020\u007f]+/g, " ").trim();
    const tabTitle = tidy(`${article.title} · ${document.querySelector(".site-title").textContent}`);
    if (tidy(document.title) !== tabTitle) found.push(`${article.id}: document title ${JSON.stringify(document.title)}`);
    for (const element of document.querySelectorAll(`body :is(${foreign})`)) found.push(`${article.id}: element <${element.localName}>`);
    for (const link of reader.querySelectorAll("a[href]")) {
      if (!["http:", "https:", "mailto:"].includes(link.protocol)) found.push(`${article.id}: link ${link.getAttribute("href")}`);
    }
    return found;
  };
  for (const article of articles) {
    history.pushState(null, "", `${base}articles/${article.id}`);
    dispatchEvent(new PopStateEvent("popstate"));
    // The reader's parts and the tab title update over a few turns of the event loop:
    // wait until all agree with the article, and report what still differs after that.
    let found = differences(article);
    for (let tries = 0; found.length > 0 && tries < 500; tries++) {
      await frame();
      found = differences(article);
    }
    wrong.push(...found);
  }
  return wrong;
}

/** Opens every article's reader, in batches, and returns the differences. */
async function readAll(page, articles) {
  const wrong = [];
  const expected = articles.map((a) => ({ ...a, expectedBody: bodyText(a.body) }));
  const spellings = keywordSpellings(articles);
  for (let start = 0; start < expected.length; start += 250) {
    wrong.push(...(await page.evaluate(readEach, { articles: expected.slice(start, start + 250), base: BASE, foreign: FOREIGN, spellings })));
  }
  return wrong;
}

/**
 * Runs in the page: opens the reader of each article whose body links are all refused
 * and checks that each link's text shows, outside any link, and that no link in the page
 * has one of its targets. Returns what is wrong.
 */
async function readRefusedLinks({ articles, base }) {
  const wrong = [];
  const frame = () => new Promise((done) => setTimeout(done, 0));
  for (const article of articles) {
    history.pushState(null, "", `${base}articles/${article.id}`);
    dispatchEvent(new PopStateEvent("popstate"));
    const j = Number(article.id.split("-").pop());
    // Shown: its title, and a body that is its own (not the last reader's, still in place).
    const shown = () =>
      document.querySelector("article.reader h1")?.textContent === article.title &&
      document.querySelector("article.reader .article-body")?.textContent.includes(`Dangerous link ${j}:`);
    for (let tries = 0; !shown() && tries < 500; tries++) await frame();
    const body = document.querySelector("article.reader .article-body");
    if (!shown() || !body) {
      wrong.push(`${article.id}: reader not shown (${JSON.stringify(body?.querySelector("p")?.textContent)})`);
      continue;
    }
    const lead = body.querySelector("p")?.textContent;
    if (lead !== `Dangerous link ${j}: link ${j}`) wrong.push(`${article.id}: first paragraph ${JSON.stringify(lead)}`);
    if (body.querySelector("em")?.textContent !== `nested ${j}`) wrong.push(`${article.id}: the nested emphasis is not kept`);
    if (body.querySelector("a")) wrong.push(`${article.id}: a link in the body: ${body.querySelector("a").getAttribute("href")}`);
    for (const link of document.querySelectorAll("a[href]")) {
      const href = link.getAttribute("href");
      if (article.targets.some((target) => href === target || href.trim() === target.trim())) wrong.push(`${article.id}: a link to ${JSON.stringify(href)}`);
    }
  }
  return wrong;
}

/** Types each payload into the search box (as a reader would paste it) and checks the
 * page after each search. */
async function searchEachPayload(page) {
  const box = page.getByRole("searchbox", { name: "Search articles" });
  for (const payload of payloads) {
    await box.fill(payload.slice(0, 500));
    await settle(page);
    const findings = await page.evaluate(pageFindings, FOREIGN);
    assert.deepEqual(findings, [], `searching for ${JSON.stringify(payload.slice(0, 80))}`);
  }
}

describe("every payload through every input format of the corpus tool", () => {
  let site, corpus, written;

  before(async () => {
    const input = join(WORK, "input");
    written = writeHostileInputs(input, payloads);
    const dir = emptySite("ingested-site");
    // The corpus tool reads the payloads like any archive: refused links and raw HTML are
    // warnings, so the run succeeds; what it keeps is what the explorer must show as text.
    // CORPUS_TOOL is the corpus tool `cargo xtask test` has already built; run alone, the
    // test builds it with cargo.
    const publish = ["publish", input, "--site", dir, "--title", "Hostile inputs", "--quiet"];
    const [command, args] = process.env.CORPUS_TOOL
      ? [process.env.CORPUS_TOOL, publish]
      : [process.env.CARGO ?? "cargo", ["run", "--quiet", "--package", "insight-corpus-cli", "--", ...publish]];
    execFileSync(command, args, { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
    // The site holds the collection as pieces; the same input read into one corpus file
    // is what the test compares the pages with.
    const whole = join(WORK, "ingested.json");
    const ingest = ["ingest", input, "--title", "Hostile inputs", "--quiet", "-o", whole];
    const [again, againArgs] = process.env.CORPUS_TOOL
      ? [process.env.CORPUS_TOOL, ingest]
      : [process.env.CARGO ?? "cargo", ["run", "--quiet", "--package", "insight-corpus-cli", "--", ...ingest]];
    execFileSync(again, againArgs, { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
    corpus = JSON.parse(readFileSync(whole, "utf8"));
    site = await servePages(dir, BASE);
  });

  after(async () => {
    await site?.close();
  });

  test("the corpus tool reads every file and keeps every article, with no dangerous link", () => {
    assert.equal(corpus.articles.length, written.articles, JSON.stringify(written.byFormat));
    const links = corpus.articles.flatMap((a) => JSON.stringify(a.body).match(/"href":"[^"]*"/g) ?? []);
    for (const link of links) assert.doesNotMatch(link, /"href":"\s*(javascript|vbscript|data):/i);
    for (const article of corpus.articles) if (article.url) assert.match(article.url, /^https?:\/\//);
  });

  test("plain-text fields of JSON and front-matter records arrive unchanged", () => {
    const carried = corpus.articles.filter((a) => /^X\d+-(json|jsonl|yaml|toml)( |$)/.test(a.title));
    assert.equal(carried.length, 4 * payloads.length);
    for (const article of carried) {
      const [, i] = article.title.match(/^X(\d+)-/);
      // The corpus tool trims fields as Rust does (see rustTrim).
      const payload = rustTrim(payloads[Number(i)]);
      if (payload === "") continue;
      assert.ok(article.title.endsWith(payload), `${article.id}: title`);
      assert.equal(article.summary, payload, `${article.id}: summary`);
      assert.ok(article.authors.includes(payload), `${article.id}: authors`);
      assert.equal(article.source, payload, `${article.id}: source`);
      assert.ok(article.keywords.includes(payload), `${article.id}: keywords`);
      assert.equal(article.bio, payload, `${article.id}: bio`);
    }
  });

  test("the list shows every title, byline, summary and keyword as text", async () => {
    const page = await openList(site);
    const cards = await allCards(page, corpus.articles.length);
    assert.equal(cards.length, corpus.articles.length);
    assert.deepEqual(checkCards(cards, corpus.articles), []);
    assert.deepEqual(await page.evaluate(pageFindings, FOREIGN), []);
  });

  test("every page as published, parsed with scripts off, shows its article as text and nothing else", async () => {
    // The pages carry their views rendered at publish time; each is parsed as a browser
    // parses a page while scripts are off (DOMParser runs nothing), a batch at a time, in
    // a document of the site that has no policy (the pages' own rightly refuses to parse
    // strings into HTML), so that links resolve as they would on the site.
    current = await openPage(browser, { origin: new URL(site.url).origin });
    const { page } = current;
    // The browser asks the server root for an icon when it shows the image alone.
    current.allowed = [/status of 404 .*\/favicon\.ico\)$/];
    await page.goto(`${site.url}favicon.svg`);
    await page.evaluate(`window.__pageFindings = ${pageFindings.toString()}`);
    const found = [];
    const BATCH = 100;
    for (let i = 0; i < corpus.articles.length; i += BATCH) {
      const batch = await Promise.all(
        corpus.articles.slice(i, i + BATCH).map(async (a) => {
          const response = await fetch(`${site.url}articles/${a.id}`);
          return { id: a.id, title: a.title, status: response.status, html: await response.text() };
        }),
      );
      found.push(
        ...(await page.evaluate(
          ({ batch, foreign }) =>
            batch.flatMap(({ id, title, status, html }) => {
              const doc = new DOMParser().parseFromString(html, "text/html");
              const found = window.__pageFindings(foreign, doc).map((f) => `${id}: ${f}`);
              if (status !== 200) found.push(`${id}: status ${status}`);
              // Parsing HTML turns every CR LF and lone CR into LF and drops NUL characters
              // from text (the HTML standard's "in body" rules); nothing else may change.
              const heading = doc.querySelector("main h1")?.textContent;
              if (heading !== title.replace(/\r\n?/g, "\n").replace(/\0/g, "")) found.push(`${id}: heading ${JSON.stringify(heading)}`);
              // The head keeps one title and one description, the payload inside them as text.
              const head = [
                doc.querySelectorAll("title").length,
                doc.querySelectorAll("meta[name=description]").length,
                doc.querySelectorAll("head > :not(meta, title, base, link, script)").length,
              ];
              if (head.join() !== "1,1,0") found.push(`${id}: head ${head}`);
              if (!doc.title.endsWith(" · Hostile inputs")) found.push(`${id}: title ${JSON.stringify(doc.title)}`);
              return found;
            }),
          { batch, foreign: FOREIGN },
        )),
      );
    }
    assert.deepEqual(found, []);
  });

  test("every reader shows its article as text", async () => {
    const page = await openList(site);
    assert.deepEqual(await readAll(page, corpus.articles), []);
    assert.deepEqual(await page.evaluate(pageFindings, FOREIGN), []);
  });

  test("a search for each payload marks only text and runs nothing", async () => {
    const page = await openList(site);
    await searchEachPayload(page);
    // A search that matches many payloads, and its first result opened with marks.
    await page.getByRole("searchbox", { name: "Search articles" }).fill("alert");
    await page.waitForSelector(".article-list mark");
    await page.locator(".article-list > li h2 a").first().click();
    await page.waitForSelector("article.reader");
    assert.deepEqual(await page.evaluate(pageFindings, FOREIGN), []);
  });
});

describe("every payload in a corpus file written by hand", () => {
  let site, corpus;

  before(async () => {
    const dir = emptySite("hand-site");
    // Dangerous links included: the explorer itself must show their text, never a link.
    corpus = hostileCorpus(payloads);
    writeFileSync(join(dir, "corpus.json"), JSON.stringify(corpus));
    site = { ...(await servePages(dir, BASE)), whole: true };
  });

  after(async () => {
    await site?.close();
  });

  const refusedIds = () => corpus.adaptations.links.map((j) => `link-${String(j).padStart(2, "0")}`);
  /** Each body link the explorer refuses, as [article id, target], in corpus order. */
  const refusedLinks = () => corpus.articles.flatMap((a) => bodyLinks(a.body).filter((href) => !isSafeHref(href)).map((href) => [a.id, href]));

  test("articles with script, data or disguised links are shown, those links as text, and counted", async () => {
    const page = await openList(site);
    assert.ok(refusedIds().length >= 12, `${refusedIds().length} dangerous links refused`);
    assert.equal(await page.locator(".skipped-notice").count(), 0, "no article is left out");
    assert.equal(await page.locator("[role=status]").first().textContent(), `${corpus.articles.length} articles`);
    const notice = page.locator(".refused-links-notice");
    const refused = refusedLinks();
    assert.ok(refused.length >= 2 * refusedIds().length, `${refused.length} refused links`);
    assert.equal(await notice.locator("summary").textContent(), `${refused.length} links shown as text: their targets are not allowed.`);
    await notice.locator("summary").click();
    const listed = await notice.locator("li").allTextContents();
    assert.equal(listed.length, refused.length);
    refused.forEach(([id], n) => assert.ok(listed[n].startsWith(`${id}: link target `), listed[n]));
    assert.deepEqual(await page.evaluate(pageFindings, FOREIGN), []);
  });

  test("in its reader, a refused link is its text, and no link anywhere has its target", async () => {
    const page = await openList(site);
    const linked = corpus.articles.filter((a) => refusedIds().includes(a.id));
    const found = await page.evaluate(readRefusedLinks, { articles: linked.map(({ id, title, body }) => ({ id, title, targets: bodyLinks(body) })), base: BASE });
    assert.deepEqual(found, []);
    assert.deepEqual(await page.evaluate(pageFindings, FOREIGN), []);
  });

  test("the collection's title and notice, and every card, show as text", async () => {
    const page = await openList(site);
    assert.equal(await page.locator(".site-title").textContent(), corpus.title);
    assert.equal(await page.title(), corpus.title);
    assert.equal(await page.locator(".site-footer .notice").textContent(), corpus.notice);
    const cards = await allCards(page, corpus.articles.length);
    assert.deepEqual(checkCards(cards, corpus.articles), []);
    assert.deepEqual(await page.evaluate(pageFindings, FOREIGN), []);
  });

  test("every reader shows its article as text, with only web links live", async () => {
    const page = await openList(site);
    assert.deepEqual(await readAll(page, corpus.articles), []);
    assert.deepEqual(await page.evaluate(pageFindings, FOREIGN), []);
  });

  test("a search for each payload marks only text and runs nothing", async () => {
    await searchEachPayload(await openList(site));
  });

  test("addresses with a payload in every list parameter show it as text", async () => {
    const page = await openList(site);
    // The checks, given to the page through the test's own channel (not eval in the page).
    await page.evaluate(`window.__pageFindings = ${pageFindings.toString()}`);
    const findings = await page.evaluate(
      async ({ payloads, base, foreign }) => {
        const pageFindings = window.__pageFindings;
        const found = [];
        for (const payload of payloads) {
          const query = new URLSearchParams({ q: payload, kw: payload, author: payload, source: payload, year: payload, sort: payload });
          history.pushState(null, "", `${base}?${query}`);
          dispatchEvent(new PopStateEvent("popstate"));
          await new Promise((done) => setTimeout(done, 0));
          found.push(...pageFindings(foreign).map((f) => `${JSON.stringify(payload.slice(0, 60))}: ${f}`));
        }
        return found;
      },
      { payloads, base: BASE, foreign: FOREIGN },
    );
    assert.deepEqual(findings, []);
    // The selection bar names each chosen value as text.
    const payload = payloads.find((p) => p.includes("<img"));
    await page.goto(`${site.url}?${new URLSearchParams({ kw: payload, author: payload })}`);
    await page.waitForSelector("#app[data-live] main h1");
    assert.ok((await page.locator("main").textContent()).includes(payload), "the chosen values show as text");
  });
});
