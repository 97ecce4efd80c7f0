// A test that needs a program npm cannot install is skipped with the line that installs it, and the
// runner's summary lists it; with CI set, the same test fails instead (test/needs.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = process.cwd();

function runSuite(env: NodeJS.ProcessEnv) {
  const dir = mkdtempSync(join(tmpdir(), "encounter-skips-"));
  const file = join(dir, "needs-a-program.test.ts");
  writeFileSync(
    file,
    `import { test } from "node:test";
import { needs, pathOf, type Program } from ${JSON.stringify(join(ROOT, "test/needs.ts"))};
const GHOST: Program = { name: "Ghostview", path: () => undefined, install: "apt-get install -y ghostview" };
test("draws with Ghostview", needs(GHOST), () => { pathOf(GHOST); });
test("needs nothing", () => {});
`,
  );
  const cleanEnv = { ...process.env };
  delete cleanEnv.CI;
  // Run as a test run of its own, not as a child of this one.
  delete cleanEnv.NODE_TEST_CONTEXT;
  return spawnSync(process.execPath, [join(ROOT, "scripts/run-tests.mjs"), file], { cwd: ROOT, encoding: "utf8", env: { ...cleanEnv, ...env } });
}

test("without CI: skipped with the install line, listed in the summary, and the run passes", () => {
  const r = runSuite({});
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /\nSkipped 1 \(install the program named to run them\):\n {2}- draws with Ghostview: needs Ghostview \(apt-get install -y ghostview\)\n/);
  assert.match(r.stdout, /\ntests: 1 passed, 0 failed, 1 skipped\n$/);
});

test("with CI set: the missing program fails the run, naming the install line", () => {
  const r = runSuite({ CI: "true" });
  assert.equal(r.status, 1);
  assert.match(r.stdout, /Ghostview is missing: apt-get install -y ghostview/);
  assert.match(r.stdout, /\ntests: 1 passed, 1 failed, 0 skipped\n$/);
});
