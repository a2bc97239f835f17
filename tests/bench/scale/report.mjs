// The scale benchmark's Markdown report: a heading with the date, machine, browser and
// command; one table per corpus size (the explorer beside Pagefind and MiniSearch); and
// one combined table across sizes. Every figure is the median over the cold runs.

const n = (v) => (v === null || v === undefined ? "—" : v.toLocaleString("en-US"));
const ms = (v) => (v === null || v === undefined ? "—" : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : v >= 10 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`);
const seconds = (v) => (v === null || v === undefined ? "—" : `${v.toFixed(2)} s`);
const bytes = (v) => {
  if (v === null || v === undefined) return "—";
  if (v >= 1e9) return `${(v / 1e9).toFixed(2)} GB`;
  if (v >= 1e6) return `${(v / 1e6).toFixed(1)} MB`;
  if (v >= 1e3) return `${(v / 1e3).toFixed(1)} kB`;
  return `${v} B`;
};
const mib = (kib) => (kib === null || kib === undefined ? "—" : kib >= 1024 * 1024 ? `${(kib / 1024 / 1024).toFixed(2)} GiB` : `${(kib / 1024).toFixed(0)} MiB`);
const pair = (a, b, format) => `${format(a)} / ${format(b)}`;
const ratio = (a, b) => {
  if (a === null || b === null || a === undefined || b === undefined || b === 0) return "—";
  const r = a / b;
  return `${r >= 10 ? r.toFixed(0) : r >= 0.1 || r === 0 ? r.toFixed(2) : r.toPrecision(2)}×`;
};
const folder = (s) => (s ? `${n(s.files)} files, ${bytes(s.bytes)} raw, ${bytes(s.asServed)} as served (${bytes(s.gzipAll)} all gzipped)` : "—");

/** Why an engine has no numbers at this size, if it has none. */
const failure = (part) => (part?.error ? `failed: ${part.error.split("\n")[0].slice(0, 160)}` : null);

export function header(context) {
  const lines = [
    `## Insight Explorer at scale, beside Pagefind and MiniSearch, ${context.date}`,
    "",
    `- machine: ${context.machine.cores} cores (nproc), ${context.machine.model}, ${context.machine.memoryGiB.toFixed(0)} GiB; load average ${context.machine.loadBefore} before, ${context.machine.loadAfter ?? "?"} after`,
    `- browser: Chromium ${context.chromium} (headless, playwright-core ${context.versions.playwright}); Node ${context.node}; Pagefind ${context.versions.pagefind}; MiniSearch ${context.versions.minisearch}`,
    `- command: \`${context.command}\``,
    `- each figure: median of ${context.runs} cold run${context.runs === 1 ? "" : "s"} (fresh browser context, HTTP cache off); served like GitHub Pages (HTTP/2 over TLS) under ${context.base} on a loopback port; responses compressed by the server: ${context.compression}`,
  ];
  return lines.join("\n");
}

