// Growth with the size of one encounter (run `npm run bench`): 1,000, 10,000 and 100,000
// statements in a single encounter, parse + derive + check; time per statement should stay flat.
// Then 2,000 infusions that all overlap: the concurrency pass is linear in services plus
// overlapping pairs, and here every one of the 2 million pairs is a real one.
//   node --import tsx bench/growth.bench.ts [--quick]
import { analyzeText } from "../server/src/engine/analyze.js";

const quick = process.argv.includes("--quick");
const sizes = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
const DRUGS = ["rituximab 375mg/m2", "ondansetron 8mg", "oxaliplatin 85mg/m2", "diphenhydramine 25mg", "pembrolizumab 200mg", "dexamethasone 10mg"];
const clock = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/**
 * One encounter of `n` statements: pushes, infusions and hydrations on four sites, the first 300
 * with clock times (a day holds only so many overlapping bags), the rest with durations; the claim
 * lists one item per ten statements.
 */
function oneEncounter(n: number): string {
  const out = ["setting hopd", "date 2025-06-02", "bsa 1.9"];
  const claim: string[] = [];
  for (let i = 0; out.length < n - 1; i++) {
    const start = 420 + ((i * 7) % 900);
    const drug = DRUGS[i % DRUGS.length];
    const when = (minutes: number) => (i < 300 ? `${clock(start)}-${clock(start + minutes)}` : `${minutes}min`);
    if (i % 10 === 9) claim.push(["96413", "96415 x2", "96367", "96375", "96361"][i % 5]);
    if (i % 3 === 0) out.push(`push ${drug}${i < 300 ? ` at ${clock(start)}` : ""}`);
    else if (i % 3 === 1) out.push(`infuse ${drug} ${when(45 + (i % 5) * 20)} site ${1 + (i % 4)}`);
    else out.push(`hydrate NS 500mL ${when(40)}`);
  }
  out.push(`claim ${claim.join(", ")}`);
  return out.join("\n") + "\n";
}

function overlapping(n: number): string {
  const out = ["setting hopd"];
  for (let i = 0; i < n; i++) out.push(`infuse ${DRUGS[i % DRUGS.length]} 08:00-${clock(600 + (i % 300))}`);
  return out.join("\n") + "\n";
}

function time(text: string): number {
  const t0 = performance.now();
  analyzeText(text);
  return performance.now() - t0;
}

time(oneEncounter(1_000)); // warm-up
const rows: string[][] = [["statements in one encounter", "time", "µs per statement"]];
for (const n of sizes) {
  const ms = time(oneEncounter(n));
  rows.push([n.toLocaleString("en-US"), `${(ms / 1000).toFixed(2)} s`, ((ms * 1000) / n).toFixed(1)]);
}
const overlapMs = time(overlapping(2_000));
rows.push(["2,000 overlapping infusions", `${(overlapMs / 1000).toFixed(2)} s`, ((overlapMs * 1000) / 2_000).toFixed(1)]);

const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
const line = (r: string[]) => `| ${r.map((x, c) => (c ? x.padStart(widths[c]) : x.padEnd(widths[c]))).join(" | ")} |`;
console.log([line(rows[0]), `|${widths.map((w, c) => (c ? "-".repeat(w + 1) + ":" : "-".repeat(w + 2))).join("|")}|`, ...rows.slice(1).map(line)].join("\n"));
