// The CLI on random and mutated files (in-process, one job): exit 0 or 1 only, JSON and SARIF
// parse, JUnit is well-formed XML, stylish carries no control character, and --fix is
// idempotent and never changes an administration line. Fixed seed; FUZZ_RUNS scales it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { run } from "../../cli/src/main.js";
import { administrationLines, encounterFile, RUNS, SEED } from "./inputs.js";
import { xmlProblem } from "./xml.js";

async function lint(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await run(["--jobs", "1", ...args], { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTTY: false });
  return { code, stdout, stderr };
}

test("random and mutated files: exit 0/1, every report format parses", async () => {
  const dir = mkdtempSync(join(tmpdir(), "encounter-lint-fuzz-"));
  try {
    await fc.assert(
      fc.asyncProperty(encounterFile, async (text) => {
        const file = join(dir, "chart.encounter");
        writeFileSync(file, text);
        const json = await lint(["--format", "json", file]);
        assert.ok(json.code === 0 || json.code === 1, json.stderr);
        const report = JSON.parse(json.stdout);
        JSON.parse(json.stdout, (_, v) => (typeof v === "number" && assert.ok(Number.isFinite(v)), v));
        assert.equal(report.files.length, 1);
        const sarif = await lint(["--format", "sarif", file]);
        assert.equal(sarif.code, json.code);
        assert.equal(JSON.parse(sarif.stdout).runs[0].results.length, report.files[0].findings.length);
        const junit = await lint(["--format", "junit", file]);
        assert.equal(xmlProblem(junit.stdout), undefined, junit.stdout);
        const stylish = await lint([file]);
        assert.doesNotMatch(stylish.stdout, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
        assert.equal(json.stderr + sarif.stderr + junit.stderr + stylish.stderr, "");
      }),
      { seed: SEED, numRuns: RUNS ?? 40 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("--fix is idempotent and never changes an administration line", async () => {
  const dir = mkdtempSync(join(tmpdir(), "encounter-lint-fuzz-"));
  try {
    await fc.assert(
      fc.asyncProperty(encounterFile, async (text) => {
        const file = join(dir, "chart.encounter");
        writeFileSync(file, text);
        // What the file holds: UTF-8 has no lone surrogate, so one is written as U+FFFD.
        const written = readFileSync(file, "utf8");
        const first = await lint(["--fix", "--format", "json", file]);
        assert.ok(first.code === 0 || first.code === 1, first.stderr);
        const once = readFileSync(file, "utf8");
        assert.deepEqual(administrationLines(once), administrationLines(written));
        await lint(["--fix", "--format", "json", file]);
        assert.equal(readFileSync(file, "utf8"), once, "a second --fix changes nothing");
      }),
      { seed: SEED, numRuns: RUNS ?? 40 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
