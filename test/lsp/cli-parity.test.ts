// The same text gives the same findings in the editor and in CI: the samples linted through the
// built server and through the built CLI agree on the rule and line of every finding.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { TestClient } from "./client.js";

// The samples, plus the worked examples, so the comparison never runs on nothing.
const DIRS = ["samples", "test/fixtures/worked-examples"];
const files = DIRS.flatMap((d) => readdirSync(d).filter((f) => f.endsWith(".encounter")).map((f) => join(d, f)));

test("server and CLI report the same rule and line for every finding", async () => {
  assert.ok(files.length > 0);
  let out: string;
  try {
    out = execFileSync(process.execPath, ["out/cli.cjs", "--format", "json", ...DIRS], { encoding: "utf8" });
  } catch (e) {
    out = (e as { stdout: string }).stdout; // exit status 1 means findings
  }
  const cli = JSON.parse(out) as { files: { path: string; findings: { rule: string; line: number }[] }[] };
  const c = await TestClient.start({ settings: { validate: { delay: 0 } } });
  try {
    let compared = 0;
    for (const path of files) {
      const uri = pathToFileURL(resolve(path)).href;
      const p = await c.open(uri, readFileSync(path, "utf8"));
      const fromServer = p.diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`);
      const report = cli.files.find((f) => resolve(f.path) === resolve(path));
      assert.ok(report, `the CLI reported on ${path}`);
      assert.deepEqual(fromServer, report.findings.map((f) => `${f.rule}@${f.line}`), path);
      compared += fromServer.length;
    }
    assert.ok(compared > 0, "some findings were compared");
  } finally {
    await c.stop();
  }
});
