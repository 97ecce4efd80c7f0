// The VS Code extension: starts the bundled language server over IPC and adds the commands an
// auditor reaches for. The only code that imports `vscode`.
import * as path from "node:path";
import * as vscode from "vscode";
import { LanguageClient, RevealOutputChannelOn, State, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import {
  DerivedClaimRequest, ExplainRequest, FixAllKind, PreviewRequest,
  type DerivedClaimResult, type ExplainResult, type PreviewResult,
} from "../../common/protocol.js";

let client: LanguageClient | undefined;

const isEncounter = (e?: vscode.TextEditor): e is vscode.TextEditor => e?.document.languageId === "encounter";

export async function activate(context: vscode.ExtensionContext) {
  const module = context.asAbsolutePath(path.join("out", "server.cjs"));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6019"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: "encounter" }],
    synchronize: { configurationSection: "encounter", fileEvents: vscode.workspace.createFileSystemWatcher("**/*.encounter") },
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationFailedHandler: (e) => {
      void vscode.window.showErrorMessage(`Encounter language server could not start: ${String(e)}`);
      return false;
    },
  };
  client = new LanguageClient("encounter", "Encounter Lint", serverOptions, clientOptions);
  context.subscriptions.push(
    client.onDidChangeState((e) => {
      // The client restarts a crashed server by itself; say so, with the way to restart by hand.
      if (e.oldState === State.Running && e.newState === State.Stopped)
        void vscode.window.showWarningMessage("The Encounter language server stopped. It restarts on its own; if findings stop updating, run “Encounter: Restart Server”.");
    }),
  );

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 100);
  status.command = "workbench.actions.view.problems";
  const updateStatus = () => {
    const editor = vscode.window.activeTextEditor;
    if (!isEncounter(editor)) return status.hide();
    const d = vscode.languages.getDiagnostics(editor.document.uri);
    const errors = d.filter((x) => x.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = d.filter((x) => x.severity === vscode.DiagnosticSeverity.Warning).length;
    status.text = errors || warnings ? `$(error) ${errors} $(warning) ${warnings} coding findings` : "$(check) claim matches the chart";
    status.tooltip = "Encounter Lint: findings in this file (click for the Problems panel)";
    status.show();
  };
  context.subscriptions.push(status, vscode.languages.onDidChangeDiagnostics(updateStatus), vscode.window.onDidChangeActiveTextEditor(updateStatus));

  const previews = new Map<string, vscode.WebviewPanel>();
  const refreshPreview = async (uri: vscode.Uri) => {
    const panel = previews.get(uri.toString());
    if (!panel || !client) return;
    const r = await client.sendRequest<PreviewResult>(PreviewRequest, { uri: uri.toString() });
    panel.webview.html = r.html.replace("<head>", `<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;">`);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand("encounter.showDerivedClaim", async () => {
      const editor = vscode.window.activeTextEditor;
      if (!isEncounter(editor) || !client) return;
      const claims = await client.sendRequest<DerivedClaimResult>(DerivedClaimRequest, { uri: editor.document.uri.toString(), position: editor.selection.active });
      const text = claims.map((c) => `${c.name}: ${c.items.length ? c.items.join(", ") : "nothing reportable"}`).join("\n");
      void vscode.window.showInformationMessage(text || "No encounter here.", { modal: claims.length > 1 });
    }),
    vscode.commands.registerCommand("encounter.explain", async () => {
      const editor = vscode.window.activeTextEditor;
      if (!isEncounter(editor) || !client) return;
      const r = await client.sendRequest<ExplainResult>(ExplainRequest, { uri: editor.document.uri.toString() });
      const doc = await vscode.workspace.openTextDocument({ content: r.text, language: "plaintext" });
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }),
    vscode.commands.registerCommand("encounter.fixAll", async () => {
      const editor = vscode.window.activeTextEditor;
      if (!isEncounter(editor)) return;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", editor.document.uri, new vscode.Range(0, 0, editor.document.lineCount, 0), FixAllKind);
      const edit = actions?.find((a) => a.edit)?.edit;
      if (edit) await vscode.workspace.applyEdit(edit);
      else void vscode.window.showInformationMessage("Nothing to fix: every claim matches its documentation.");
    }),
    vscode.commands.registerCommand("encounter.restartServer", async () => {
      await client?.restart();
      void vscode.window.showInformationMessage("Encounter language server restarted.");
    }),
    vscode.commands.registerCommand("encounter.openPreview", async () => {
      const editor = vscode.window.activeTextEditor;
      if (!isEncounter(editor)) return;
      const key = editor.document.uri.toString();
      let panel = previews.get(key);
      if (!panel) {
        panel = vscode.window.createWebviewPanel("encounterPreview", `Preview: ${path.basename(editor.document.fileName)}`, vscode.ViewColumn.Beside, { enableScripts: false });
        previews.set(key, panel);
        panel.onDidDispose(() => previews.delete(key));
      }
      await refreshPreview(editor.document.uri);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (previews.has(e.document.uri.toString())) setTimeout(() => void refreshPreview(e.document.uri), 300);
    }),
  );

  await client.start();
  updateStatus();
}

export async function deactivate() {
  await client?.stop();
}
