// One helper for every rule test: cases where the rule must fire (with the text it points at,
// its message and the result of its fix) and cases where it must stay quiet.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { AnalyzeOptions } from "../../server/src/engine/analyze.js";
import { applyEdits } from "../../server/src/engine/finding.js";
import { parse } from "../../server/src/language/parse.js";
import { analyze } from "../helpers.js";

export interface FiringCase {
  name: string;
  text: string;
  /** The exact text the finding's range covers. */
  at?: string;
  message?: RegExp;
  /** The whole text after applying the finding's fix; null = the finding has no fix. */
  fixed?: string | null;
  options?: AnalyzeOptions;
}

export interface QuietCase {
  name: string;
  text: string;
  options?: AnalyzeOptions;
}

/** Administrations as data, without positions: a fix must never change them. */
function administrations(text: string) {
  return parse(text).encounters.map((e) => e.administrations.map(({ span: _s, verbSpan: _v, drug, ...rest }) => ({ drug: drug?.key, verb: rest.verb, dose: rest.dose?.value, min: rest.duration?.value })));
}

export function ruleTests(rule: string, fires: FiringCase[], quiet: QuietCase[]) {
  for (const c of fires) {
    test(`${rule} fires: ${c.name}`, () => {
      const found = analyze(c.text, c.options).findings.filter((f) => f.rule === rule);
      assert.ok(found.length > 0, `expected a ${rule} finding; got ${analyze(c.text, c.options).findings.map((f) => `${f.rule}: ${f.message}`).join("\n") || "none"}`);
      const f = found.find((x) => (c.at === undefined || c.text.slice(x.span.start, x.span.end) === c.at) && (!c.message || c.message.test(x.message)));
      assert.ok(f, `no ${rule} finding covers '${c.at ?? "anything"}' with ${c.message ?? "any message"}; found: ${found.map((x) => `'${c.text.slice(x.span.start, x.span.end)}' ${x.message}`).join("; ")}`);
      if (c.fixed === null) assert.equal(f.fix, undefined, "this finding should have no fix");
      if (typeof c.fixed === "string") {
        assert.ok(f.fix, "the finding should carry a fix");
        const after = applyEdits(c.text, f.fix.edits);
        assert.equal(after, c.fixed);
        assert.deepEqual(administrations(after), administrations(c.text), "a fix must not change administration lines");
        const left = analyze(after, c.options).findings.filter((x) => x.rule === rule);
        assert.ok(left.length < found.length, `the fix should remove the ${rule} finding: ${left.map((x) => x.message).join("; ")}`);
      }
    });
  }
  for (const c of quiet) {
    test(`${rule} stays quiet: ${c.name}`, () => {
      const found = analyze(c.text, c.options).findings.filter((f) => f.rule === rule);
      assert.deepEqual(found.map((f) => f.message), []);
    });
  }
}
