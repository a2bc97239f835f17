// Starts headless Chromium with the flags this project's machines need, and opens pages
// that record every console error, page error and failed request for the tests to check.
import { chromium } from "playwright-core";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
/** The flags this project's machines need (see shared/design/toolchain.md). */
export const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launch() {
  const profile = await mkdtemp(join(tmpdir(), "insight-e2e-"));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
  });
}

/** A browser without a profile, for tests that need contexts of their own (one with
 * JavaScript turned off, say). */
export async function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/**
 * Opens a page in `context` and collects the problems it reports: console errors, page
 * errors, dialogs (`alert`, `confirm`, `prompt`, `print`), Content-Security-Policy
 * violations, and any request to an origin other than `origin` (when given).
 */
export async function openPage(context, { origin } = {}) {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("dialog", async (dialog) => {
    problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    await dialog.dismiss().catch(() => {});
  });
  page.on("request", (request) => {
    if (origin && !request.url().startsWith(origin + "/")) problems.push(`request to another origin: ${request.url()}`);
  });
  await page.exposeFunction("__reportProblem", (problem) => problems.push(problem));
  await page.addInitScript(() => {
    for (const name of ["alert", "confirm", "prompt", "print"]) {
      window[name] = (...args) => window.__reportProblem(`dialog: ${name}(${args.map(String).join(", ")})`);
    }
    document.addEventListener("securitypolicyviolation", (event) =>
      window.__reportProblem(`securitypolicyviolation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`),
    );
  });
  return { page, problems };
}
