// Shared by the bench files: whole-process timing (medians), peak memory, JSON baselines.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const DATA = "bench/.data";

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

const GNU_TIME = "/usr/bin/time";

export interface Run {
  ms: number;
  /**
   * CPU time of the process (user + system, ms), when GNU time is there to tell it: on a machine
   * shared with other work it varies far less than the wall time.
   */
  cpuMs?: number;
  /** Peak resident memory of the process (MB), likewise. */
  peakMb?: number;
}

/** One whole process: wall time and peak memory. Exit codes 0 and 1 (findings) are success. */
export function runProcess(args: string[], options: { ok?: number[] } = {}): Run {
  const timed = existsSync(GNU_TIME);
  const cmd = timed ? GNU_TIME : process.execPath;
  const argv = timed ? ["-f", "@@peak %M cpu %U %S", process.execPath, ...args] : args;
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (!(options.ok ?? [0, 1]).includes(r.status ?? -1)) throw new Error(`node ${args.join(" ")} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const m = /@@peak (\d+) cpu ([\d.]+) ([\d.]+)/.exec(r.stderr ?? "");
  return m ? { ms, peakMb: Number(m[1]) / 1024, cpuMs: (Number(m[2]) + Number(m[3])) * 1000 } : { ms };
}

/** Median wall and CPU time of `n` runs (and the largest peak memory seen). */
export function timeProcess(args: string[], n: number): Run {
  return summary(Array.from({ length: n }, () => runProcess(args)));
}

/**
 * Two commands timed in turn (a, b, a, b...), so a drift in the machine's speed (another
 * process, a noisy neighbour of the virtual machine) weighs on both alike.
 */
export function timeInTurn(a: string[], b: string[], n: number): [Run, Run] {
  const ra: Run[] = [];
  const rb: Run[] = [];
  for (let i = 0; i < n; i++) {
    ra.push(runProcess(a));
    rb.push(runProcess(b));
  }
  return [summary(ra), summary(rb)];
}

function summary(runs: Run[]): Run {
  const cpu = runs.flatMap((r) => (r.cpuMs === undefined ? [] : [r.cpuMs]));
  const peaks = runs.flatMap((r) => (r.peakMb === undefined ? [] : [r.peakMb]));
  return { ms: median(runs.map((r) => r.ms)), cpuMs: cpu.length ? median(cpu) : undefined, peakMb: peaks.length ? Math.max(...peaks) : undefined };
}

/**
 * The same encounters written as JSON, as an export of the charts would hold them: an object per
 * encounter, one per statement with its keyword and words.
 */
export function encountersAsJson(text: string): string {
  const encounters: { statements: { keyword: string; words: string[] }[] }[] = [];
  for (const line of text.split("\n")) {
    const words = line.trim().split(/[\s,]+/).filter(Boolean);
    if (!words.length || words[0].startsWith("#")) continue;
    if (words[0] === "encounter" || !encounters.length) encounters.push({ statements: [] });
    encounters[encounters.length - 1].statements.push({ keyword: words[0], words: words.slice(1) });
  }
  return JSON.stringify(encounters);
}

/** Writes the JSON twin of every .encounter file of `dir` into `out`; returns its files. */
export function jsonTwin(dir: string, out: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".encounter"))
    .sort()
    .map((f) => {
      const name = join(out, f.replace(/\.encounter$/, ".json"));
      writeFileSync(name, encountersAsJson(readFileSync(join(dir, f), "utf8")));
      return name;
    });
}

export const fmt = {
  s: (ms: number) => `${(ms / 1000).toFixed(2)} s`,
  /** Wall time, with the CPU time beside it when known. */
  run: (r: Run, unit: "s" | "ms" = "s") => {
    const f = unit === "s" ? (x: number) => `${(x / 1000).toFixed(2)} s` : (x: number) => `${x.toFixed(0)} ms`;
    return r.cpuMs === undefined ? f(r.ms) : `${f(r.ms)} (CPU ${f(r.cpuMs)})`;
  },
  ms: (ms: number) => `${ms.toFixed(0)} ms`,
  mb: (mb: number | undefined) => (mb === undefined ? "n/a" : `${Math.round(mb)} MB`),
  n: (n: number) => Math.round(n).toLocaleString("en-US"),
  x: (r: number) => `×${r.toFixed(2)}`,
};

/** A markdown table of rows of cells. */
export function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}
