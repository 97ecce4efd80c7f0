// `npm run bench`: every bench/*.bench.ts in turn, each in its own process (so one's memory does
// not weigh on the next); the tables are printed and kept in docs/benchmarks.md with the machine.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { build } from "esbuild";

const extra = process.argv.slice(2);
const sections: string[] = [];
for (const file of readdirSync("bench").filter((f) => f.endsWith(".bench.ts")).sort()) {
  console.log(`\n## ${file}\n`);
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
  sections.push(`## ${file}\n\n${r.stdout.trim()}\n`);
}
const machine = `${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
writeFileSync(
  "docs/benchmarks.md",
  `# Benchmarks\n\nLast run: ${new Date().toISOString().slice(0, 10)} on ${machine}.\nRun \`npm run bench\` to measure again (this file is rewritten).\n\n${sections.join("\n")}`,
);
