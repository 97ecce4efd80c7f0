// Directive comments as parsed (kind, rule ids with spans, reason, line); what they silence is
// tested in test/rules/bad-directive and unused-directive, and in test/engine/directives.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parse } from "../../server/src/language/parse.js";

const slice = (text: string, s: { start: number; end: number }) => text.slice(s.start, s.end);

test("the three directive kinds, their rule ids, reason, span and line", () => {
  const text = [
    "encounter A",
    "  # encounter-lint-disable-next-line units, missing-code -- payer contract allows it",
    "  push ondansetron 4mg # encounter-lint-disable UNITS",
    "#encounter-lint-enable units--done",
    "# encounter-lint-disable-next-line",
  ].join("\r\n");
  const ds = parse(text).directives;
  assert.deepEqual(ds.map((d) => [d.kind, d.rules.map((r) => [r.value, slice(text, r.span)]), d.reason, d.line, slice(text, d.span)]), [
    ["disable-next-line", [["units", "units"], ["missing-code", "missing-code"]], "payer contract allows it", 1, "# encounter-lint-disable-next-line units, missing-code -- payer contract allows it"],
    ["disable", [["units", "UNITS"]], undefined, 2, "# encounter-lint-disable UNITS"],
    ["enable", [["units", "units"]], "done", 3, "#encounter-lint-enable units--done"],
    ["disable-next-line", [], undefined, 4, "# encounter-lint-disable-next-line"],
  ]);
});

test("plain comments and look-alikes are not directives; directives never disturb parsing", () => {
  const text = "# a note\n# encounter-lint-disabled units\n# encounter-lint-disable-line units\n# see encounter-lint-disable units\npush x 5min";
  const f = parse(text);
  assert.deepEqual(f.directives, []);
  assert.deepEqual(f.errors, []);
  assert.equal(f.encounters[0].administrations.length, 1);
});

test("a directive in a headered file belongs to the file, before or inside encounters", () => {
  const f = parse("# encounter-lint-disable units\nencounter A\n  push x\n  # encounter-lint-enable units\n");
  assert.deepEqual(f.directives.map((d) => [d.kind, d.line]), [["disable", 0], ["enable", 3]]);
});
