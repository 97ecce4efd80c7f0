// Formatting never changes meaning: the analysis of the formatted text equals the original's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { analyzeText } from "../../server/src/engine/analyze.js";
import { LineIndex } from "../../server/src/language/line-index.js";
import { formatText } from "../../server/src/service/format.js";

const dir = "test/fixtures/worked-examples";
const texts = [
  ...readdirSync(dir).map((f) => readFileSync(`${dir}/${f}`, "utf8")),
  `setting   hopd\n\tencounter "A B"  setting office\n push "normal   saline" 500mL 60min#c\n claim 96360 ,96361 x 2,\n 96374-59\r\n\r\nencounter\n infuse rituximab 09:00-13:00;push x 5min\n`,
  `push doxorubicin 60mg 5min ; claim 96409,J9000 x6   \n`,
];

/** Findings with their line (not offset, which formatting shifts) and the text they point at. */
function essence(text: string) {
  const index = new LineIndex(text);
  const a = analyzeText(text, { fileName: "t" });
  return {
    findings: a.findings.map((f) => [f.rule, f.severity, f.message.replace(/\s+/g, " "), index.position(f.span.start).line, text.slice(f.span.start, f.span.end).replace(/\s+/g, " ")]),
    derived: a.encounters.map((r) => r.derivation.lines.map((l) => `${l.code}x${l.units}`)),
  };
}

test("formatting keeps the analysis and is idempotent", () => {
  for (const text of texts) {
    const formatted = formatText(text);
    assert.deepEqual(essence(formatted), essence(text), formatted);
    assert.equal(formatText(formatted), formatted);
  }
});

test("formatting aligns claim continuation lines under the first item", () => {
  assert.equal(formatText(`encounter A\nclaim 96413,\n96415 x3\n`), `encounter A\n  claim 96413,\n        96415 x3\n`);
});
