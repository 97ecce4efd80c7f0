// The VS Code extension: starts the bundled language server over stdio and adds the commands an
// auditor reaches for. The only code that imports `vscode`. Stdio, not IPC: over stdio the server
// writes each encounter's diagnostics from JSON text it keeps, where IPC would encode the whole
// list again on every keystroke (about 40 ms for a 5,000-finding audit file; docs/server.md).
import * as path from "node:path";
import * as vscode from "vscode";
import { LanguageClient, LSPErrorCodes, RevealOutputChannelOn, State, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import {
  DerivedClaimRequest, ExplainRequest, FixAllKind, PreviewRequest,
  type DerivedClaimResult, type ExplainResult, type PreviewResult,
} from "../../common/protocol.js";
import { FollowTyping } from "./refresh.js";

let client: LanguageClient | undefined;
/** Set while "Restart Server" runs, so the stop it causes is not reported as a crash. */
let restarting = false;

/** Explanations are shown as read-only documents of this scheme (no "save changes?" on close). */
const EXPLAIN_SCHEME = "encounter-explain";

/** How long the typing must pause before the preview is made again. */
const PREVIEW_PAUSE_MS = 300;

const isEncounter = (e?: vscode.TextEditor): e is vscode.TextEditor => e?.document.languageId === "encounter";

export async function activate(context: vscode.ExtensionContext) {
  const module = context.asAbsolutePath(path.join("out", "server.cjs"));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ["--nolazy", "--inspect=6019"] } },
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
      if (e.oldState === State.Running && e.newState === State.Stopped && !restarting)
        void vscode.window.showWarningMessage("The Encounter language server stopped. It restarts on its own; if findings stop updating, run “Encounter: Restart Server”.");
    }),
  );

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 100);
  status.command = "workbench.actions.view.problems";
  const updateStatus = () => {
    const editor = vscode.window.activeTextEditor;
    if (!isEncounter(editor)) return status.hide();
    status.show();
    // Until the server is back, the diagnostics are stale or absent: "no findings" would mislead.
    if (client?.state !== State.Running) {
      status.text = "$(sync~spin) Encounter: starting…";
      status.tooltip = "The Encounter language server is starting; findings appear when it is ready.";
      return;
    }
    const d = vscode.languages.getDiagnostics(editor.document.uri);
    const errors = d.filter((x) => x.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = d.filter((x) => x.severity === vscode.DiagnosticSeverity.Warning).length;
    status.text = errors || warnings ? `$(error) ${errors} $(warning) ${warnings} coding findings` : "$(check) claim matches the chart";
    status.tooltip = "Encounter Lint: findings in this file (click for the Problems panel)";
  };
  context.subscriptions.push(status, vscode.languages.onDidChangeDiagnostics(updateStatus), vscode.window.onDidChangeActiveTextEditor(updateStatus), client.onDidChangeState(updateStatus));

  const explanations = new Map<string, string>();
  const explainChanged = new vscode.EventEmitter<vscode.Uri>();
  context.subscriptions.push(
    explainChanged,
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, { onDidChange: explainChanged.event, provideTextDocumentContent: (uri) => explanations.get(uri.toString()) ?? "" }),
  );

  const previews = new Map<string, vscode.WebviewPanel>();
  const previewRefresh = new FollowTyping(async (uri: string) => {
    const panel = previews.get(uri);
    if (!panel || !client) return;
    try {
      const r = await client.sendRequest<PreviewResult>(PreviewRequest, { uri });
      // Empty: no page for this text (over the editor's size limit, or edited again while checked).
      if (r.html) panel.webview.html = r.html.replace("<head>", `<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;">`);
    } catch (e) {
      // The page stays as it was. ServerCancelled: the document changed while the page was being
      // made, and that edit has asked for a new one.
      if ((e as { code?: number }).code !== LSPErrorCodes.ServerCancelled) client.error("The preview could not be made", e, false);
    }
  }, PREVIEW_PAUSE_MS);

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
      const uri = vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/Explain ${path.basename(editor.document.fileName)}.txt`, query: editor.document.uri.toString() });
      explanations.set(uri.toString(), r.text);
      explainChanged.fire(uri);
      const doc = await vscode.workspace.openTextDocument(uri);
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
      restarting = true;
      try {
        await client?.restart();
      } finally {
        restarting = false;
      }
      void vscode.window.showInformationMessage("Encounter language server restarted.");
    }),
    // The walkthrough's first step: an encounter with one clear coding error to find and fix.
    vscode.commands.registerCommand("encounter.openSample", async () => {
      const content = '# An anti-emetic push billed with a chemotherapy code.\nencounter "Sample"\n  setting office\n  push ondansetron 8mg 3min\n  claim 96409\n';
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: "encounter", content }));
    }),
    vscode.commands.registerCommand("encounter.openPreview", async () => {
      const editor = vscode.window.activeTextEditor;
      if (!isEncounter(editor)) return;
      const key = editor.document.uri.toString();
      let panel = previews.get(key);
      if (!panel) {
        panel = vscode.window.createWebviewPanel("encounterPreview", `Preview: ${path.basename(editor.document.fileName)}`, vscode.ViewColumn.Beside, { enableScripts: false });
        previews.set(key, panel);
        panel.onDidDispose(() => {
          previews.delete(key);
          previewRefresh.forget(key);
        });
      }
      await previewRefresh.now(key);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      const key = e.document.uri.toString();
      if (previews.has(key)) previewRefresh.edited(key);
    }),
  );

  await client.start();
  updateStatus();
}

export async function deactivate() {
  await client?.stop();
}
