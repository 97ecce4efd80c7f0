// Extension-host tests in the run() form of @vscode/test-electron: they run inside the editor's
// extension host with the real `vscode` API (here code-server's; `npm run test:electron` where a
// desktop VS Code can be downloaded). Resolving = pass, throwing = fail.
const vscode = require("vscode");
const assert = require("assert");

async function waitFor(what, fn, ms = 30000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

exports.run = async function run() {
  const t0 = Date.now();
  const folder = vscode.workspace.workspaceFolders[0].uri;
  const uri = vscode.Uri.joinPath(folder, "ondansetron-coded-as-chemo.encounter");
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  assert.equal(doc.languageId, "encounter");
  const ext = vscode.extensions.all.find((e) => e.packageJSON.name === "encounter-lint");
  assert.ok(ext, "extension installed");
  await ext.activate();
  const activated = Date.now() - t0;

  const diags = await waitFor("diagnostics", () => { const d = vscode.languages.getDiagnostics(uri); return d.length ? d : undefined; });
  const firstDiagnostics = Date.now() - t0;
  const chemo = diags.find((d) => (d.code?.value ?? d.code) === "non-chemo-as-chemo");
  assert.ok(chemo, `non-chemo-as-chemo expected, got ${diags.map((d) => d.code?.value ?? d.code).join(", ")}`);
  assert.equal(chemo.severity, vscode.DiagnosticSeverity.Error);

  const hovers = await vscode.commands.executeCommand("vscode.executeHoverProvider", uri, chemo.range.start);
  const hoverText = hovers.flatMap((h) => h.contents.map((c) => c.value ?? String(c))).join("\n");
  assert.match(hoverText, /96409/);

  const actions = await vscode.commands.executeCommand("vscode.executeCodeActionProvider", uri, chemo.range, vscode.CodeActionKind.QuickFix.value);
  const fix = actions.find((a) => a.isPreferred) ?? actions[0];
  assert.ok(fix && fix.edit, "a quick fix with an edit");
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
  assert.match(doc.getText(), /claim 96374, 96375/);
  await waitFor("the finding to go", () => !vscode.languages.getDiagnostics(uri).some((d) => (d.code?.value ?? d.code) === "non-chemo-as-chemo"));

  const hints = await vscode.commands.executeCommand("vscode.executeInlayHintProvider", uri, new vscode.Range(0, 0, doc.lineCount, 0));
  assert.ok(hints.some((h) => String(typeof h.label === "string" ? h.label : h.label.map((p) => p.value).join("")).includes("96374")), "inlay hint with 96374");

  const tokens = await vscode.commands.executeCommand("vscode.provideDocumentSemanticTokens", uri);
  assert.ok(tokens && tokens.data.length > 10, "semantic tokens");

  const commands = await vscode.commands.getCommands(true);
  for (const c of ["encounter.showDerivedClaim", "encounter.explain", "encounter.fixAll", "encounter.restartServer", "encounter.openPreview"]) assert.ok(commands.includes(c), c);
  await vscode.commands.executeCommand("encounter.explain");
  await waitFor("the explanation beside the editor", () => vscode.window.visibleTextEditors.some((e) => /Derived claim/.test(e.document.getText())));
  // Read-only: a virtual document, never an untitled buffer that asks to be saved on close.
  const explanation = vscode.window.visibleTextEditors.find((e) => /Derived claim/.test(e.document.getText())).document;
  assert.equal(explanation.uri.scheme, "encounter-explain");
  assert.equal(explanation.isUntitled, false);
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand("workbench.action.files.revert");
  console.log(`EXT-HOST-TESTS ${JSON.stringify({ activatedMs: activated, firstDiagnosticsMs: firstDiagnostics, diagnostics: diags.length })}`);
};
