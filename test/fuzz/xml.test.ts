// The well-formedness check itself must catch what it is there to catch.
import { test } from "node:test";
import assert from "node:assert/strict";
import { xmlProblem } from "./xml.js";

test("the XML check accepts well-formed documents and rejects broken ones", () => {
  assert.equal(xmlProblem(`<?xml version="1.0"?>\n<a x="1" y='&lt;'><b/>t &amp; &#10;<c></c></a>\n`), undefined);
  assert.match(xmlProblem("<a>\x1b[2J</a>")!, /character/);
  assert.match(xmlProblem("<a><b></a>")!, /wrong element/);
  assert.match(xmlProblem("<a>")!, /never closed/);
  assert.match(xmlProblem("<a x=1></a>")!, /'<'/);
  assert.match(xmlProblem("<a>&nbsp;</a>")!, /bad reference/);
  assert.match(xmlProblem("<a>&#27;</a>")!, /bad reference/);
  assert.match(xmlProblem("<a>a & b</a>")!, /reference/);
  assert.match(xmlProblem("<a></a><b></b>")!, /root/);
  assert.match(xmlProblem('<a x="1" x="2"></a>')!, /repeats/);
  assert.match(xmlProblem("<a>{\"files\": [</a")!, /'<'/);
});
