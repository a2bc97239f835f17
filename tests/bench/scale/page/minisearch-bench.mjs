// In the MiniSearch benchmark page: download documents.json (one document per line, so it
// can be read as it streams in; a 100,000-article file is longer than the longest string
// the browser can make), add each document to a MiniSearch index as it arrives, then time
// queries. Set up as tests/bench does: five fields, title and keywords boosted by our
// engine's weights, prefix search on the last word, no fuzzy matching, every word required.
import MiniSearch from "./minisearch.js";

let index = null;

const OPTIONS = {
  idField: "id",
  fields: ["title", "keywords", "authors", "summary", "body"],
  // Kept for the keyword filter, in lower case (keywords ignore case in the explorer too).
  storeFields: ["kw"],
  searchOptions: {
    boost: { title: 3, keywords: 2.5 },
    prefix: (_term, i, terms) => i === terms.length - 1,
    fuzzy: false,
    combineWith: "AND",
  },
};

window.miniBench = {
  /** Downloads and indexes every document; returns the times and the document count. */
  async load() {
    const started = performance.now();
    index = new MiniSearch(OPTIONS);
    const response = await fetch("./documents.json");
    if (!response.ok) throw new Error(`documents.json: HTTP ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let rest = "";
    let documents = 0;
    let indexMs = 0;
    const take = (line) => {
      const text = line.trim().replace(/,$/, "");
      if (text === "" || text === "[" || text === "]") return;
      const document = JSON.parse(text);
      const t = performance.now();
      index.add(document);
      indexMs += performance.now() - t;
      documents++;
    };
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const lines = (rest + value).split("\n");
      rest = lines.pop();
      for (const line of lines) take(line);
    }
    take(rest);
    const ended = performance.now();
    document.getElementById("status").textContent = "ready";
    return { loadMs: ended - started, indexMs, readyMs: ended, documents };
  },

  /** Runs `queries` ({ words, keyword }) `warmup` times untimed, then `passes` times timed. */
  time(queries, warmup, passes) {
    const run = (query) => {
      const keyword = query.keyword?.toLowerCase();
      const options = keyword ? { filter: (result) => result.kw.includes(keyword) } : {};
      return index.search(query.words, options).length;
    };
    for (let pass = 0; pass < warmup; pass++) for (const query of queries) run(query);
    const samples = [];
    const totals = queries.map(run);
    for (let pass = 0; pass < passes; pass++) {
      for (const query of queries) {
        const t = performance.now();
        run(query);
        samples.push(performance.now() - t);
      }
    }
    return { samples, totals };
  },
};
