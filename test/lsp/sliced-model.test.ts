// The model analysed in steps (the server's sliced analysis) may be abandoned after any step:
// the next update must still equal a fresh analysis of the new text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeText } from "../../server/src/engine/analyze.js";
import { DocumentModel } from "../../server/src/service/document-model.js";

const enc = (i: number) => `encounter "E${i}"\n  setting hopd\n  infuse rituximab 700mg 240min\n  push ondansetron 4mg 5min\n  claim 96413, 96415 x3, 96375\n`;
const BEFORE = "drug zorbitol chemo\n" + Array.from({ length: 6 }, (_, i) => enc(i)).join("") + `encounter "last"\n  push ondansetron 4mg 5min\n  claim 96409\n`;
const AFTER = BEFORE.replace('"E2"\n  setting hopd', '"E2"\n  setting office').replace("claim 96409", "claim 96374").replace("push ondansetron 4mg 5min\n  claim 96413", "push zorbitol 4mg 5min\n  claim 96413");

const key = (findings: { rule: string; span: { start: number; end: number } }[]) => findings.map((f) => `${f.rule}@${f.span.start}-${f.span.end}`);

test("abandoning the steps after any of them leaves a model that updates correctly", () => {
  const options = { fileName: "x" };
  const expected = key(analyzeText(AFTER, options).findings);
  let total = 0;
  for (const steps = new DocumentModel(options).updateSteps(BEFORE, options); !steps.next().done; ) total++;
  assert.ok(total > 10, "one step per encounter and phase");
  for (let n = 0; n <= total + 1; n++) {
    for (const first of [undefined, BEFORE.slice(0, -3)]) {
      const model = new DocumentModel(options);
      if (first) model.update(first, options); // a model that has seen an older text
      const steps = model.updateSteps(BEFORE, options);
      for (let i = 0; i < n && !steps.next().done; i++);
      steps.return();
      model.update(AFTER, options);
      assert.deepEqual(key(model.findings), expected, `abandoned after ${n} steps`);
      assert.equal(model.views.length, 7);
    }
  }
  assert.ok(expected.length > 0);
});
