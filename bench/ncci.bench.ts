// Loading a 500,000-row PTP file (CLI.md: "loads in under a second"). The file is synthetic
// (bench/ncci-gen.ts); the load goes through the same code as the CLI and the language server.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadEdits } from "../server/src/ncci/load.js";
import { syntheticPtp } from "./ncci-gen.js";

const ROWS = 500_000;
mkdirSync("bench/.data", { recursive: true });
const path = "bench/.data/ccipra-synthetic-500k.txt";
writeFileSync(path, syntheticPtp(ROWS));
const entry = { path, label: path, setting: "office" as const };

// Read as the CLI reads it (cli/src/edit-files.ts). CPU time is printed beside the wall-clock time
// because a busy machine stretches the second and not the first.
const times: number[] = [];
const cpu: number[] = [];
let loaded = 0;
for (let run = 0; run < 5; run++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const edits = loadEdits([entry], [], (p) => readFileSync(p, "latin1"));
  const c = process.cpuUsage(c0);
  times.push(performance.now() - t0);
  cpu.push((c.user + c.system) / 1000);
  loaded = edits.counts.ptp;
}
times.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
const size = (readFileSync(path).length / 2 ** 20).toFixed(1);
console.log("| PTP file | rows loaded | load, read included (median of 5) | fastest | CPU time (median) |");
console.log("|---|---|---|---|---|");
console.log(`| synthetic, ${size} MiB | ${loaded.toLocaleString("en-US")} | ${Math.round(times[2])} ms | ${Math.round(times[0])} ms | ${Math.round(cpu[2])} ms |`);
