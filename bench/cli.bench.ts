// The command line as users run it: whole processes of the built CLI (out/cli.cjs), medians,
// each figure beside its baseline measured in the same run (`node -e 0`, JSON.parse of the same
// encounters written as JSON, one job against two). Sizes from issue 11; `--million` (or
// BENCH_MILLION=1) adds the 1,000,000-encounter memory row, which takes minutes.
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../scripts/gen.js";
import { DATA, fmt, jsonTwin, runProcess, table, timeInTurn, timeProcess, type Run } from "./lib.js";

const million = process.argv.includes("--million") || process.env.BENCH_MILLION === "1";
const CLI = "out/cli.cjs";
const REPORT = join(DATA, "report.json");
const rows: string[][] = [];
const row = (...cells: string[]) => rows.push(cells);

/** A generated set of `n` encounters, 1,000 a file (`perFile` otherwise); its size in MB. */
function set(n: number, perFile = 1000): { dir: string; mb: number; files: number } {
  const dir = join(DATA, `set-${n}-${perFile}`);
  rmSync(dir, { recursive: true, force: true });
  const files = generate(dir, n, perFile);
  return { dir, mb: files.reduce((s, f) => s + statSync(f).size, 0) / 1e6, files: files.length };
}
const lint = (dir: string, jobs?: number) => [CLI, ...(jobs ? ["--jobs", String(jobs)] : []), "--format", "json", "-o", REPORT, dir];

const node0 = timeProcess(["-e", "0"], 10);

// Throughput on one core, and the same less Node's own start-up against JSON.parse.
const s20 = set(20_000);
const one20 = timeProcess(lint(s20.dir, 1), 3);
const perSec = (r: Run, what: number, unit: string, digits = 0) => {
  const at = (ms: number) => (digits ? (what / (ms / 1000)).toFixed(digits) : fmt.n(what / (ms / 1000)));
  return `${at(r.ms)} ${unit}${r.cpuMs === undefined ? "" : ` (${at(r.cpuMs)} on CPU time)`}`;
};
row(`CLI, 20,000 encounters (${s20.mb.toFixed(1)} MB, ${s20.files} files), --jobs 1`, fmt.run(one20), perSec(one20, 20_000, "enc/s"), perSec(one20, s20.mb, "MB/s", 2));
const jsonDir = join(DATA, "json-20000");
rmSync(jsonDir, { recursive: true, force: true });
mkdirSync(jsonDir, { recursive: true });
const jsonFiles = jsonTwin(s20.dir, jsonDir);
const parse = timeProcess(["-e", "const fs = require('fs'); for (const f of process.argv.slice(1)) JSON.parse(fs.readFileSync(f, 'utf8'))", ...jsonFiles], 5);
// On CPU time when GNU time gives it (steadier on a shared machine), and on wall time: the lint's
// CPU time counts V8's helper threads (garbage collection, optimising compilers), which keep
// about a third of a second core busy; the short JSON.parse process hardly uses them.
const onCpu = one20.cpuMs !== undefined && parse.cpuMs !== undefined && node0.cpuMs !== undefined;
const net = (r: Run) => (onCpu ? r.cpuMs! - node0.cpuMs! : r.ms - node0.ms);
const lintNet = net(one20);
const parseNet = net(parse);
const wallRatio = (one20.ms - node0.ms) / (parse.ms - node0.ms);
row(
  `same, less Node's start-up (${onCpu ? "CPU" : "wall"} time), vs JSON.parse of the same encounters as JSON (read + parse)`,
  `lint ${fmt.ms(lintNet)} (${fmt.n(20_000 / (lintNet / 1000))} enc/s)`,
  `JSON.parse ${fmt.ms(parseNet)}`,
  `${fmt.x(lintNet / parseNet)} slower${onCpu ? ` (on wall time ${fmt.x(wallRatio)})` : ""}`,
);

