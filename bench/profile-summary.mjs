// Where a CPU profile of a bundle in out/ goes, for docs/benchmarks.md:
//   node --cpu-prof --cpu-prof-dir=DIR out/cli.cjs --jobs 1 ... && node bench/profile-summary.mjs DIR/*.cpuprofile
// Self time by area (garbage collection, chevrotain, our lexer/parser/engine/reporting files)
// and the functions with the most self time.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The source file of each line of an esbuild bundle (it marks each module with a `// path` line). */
const bundles = new Map();
function sourceOf(url, line) {
  if (!url.startsWith("file:") && !url.startsWith("/")) return url;
  const path = url.startsWith("file:") ? fileURLToPath(url) : url;
  let marks = bundles.get(path);
  if (!marks) {
    marks = [];
    if (existsSync(path)) readFileSync(path, "utf8").split("\n").forEach((l, i) => { if (/^\/\/ [\w@./-]+\.(ts|js|mjs|cjs|json)$/.test(l)) marks.push([i, l.slice(3)]); });
    bundles.set(path, marks);
  }
  let found = path;
  for (const [i, f] of marks) if (i <= line) found = f; else break;
  return found;
}

const AREAS = [
  ["garbage collection", (n) => n.callFrame.functionName === "(garbage collector)"],
  ["chevrotain", (n) => /chevrotain|lodash/.test(n.path)],
  ["lexing", (n) => /language\/(lexer|tokens)/.test(n.path)],
  ["parsing", (n) => /language\//.test(n.path)],
  ["engine", (n) => /engine\/|data\//.test(n.path)],
  ["report and formats", (n) => /cli\/src|explain\//.test(n.path)],
  ["idle / program", (n) => /^\((idle|program)\)$/.test(n.callFrame.functionName)],
];

for (const file of process.argv.slice(2)) {
  const p = JSON.parse(readFileSync(file, "utf8"));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const dt = new Map();
  p.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const src = (n) => sourceOf(n.callFrame.url, n.callFrame.lineNumber);
  let total = 0;
  const areas = new Map();
  const fns = new Map();
  for (const n of p.nodes) {
    const t = (dt.get(n.id) ?? 0) / 1000;
    if (!t) continue;
    total += t;
    n.path = src(n);
    const area = AREAS.find(([, test]) => test(n))?.[0] ?? "other";
    areas.set(area, (areas.get(area) ?? 0) + t);
    const key = `${n.callFrame.functionName || "(anonymous)"} ${n.path}`;
    fns.set(key, (fns.get(key) ?? 0) + t);
  }
  console.log(`${file}: ${total.toFixed(0)} ms sampled`);
  for (const [a, t] of [...areas].sort((x, y) => y[1] - x[1])) console.log(`  ${a.padEnd(22)} ${t.toFixed(0).padStart(7)} ms  ${((100 * t) / total).toFixed(1)}%`);
  console.log("  top functions (self time):");
  for (const [f, t] of [...fns].sort((x, y) => y[1] - x[1]).slice(0, 25)) console.log(`    ${t.toFixed(0).padStart(6)} ms  ${f}`);
}
