// Reading a corpus JSON file in Node for the scale benchmark: its articles one at a time,
// their plain text, and the query set picked from the corpus's own vocabulary.
//
// Articles are streamed rather than read with one JSON.parse because a 100,000-article
// corpus is about 800 MB, longer than the longest string V8 can make (about 512 MB).
import { createReadStream } from "node:fs";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/**
 * Yields each element of the top-level `articles` array of the corpus at `path`, parsed.
 * It tracks nesting and strings byte by byte: every structural character of JSON is
 * ASCII, and no byte of a multi-byte UTF-8 character is below 0x80, so bytes suffice.
 */
export async function* readArticles(path) {
  let depth = 0;
  let inString = false;
  let escaped = false;
  // The last string seen directly inside the top-level object: a key before its value.
  let lastTopString = [];
  let collectingTopString = false;
  let inArticles = false;
  // Pieces of the article being read (it may span chunks).
  let pieces = null;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (byte === BACKSLASH) escaped = true;
        else if (byte === QUOTE) inString = false;
        if (collectingTopString) {
          if (inString) {
            if (lastTopString.length < 64) lastTopString.push(byte);
          } else collectingTopString = false;
        }
        continue;
      }
      if (byte === QUOTE) {
        inString = true;
        if (depth === 1) {
          collectingTopString = true;
          lastTopString = [];
        }
      } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
        if (depth === 1 && byte === OPEN_ARRAY && Buffer.from(lastTopString).toString() === "articles") inArticles = true;
        if (inArticles && depth === 2 && byte === OPEN_OBJECT) {
          pieces = [];
          start = i;
        }
        depth++;
      } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
        depth--;
        if (inArticles && depth === 2 && pieces) {
          pieces.push(chunk.subarray(start, i + 1));
          yield JSON.parse(Buffer.concat(pieces).toString("utf8"));
          pieces = null;
        } else if (inArticles && depth === 1) {
          inArticles = false;
        }
      }
    }
    if (pieces) {
      pieces.push(chunk.subarray(start));
      start = 0;
    }
  }
}

/** Appends the visible text of inline content. */
function inlineText(nodes, out) {
  for (const node of nodes ?? []) {
    if (typeof node.text === "string") out.push(node.text);
    else if (node.type === "line_break") out.push(" ");
    if (Array.isArray(node.content)) inlineText(node.content, out);
  }
}

/** The visible text of body blocks, a blank line between blocks. */
export function bodyText(blocks) {
  const out = [];
  const walk = (list) => {
    for (const block of list ?? []) {
      if (out.length) out.push("\n\n");
      if (block.type === "code") out.push(block.text ?? "");
      else if (block.type === "quote") walk(block.blocks);
      else if (block.type === "list") for (const item of block.items ?? []) walk(item);
      else inlineText(block.content, out);
    }
  };
  walk(blocks);
  return out.join("");
}

/** Function words: frequent in every article, so useless as "common word" queries. */
const STOP = new Set(
  "the a an of to and in that for with on as by more less than when while because should could would must can will often rarely now still new old is are was were be this these those it its from at or not but"
    .split(" "),
);

const words = (text) => text.toLowerCase().match(/[a-z]+/g) ?? [];

/**
 * Collects what query picking needs from a stream of articles: the number of English
 * articles each word appears in, title bigrams, and keyword counts.
 */
export class Vocabulary {
  constructor() {
    this.documentFrequency = new Map();
    this.titlePairs = new Map();
    this.keywords = new Map();
    this.articles = 0;
  }

