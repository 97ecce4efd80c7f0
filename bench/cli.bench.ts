// Linting throughput (run `node esbuild.mjs` first; `npm run bench` does):
//   node --import tsx bench/cli.bench.ts [--quick]
// One job, in process, on generated sets of 1,000, 100,000 and 1,000,000 encounters: encounters
// and MB per second for parse + derive + check, beside JSON.parse of the same encounters written
// as JSON (measured in the same run); then the CLI with --jobs 1 and --jobs 2 on 100,000
// encounters, and peak memory.
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { analyzeText } from "../server/src/engine/analyze.js";
import type { FileNode } from "../server/src/language/ast.js";
import { generate } from "../scripts/gen.js";

const quick = process.argv.includes("--quick");
const sizes = quick ? [1_000, 10_000] : [1_000, 100_000, 1_000_000];
const DATA = "bench/.data";
const rows: string[][] = [];

/** The same encounters as JSON: what a JSON export of the charts and claims would hold. */
function asJson(file: FileNode): string {
  return JSON.stringify(
    file.encounters.map((e) => ({
      name: e.name,
      fields: Object.fromEntries(Object.entries(e.fields).map(([k, f]) => [k, typeof f!.value === "object" ? (f!.value as { text: string }).text : f!.value])),
      administrations: e.administrations.map((a) => ({ verb: a.verb, drug: a.drug?.text, dose: a.dose && { value: a.dose.value, unit: a.dose.unit }, minutes: a.duration?.value, start: a.range?.start ?? a.at?.value, end: a.range?.end, with: a.with?.text, site: a.site?.value, route: a.route?.value, implanted: a.implanted })),
      claim: e.claim?.items.map((i) => ({ code: i.code, units: i.units, modifiers: i.modifiers.map((m) => m.value) })),
    })),
  );
}

let peakRss = 0;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

for (const n of sizes) {
  const dir = join(DATA, `set-${n}`);
  rmSync(dir, { recursive: true, force: true });
  const files = generate(dir, n, 10_000);
  let bytes = 0;
  let lintMs = 0;
  let jsonMs = 0;
  for (const f of files) {
    const text = readFileSync(f, "utf8");
    bytes += text.length;
    const t0 = performance.now();
    const analysis = analyzeText(text);
    lintMs += performance.now() - t0;
    sample();
    const json = asJson(analysis.file);
    const t1 = performance.now();
    JSON.parse(json);
    jsonMs += performance.now() - t1;
  }
  const mb = bytes / 1e6;
  rows.push([
    `${n.toLocaleString("en-US")} encounters (${mb.toFixed(1)} MB)`,
    `${Math.round(n / (lintMs / 1000)).toLocaleString("en-US")} enc/s`,
    `${(mb / (lintMs / 1000)).toFixed(2)} MB/s`,
    `JSON.parse ${Math.round(jsonMs)} ms vs ${Math.round(lintMs)} ms: ×${(lintMs / jsonMs).toFixed(1)}`,
  ]);
  rmSync(dir, { recursive: true, force: true });
}

// Many files, as a CI run over a folder sees them: 1,000 encounters a file.
const jobsSet = join(DATA, "jobs");
rmSync(jobsSet, { recursive: true, force: true });
generate(jobsSet, quick ? 10_000 : 100_000, 1_000);
const timeCli = (jobs: number) => {
  const t = performance.now();
  const r = spawnSync(process.execPath, ["out/cli.cjs", "--jobs", String(jobs), "--format", "json", "-o", join(DATA, "report.json"), jobsSet]);
  if (r.status !== 0 && r.status !== 1) throw new Error(`CLI failed: ${r.stderr}`);
  return performance.now() - t;
};
const one = timeCli(1);
const two = timeCli(2);
const count = readdirSync(jobsSet).length;
rows.push([`CLI on ${quick ? "10,000" : "100,000"} encounters (${count} files)`, `--jobs 1: ${(one / 1000).toFixed(1)} s`, `--jobs 2: ${(two / 1000).toFixed(1)} s`, `speed-up ×${(one / two).toFixed(2)}`]);
rows.push(["peak memory of this process (one job, streaming files)", `${Math.round(peakRss / 1e6)} MB`, "", ""]);
rows.push(["report size", `${(statSync(join(DATA, "report.json")).size / 1e6).toFixed(1)} MB`, "", ""]);

console.log("| measure | | | |\n|---|---|---|---|");
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
