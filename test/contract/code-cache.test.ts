// out/cli.cjs and out/server.cjs start their bundles from V8's code cache (common/launch-bundle.ts).
// The cache only saves compiling: with no cache, a truncated one or bytes that are no cache, the
// CLI and the language server must say exactly the same.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TestClient } from "../lsp/client.js";

const OUT = join(process.cwd(), "out");
const SAMPLES = join(process.cwd(), "samples");
const run = (dir: string) => spawnSync(process.execPath, [join(dir, "cli.cjs"), "--jobs", "2", "--format", "json", SAMPLES], { encoding: "utf8" });

/** A copy of a launcher and its bundle with the given cache (undefined: none). */
function install(launcher: string, bundle: string, cache: Buffer | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), "encounter-cache-"));
  for (const f of [`${launcher}.cjs`, `${bundle}.cjs`, "lint-worker.cjs"]) copyFileSync(join(OUT, f), join(dir, f));
  if (cache) writeFileSync(join(dir, `${bundle}.cache`), cache);
  return dir;
}

/** No cache, a truncated one, bytes that are no cache. */
function badCaches(bundle: string): [string, Buffer | undefined][] {
  const good = readFileSync(join(OUT, `${bundle}.cache`));
  return [
    ["no cache", undefined],
    ["a truncated cache", good.subarray(0, good.length >> 1)],
    ["bytes that are no cache", Buffer.from("not a code cache ".repeat(100))],
  ];
}

test("the build makes the code caches", () => {
  for (const f of ["cli-main.cache", "server-main.cache"]) assert.ok(existsSync(join(OUT, f)), `npm run build writes out/${f}`);
});

test("the report is the same with the cache, without it, and with a cache V8 rejects", () => {
  const expected = run(OUT);
  assert.equal(expected.status, 1, expected.stderr);
  for (const [what, cache] of badCaches("cli-main")) {
    const dir = install("cli", "cli-main", cache);
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

test("the language server publishes the same diagnostics with the cache, without it, and with a cache V8 rejects", async () => {
  const text = readFileSync(join(SAMPLES, "visit-with-chemo-office.encounter"), "utf8");
  const diagnostics = async (server?: string) => {
    const c = await TestClient.start({ server });
    try {
      return (await c.open("file:///cache/visit.encounter", text)).diagnostics;
    } finally {
      await c.stop();
    }
  };
  const expected = await diagnostics();
  assert.ok(expected.length > 0, "the sample has findings");
  for (const [what, cache] of badCaches("server-main")) {
    const dir = install("server", "server-main", cache);
    try {
      assert.deepEqual(await diagnostics(join(dir, "server.cjs")), expected, what);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});
