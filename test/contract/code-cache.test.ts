// out/cli.cjs starts the CLI bundle from V8's code cache (cli/src/bin.ts). The cache only saves
// compiling: with no cache, a truncated one or one from elsewhere the CLI must say exactly the same.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const OUT = join(process.cwd(), "out");
const SAMPLES = join(process.cwd(), "samples");
const run = (dir: string) => spawnSync(process.execPath, [join(dir, "cli.cjs"), "--jobs", "2", "--format", "json", SAMPLES], { encoding: "utf8" });

/** A copy of the CLI's files with the given cache (undefined: none). */
function install(cache: Buffer | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), "encounter-cache-"));
  for (const f of ["cli.cjs", "cli-main.cjs", "lint-worker.cjs"]) copyFileSync(join(OUT, f), join(dir, f));
  if (cache) writeFileSync(join(dir, "cli-main.cache"), cache);
  return dir;
}

test("the build makes the code cache", () => {
  assert.ok(existsSync(join(OUT, "cli-main.cache")), "npm run build writes out/cli-main.cache");
});

test("the report is the same with the cache, without it, and with a cache V8 rejects", () => {
  const expected = run(OUT);
  assert.equal(expected.status, 1, expected.stderr);
  const good = readFileSync(join(OUT, "cli-main.cache"));
  const cases: [string, Buffer | undefined][] = [
    ["no cache", undefined],
    ["a truncated cache", good.subarray(0, good.length >> 1)],
    ["bytes that are no cache", Buffer.from("not a code cache ".repeat(100))],
  ];
  for (const [what, cache] of cases) {
    const dir = install(cache);
    try {
      const r = run(dir);
      assert.equal(r.stderr, expected.stderr, what);
      assert.equal(r.status, expected.status, what);
      assert.equal(r.stdout, expected.stdout, what);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});
