// What inline directives silence (CLI.md): the next line, a block up to its enable or the end of
// the file, only the rules they name; bad directives silence nothing; editor and CLI agree.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeText, type AnalyzeOptions } from "../../server/src/engine/analyze.js";
import { applyDirectives, applyWithin } from "../../server/src/engine/directives.js";
import { makeFinding } from "../../server/src/engine/finding.js";
import { RULE_IDS } from "../../server/src/engine/rules.js";
import { parseStatements } from "../../server/src/language/parse.js";
import { fixText } from "../../server/src/engine/fix-text.js";
import { DocumentModel } from "../../server/src/service/document-model.js";

/** Each finding as "rule 'covered text'". */
const seen = (text: string, options: AnalyzeOptions = {}) =>
  analyzeText(text, { fileName: "t", ...options }).findings.map((f) => `${f.rule} '${text.slice(f.span.start, f.span.end)}'`);

const UNITS = "encounter A\n  setting hopd\n  infuse rituximab 240min\n  claim 96413, 96415 x4"; // units on '96415 x4'

test("disable-next-line silences the named rule on the next line only", () => {
  const text = "push zolbetuximab 5min\n# encounter-lint-disable-next-line unknown-drug -- declared in the formulary\npush zolbetuximab 5min\npush zolbetuximab 5min";
  assert.deepEqual(seen(text).filter((s) => s.startsWith("unknown-drug")).length, 2);
  const lines = analyzeText(text).findings.filter((f) => f.rule === "unknown-drug").map((f) => text.slice(0, f.span.start).split("\n").length);
  assert.deepEqual(lines, [1, 4]);
});

test("disable-next-line leaves other rules on that line", () => {
  const text = `${UNITS.replace("  claim", "  # encounter-lint-disable-next-line missing-code\n  claim")}`;
  assert.deepEqual(seen(text), ["units '96415 x4'"]);
  const silenced = `${UNITS.replace("  claim", "  # encounter-lint-disable-next-line units -- payer contract\n  claim")}`;
  assert.deepEqual(seen(silenced), []);
});

test("disable … enable silences a block; without enable, to the end of the file", () => {
  const text = "# encounter-lint-disable unknown-drug\npush aaa 5min\npush bbb 5min\n# encounter-lint-enable unknown-drug\npush ccc 5min";
  assert.deepEqual(seen(text), ["unknown-drug 'ccc'"]);
  assert.deepEqual(seen("push aaa 5min\n# encounter-lint-disable unknown-drug\npush bbb 5min\npush ccc 5min"), ["unknown-drug 'aaa'"]);
});

test("a directive with an unknown id silences nothing, not even the known ids beside it", () => {
  const text = "# encounter-lint-disable-next-line unknown-drug, bogus\npush aaa 5min";
  assert.deepEqual(seen(text), ["bad-directive 'bogus'", "unknown-drug 'aaa'"]);
});

test("syntax errors cannot be silenced", () => {
  assert.deepEqual(seen("# encounter-lint-disable-next-line syntax\npushh x"), ["bad-directive 'syntax'", "syntax 'pushh'"]);
});

test("a silenced finding is not fixed by --fix", () => {
  const text = `${UNITS.replace("  claim", "  # encounter-lint-disable-next-line units\n  claim")}`;
  assert.equal(fixText(text).text, text);
});

test("severity overrides apply to the directive rules; a rule turned off leaves its directive unused", () => {
  const text = "# encounter-lint-disable-next-line bogus\npush aaa 5min";
  assert.deepEqual(seen(text, { severities: { "bad-directive": "off" } }), ["unknown-drug 'aaa'"]);
  const off = "# encounter-lint-disable-next-line unknown-drug\npush aaa 5min";
  assert.deepEqual(seen(off, { severities: { "unknown-drug": "off" }, reportUnusedDisableDirectives: true }), ["unused-directive '# encounter-lint-disable-next-line unknown-drug'"]);
  const f = analyzeText(text, { severities: { "bad-directive": "error" } }).findings.find((x) => x.rule === "bad-directive");
  assert.equal(f?.severity, "error");
});

test("the editor's document model applies directives exactly as the CLI does", () => {
  const text = [
    "setting hopd",
    "# encounter-lint-disable unknown-drug",
    "encounter A",
    "  push aaa 5min",
    "  # encounter-lint-enable unknown-drug",
    "  push bbb 5min",
    "encounter B",
    "  # encounter-lint-disable-next-line units",
    "  infuse rituximab 240min",
    "  # encounter-lint-disable-next-line units, bogus",
    "  claim 96413, 96415 x4",
    "  # encounter-lint-disable-next-line missing-code",
    "  push ondansetron 4mg",
  ].join("\n");
  const options = { fileName: "t", reportUnusedDisableDirectives: true };
  const essence = (fs: { rule: string; span: unknown; message: string; fix?: unknown }[]) => fs.map((f) => [f.rule, f.span, f.message, f.fix]);
  const model = new DocumentModel(options).update(text);
  assert.deepEqual(essence(model.findings), essence(analyzeText(text, options).findings));
  assert.deepEqual(model.findings.map((f) => f.rule).sort(), ["bad-directive", "missing-code", "units", "unknown-drug", "unused-directive", "unused-directive"]);
  // An edit inside encounter B, told to the model, keeps the two in step.
  const at = text.indexOf("x4");
  const edited = text.slice(0, at) + "x3" + text.slice(at + 2);
  model.update(edited, options, { start: at, end: at + 2 });
  assert.deepEqual(essence(model.findings), essence(analyzeText(edited, options).findings));
});

test("an encounter's own disable-next-line comments, applied to its text alone, silence what they silence in the file; others are left to the file", () => {
  const finding = (rule: string, start: number) => makeFinding(rule, { start, end: start + 1 }, rule, null);
  const within = (text: string, rules: string[]) => {
    const { directives } = parseStatements(text);
    const findings = rules.flatMap((rule) => [0, 1, 2, 3].map((line) => finding(rule, text.split("\n").slice(0, line).join("\n").length + (line ? 1 : 0))));
    const piece = applyWithin(directives, text, findings, RULE_IDS);
    if (piece) assert.deepEqual(piece, applyDirectives(directives, text, findings, { knownRules: RULE_IDS }));
    return piece?.map((f) => `${f.rule}@${text.slice(0, f.span.start).split("\n").length - 1}`);
  };
  const comment = "# encounter-lint-disable-next-line units -- payer";
  assert.deepEqual(within(`x\n${comment}\nclaim\nmore\n`, ["units", "missing-code"]), ["units@0", "units@1", "units@3", "missing-code@0", "missing-code@1", "missing-code@2", "missing-code@3"]);
  assert.deepEqual(within(`x\n${comment}\nclaim\n`, ["units"]), ["units@0", "units@1", "units@3"], "the next line ends inside");
  assert.equal(within(`x\n${comment}\n`, ["units"]), undefined, "the next line is the next encounter's");
  assert.equal(within(`x\n${comment}\nclaim`, ["units"]), undefined, "the next line may go on beyond the text");
  assert.equal(within(`x\n# encounter-lint-disable units\nclaim\n`, ["units"]), undefined, "to the end of the file");
  assert.equal(within(`x\n# encounter-lint-disable-next-line nonsense\nclaim\n`, ["units"]), undefined, "a bad comment");
  assert.deepEqual(within("x\nclaim\n", ["units"]), ["units@0", "units@1", "units@2", "units@2"], "no comment: the findings as they are");
});
