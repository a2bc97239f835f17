// Builds a Pagefind bundle from a corpus JSON file with Pagefind's Node API, one custom
// record per article, as a site that used Pagefind for this collection would. Run as its
// own process by run.mjs, which measures its time and memory; it reports its progress on
// standard output as JSON lines so that a build that dies (at 100,000 articles it may run
// out of memory) still tells how far it got.
//
// usage: node pagefind-build.mjs CORPUS.json OUTPUT_DIR BASE_URL
import * as pagefind from "pagefind";
import { readArticles, bodyText } from "./corpus.mjs";

const [corpusPath, outputPath, base = "/"] = process.argv.slice(2);
const say = (message) => console.log(JSON.stringify(message));
/** Records in flight at once: enough to keep the binary busy, few enough to bound memory. */
const BATCH = 200;

const started = performance.now();
const { errors, index } = await pagefind.createIndex({});
if (!index) throw new Error(`pagefind createIndex: ${errors.join("; ")}`);
say({ stage: "adding", added: 0 });
let added = 0;
const problems = [];
let batch = [];
const flush = async () => {
  if (!batch.length) return;
  const responses = await Promise.all(batch);
  for (const response of responses) if (response.errors?.length) problems.push(...response.errors);
  added += batch.length;
  batch = [];
  if (added % 5000 < BATCH) say({ stage: "adding", added });
};
for await (const article of readArticles(corpusPath)) {
  // The same fields our engine searches: title, keywords, authors, summary and body.
  const content = [article.title, (article.keywords ?? []).join(", "), (article.authors ?? []).join(", "), article.summary, bodyText(article.body)].join("\n\n");
  batch.push(
    index.addCustomRecord({
      url: `${base}articles/${article.id}`,
      content,
      language: article.language || "en",
      meta: { title: article.title },
      filters: { keywords: article.keywords ?? [], author: article.authors ?? [] },
    }),
  );
  if (batch.length === BATCH) await flush();
}
await flush();
const addSeconds = (performance.now() - started) / 1000;
say({ stage: "writing", added });
const written = await index.writeFiles({ outputPath });
if (written.errors?.length) problems.push(...written.errors);
const writeSeconds = (performance.now() - started) / 1000 - addSeconds;
await pagefind.close();
say({ stage: "done", added, addSeconds, writeSeconds, problems: problems.slice(0, 20), problemCount: problems.length });
