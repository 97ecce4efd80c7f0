// `npm run bench`: every bench/*.bench.ts in turn, each in its own process (so one's memory does
// not weigh on the next). The tables are printed and written into docs/benchmarks.md between
// its `bench:start` and `bench:end` markers; the rest of that file (the figures before issue 11,
// the profile notes) is kept as written. Arguments are passed on (`--million`).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { build } from "esbuild";

const DOC = "docs/benchmarks.md";
const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";

const extra = process.argv.slice(2);
const sections: string[] = [];
for (const file of readdirSync("bench").filter((f) => f.endsWith(".bench.ts")).sort()) {
  console.log(`\n### ${file}\n`);
  // Bundled like the shipped CLI and server, so the figures are those of the product.
  mkdirSync("bench/.data", { recursive: true });
  const bundle = `bench/.data/${file.replace(/\.ts$/, ".mjs")}`;
  await build({ entryPoints: [`bench/${file}`], outfile: bundle, bundle: true, platform: "node", format: "esm", packages: "external", logLevel: "warning" });
  const r = spawnSync(process.execPath, [bundle, ...extra], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  process.stdout.write(r.stdout);
  if (r.status !== 0) {
    console.error(`${file} failed (exit ${r.status})`);
    process.exit(1);
  }
  sections.push(`### ${file}\n\n${r.stdout.trim()}\n`);
}
const machine = `${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg()[0].toFixed(1)} at the end`;
const generated = `${START}\nLast run: ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine}.\n\n${sections.join("\n")}${END}`;
const old = existsSync(DOC) ? readFileSync(DOC, "utf8") : `# Benchmarks\n\n${START}\n${END}\n`;
const at = old.indexOf(START);
const end = old.indexOf(END);
const next = at >= 0 && end > at ? old.slice(0, at) + generated + old.slice(end + END.length) : `${old.trimEnd()}\n\n${generated}\n`;
writeFileSync(`${DOC}.tmp`, next);
renameSync(`${DOC}.tmp`, DOC);
