// Wording defects of issue 10 §3: each sentence said once, names said once, doses shown with what
// they came to.
import { test } from "node:test";
import assert from "node:assert/strict";
import { explainText } from "../../server/src/explain/text.js";
import { DocumentModel } from "../../server/src/service/document-model.js";
import { hover } from "../../server/src/service/hover.js";
import { analyze } from "../helpers.js";

const count = (hay: string, needle: string) => hay.split(needle).length - 1;

test("the hover on a claim code states the finding's sentence once", () => {
  const text = "setting hopd\ninfuse rituximab 700mg 120min\nclaim 96413, 96415 x3\n";
  const md = hover(new DocumentModel({ fileName: "t" }).update(text), text.indexOf("96415") + 1)!.markdown;
  assert.match(md, /96415 ×3 is claimed, but the chart supports ×1/);
  assert.equal(count(md, "1 hour beyond the first"), 1, md);
  assert.equal(count(md, "96415 ×3 is claimed"), 1, md);
});

test("a declared drug's code is named once in its hover", () => {
  const text = "drug zolbetuximab chemo hcpcs J9999 per 10mg\nsetting hopd\ninfuse zolbetuximab 800mg 120min\nclaim 96413, 96415, J9999 x80\n";
  const md = hover(new DocumentModel({ fileName: "t" }).update(text), text.indexOf("J9999 x") + 1)!.markdown;
  assert.match(md, /^\*\*J9999\*\*: zolbetuximab \(declared in this file\), per 10 mg/);
  assert.doesNotMatch(md, /zolbetuximab zolbetuximab|: zolbetuximab\)/);
});

test("an oral drug's explanation does not say 'oral drug' twice", () => {
  const text = "setting hopd\ninfuse rituximab 700mg 240min\noral prednisone 100mg\n";
  const out = explainText("t.encounter", text, analyze(text));
  assert.match(out, /oral drug: given by mouth: recorded for completeness/);
  assert.doesNotMatch(out, /oral drug: oral drug/);
});

test("the retired-code note shows the milligrams a mg/m2 dose came to", () => {
  const text = "setting hopd\ndate 2026-03-01\nbsa 2m2\ninfuse cyclophosphamide 750mg/m2 60min\nclaim 96413, J9070 x15\n";
  const f = analyze(text).findings.find((x) => x.rule === "retired-code")!;
  assert.match(f.message, /750 mg\/m2 = 1500 mg = J9075 ×300\.$/);
});
