// Hostile inputs for the end-to-end XSS test.
//
// The test puts every XSS payload into every field of an article, through every input
// format the corpus tool reads, builds a site and checks in a browser that nothing
// executes. The payloads are the workplace's shared DOMPurify fixtures
// (shared/testdata/xss/dompurify-payloads.json beside this checkout) where that file is
// present, and otherwise the project's own set, hostile/payloads.json (see
// hostile/README.md), so that a fresh clone anywhere still tests itself. This module
// makes those inputs:
//
//   writeHostileInputs(dir, payloads)  an input folder for `corpus ingest` / `corpus publish`
//   hostileCorpus(payloads)            a corpus.json object written directly (as if hand-edited)
//   loadPayloads()                     the payloads and which set they are (XSS_PAYLOADS chooses)
//   dangerousLinks                     link targets that must never become live links
//
// Titles start with an identifying prefix: `X${i}-${format} ` in the input folder (one
// article per payload i and format, see FORMATS), `X${i} ` in the hand-written corpus, and
// `L${j}-${format} ` for the articles whose body links use dangerousLinks[j]. Ids, slugs
// and file names are made from indexes only, never from a payload. Every article has a
// valid date (2020-01-01 onwards), so only the payload-carrying fields are hostile.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join, relative, resolve } from "node:path";

const REPO = fileURLToPath(new URL("../../../", import.meta.url));

/** The workplace's shared payloads: Cure53's DOMPurify fixtures, in the shared folder
 * that sits beside this repository's checkout. Absent in a clone made elsewhere. */
export const SHARED_PAYLOADS = fileURLToPath(new URL("../../../../shared/testdata/xss/dompurify-payloads.json", import.meta.url));

/** The payload set written for this project, kept in the repository. */
export const OWN_PAYLOADS = fileURLToPath(new URL("./payloads.json", import.meta.url));

/**
 * The payloads, and which set they are: `{ payloads, set }` where `set` is
 * `{ kind, path, label }`, kind "shared" (the DOMPurify fixtures), "own" (this project's
 * set) or "file" (another file), and label a line for the test's output.
 *
 * `choice` (default: env XSS_PAYLOADS) is "shared" (the shared file, which must exist),
 * "own" (the project's set), a path to a JSON array of strings, or empty: the shared file
 * where it exists, else the project's set.
 */
export function loadPayloads(choice = process.env.XSS_PAYLOADS ?? "") {
  let path;
  if (choice === "" || choice === "auto") path = existsSync(SHARED_PAYLOADS) ? SHARED_PAYLOADS : OWN_PAYLOADS;
  else if (choice === "shared") path = SHARED_PAYLOADS;
  else if (choice === "own") path = OWN_PAYLOADS;
  else path = resolve(choice);
  if (!existsSync(path)) {
    throw new Error(`XSS_PAYLOADS=${choice}: no payload file at ${path}`);
  }
  const payloads = JSON.parse(readFileSync(path, "utf8"));
  if (!Array.isArray(payloads) || !payloads.every((p) => typeof p === "string")) {
    throw new Error(`${path}: expected a JSON array of strings`);
  }
  const kind = path === SHARED_PAYLOADS ? "shared" : path === OWN_PAYLOADS ? "own" : "file";
  const shown = relative(REPO, path).split("\\").join("/");
  const label = {
    shared: `the shared DOMPurify fixtures (${payloads.length}), shared/testdata/xss/dompurify-payloads.json`,
    own: `the project's own set (${payloads.length}), ${shown}`,
    file: `payloads from ${path} (${payloads.length})`,
  }[kind];
  return { payloads, set: { kind, path, label } };
}

/** Link targets a reader must never be able to follow into script (the last two are
 * allowed, being ordinary web links that are only shown, never loaded). */
export const dangerousLinks = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "java\tscript:alert(1)",
  "java\nscript:alert(1)",
  "\u0001javascript:alert(1)",
  "javascript&#58;alert(1)",
  "&#106;avascript:alert(1)",
  "javascript&colon;alert(1)",
  "vbscript:msgbox(1)",
  "data:text/html,<script>alert(1)</script>",
  "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "%6Aavascript:alert(1)",
  "//evil.example/x",
  "https://evil.example/ok",
];

/** The per-payload formats of the input folder: the tag in the title prefix, and how many
 * articles each payload gives in it. The big RSS and Atom feeds hold two items per payload
 * (escaped text and CDATA); each payload also has an RSS and an Atom feed of its own, whose
 * title (the articles' source) is the payload. */
