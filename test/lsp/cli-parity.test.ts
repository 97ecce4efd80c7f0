// The same text gives the same findings in the editor and in CI: the samples linted through the
// built server and through the built CLI agree on the rule and line of every finding.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { CodeActionRequest, type CodeAction } from "vscode-languageserver-protocol/node";
import { FixAllKind } from "../../common/protocol.js";
import { pathToFileURL } from "node:url";
import { applyTextEdits, TestClient } from "./client.js";

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

// One writer, one order (issue 10 §3): the CLI's --fix and the editor's fix-all write the same text.
test("CLI --fix and the editor's fix-all write the same claim, in the derived order", async () => {
  const texts = [
    "setting hopd\ninfuse oxaliplatin 120mg 120min\ninfuse leucovorin 400mg 120min with oxaliplatin\npush fluorouracil 400mg 4min\npump fluorouracil 2400mg 46h\nclaim 96416, 96415, 96413, 96367\n",
    "setting hopd\ninfuse rituximab 700mg 255min\noral acetaminophen 650mg\npush ondansetron 8mg\nclaim 96375, 96415 x4, 96413, J9312 x70\n",
    "drug zoledronate-x therapeutic\nsetting office\npush zoledronate-x 4mg\nhydrate NS 09:00-10:30\nclaim 96361, 96360\n",
  ];
  const dir = mkdtempSync(join(tmpdir(), "fix-parity-"));
  const c = await TestClient.start({ settings: { validate: { delay: 0 } } });
  try {
    for (const [i, text] of texts.entries()) {
      const path = join(dir, `case${i}.encounter`);
      writeFileSync(path, text);
      try {
        execFileSync(process.execPath, [resolve("out/cli.cjs"), "--fix", path], { encoding: "utf8" });
      } catch {
        // exit status 1: findings left (none expected here, but the comparison below decides)
      }
      const uri = pathToFileURL(path).href;
      await c.open(uri, text);
      const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      const actions = (await c.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: whole, context: { diagnostics: [], only: [FixAllKind] } })) as CodeAction[];
      const fromEditor = applyTextEdits(text, actions[0].edit!.changes![uri]);
      const fromCli = readFileSync(path, "utf8");
      assert.notEqual(fromCli, text, `case ${i} needed fixing`);
      assert.equal(fromEditor, fromCli, `case ${i}`);
    }
  } finally {
    await c.stop();
  }
});