// Jobs: two workers against one on 100,000 encounters; the default against one job.
const s100 = set(100_000);
const [one100, two100] = timeInTurn(lint(s100.dir, 1), lint(s100.dir, 2), 3);
row(`--jobs 2 vs --jobs 1, 100,000 encounters (${s100.mb.toFixed(1)} MB, ${s100.files} files)`, `--jobs 1 ${fmt.run(one100)}`, `--jobs 2 ${fmt.run(two100)}`, `speed-up ${fmt.x(one100.ms / two100.ms)}`);
// The default runs one thread below 8 MB, so these two rows time one command against itself: seven
// and fifteen runs in turn keep the noise of single runs (10–20 % here) out of the medians.
const [one20b, def20] = timeInTurn(lint(s20.dir, 1), lint(s20.dir), 7);
row("default --jobs vs --jobs 1, 20,000 encounters", `--jobs 1 ${fmt.run(one20b)}`, `default ${fmt.run(def20)}`, `speed-up ${fmt.x(one20b.ms / def20.ms)}`);
const samples = readdirSync("samples").filter((f) => f.endsWith(".encounter")).length;
const [oneS, defS] = timeInTurn(lint("samples", 1), lint("samples"), 15);
row(`default --jobs vs --jobs 1, the ${samples} samples`, `--jobs 1 ${fmt.run(oneS, "ms")}`, `default ${fmt.run(defS, "ms")}`, `speed-up ${fmt.x(oneS.ms / defS.ms)}`);

// A pre-commit hook: one small file, the whole process.
const [bare, small] = timeInTurn(["-e", "0"], [CLI, "samples/one-line.encounter"], 15);
const cpuRatio = small.cpuMs !== undefined && bare.cpuMs ? `, CPU ${fmt.x(small.cpuMs / bare.cpuMs)}` : "";
row("one small file, whole process, vs node -e 0", fmt.run(small, "ms"), `node -e 0 ${fmt.run(bare, "ms")}`, `wall ${fmt.x(small.ms / bare.ms)}${cpuRatio}`);

// Memory as the input grows (one job; the report goes to a file).
const sizes: [string, number | undefined][] = [["20,000", one20.peakMb], ["100,000", one100.peakMb]];
if (million) {
  const s1m = set(1_000_000);
  const r = runProcess(lint(s1m.dir, 1));
  sizes.push([`1,000,000 (${fmt.s(r.ms)}, ${fmt.n(1_000_000 / (r.ms / 1000))} enc/s)`, r.peakMb]);
  rmSync(s1m.dir, { recursive: true, force: true });
}
row("CLI peak memory, --jobs 1, by encounters", ...sizes.map(([n, mb]) => `${n}: ${fmt.mb(mb)}`), ...(million ? [] : ["1,000,000: run with --million"]));
row("CLI peak memory, default --jobs, 100,000 encounters", fmt.mb(timeProcess(lint(s100.dir), 1).peakMb), "", "");

// explain --format html on one 10,000-encounter file; in turn with a lint of the same file, as
// both analyse it alike: what is left is the page's own share.
const s10 = set(10_000, 10_000);
const html = join(DATA, "explain.html");
const file10 = join(s10.dir, readdirSync(s10.dir)[0]);
const [ex, lint10] = timeInTurn([CLI, "explain", "--format", "html", "-o", html, file10], lint(file10, 1), 3);
const bytes = statSync(html).size;
row("explain --format html, 10,000 encounters", `${(bytes / 1e6).toFixed(1)} MB of HTML (${fmt.n(bytes / 10_000)} bytes an encounter)`, fmt.run(ex), `peak ${fmt.mb(ex.peakMb)}`);
const share = (a?: number, b?: number) => (a === undefined || b === undefined ? "" : `page's own share ${fmt.ms(a - b)}`);
row("same, against a lint of the file (--jobs 1, JSON), run in turn", `lint ${fmt.run(lint10)}`, share(ex.cpuMs ?? ex.ms, lint10.cpuMs ?? lint10.ms), ex.cpuMs === undefined ? "wall time" : "CPU time");

for (const d of [s20.dir, s100.dir, s10.dir, jsonDir]) rmSync(d, { recursive: true, force: true });
console.log(table(["measure", "", "", ""], rows.map((r) => [...r, "", "", ""].slice(0, 4))));
