// What inline directives silence (CLI.md): the next line, a block up to its enable or the end of
// the file, only the rules they name; bad directives silence nothing; editor and CLI agree.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeText, type AnalyzeOptions } from "../../server/src/engine/analyze.js";
import { applyDirectives, NOTHING_CARRIED, silenceInPiece, splitDirectives } from "../../server/src/engine/directives.js";
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

/** Lines a directive test text is made of: comments of every kind, bad ones, and plain lines (some joined by U+2028, which ends no line for a directive). */
const LINES = [
  "# encounter-lint-disable units",
  "# encounter-lint-disable units, missing-code -- payer",
  "  # encounter-lint-enable units",
  "# encounter-lint-enable missing-code, units",
  "  # encounter-lint-disable-next-line units",
  "# encounter-lint-disable-next-line missing-code units",
  "# encounter-lint-disable-next-line nonsense",
  "# encounter-lint-disable units, bogus",
  "  claim 96413",
  "push x 5mg 5min\u2028claim 1",
  "",
];

function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

test("directives applied piece after piece, each carrying on what reaches below it, silence what they silence in the whole file", () => {
  let silenced = 0;
  let carried = 0;
  for (let seed = 1; seed <= 300; seed++) {
    const random = rng(seed);
    const pick = <X>(xs: X[]) => xs[Math.floor(random() * xs.length)];
    const lines = Array.from({ length: 2 + Math.floor(random() * 12) }, () => pick(LINES));
    const eol = pick(["\n", "\r\n", "\n", "\u2028"]);
    const text = lines.join(eol) + (random() < 0.5 ? eol : "");
    // Findings of both rules at every line start, line end and a few places between; the end of the text too.
    const places = [...new Set([0, text.length, ...[...text.matchAll(/[\n\r\u2028]/g)].flatMap((m) => [m.index, m.index + 1]), ...Array.from({ length: 6 }, () => Math.floor(random() * (text.length + 1)))])].sort((a, b) => a - b);
    const findings = places.flatMap((at) => ["units", "missing-code"].map((rule) => makeFinding(rule, { start: at, end: at }, rule, null)));
    const whole = applyDirectives(parseStatements(text).directives, text, findings, { knownRules: RULE_IDS });
    // Cut at random line starts (as the editor cuts at encounter headers: after \n or \r, never
    // inside \r\n), each piece in its own coordinates.
    const lineStart = (at: number) => /[\n\r]/.test(text[at - 1]) && !(text[at - 1] === "\r" && text[at] === "\n");
    const cuts = [0, ...places.filter((at) => at > 0 && at < text.length && lineStart(at) && random() < 0.5), text.length];
    let carry = NOTHING_CARRIED;
    const kept: typeof findings = [];
    const bad: typeof findings = [];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [from, to] = [cuts[i], cuts[i + 1]];
      const piece = text.slice(from, to);
      const own = findings.filter((f) => f.span.start >= from && (f.span.start < to || (i + 2 === cuts.length && f.span.start === to)));
      const local = own.map((f) => ({ ...f, span: { start: f.span.start - from, end: f.span.end - from } }));
      const split = splitDirectives(parseStatements(piece).directives, RULE_IDS);
      const { shown, carries } = silenceInPiece(split.valid, piece, local, carry);
      if (carries.open.size || carries.firstLine.size) carried++;
      carry = carries;
      for (const f of shown) kept.push(findings[findings.indexOf(own[local.indexOf(f)])]);
      for (const f of split.bad) bad.push({ ...f, span: { start: f.span.start + from, end: f.span.end + from } });
    }
    assert.deepEqual([...bad, ...kept], whole, `seed ${seed}: ${JSON.stringify(text)} cut at ${cuts.join()}`);
    if (kept.length < findings.length) silenced++;
  }
  assert.ok(silenced > 150 && carried > 100, `${silenced} texts with findings silenced, ${carried} pieces carrying rules on`);
});

test("a piece with no directive, and nothing carried into it, keeps its own list", () => {
  const findings = [makeFinding("units", { start: 0, end: 1 }, "units", null)];
  const { shown, carries } = silenceInPiece([], "claim 96413\n", findings, NOTHING_CARRIED);
  assert.equal(shown, findings);
  assert.equal(carries, NOTHING_CARRIED);
  const open = { open: new Set(["missing-code"]), firstLine: new Set<string>() };
  const next = silenceInPiece([], "claim 96413\n", findings, open);
  assert.equal(next.shown, findings, "nothing of the carried rules here: the same list");
  assert.equal(next.carries, open, "and the same rules carried on");
});
