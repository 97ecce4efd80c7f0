// The VS Code extension's manifest as the Marketplace and the editor read it, and the preview's
// readability: what a user sees before and right after installing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { analyzeText } from "../../server/src/engine/analyze.js";
import { renderHtml } from "../../server/src/explain/html.js";

const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const extension = readFileSync("client/src/extension.ts", "utf8");

test("icon: a 128 px PNG; gallery banner; repository, bugs and homepage", () => {
  const png = readFileSync(pkg.icon);
  assert.equal(png.subarray(1, 4).toString(), "PNG");
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  assert.match(pkg.galleryBanner.color, /^#[0-9a-f]{6}$/);
  assert.ok(["dark", "light"].includes(pkg.galleryBanner.theme));
  for (const k of ["repository", "bugs", "homepage"]) assert.ok(pkg[k], k);
});

test("settings: markdownDescription, scope and a distinct order each; encounter.trace.server", () => {
  const props = pkg.contributes.configuration.properties;
  for (const [id, p] of Object.entries(props) as [string, { markdownDescription?: string; description?: string; scope?: string; order?: number }][]) {
    assert.ok(p.markdownDescription && !p.description, `${id}: markdownDescription`);
    assert.ok(["application", "machine", "window", "resource", "language-overridable", "machine-overridable"].includes(p.scope!), `${id}: scope`);
    assert.equal(typeof p.order, "number", `${id}: order`);
  }
  assert.equal(new Set(Object.values(props).map((p) => (p as { order: number }).order)).size, Object.keys(props).length);
  assert.deepEqual(props["encounter.trace.server"].enum, ["off", "messages", "verbose"]);
  // vscode-languageclient reads `<client id>.trace.server`: the id must be "encounter".
  assert.match(extension, /new LanguageClient\("encounter",/);
});

test("packaging: vsce refuses a \"files\" list beside .vscodeignore, so npm's list is .npmignore", () => {
  assert.ok(existsSync(".vscodeignore"));
  assert.equal(pkg.files, undefined);
  assert.match(readFileSync(".npmignore", "utf8"), /^!\/out\/cli\.cjs$/m);
});

test("virtual workspaces: unsupported, with the reason", () => {
  assert.equal(pkg.capabilities.virtualWorkspaces.supported, false);
  assert.match(pkg.capabilities.virtualWorkspaces.description, /file system/);
});

test("walkthrough: open a sample, see a finding, apply the fix, open the preview; every step's media and command exist", () => {
  const [walk] = pkg.contributes.walkthroughs;
  assert.deepEqual(walk.steps.map((s: { id: string }) => s.id), ["openSample", "seeFinding", "applyFix", "openPreview"]);
  const commands = new Set(pkg.contributes.commands.map((c: { command: string }) => c.command));
  const ignore = readFileSync(".vscodeignore", "utf8");
  assert.match(ignore, /^!client\/walkthrough\/\*\*$/m);
  for (const step of walk.steps) {
    assert.ok(existsSync(step.media.markdown), step.media.markdown);
    for (const [, cmd] of step.description.matchAll(/\(command:([\w.]+)\)/g)) assert.ok(commands.has(cmd) || cmd.startsWith("workbench."), cmd);
    for (const e of step.completionEvents) assert.match(e, /^onCommand:/);
  }
  assert.match(extension, /registerCommand\("encounter\.openSample"/);
  // The sample's claim is wrong in the way the walkthrough says: 96409 for an ondansetron push.
  const sample = /const content = '([^']+)'/.exec(extension)![1].replace(/\\n/g, "\n");
  const findings = analyzeText(sample).findings.filter((f) => f.severity === "error");
  assert.deepEqual(findings.map((f) => [f.rule, f.fix?.edits[0].newText]), [["non-chemo-as-chemo", "96374"]]);
});

test("problem matcher contributed under a name, so tasks can use $encounter-lint", () => {
  assert.equal(pkg.contributes.problemMatchers[0].name, "encounter-lint");
});

test("restart shows one message; the status bar says starting while the server is not running; explain is read-only", () => {
  assert.equal((extension.match(/showInformationMessage\("Encounter language server restarted\."\)/g) ?? []).length, 1);
  assert.match(extension, /&& !restarting\)/);
  assert.match(extension, /client\?\.state !== State\.Running\) \{\n\s+status\.text = "\$\(sync~spin\) Encounter: starting…"/);
  assert.match(extension, /registerTextDocumentContentProvider\(EXPLAIN_SCHEME/);
  assert.doesNotMatch(extension, /openTextDocument\(\{ content: r\.text/);
});

test("preview: timeline labels are 11 px or more and the timeline scrolls rather than shrinks", () => {
  const text = 'encounter "FOLFOX"\n  setting hopd\n  infuse oxaliplatin 85mg 09:00-11:00\n  infuse leucovorin 400mg 09:00-11:00\n  push fluorouracil 400mg at 11:05 4min\n  pump fluorouracil 2400mg 46h\n';
  const html = renderHtml("FOLFOX", text, analyzeText(text));
  // Sizes come from the timeline's stylesheet (and any attribute left on an element).
  const sizes = [...html.matchAll(/font-size(?:="|: )(\d+)|font: (\d+)px/g)].map((m) => Number(m[1] ?? m[2]));
  assert.match(html, /figure > svg \{ width: \d+px; font: 11px sans-serif; \}/);
  assert.ok(sizes.every((s) => s >= 11), `font sizes ${sizes}`);
  assert.match(html, /<figure><svg height=\d+>/);
  assert.match(html, /figure \{ margin: 8px 0; overflow-x: auto; \}/);
  assert.doesNotMatch(html, /figure > svg \{[^}]*max-width/);
});
