// Running a child process for the scale benchmark while watching its memory: the peak
// resident memory of the child and all its descendants together (Pagefind's Node API runs
// the pagefind binary as a child of node, so the child alone would miss most of it), read
// from /proc every 100 ms, with a ceiling that stops the run before it starves a shared
// machine.
import { spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";

/** { pid: { ppid, rssKiB, hwmKiB, name } } for every process /proc shows. */
async function processTable() {
  const table = new Map();
  for (const entry of await readdir("/proc").catch(() => [])) {
    if (!/^\d+$/.test(entry)) continue;
    const status = await readFile(`/proc/${entry}/status`, "utf8").catch(() => null);
    if (!status) continue;
    const field = (name) => status.match(new RegExp(`^${name}:\\s*(\\S+)`, "m"))?.[1];
    table.set(Number(entry), {
      ppid: Number(field("PPid")),
      rssKiB: Number(field("VmRSS") ?? 0),
      hwmKiB: Number(field("VmHWM") ?? 0),
      name: field("Name") ?? "?",
    });
  }
  return table;
}

function descendants(table, root) {
  const found = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, info] of table) {
      if (!found.has(pid) && found.has(info.ppid)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  return found;
}

/**
 * Runs `command` with `args`, passing each line of its standard output to `onLine`.
 * Resolves to { code, signal, seconds, peakTreeKiB, peakByProcess, stoppedForMemory, stderr }.
 * When the tree's resident memory passes `limitKiB`, the whole tree is killed.
 */
export function runWatched(command, args, { onLine = () => {}, limitKiB = Infinity, env = process.env } = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let peakTreeKiB = 0;
    const peakByProcess = {};
    let stoppedForMemory = false;
    let stderr = "";
    let buffered = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (text) => {
      buffered += text;
      const lines = buffered.split("\n");
      buffered = lines.pop();
      for (const line of lines) onLine(line);
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (text) => {
      stderr = (stderr + text).slice(-20_000);
    });
    let sampling = false;
    const sample = async () => {
      if (sampling) return;
      sampling = true;
      const table = await processTable();
      let total = 0;
      for (const pid of descendants(table, child.pid)) {
        const info = table.get(pid);
        if (!info) continue;
        total += info.rssKiB;
        const key = `${info.name} (${pid})`;
        peakByProcess[key] = Math.max(peakByProcess[key] ?? 0, info.hwmKiB);
      }
      peakTreeKiB = Math.max(peakTreeKiB, total);
      if (total > limitKiB && !stoppedForMemory) {
        stoppedForMemory = true;
        // The child leads its own process group, so this reaches the pagefind binary too.
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {}
      }
      sampling = false;
    };
    const timer = setInterval(sample, 100);
    child.on("close", (code, signal) => {
      clearInterval(timer);
      // Anything the child left behind in its process group (a pagefind binary whose
      // parent died) goes too.
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
      if (buffered) onLine(buffered);
      resolve({ code, signal, seconds: (performance.now() - started) / 1000, peakTreeKiB, peakByProcess, stoppedForMemory, stderr });
    });
  });
}