export const FORMATS = [
  { tag: "yaml", what: "Markdown, YAML front matter", perPayload: 1 },
  { tag: "toml", what: "Markdown, TOML front matter", perPayload: 1 },
  { tag: "txt", what: "saved article page (.txt)", perPayload: 1 },
  { tag: "json", what: "JSON records, corpus-shaped fields, block bodies", perPayload: 1 },
  { tag: "jsonl", what: "JSON Lines, alias fields, HTML bodies", perPayload: 1 },
  { tag: "rss-cdata", what: "RSS item, <content:encoded> CDATA", perPayload: 1 },
  { tag: "rss-escaped", what: "RSS item, escaped <description>", perPayload: 1 },
  { tag: "atom-escaped", what: "Atom entry, escaped <content type=html>", perPayload: 1 },
  { tag: "atom-cdata", what: "Atom entry, CDATA content, html title", perPayload: 1 },
  { tag: "rss-own", what: "RSS feed of its own (payload as channel title)", perPayload: 1 },
  { tag: "atom-own", what: "Atom feed of its own (payload as feed title and author)", perPayload: 1 },
];

/** The formats that also get one article per dangerous link. */
export const LINK_FORMATS = ["yaml", "toml", "json", "jsonl", "rss", "atom"];

// ---------------------------------------------------------------------------------------
// Small helpers

const pad = (i, width = 3) => String(i).padStart(width, "0");

/** A date for article `i` of the `group`-th set: 2020-01-01 plus some days, as a Date.
 * Groups are 225 days apart: with up to 225 payloads (both sets have at most that) the
 * payload articles of one group do not reach the next; a larger set would only make some
 * dates shared, which is harmless (nothing checks the order of equal dates). */
function dateOf(group, i) {
  return new Date(Date.UTC(2020, 0, 1) + (group * 225 + i) * 86_400_000);
}
const isoDay = (date) => date.toISOString().slice(0, 10);

/** Line-based carriers (a saved page's title line, bio line and byline, a Markdown heading
 * or list item) cannot hold a line break: there, and only there, newlines become spaces. */
const oneLine = (s) => s.replace(/\r\n|\r|\n/g, " ");

/** Empty or blank text, which the formats treat as "absent". */
const isBlank = (s) => s.trim() === "";

