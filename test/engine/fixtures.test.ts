// Every fixture and sample carries its expectation: line 1 `# expect: rule@LINE, ...` (errors and
// warnings) and a `# derived: ...` comment inside each encounter. LANGUAGE.md §6 lives here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { formatItem } from "../../server/src/engine/claim-text.js";
import { LineIndex } from "../../server/src/language/line-index.js";
import { analyze } from "../helpers.js";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".encounter") ? [p] : [];
  });
}

export function expectations(text: string) {
  const first = text.split("\n")[0];
  const m = /^#\s*expect:\s*(.*)$/.exec(first);
  if (!m) return undefined;
  const expect = m[1].trim() === "none" ? [] : m[1].split(",").map((s) => s.trim()).filter(Boolean).sort();
  const derived = [...text.matchAll(/^\s*#\s*derived:\s*(.*)$/gm)].map((d) => d[1].trim());
  return { expect, derived };
}

const all = [...files("test/fixtures"), ...files("samples")];
test("there are fixtures and at least 30 samples", () => {
  assert.ok(files("test/fixtures").length >= 13);
  assert.ok(files("samples").length >= 30, `samples: ${files("samples").length}`);
});

for (const path of all) {
  test(`fixture ${path}`, () => {
    const text = readFileSync(path, "utf8");
    const want = expectations(text);
    assert.ok(want, `${path} has no '# expect:' first line`);
    const a = analyze(text, { fileName: basename(path, ".encounter") });
    const index = new LineIndex(text);
    const got = a.findings
      .filter((f) => f.severity !== "info")
      .map((f) => `${f.rule}@${index.position(f.span.start).line + 1}`)
      .sort();
    assert.deepEqual(got, want.expect, a.findings.map((f) => `${f.rule}@${index.position(f.span.start).line + 1}: ${f.message}`).join("\n"));
    assert.equal(want.derived.length, a.encounters.length, "one '# derived:' line per encounter");
    a.encounters.forEach((e, i) => assert.equal(e.derivation.lines.map(formatItem).join(", ") || "none", want.derived[i], `encounter '${e.node.name}'`));
  });
}
