// Synthetic encounter sets for benchmarks and load tests:
//   npm run gen -- --count N --out DIR [--per-file M] [--seed S]
// Regimens, settings, payers and times vary; claims are the engine's own derived claim, and about
// a third carry one of the common coding errors (so the linter has real work to do).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { analyzeText } from "../server/src/engine/analyze.js";
import { formatItem } from "../server/src/engine/claim-text.js";

const REGIMENS: string[][] = [
  ["infuse rituximab 700mg {t}-{t+240}", "push cyclophosphamide 1400mg 5min", "push doxorubicin 95mg 5min", "push vincristine 2mg 2min", "oral prednisone 100mg"],
  ["infuse oxaliplatin 85mg/m2 {t}-{t+120}", "infuse leucovorin 400mg {t}-{t+120}", "push 5-FU 400mg 4min", "pump 5-FU 2400mg 46h"],
  ["infuse irinotecan 180mg/m2 {t}-{t+90}", "infuse leucovorin 400mg {t}-{t+120}", "push fluorouracil 400mg 3min", "pump fluorouracil 2400mg 46h"],
  ["push dexamethasone 20mg", "push diphenhydramine 50mg", "infuse paclitaxel 175mg/m2 {t}-{t+180}", "infuse carboplatin 600mg 30min"],
  ["push Benadryl 25mg", "infuse Keytruda 200mg 30min"],
  ["push Solu-Medrol 125mg", "push Benadryl 50mg", "push Pepcid 20mg", "infuse Rituxan 700mg 180min"],
  ["push Injectafer 750mg 8min"],
  ["infuse Venofer 200mg 30min"],
  ["hydrate \"normal saline\" 1000mL {t}-{t+75}"],
  ["push ondansetron 8mg", "hydrate NS 1000mL 95min"],
  ["inject Xgeva 120mg sc"],
  ["inject Lupron 7.5mg im"],
  ["inject Velcade 2.6mg sc"],
  ["refill pump"],
  ["flush port"],
  ["push methylprednisolone 125mg at {t}", "push methylprednisolone 125mg at {t+120}"],
  ["infuse Herceptin 600mg 90min", "infuse Perjeta 840mg 60min", "push ondansetron 8mg"],
  ["infuse pembrolizumab 200mg 30min", "hydrate 60min"],
];
const SETTINGS = ["setting office", "setting hopd", "pos 22", "setting home", ""];
const PAYERS = ["payer medicare", "payer aetna", "payer ibx", ""];
const DATES = ["2023-11-14", "2024-06-03", "2025-09-22", "2026-05-04"];

/** Small deterministic PRNG (mulberry32), so a seed always gives the same set. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clock = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/** The common errors: each rewrites one derived claim item. */
const ERRORS: ((items: string[]) => string[])[] = [
  (i) => i.map((x) => x.replace(/^96374\b/, "96409")),
  (i) => i.map((x) => x.replace(/^96409\b/, "96374")),
  (i) => i.map((x) => x.replace(/^96415 x(\d+)/, (_, n) => `96415 x${Number(n) + 1}`)),
  (i) => i.filter((_, k) => k !== i.length - 1),
  (i) => i.map((x) => x.replace(/^96368\b/, "96367")),
  (i) => [...i, "96363"],
  (i) => i.map((x) => x.replace(/^96411\b/, "96409")),
  (i) => i.map((x) => x.replace(/^(J\d{4}) x(\d+)/, (_, c, n) => `${c} x${Number(n) + 2}`)),
];

/** A pool of distinct encounter bodies with their claims (the engine runs once per body). */
function pool(random: () => number, size: number): string[] {
  const out: string[] = [];
  for (let k = 0; k < size; k++) {
    const regimen = REGIMENS[k % REGIMENS.length];
    const t = 480 + Math.floor(random() * 16) * 15;
    const lines = [
      SETTINGS[Math.floor(random() * SETTINGS.length)],
      PAYERS[Math.floor(random() * PAYERS.length)],
      `date ${DATES[Math.floor(random() * DATES.length)]}`,
      "bsa 1.8m2",
      ...regimen.map((l) => l.replace(/\{t\+(\d+)\}/g, (_, d) => clock(t + Number(d))).replace(/\{t\}/g, clock(t))),
    ].filter(Boolean);
    const body = lines.map((l) => `  ${l}`).join("\n");
    const derived = analyzeText(`encounter x\n${body}\n`).encounters[0].derivation.lines.map(formatItem);
    const claim = random() < 0.35 ? ERRORS[Math.floor(random() * ERRORS.length)](derived) : derived;
    out.push(`${body}\n  claim ${claim.join(", ")}\n`);
  }
  return out;
}

export function* encounters(count: number, seed = 1): Generator<string> {
  const random = rng(seed);
  const bodies = pool(random, 240);
  for (let n = 0; n < count; n++) yield `encounter "Encounter ${n + 1}"\n${bodies[Math.floor(random() * bodies.length)]}`;
}

/** Writes `count` encounters into files of `perFile` each; returns the file names. */
export function generate(out: string, count: number, perFile = 1000, seed = 1): string[] {
  mkdirSync(out, { recursive: true });
  const files: string[] = [];
  let chunk: string[] = [];
  const flush = () => {
    const name = join(out, `set-${String(files.length + 1).padStart(5, "0")}.encounter`);
    writeFileSync(name, chunk.join(""));
    files.push(name);
    chunk = [];
  };
  for (const e of encounters(count, seed)) {
    chunk.push(e);
    if (chunk.length === perFile) flush();
  }
  if (chunk.length) flush();
  return files;
}

if (process.argv[1]?.endsWith("gen.ts")) {
  const USAGE = "usage: npm run gen -- --count N --out DIR [--per-file M] [--seed S]";
  try {
    const { values } = parseArgs({ options: { count: { type: "string", default: "1000" }, out: { type: "string", default: "generated" }, "per-file": { type: "string", default: "1000" }, seed: { type: "string", default: "1" } } });
    const whole = (name: string, min: number) => {
      const n = Number(values[name as keyof typeof values]);
      if (!Number.isInteger(n) || n < min) throw new Error(`--${name} takes a whole number of ${min} or more, not '${values[name as keyof typeof values]}'`);
      return n;
    };
    const files = generate(values.out!, whole("count", 0), whole("per-file", 1), whole("seed", 0));
    console.log(`wrote ${values.count} encounters in ${files.length} files to ${values.out}`);
  } catch (e) {
    console.error(`gen: ${(e as Error).message}\n${USAGE}`);
    process.exitCode = 2;
  }
}
