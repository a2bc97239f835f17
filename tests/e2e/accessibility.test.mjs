// Themes and accessibility: the page follows the system's colour scheme until the reader
// picks a theme, which is kept and applied before the first paint; and axe-core finds no
// WCAG 2.1 A/AA violation (contrast included) in any view, in both themes, on a desktop
// and on a phone. Run by `cargo xtask test`; SITE_DIR is the built release site.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { servePages } from "./pages-server.mjs";
import { launchBrowser, openPage } from "./browser.mjs";

const SITE_DIR = resolve(process.env.SITE_DIR ?? "../../target/e2e-site");
const BASE = process.env.SITE_BASE ?? "/insight-explorer/";
const SHOTS = process.env.SCREENSHOT_DIR ?? "../../target/e2e-screenshots";
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

let site, browser;

before(async () => {
  site = await servePages(SITE_DIR, BASE);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** A page in a fresh context with the given colour scheme and width; `bypassCSP` lets
 * the test inject axe-core, which the site's policy would rightly refuse. */
async function fresh({ scheme = "light", width = 1280, bypassCSP = false } = {}) {
  const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 900 }, bypassCSP });
  const opened = await openPage(context, { origin: new URL(site.url).origin });
  return { context, ...opened };
}

async function goto(page, path, ready = "main h1") {
  await page.goto(site.url + path);
  await page.waitForSelector(`#app[data-live] ${ready}`);
  await page.waitForFunction(() => !document.querySelector("main [aria-busy=true]"));
}

const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const theme = (page) => page.evaluate(() => document.documentElement.getAttribute("data-theme"));

describe("themes", () => {
  test("the page follows the system's scheme until the reader picks one, which is kept", async () => {
    const { context, page, problems } = await fresh({ scheme: "dark" });
    await goto(page, "");
    const dark = await background(page);
    assert.equal(dark, "rgb(22, 25, 28)", "the system's dark scheme");
    const toggle = page.locator(".theme-toggle");
    assert.equal(await toggle.getAttribute("aria-pressed"), "true");
    await toggle.click();
    assert.equal(await theme(page), "light");
    assert.equal(await background(page), "rgb(251, 249, 245)");
    assert.equal(await toggle.getAttribute("aria-pressed"), "false");
    // Kept: the next page is light from its first paint, before the app starts.
    await page.route("**/*.wasm", (route) => route.abort());
    await page.goto(site.url + "page/2");
    assert.equal(await theme(page), "light");
    assert.equal(await background(page), "rgb(251, 249, 245)");
    await page.unroute("**/*.wasm");
    await goto(page, "");
    await page.locator(".theme-toggle").click();
    assert.equal(await theme(page), "dark");
    await page.screenshot({ path: join(SHOTS, "list-dark.png") });
    await context.close();
    const allowed = problems.filter((p) => !/insight-explorer-.*\.wasm|Failed to load resource|net::ERR_FAILED|WebAssembly|Failed to fetch/.test(p));
    assert.deepEqual(allowed, []);
  });

  test("printing is light whatever the theme", async () => {
    const { context, page, problems } = await fresh({ scheme: "dark" });
    await goto(page, "");
    const first = await page.locator(".article-list > li h2 a").first().getAttribute("href");
    await goto(page, first.replace(BASE, ""), ".reader h1");
    await page.emulateMedia({ media: "print" });
    assert.equal(await background(page), "rgb(255, 255, 255)");
    await context.close();
    assert.deepEqual(problems, []);
  });
});

describe("no WCAG 2.1 A or AA violations (axe-core)", () => {
  for (const scheme of ["light", "dark"]) {
    for (const width of [1280, 360]) {
      test(`every view, ${scheme} theme, ${width} px`, async () => {
        const { context, page, problems } = await fresh({ scheme, width, bypassCSP: true });
        const check = async (view) => {
          await page.addScriptTag({ path: AXE });
          const result = await page.evaluate(() =>
            window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
          );
          const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
          assert.deepEqual(found, [], `${view}, ${scheme}, ${width} px`);
        };
        await goto(page, "");
        await check("the list");
        const first = await page.locator(".article-list > li h2 a").first().getAttribute("href");
        await goto(page, "?q=climate");
        await check("a search");
        await goto(page, first.replace(BASE, ""), ".reader h1");
        await page.click(".cite summary");
        await page.waitForSelector(".citation");
        await check("the reader, citations open");
        await goto(page, "articles/no-such-article");
        await check("not found");
        await goto(page, "");
        await page.keyboard.press("?");
        await page.locator("dialog.shortcuts").waitFor({ state: "visible" });
        await check("the shortcuts dialog");
        if (width === 360) await page.screenshot({ path: join(SHOTS, `shortcuts-${scheme}-phone.png`) });
        await context.close();
        // The not-found page comes with status 404, which the browser reports.
        assert.deepEqual(problems.filter((p) => !/404 \(Not Found\).*no-such-article/.test(p)), []);
      });
    }
  }
});
