// Small statistics for the scale benchmark: nearest-rank percentiles and medians, so
// every number in the report is computed the same way.

/** The nearest-rank percentile `p` (0–100) of `values`, or null when there are none. */
export function percentile(values, p) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** The median (the lower middle value for an even count, so it is a measured value). */
export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null;
}

/** p50, p95, max and count of latency samples. */
export function latencies(samples) {
  const finite = samples.filter((v) => Number.isFinite(v));
  return {
    count: finite.length,
    p50: percentile(finite, 50),
    p95: percentile(finite, 95),
    max: finite.length ? Math.max(...finite) : null,
  };
}

/** The median of `pick(run)` over the runs that have it. */
export function medianOf(runs, pick) {
  return median(runs.map((run) => {
    try {
      return pick(run);
    } catch {
      return null;
    }
  }).filter((v) => v !== null && v !== undefined));
}

/** `promise`, or a rejection naming `what` once `ms` have passed (a page that hangs must not hang the run). */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer after ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