// Rust's char::is_control (general category Cc).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A JS port of insight_corpus::link::safe_href: whether the explorer keeps `href` as a link. */
export function isSafeHref(href) {
  const h = href.replace(/^[ \u00a0]+|[ \u00a0]+$/g, "");
  if (h === "" || CONTROL.test(h) || /&[A-Za-z0-9#]+;/.test(h)) return false;
  const scheme = schemeOf(h);
  return scheme === null || ["http", "https", "mailto"].includes(scheme.toLowerCase());
}

/** insight_corpus::link::safe_web_address: an http(s) address the corpus accepts as `url`. */
export function isWebAddress(url) {
  if (!isSafeHref(url)) return false;
  const scheme = schemeOf(url.replace(/^[ \u00a0]+/, ""));
  return scheme !== null && ["http", "https"].includes(scheme.toLowerCase());
}

function schemeOf(href) {
  const end = href.search(/[:/?#]/);
  return end >= 0 && href[end] === ":" ? href.slice(0, end) : null;
}

/** A web address that carries the payload in its query after a fixed prefix, with only what
 * the corpus validator refuses percent-encoded (control characters, and `&` starting a
 * character reference such as `&lt;`). Quotes, angle brackets and spaces stay as they are.
 * (The query also keeps feed readers from making an id out of the payload, which would
 * give several articles the same id.) */
export function payloadWebAddress(payload, i, tag = "x") {
  const encoded = [...payload]
    .map((c, at, all) => {
      if (CONTROL.test(c)) return encodeURIComponent(c);
      if (c === "&" && /^&[A-Za-z0-9#]+;/.test(all.slice(at).join(""))) return "%26";
      return c;
    })
    .join("");
  return `https://example.org/${tag}/x${i}?${encoded}`;
}

// ---------------------------------------------------------------------------------------
// Escaping, one function per carrier

/** A YAML double-quoted string. JSON.stringify gives one, except that YAML also forbids
 * some characters JSON leaves raw (DEL, C1 controls, line/paragraph separators, BOM). */
export function yamlString(s) {
  return JSON.stringify(s).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** A TOML basic string: quote, backslash and every control character (U+0000–U+001F
 * except tab, and DEL U+007F) escaped. */
export function tomlString(s) {
  const named = { '"': '\\"', "\\": "\\\\", "\b": "\\b", "\n": "\\n", "\f": "\\f", "\r": "\\r" };
  const body = s.replace(/["\\\u0000-\u0008\u000a-\u001f\u007f]/g, (c) =>
    named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return `"${body}"`;
}

// XML 1.0 cannot carry these control characters at all, not even as character references.
// Real feeds contain them anyway and the feed reader accepts them, so they are written as
// character references in text and attributes (XML 1.1 style) and raw inside CDATA.
// NUL is the exception: no XML version allows it, as a reference either, and the XML
// parser refuses the whole feed for one `&#x0;`; it is written as U+FFFD, the character a
// text reader puts in its place (see textFile).
const XML_FORBIDDEN = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const xmlReference = (c) => `&#x${c.charCodeAt(0).toString(16)};`;

/** XML character data: `&`, `<`, `>` escaped; a carriage return kept as a reference (a raw
 * one would be read as a newline); control characters as references and NUL as U+FFFD
 * (see above). */
export function xmlText(s) {
  return s
    .replace(/[&<>\r]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;" })[c])
    .replaceAll("\u0000", "\ufffd")
    .replace(XML_FORBIDDEN, xmlReference);
}

/** An XML attribute value in double quotes (tabs and line breaks as references, which
 * attribute normalisation would otherwise turn into spaces). */
export function xmlAttr(s) {
  return xmlText(s).replace(/["\t\n]/g, (c) => ({ '"': "&quot;", "\t": "&#9;", "\n": "&#10;" })[c]);
}

/** A CDATA section; `]]>` inside is split across two sections. A carriage return inside
 * CDATA is read as a newline (XML line-end normalisation). */
export function cdata(s) {
  return `<![CDATA[${s.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}

/** HTML text, so that the payload arrives as text rather than markup. */
export function htmlText(s) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/** Markdown text that reads as itself: every ASCII punctuation character backslash-escaped
 * (this also stops `&lt;` from being read as an entity). */
export function markdownText(s) {
  return s.replace(/[!-/:-@[-`{-~]/g, "\\$&");
}

/** A Markdown link destination in angle brackets: `<`, `>`, `\` and `&` escaped. A line
 * break cannot be written there, so it becomes a space. */
export function markdownDestination(s) {
  return `<${oneLine(s).replace(/[<>\\&]/g, "\\$&")}>`;
}

// ---------------------------------------------------------------------------------------
// Bodies: every block and inline kind, payload escaped as text first, then raw (raw HTML
// such as an unclosed <script> or <textarea> may swallow what follows it, so it comes last).

function markdownBody(p, i) {
  const text = markdownText(p);
  const line = markdownText(oneLine(p));
  const raw = oneLine(p);
  return [
    `Lead paragraph ${i}: ${text}`,
    `## Heading ${line}`,
    `- List item ${line}\n- Second item *${line}*`,
    `1. Ordered item ${line}`,
    `> Quote ${text.replace(/\r\n|\r|\n/g, "\n> ")}`,
    `Emphasis *${line}* and strong **${line}** and link text [${line}](${markdownDestination(p)}).`,
    `A web link [carrying ${line}](${markdownDestination(payloadWebAddress(p, i))}).`,
    `## Raw heading ${raw}`,
    `- Raw list item ${raw}`,
    `> Raw quote ${raw}`,
    `Raw inline [${raw}](${markdownDestination(p)}) *${raw}*`,
    `Raw paragraph: ${p}`,
    p,
  ].join("\n\n");
}

function htmlBody(p, i) {
  const t = htmlText(p);
  return [
    `<p>Lead paragraph ${i}: ${t}</p>`,
    `<h2>Heading ${t}</h2>`,
    `<ul><li>List item ${t}</li><li>Second item <em>${t}</em></li></ul>`,
    `<ol><li>Ordered item ${t}</li></ol>`,
    `<blockquote><p>Quote ${t}</p></blockquote>`,
    `<p>Emphasis <em>${t}</em> and strong <strong>${t}</strong> and link text <a href="${htmlText(p)}">${t}</a>.</p>`,
    `<p>A web link <a href="${htmlText(payloadWebAddress(p, i))}">carrying ${t}</a>.</p>`,
    `<pre>${t}</pre>`,
    `<h2>Raw heading ${p}</h2>`,
    `<ul><li>Raw list item ${p}</li></ul>`,
    `<blockquote>Raw quote ${p}</blockquote>`,
    `<p>Raw paragraph: ${p}</p>`,
    p,
  ].join("\n");
}

const text = (t) => ({ type: "text", text: t });
const paragraph = (...content) => ({ type: "paragraph", content });
const link = (href, ...content) => ({ type: "link", href, content });

/** Corpus blocks with the payload in every text, link text and link target. `href` is the
 * target for the payload link (the payload itself unless the caller must adapt it). */
function blockBody(p, i, href = p) {
  return [
    paragraph(text(`Lead paragraph ${i}: `), text(p)),
    { type: "heading", level: 2, content: [text(p)] },
    paragraph(
      text(p),
      { type: "emphasis", content: [text(p)] },
      { type: "strong", content: [text(p), { type: "emphasis", content: [text(p)] }] },
      { type: "code", text: p },
      { type: "line_break" },
      link(href, text(p)),
      text(" "),
      link(payloadWebAddress(p, i), text(p), { type: "strong", content: [text(p)] }),
    ),
    { type: "quote", blocks: [paragraph(text(p)), { type: "quote", blocks: [paragraph(text(p))] }] },
    { type: "list", ordered: false, items: [[paragraph(text(p))], [paragraph(link(href, text(p)))]] },
    { type: "list", ordered: true, items: [[paragraph(text(p))]] },
    { type: "code", text: p },
    { type: "rule" },
    paragraph(text(p)),
  ];
}

// Bodies of the articles about one dangerous link.
function markdownLinkBody(url, j) {
  return [
    `Dangerous link ${j}, written several ways.`,
    `Inline: [inline ${j}](${url})`,
    `Angle brackets: [angle ${j}](${markdownDestination(url)})`,
    `Reference: [reference ${j}][r${j}]`,
    `Autolink: <${url}>`,
    `Image: ![image ${j}](${markdownDestination(url)})`,
    `[r${j}]: ${markdownDestination(url)}`,
  ].join("\n\n");
}

function htmlLinkBody(url, j) {
  const rawAttr = url.replace(/"/g, "&quot;"); // entities in it stay live: `&#58;` means `:`
  return [
    `<p>Dangerous link ${j}: <a href="${htmlText(url)}">escaped ${j}</a>,`,
    `<a href="${rawAttr}">as written ${j}</a>, <a href='${url.replace(/'/g, "&#39;")}'>single quotes ${j}</a>,`,
    `<a href=${url.replace(/[\s>"'=<`]/g, encodeURIComponent)}>unquoted ${j}</a>,`,
    `<img src="${htmlText(url)}" alt="image ${j}"> <iframe src="${htmlText(url)}"></iframe></p>`,
  ].join("\n");
}

const linkBlocks = (url, j) => [
  paragraph(text(`Dangerous link ${j}: `), link(url, text(`link ${j}`))),
  { type: "list", ordered: false, items: [[paragraph(link(url, { type: "emphasis", content: [text(`nested ${j}`)] }))]] },
];

// ---------------------------------------------------------------------------------------
// One writer per format

/** Markdown with YAML front matter (Jekyll style): list authors, tags and categories,
 * summary, bio, url. */
function yamlArticle(p, i) {
  const date = isoDay(dateOf(0, i));
  return [
    "---",
    `title: ${yamlString(`X${i}-yaml ${p}`)}`,
    `author: [${yamlString(p)}, ${yamlString(`Co-author ${i}`)}]`,
    `source: ${yamlString(isBlank(p) ? "Blank payload outlet" : p)}`,
    `date: ${date}`,
    `tags: [${yamlString(p)}, "xss"]`,
    `categories: [${yamlString(`${p} category`)}]`,
    `summary: ${yamlString(p)}`,
    `bio: ${yamlString(p)}`,
    `url: ${yamlString(payloadWebAddress(p, i))}`,
    "---",
    markdownBody(p, i),
    "",
  ].join("\n");
}

function yamlLinkArticle(url, j) {
  return [
    "---",
    `title: ${yamlString(`L${j}-yaml ${url}`)}`,
    `author: "Link Tester"`,
    `source: "Link Outlet"`,
    `date: ${isoDay(dateOf(0, 230 + j))}`,
    `tags: ["dangerous link"]`,
    "---",
    markdownLinkBody(url, j),
    "",
  ].join("\n");
}

/** Markdown with TOML front matter (Hugo/Zola style): `authors`, `description`,
 * `author_bio`, `canonical_url`, a TOML date and Zola's [taxonomies] table. */
function tomlArticle(p, i) {
  return [
    "+++",
    `title = ${tomlString(`X${i}-toml ${p}`)}`,
    `authors = [${tomlString(p)}, ${tomlString(`Co-author ${i}`)}]`,
    `publisher = ${tomlString(isBlank(p) ? "Blank payload outlet" : p)}`,
    `date = ${isoDay(dateOf(1, i))}T09:30:00+02:00`,
    `keywords = [${tomlString(p)}]`,
    `description = ${tomlString(p)}`,
    `author_bio = ${tomlString(p)}`,
    `canonical_url = ${tomlString(payloadWebAddress(p, i))}`,
    "",
    "[taxonomies]",
    `tags = [${tomlString(`${p} tag`)}, "xss"]`,
    "+++",
    markdownBody(p, i),
    "",
  ].join("\n");
}

function tomlLinkArticle(url, j) {
  return [
    "+++",
    `title = ${tomlString(`L${j}-toml ${url}`)}`,
    `authors = ["Link Tester"]`,
    `source = "Link Outlet"`,
    `date = ${isoDay(dateOf(1, 230 + j))}`,
    "+++",
    markdownLinkBody(url, j),
    "",
  ].join("\n");
}

/** A byline field's value: fields are separated by runs of spaces or tabs and each field is
 * one line, so whitespace runs (newlines included) become one space; a blank payload gets a
 * stand-in name; and a byline line longer than 1200 bytes is not read as a byline, so a
 * value is cut to 1100 bytes (only the longest payloads of either set are that long). */
function bylineValue(p) {
  let value = p.replace(/[\s\u0085]+/g, " ").trim();
  if (value === "") return "Blank Payload";
  while (Buffer.byteLength(value) > 1100) value = [...value].slice(0, -1).join("");
  return value;
}

/** A saved article page: breadcrumb, title line, byline (one field a line, so that long
 * payloads fit), body paragraphs, "The author is …" bio and the "Key Words:" line. Title
 * and bio lines: newlines become spaces (see oneLine). */
function pageText(p, i) {
  return [
    "Your Present Location :Home > LATEST INSIGHTS",
    "",
    `X${i}-txt ${oneLine(p)}`,
    "",
    "",
    `Published: ${isoDay(dateOf(2, i))}`,
    `By ${bylineValue(p)}`,
    `Source: ${bylineValue(p)}`,
    "",
    `Lead paragraph ${i}: ${p}`,
    "",
    `Second paragraph: ${p}`,
    "",
    `The author is ${oneLine(p)}`,
    "",
    `Key Words:xss   ${oneLine(p)}`,
    "",
    "Latest Insights",
    "",
  ].join("\n");
}

/** A JSON record in the corpus's own article shape, body as corpus blocks. */
function jsonRecord(p, i) {
  return {
    id: `json-x${pad(i)}`,
    title: `X${i}-json ${p}`,
    authors: [p, `Co-author ${i}`],
    source: isBlank(p) ? "Blank payload outlet" : p,
    published: isoDay(dateOf(3, i)),
    keywords: [p, "xss"],
    language: "en",
    summary: p,
    bio: p,
    url: payloadWebAddress(p, i),
    body: blockBody(p, i),
  };
}

const jsonLinkRecord = (url, j) => ({
  id: `json-link-${pad(j, 2)}`,
  title: `L${j}-json ${url}`,
  authors: ["Link Tester"],
  source: "Link Outlet",
  published: isoDay(dateOf(3, 230 + j)),
  keywords: ["dangerous link"],
  body: linkBlocks(url, j),
});

/** A JSON Lines record with the aliases blog exports use (`author` objects, `date`,
 * `tags`, `description`, `author_bio`, `link`, `publisher`) and an HTML body. */
function jsonLinesRecord(p, i) {
  return {
    slug: `jsonl-x${pad(i)}`,
    headline: `X${i}-jsonl ${p}`,
    author: [{ name: p }, { name: `Co-author ${i}` }],
    publisher: isBlank(p) ? "Blank payload outlet" : p,
    date: isoDay(dateOf(4, i)),
    tags: [p, "xss"],
    description: p,
    author_bio: p,
    link: payloadWebAddress(p, i),
    body_html: htmlBody(p, i),
  };
}

const jsonLinesLinkRecord = (url, j) => ({
  slug: `jsonl-link-${pad(j, 2)}`,
  title: `L${j}-jsonl ${url}`,
  author: "Link Tester",
  source: "Link Outlet",
  date: isoDay(dateOf(4, 230 + j)),
  body_html: htmlLinkBody(url, j),
});

const RSS_OPEN = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
  "<channel>",
];
const rssDate = (date) => date.toUTCString().replace("GMT", "+0000");

/** Two RSS items per payload: one with the payload as escaped text and CDATA HTML in
 * <content:encoded>, one with the whole HTML body escaped in <description>. The payload is
 * also the item's <link>, category and author. */
function rssItems(p, i) {
  return [
    "<item>",
    `  <title>${xmlText(`X${i}-rss-cdata ${p}`)}</title>`,
    `  <link>${xmlText(p)}</link>`,
    `  <guid isPermaLink="false">rss-cdata-x${pad(i)}</guid>`,
    `  <dc:creator>${xmlText(p)}</dc:creator>`,
    `  <dc:creator>Co-author ${i}</dc:creator>`,
    `  <pubDate>${rssDate(dateOf(5, i))}</pubDate>`,
    `  <category>${xmlText(p)}</category>`,
    `  <category>${cdata(p)}</category>`,
    `  <description>${xmlText(p)}</description>`,
    `  <content:encoded>${cdata(htmlBody(p, i))}</content:encoded>`,
    "</item>",
    "<item>",
    `  <title>${cdata(`X${i}-rss-escaped ${p}`)}</title>`,
    `  <link>${xmlText(payloadWebAddress(p, i, "rss-escaped"))}</link>`,
    `  <author>desk@example.org (${xmlText(p)})</author>`,
    `  <dc:creator>${cdata(p)}</dc:creator>`,
    `  <dc:creator>Co-author ${i}</dc:creator>`,
    `  <pubDate>${rssDate(dateOf(6, i))}</pubDate>`,
    `  <category>xss</category>`,
    `  <description>${xmlText(htmlBody(p, i))}</description>`,
    "</item>",
  ].join("\n");
}

const rssLinkItem = (url, j) =>
  [
    "<item>",
    `  <title>${xmlText(`L${j}-rss ${url}`)}</title>`,
    `  <link>${xmlText(url)}</link>`,
    "  <dc:creator>Link Tester</dc:creator>",
    `  <pubDate>${rssDate(dateOf(5, 230 + j))}</pubDate>`,
    `  <description>${xmlText(htmlLinkBody(url, j))}</description>`,
    `  <content:encoded>${cdata(htmlLinkBody(url, j))}</content:encoded>`,
    "</item>",
  ].join("\n");

function rssFeed(payloads) {
  return [
    ...RSS_OPEN,
    "<title>Hostile RSS feed</title>",
    "<link>https://example.org/</link>",
    "<description>Every XSS payload, twice per payload.</description>",
    "<language>en</language>",
    ...payloads.map(rssItems),
    ...dangerousLinks.map(rssLinkItem),
    "</channel>",
    "</rss>",
    "",
  ].join("\n");
}

/** A feed of its own for one payload: the channel title (the articles' source) and
 * description are the payload. */
function ownRssFeed(p, i) {
  return [
    ...RSS_OPEN,
    `<title>${xmlText(isBlank(p) ? "Blank payload feed" : p)}</title>`,
    `<link>${xmlText(payloadWebAddress(p, i, "rss-own"))}</link>`,
    `<description>${xmlText(p)}</description>`,
    "<item>",
    `  <title>${xmlText(`X${i}-rss-own ${p}`)}</title>`,
    `  <link>${xmlText(payloadWebAddress(p, i, "rss-own"))}</link>`,
    `  <dc:creator>${xmlText(p)}</dc:creator>`,
    `  <dc:creator>Co-author ${i}</dc:creator>`,
    `  <pubDate>${rssDate(dateOf(9, i))}</pubDate>`,
    `  <description>${xmlText(htmlBody(p, i))}</description>`,
    "</item>",
    "</channel>",
    "</rss>",
    "",
  ].join("\n");
}

const ATOM_OPEN = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">'];
const atomDate = (date) => date.toISOString().replace(".000", "");

/** Two Atom entries per payload: escaped text and escaped HTML content; then CDATA, an
 * HTML title and HTML summary. The payload is also the link href, author and category. */
function atomEntries(p, i) {
  return [
    "<entry>",
    `  <title type="text">${xmlText(`X${i}-atom-escaped ${p}`)}</title>`,
    `  <id>urn:x-hostile:atom-escaped:${i}</id>`,
    `  <link rel="alternate" href="${xmlAttr(p)}"/>`,
    `  <published>${atomDate(dateOf(7, i))}</published>`,
    `  <updated>${atomDate(dateOf(7, i))}</updated>`,
    `  <author><name>${xmlText(p)}</name></author>`,
    `  <author><name>Co-author ${i}</name></author>`,
    `  <category term="${xmlAttr(p)}"/>`,
    `  <category term="xss" label="${xmlAttr(`${p} label`)}"/>`,
    `  <summary type="text">${xmlText(p)}</summary>`,
    `  <content type="html">${xmlText(htmlBody(p, i))}</content>`,
    "</entry>",
    "<entry>",
    `  <title type="html">${cdata(htmlText(`X${i}-atom-cdata ${p}`))}</title>`,
    `  <id>urn:x-hostile:atom-cdata:${i}</id>`,
    `  <link href="${xmlAttr(payloadWebAddress(p, i, "atom-cdata"))}"/>`,
    `  <published>${atomDate(dateOf(8, i))}</published>`,
    `  <updated>${atomDate(dateOf(8, i))}</updated>`,
    `  <author><name>${cdata(p)}</name><email>desk@example.org</email></author>`,
    `  <author><name>Co-author ${i}</name></author>`,
    `  <category term="xss"/>`,
    `  <summary type="html">${cdata(p)}</summary>`,
    `  <content type="html">${cdata(htmlBody(p, i))}</content>`,
    "</entry>",
  ].join("\n");
}

const atomLinkEntry = (url, j) =>
  [
    "<entry>",
    `  <title>${xmlText(`L${j}-atom ${url}`)}</title>`,
    `  <id>urn:x-hostile:atom-link:${j}</id>`,
    `  <link rel="alternate" href="${xmlAttr(url)}"/>`,
    `  <published>${atomDate(dateOf(7, 230 + j))}</published>`,
    "  <author><name>Link Tester</name></author>",
    `  <content type="html">${cdata(htmlLinkBody(url, j))}</content>`,
    "</entry>",
  ].join("\n");

function atomFeed(payloads) {
  return [
    ...ATOM_OPEN,
    "<title>Hostile Atom feed</title>",
    "<id>urn:x-hostile:atom</id>",
    "<updated>2024-01-01T00:00:00Z</updated>",
    ...payloads.map(atomEntries),
    ...dangerousLinks.map(atomLinkEntry),
    "</feed>",
    "",
  ].join("\n");
}

/** An Atom feed of its own for one payload: the feed's title (the source, as HTML) and its
 * author (used by the entry, which names none) are the payload. */
function ownAtomFeed(p, i) {
  return [
    ...ATOM_OPEN,
    `<title type="html">${xmlText(isBlank(p) ? "Blank payload feed" : p)}</title>`,
    `<subtitle>${xmlText(p)}</subtitle>`,
    `<id>urn:x-hostile:atom-own:${i}</id>`,
    `<updated>${atomDate(dateOf(10, i))}</updated>`,
    `<author><name>${xmlText(isBlank(p) ? "Blank Payload" : p)}</name></author>`,
    "<entry>",
    `  <title>${xmlText(`X${i}-atom-own ${p}`)}</title>`,
    `  <id>urn:x-hostile:atom-own:${i}:entry</id>`,
    `  <link href="${xmlAttr(payloadWebAddress(p, i, "atom-own"))}"/>`,
    `  <published>${atomDate(dateOf(10, i))}</published>`,
    `  <content type="html">${cdata(htmlBody(p, i))}</content>`,
    "</entry>",
    "</feed>",
    "",
  ].join("\n");
}

// ---------------------------------------------------------------------------------------
// The input folder

/** A text file's content without NUL bytes. The corpus tool, like git and grep, takes a
 * file with a NUL in its first 8 KB for binary and skips it, so a raw NUL (in a Markdown
 * body, a saved page, CDATA) is written as U+FFFD, which is what CommonMark and other
 * text readers turn NUL into anyway. Escaped NULs (`\u0000` in JSON, YAML and TOML
 * strings) are not bytes of the file and stay, so those fields still carry the payload
 * exactly. */
const textFile = (content) => content.replaceAll("\u0000", "\ufffd");

/**
 * Writes the hostile input folder into `dir` (created if missing) and returns what it
 * wrote: `{ files, articles, byFormat }`, where `articles` is the number of articles a
 * clean ingest must produce and `byFormat` counts them per title tag.
 */
export function writeHostileInputs(dir, payloads) {
  const files = [];
  const write = (path, content) => {
    const full = join(dir, path);
    mkdirSync(join(full, ".."), { recursive: true });
    writeFileSync(full, textFile(content));
    files.push(path);
  };
  payloads.forEach((p, i) => {
    write(`markdown-yaml/yaml-x${pad(i)}.md`, yamlArticle(p, i));
    write(`markdown-toml/toml-x${pad(i)}.md`, tomlArticle(p, i));
    write(`page-text/page-x${pad(i)}.txt`, pageText(p, i));
    write(`feeds-own/rss-x${pad(i)}.xml`, ownRssFeed(p, i));
    write(`feeds-own/atom-x${pad(i)}.atom`, ownAtomFeed(p, i));
  });
  dangerousLinks.forEach((url, j) => {
    write(`markdown-yaml/yaml-link-${pad(j, 2)}.md`, yamlLinkArticle(url, j));
    write(`markdown-toml/toml-link-${pad(j, 2)}.md`, tomlLinkArticle(url, j));
  });
  const records = [...payloads.map(jsonRecord), ...dangerousLinks.map(jsonLinkRecord)];
  write("json/records.json", JSON.stringify(records, null, 1) + "\n");
  const lines = [...payloads.map(jsonLinesRecord), ...dangerousLinks.map(jsonLinesLinkRecord)];
  write("jsonl/records.jsonl", lines.map((r) => JSON.stringify(r)).join("\n") + "\n");
  write("feeds/hostile-rss.rss", rssFeed(payloads));
  write("feeds/hostile-atom.xml", atomFeed(payloads));

  const byFormat = Object.fromEntries(FORMATS.map((f) => [f.tag, f.perPayload * payloads.length]));
  for (const tag of LINK_FORMATS) byFormat[`link-${tag}`] = dangerousLinks.length;
  const articles = Object.values(byFormat).reduce((a, b) => a + b, 0);
  return { files, articles, byFormat };
}

// ---------------------------------------------------------------------------------------
// The hand-written corpus

/**
 * A corpus object (the `corpus.json` shape) written directly, not through ingest: one
 * article per payload with the payload verbatim in every field, and one per dangerous link.
 *
 * Where `corpus check` would refuse a payload-carrying value, or remove it with a warning,
 * it is adapted so that the payload still reaches the page, and the indexes concerned are
 * listed in the returned object's `adaptations` property (non-enumerable, so
 * JSON.stringify leaves it out of the corpus):
 * - `url` must be an http(s) address: it is `payloadWebAddress` (payload after a web prefix).
 * - a link target the validator refuses (a scheme other than http/https/mailto, control
 *   characters, character references): the payload link's target is `payloadWebAddress`.
 * - authors, source, keywords, summary must not be blank: a blank payload is replaced by a
 *   stand-in (authors, source, summary) or left out (keywords).
 * One article per dangerous link is kept whatever its target: a link the validator refuses
 * costs the link, not the article (the explorer shows its text as plain text and lists it;
 * `corpus check` warns of it). The indexes of those links are listed in `adaptations.links`.
 * The collection title carries `payloads[titleIndex]`, the notice every payload.
 */
export function hostileCorpus(payloads, { titleIndex } = {}) {
  const adaptations = { url: [], href: [], authors: [], source: [], keywords: [], summary: [], links: [] };
  const articles = payloads.map((p, i) => {
    const blank = isBlank(p);
    const href = isSafeHref(p) ? p : payloadWebAddress(p, i);
    if (href !== p) adaptations.href.push(i);
    const url = isWebAddress(p) ? p : payloadWebAddress(p, i);
    if (url !== p) adaptations.url.push(i);
    if (blank) ["authors", "source", "keywords", "summary"].forEach((k) => adaptations[k].push(i));
    return {
      id: `x${pad(i)}`,
      title: `X${i} ${p}`,
      authors: blank ? ["Blank Payload"] : [p],
      source: blank ? "Blank payload outlet" : p,
      published: isoDay(dateOf(0, i)),
      keywords: blank ? ["xss"] : [p, "xss"],
      language: "en",
      summary: blank ? `Summary of X${i}` : p,
      body: blockBody(p, i, href),
      bio: p,
      url,
    };
  });
  dangerousLinks.forEach((url, j) => {
    if (!isSafeHref(url)) adaptations.links.push(j);
    articles.push({
      id: `link-${pad(j, 2)}`,
      title: `L${j} ${url}`,
      authors: ["Link Tester"],
      source: "Link Outlet",
      published: isoDay(dateOf(1, j)),
      keywords: ["dangerous link"],
      language: "en",
      summary: `Dangerous link ${j}.`,
      body: linkBlocks(url, j),
    });
  });
  const at = titleIndex ?? Math.max(0, payloads.findIndex((p) => /<script/i.test(p)));
  const corpus = {
    version: 1,
    title: `Hostile collection ${payloads[at] ?? ""}`,
    notice: payloads.join("\n"),
    articles,
  };
  return Object.defineProperty(corpus, "adaptations", { value: adaptations, enumerable: false });
}