export function sizeTable(entry, context) {
  const { size, corpus, explorer: ex, pagefind: pf, minisearch: mini } = entry;
  const out = [];
  out.push(`### ${n(size)} articles`);
  out.push("");
  out.push(`Corpus: ${corpus.path} (${bytes(corpus.bytes)}, seed 7). Queries (${entry.queries.length}): ${entry.queries.map((q) => `\`${q.text}\` (${q.kind})`).join(", ")}.`);
  out.push("");
  out.push(`| measure | explorer | Pagefind ${context.versions.pagefind} | MiniSearch ${context.versions.minisearch} | explorer ÷ Pagefind |`);
  out.push("| --- | ---: | ---: | ---: | ---: |");
  const row = (cells) => out.push(`| ${cells.join(" | ")} |`);
  const pfFail = failure(pf?.build) ?? failure(pf);
  const miniFail = failure(mini);
  const exFail = failure(ex);
  row([
    "build: time",
    `${seconds(entry.publish?.seconds)} (\`corpus publish\`)`,
    pf?.build?.ok ? seconds(pf.build.seconds) : pfFail ?? "—",
    "— (indexes in the browser)",
    ratio(entry.publish?.seconds, pf?.build?.ok ? pf.build.seconds : null),
  ]);
  row([
    "build: peak memory",
    `${mib(entry.publish?.maxRssKiB)} (${entry.publish?.rssMethod ?? "?"})`,
    pf?.build ? `${mib(pf.build.peakTreeKiB)} (node + pagefind, sampled)${pf.build.ok ? "" : " at stop"}` : "—",
    "—",
    ratio(entry.publish?.maxRssKiB, pf?.build?.ok ? pf.build.peakTreeKiB : null),
  ]);
  row(["published", folder(entry.site), pf?.bundle ? folder(pf.bundle) : "—", mini?.folder ? folder(mini.folder) : "—", ratio(entry.site?.asServed, pf?.bundle?.asServed)]);
  row([
    "**bytes before it can search** (app included)",
    exFail ?? `**${bytes(ex?.beforeFirstList)}** (to the first list)`,
    pfFail ?? `**${bytes(pf?.beforeReady)}** (page, pagefind.js, its worker, wasm, metadata)`,
    miniFail ?? `**${bytes(mini?.bytes)}** (page, MiniSearch, documents)`,
    ratio(ex?.beforeFirstList, pf?.beforeReady),
  ]);
  row([
    "**time until it can search** (from navigation)",
    exFail ?? `**${ms(ex?.firstListMs)}** first list (wall ${ms(ex?.wallMs)})`,
    pfFail ?? `**${ms(pf?.readyMs)}** ready: init() returned, start-up fetches in (the import and init() call ${ms(pf?.initMs)})`,
    miniFail ?? `**${ms(mini?.readyMs)}** loaded and indexed (index ${ms(mini?.indexMs)})`,
    ratio(ex?.firstListMs, pf?.readyMs),
  ]);
  if (ex?.paintedMs != null) {
    row(["… the first list on screen from the page's own HTML (first contentful paint), and the bytes by then", `${ms(ex.paintedMs)}, ${bytes(ex.beforePaint)}`, "", "", ""]);
  }
  const marks = Object.entries(ex?.marks ?? {}).filter(([name]) => name !== "first-list-rendered");
  if (marks.length) row(["explorer's start-up marks (from navigation)", marks.map(([name, t]) => `${name} ${ms(t)}`).join(", "), "", "", ""]);
  row(["first query: bytes", exFail ?? bytes(ex?.firstQueryBytes), pfFail ?? bytes(pf?.firstQueryBytes), "0 B", ratio(ex?.firstQueryBytes, pf?.firstQueryBytes)]);
  row(["further queries: bytes each (median)", exFail ?? bytes(ex?.furtherQueryBytes), pfFail ?? bytes(pf?.furtherQueryBytes), "0 B", ratio(ex?.furtherQueryBytes, pf?.furtherQueryBytes)]);
  row([
    "**latency p50 / p95, cold**",
    exFail ?? `**${pair(ex?.cold?.p50, ex?.cold?.p95, ms)}** keystroke → results drawn (${n(ex?.cold?.count)} keystrokes)`,
    pfFail ?? `**${pair(pf?.cold?.p50, pf?.cold?.p95, ms)}** search + 10 results' data`,
    miniFail ?? `**${pair(mini?.p50, mini?.p95, ms)}** search (in memory)`,
    ratio(ex?.cold?.p50, pf?.cold?.p50),
  ]);
  if (ex?.coldToFirstChange?.p50 != null) {
    row(["… of which until the results first change in the DOM; until the frame that draws them", `${pair(ex.coldToFirstChange.p50, ex.coldToFirstChange.p95, ms)}; ${pair(ex.coldToFrame.p50, ex.coldToFrame.p95, ms)}`, "", "", ""]);
  }
  if (ex?.floor?.p50 != null) {
    row(["… the browser's own floor: 10 card-sized byte ranges of distinct packs at once, no app work", pair(ex.floor.p50, ex.floor.p95, ms), "", "", ""]);
  }
  row(["latency p50 / p95, warm (second pass)", exFail ?? pair(ex?.warm?.p50, ex?.warm?.p95, ms), pfFail ?? pair(pf?.warm?.p50, pf?.warm?.p95, ms), "(as above)", ratio(ex?.warm?.p50, pf?.warm?.p50)]);
  row([
    `memory after ${n(ex?.manyCount ?? 200)} more queries`,
    exFail ?? `${bytes(ex?.wasmMemory)} WebAssembly.Memory (${bytes(ex?.wasmMemoryAfterLoad)} after load); JS heap ${bytes(ex?.jsHeap)}`,
    "—",
    miniFail ?? `JS heap ${bytes(mini?.jsHeap)} (after indexing)`,
    "",
  ]);
  if (ex?.many) row([`${n(ex.manyCount)} queries pasted whole, p50 / p95`, pair(ex.many.p50, ex.many.p95, ms), "", "", ""]);
  const notes = [];
  if (ex?.unchanged) notes.push(`${n(ex.unchanged)} keystrokes per run changed nothing on screen (a space, or a word the list already matched) and are not in the explorer's latencies`);
  if (pf?.build && !pf.build.ok) notes.push(`Pagefind's build stopped: ${pf.build.error} (last progress: ${JSON.stringify(pf.build.lastProgress)})`);
  for (const [name, part] of [["explorer", ex], ["Pagefind", pf], ["MiniSearch", mini]]) {
    if (part?.problems?.length) notes.push(`${name}: the browser reported ${part.problems.length} problem(s), first: ${part.problems[0]}`);
  }
  if (notes.length) {
    out.push("");
    for (const note of notes) out.push(`- ${note}`);
  }
  return out.join("\n");
}

export function combinedTable(entries) {
  const out = [];
  out.push("### All sizes");
  out.push("");
  out.push("| articles | explorer: bytes to first list | time to first list | keystroke p50 / p95 (cold) | wasm memory after queries | publish time / peak | Pagefind: build time / peak | bytes to ready | query p50 / p95 (cold) | MiniSearch: load + index | query p50 / p95 |");
  out.push("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const e of entries) {
    const { explorer: ex, pagefind: pf, minisearch: mini } = e;
    const pfOk = pf?.build?.ok && !pf.error;
    out.push(
      `| ${n(e.size)} | ${ex?.error ? "failed" : bytes(ex?.beforeFirstList)} | ${ex?.error ? "—" : ms(ex?.firstListMs)} | ${ex?.error ? "—" : pair(ex?.cold?.p50, ex?.cold?.p95, ms)} | ${bytes(ex?.wasmMemory)} | ${seconds(e.publish?.seconds)} / ${mib(e.publish?.maxRssKiB)} | ${pf?.build ? (pf.build.ok ? `${seconds(pf.build.seconds)} / ${mib(pf.build.peakTreeKiB)}` : "failed") : "—"} | ${pfOk ? bytes(pf.beforeReady) : "—"} | ${pfOk ? pair(pf.cold?.p50, pf.cold?.p95, ms) : "—"} | ${mini?.error ? "failed" : ms(mini?.loadMs)} | ${mini?.error ? "—" : pair(mini?.p50, mini?.p95, ms)} |`,
    );
  }
  return out.join("\n");
}