  add(article) {
    this.articles++;
    for (const keyword of article.keywords ?? []) this.keywords.set(keyword, (this.keywords.get(keyword) ?? 0) + 1);
    if (article.language !== "en") return;
    const text = [article.title, article.summary, (article.keywords ?? []).join(" "), (article.authors ?? []).join(" "), bodyText(article.body)].join(" ");
    for (const word of new Set(words(text))) this.documentFrequency.set(word, (this.documentFrequency.get(word) ?? 0) + 1);
    const title = words(article.title);
    for (let i = 0; i + 1 < title.length; i++) {
      if (STOP.has(title[i]) || STOP.has(title[i + 1]) || title[i].length < 4 || title[i + 1].length < 4) continue;
      const pair = `${title[i]} ${title[i + 1]}`;
      this.titlePairs.set(pair, (this.titlePairs.get(pair) ?? 0) + 1);
    }
  }

  /** Content words (no function words, four letters or more), most frequent first; ties alphabetical. */
  ranked() {
    return [...this.documentFrequency]
      .filter(([word]) => !STOP.has(word) && word.length >= 4)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  }

  /**
   * `ranked()` without the words that begin a longer word of the corpus: the generated
   * summaries are cut mid-word, and such a fragment ("worke") is the prefix of a common
   * word, which a search-as-you-type engine matches as a prefix, so it is no rare word.
   */
  wholeWords() {
    const alphabetical = [...this.documentFrequency.keys()].sort();
    // In alphabetical order a word's longer relatives follow it at once.
    const fragment = new Set(alphabetical.filter((w, i) => alphabetical[i + 1]?.startsWith(w)));
    return this.ranked().filter(([w]) => !fragment.has(w));
  }

  /**
   * The query set, the same for every engine: two common words, two rare words, two
   * word pairs, two prefixes and a word with a keyword filter. Deterministic: it depends
   * on the corpus only.
   */
  queries() {
    const ranked = this.ranked();
    const take = (list, n, used) => {
      const out = [];
      for (const item of list) {
        if (out.length === n) break;
        if (!used.has(item)) {
          out.push(item);
          used.add(item);
        }
      }
      return out;
    };
    const used = new Set();
    const common = take(ranked.map(([w]) => w), 2, used);
    // Rare: in as few articles as possible but more than one, and long enough to be a real word.
    const rare = take(
      this.wholeWords().filter(([w, n]) => n >= 2 && w.length >= 5).sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w),
      2,
      used,
    );
    const pairs = take([...this.titlePairs].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([p]) => p), 2, used);
    // Prefixes of mid-frequency words, cut where they are not whole words themselves.
    const prefixes = [];
    for (const [word] of ranked.slice(Math.min(10, ranked.length - 1))) {
      if (prefixes.length === 2) break;
      if (word.length < 7) continue;
      const prefix = word.slice(0, 5);
      if (!this.documentFrequency.has(prefix) && !prefixes.some((p) => p.text === prefix)) prefixes.push({ text: prefix, word });
    }
    // The most frequent keyword that is one word, so `kw:` needs no quotes.
    const keyword = [...this.keywords].filter(([k]) => /^[A-Za-z]+$/.test(k)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    const filterWord = take(ranked.map(([w]) => w), 1, used)[0];
    const queries = [
      ...common.map((text) => ({ kind: "common word", text, words: text })),
      ...rare.map((text) => ({ kind: "rare word", text, words: text })),
      ...pairs.map((text) => ({ kind: "two words", text, words: text })),
      ...prefixes.map(({ text }) => ({ kind: "prefix", text, words: text })),
    ];
    if (keyword && filterWord) {
      queries.push({ kind: "word + keyword filter", text: `${filterWord} kw:${keyword}`, words: filterWord, keyword });
    }
    return queries;
  }

  /**
   * `count` further queries for the memory measure: words spread evenly over the whole
   * frequency range (common to rare), then pairs of them, as a reader's queries would be.
   */
  manyQueries(count) {
    const ranked = this.wholeWords().map(([w]) => w);
    if (!ranked.length) return [];
    const half = Math.ceil(count / 2);
    const spread = Array.from({ length: half }, (_, i) => ranked[Math.floor((i * ranked.length) / half)]);
    const out = [...spread];
    for (let i = 0; out.length < count; i++) out.push(`${spread[i % half]} ${spread[(i * 7 + 3) % half]}`);
    return out;
  }
}
