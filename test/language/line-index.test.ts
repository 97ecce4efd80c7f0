// Line starts and ends as the language reads lines: "\n", "\r\n" and a lone "\r" end a line;
// U+2028 does not (a comment runs on past it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { lineEndAfter, lineStartBefore } from "../../server/src/language/line-index.js";

test("the start and end of the line holding an offset, whatever ends the lines", () => {
  for (const eol of ["\n", "\r\n", "\r"]) {
    const text = `first${eol}  second line${eol}third`;
    const at = text.indexOf("second");
    const start = text.indexOf("  second");
    assert.equal(lineStartBefore(text, at), start, JSON.stringify(eol));
    assert.equal(lineEndAfter(text, at), start + "  second line".length, JSON.stringify(eol));
    assert.equal(lineStartBefore(text, 3), 0);
    assert.equal(lineEndAfter(text, text.indexOf("third")), text.length);
  }
  const joined = "a\u2028b\nc";
  assert.equal(lineStartBefore(joined, 2), 0, "U+2028 starts no line");
  assert.equal(lineEndAfter(joined, 0), 3, "U+2028 ends no line");
});
