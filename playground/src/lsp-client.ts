// The page's side of the language server: an LSP connection to the worker over postMessage, and
// Monaco providers that forward each editor feature to it. Nothing is computed here: every
// diagnostic, hover, fix, completion, hint, lens, token and format comes from the server.
import * as monaco from "monaco-editor/editor/editor.api.js";
import {
  BrowserMessageReader, BrowserMessageWriter, CodeActionRequest, CodeLensRequest, CompletionRequest, ConfigurationRequest,
  createProtocolConnection, DefinitionRequest, DidChangeConfigurationNotification, DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, DocumentFormattingRequest, DocumentSymbolRequest,
  ExecuteCommandRequest, FoldingRangeRequest, HoverRequest, InitializedNotification, InitializeRequest, InlayHintRequest,
  PrepareRenameRequest, PublishDiagnosticsNotification, RenameRequest, SemanticTokensRequest, ApplyWorkspaceEditRequest,
  LSPErrorCodes, ResponseError, type Diagnostic, type InitializeResult, type ProtocolConnection, type Range, type TextEdit, type WorkspaceEdit,
} from "vscode-languageserver-protocol/browser";
import { ApplyDerivedClaimCommand, type EncounterSettings } from "../../common/protocol.js";

export const LANGUAGE_ID = "encounter";
const OWNER = "encounter-lint";

const toRange = (r: Range) => new monaco.Range(r.start.line + 1, r.start.character + 1, r.end.line + 1, r.end.character + 1);
const fromRange = (r: monaco.IRange): Range => ({ start: { line: r.startLineNumber - 1, character: r.startColumn - 1 }, end: { line: r.endLineNumber - 1, character: r.endColumn - 1 } });
const position = (p: monaco.IPosition) => ({ line: p.lineNumber - 1, character: p.column - 1 });
const SEVERITY = [monaco.MarkerSeverity.Error, monaco.MarkerSeverity.Error, monaco.MarkerSeverity.Warning, monaco.MarkerSeverity.Info, monaco.MarkerSeverity.Hint];
const COMPLETION_KIND: Record<number, monaco.languages.CompletionItemKind> = {
  14: monaco.languages.CompletionItemKind.Keyword,
  12: monaco.languages.CompletionItemKind.Value,
  21: monaco.languages.CompletionItemKind.Constant,
  20: monaco.languages.CompletionItemKind.EnumMember,
  10: monaco.languages.CompletionItemKind.Property,
};

/**
 * The server gives up what is drawn over the text (highlighting, outline, hints, lenses, folds)
 * when the text changes while it is worked out (ContentModified). Monaco asks again after the
 * edit, so it is told "cancelled", which it does not report as an error (a rejection it would
 * throw as an uncaught page error).
 */
async function unlessOutdated<T>(answer: Promise<T>): Promise<T> {
  try {
    return await answer;
  } catch (e) {
    if (!(e instanceof ResponseError && e.code === LSPErrorCodes.ContentModified)) throw e;
    // Monaco's test for a cancellation: an Error named and worded "Canceled".
    throw Object.assign(new Error("Canceled"), { name: "Canceled" });
  }
}

export interface Client {
  connection: ProtocolConnection;
  /** Open a document in the server (closing the one before). */
  open(model: monaco.editor.ITextModel): void;
  /** New settings: the server re-reads them and checks the document again. */
  configure(settings: EncounterSettings): void;
  /** Fires with the document's LSP diagnostics, each time the server publishes them. */
  onDiagnostics(listener: (uri: string, diagnostics: Diagnostic[], version: number) => void): void;
}

// Somewhat over 60 lines: the message handlers and the returned client share the open document.
export async function startClient(worker: Worker, initialSettings: EncounterSettings): Promise<Client> {
  const connection = createProtocolConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
  let settings = initialSettings;
  let current: { model: monaco.editor.ITextModel; sub: monaco.IDisposable } | undefined;
  const listeners: ((uri: string, d: Diagnostic[], version: number) => void)[] = [];
  const refresh = new monaco.Emitter<void>();
  const uriOf = (model: monaco.editor.ITextModel) => model.uri.toString();
  const edits = (list: TextEdit[]) => list.map((e) => ({ range: toRange(e.range), text: e.newText }));

  connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => settings));
  connection.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
    const model = current?.model;
    const changes = model && p.edit.changes?.[uriOf(model)];
    if (!model || !changes) return { applied: false };
    model.pushEditOperations([], edits(changes), () => null);
    return { applied: true };
  });
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    const model = current?.model;
    if (!model || p.uri !== uriOf(model) || (p.version !== undefined && p.version !== model.getVersionId())) return;
    monaco.editor.setModelMarkers(model, OWNER, p.diagnostics.map((d) => ({
      ...toRange(d.range), severity: SEVERITY[d.severity ?? 1], message: typeof d.message === "string" ? d.message : d.message.value, source: d.source,
      code: d.code === undefined ? undefined : String(d.code),
      tags: d.tags as monaco.MarkerTag[] | undefined,
      relatedInformation: d.relatedInformation?.map((r) => ({ resource: model.uri, message: r.message, ...toRange(r.location.range) })),
    })));
    for (const l of listeners) l(p.uri, p.diagnostics, model.getVersionId());
  });
  connection.onNotification("window/logMessage", (p: { message: string }) => console.warn(`language server: ${p.message}`));
  connection.listen();

  const init: InitializeResult = await connection.sendRequest(InitializeRequest.type, {
    processId: null, rootUri: null, workspaceFolders: null,
    capabilities: { workspace: { configuration: true, applyEdit: true }, textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true } } },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  registerProviders(connection, init, refresh);
  monaco.editor.registerCommand(ApplyDerivedClaimCommand, (_accessor, ...args: unknown[]) => {
    void connection.sendRequest(ExecuteCommandRequest.type, { command: ApplyDerivedClaimCommand, arguments: args });
  });

  return {
    connection,
    open(model) {
      if (current) {
        current.sub.dispose();
        void connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uriOf(current.model) } });
      }
      const uri = uriOf(model);
      const sub = model.onDidChangeContent((e) => {
        void connection.sendNotification(DidChangeTextDocumentNotification.type, {
          textDocument: { uri, version: model.getVersionId() },
          contentChanges: e.changes.map((c) => ({ range: fromRange(c.range), rangeLength: c.rangeLength, text: c.text })),
        });
      });
      current = { model, sub };
      void connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: LANGUAGE_ID, version: model.getVersionId(), text: model.getValue() } });
    },
    configure(next) {
      settings = next;
      void connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      refresh.fire();
    },
    onDiagnostics(listener) {
      listeners.push(listener);
    },
  };
}

const doc = (m: monaco.editor.ITextModel) => ({ textDocument: { uri: m.uri.toString() } });
const editsOf = (m: monaco.editor.ITextModel, edit: WorkspaceEdit | undefined): monaco.languages.WorkspaceEdit => ({
  edits: (edit?.changes?.[m.uri.toString()] ?? []).map((e) => ({ resource: m.uri, textEdit: { range: toRange(e.range), text: e.newText }, versionId: m.getVersionId() })),
});
const lspDiagnostic = (marker: monaco.editor.IMarkerData): Diagnostic => ({ range: fromRange(marker), message: marker.message, code: marker.code as string, source: marker.source, severity: marker.severity === monaco.MarkerSeverity.Error ? 1 : marker.severity === monaco.MarkerSeverity.Warning ? 2 : 3 });

/** One Monaco provider per server capability, each a thin request forwarder. */
function registerProviders(c: ProtocolConnection, init: InitializeResult, refresh: monaco.Emitter<void>) {
  registerEditing(c, init);
  registerDecorations(c, init, refresh);
  registerNavigation(c);
}

/** Hover, completion, quick fixes and formatting. */
function registerEditing(c: ProtocolConnection, init: InitializeResult) {
  const L = LANGUAGE_ID;
  monaco.languages.registerHoverProvider(L, {
    async provideHover(m, p) {
      const h = await c.sendRequest(HoverRequest.type, { ...doc(m), position: position(p) });
      if (!h) return null;
      const value = typeof h.contents === "string" ? h.contents : "value" in h.contents ? h.contents.value : "";
      return { contents: [{ value }], range: h.range && toRange(h.range) };
    },
  });
  monaco.languages.registerCompletionItemProvider(L, {
    triggerCharacters: init.capabilities.completionProvider?.triggerCharacters,
    async provideCompletionItems(m, p) {
      const items = await c.sendRequest(CompletionRequest.type, { ...doc(m), position: position(p) });
      const word = m.getWordUntilPosition(p);
      const range = new monaco.Range(p.lineNumber, word.startColumn, p.lineNumber, word.endColumn);
      const list = Array.isArray(items) ? items : items?.items ?? [];
      return {
        suggestions: list.map((i) => ({
          label: i.label, kind: COMPLETION_KIND[i.kind ?? 14] ?? monaco.languages.CompletionItemKind.Text, detail: i.detail,
          documentation: typeof i.documentation === "string" ? i.documentation : i.documentation?.value, sortText: i.sortText, insertText: i.label, range,
        })),
      };
    },
  });
  monaco.languages.registerCodeActionProvider(L, {
    async provideCodeActions(m, range, context) {
      const only = context.only ? [context.only] : undefined;
      const actions = await c.sendRequest(CodeActionRequest.type, { ...doc(m), range: fromRange(range), context: { diagnostics: context.markers.map(lspDiagnostic), only } });
      return {
        actions: (actions ?? []).filter((a) => "title" in a && !("command" in a && typeof a.command === "string")).map((a) => {
          const action = a as { title: string; kind?: string; isPreferred?: boolean; edit?: WorkspaceEdit; diagnostics?: Diagnostic[] };
          const markers = context.markers.filter((mk) => action.diagnostics?.some((d) => d.message === mk.message && d.range.start.line === mk.startLineNumber - 1));
          return { title: action.title, kind: action.kind, isPreferred: action.isPreferred, edit: editsOf(m, action.edit), diagnostics: markers };
        }),
        dispose() {},
      };
    },
  }, { providedCodeActionKinds: ["quickfix", "source.fixAll.encounter"] });
  monaco.languages.registerDocumentFormattingEditProvider(L, {
    async provideDocumentFormattingEdits(m, options) {
      const edits = await c.sendRequest(DocumentFormattingRequest.type, { ...doc(m), options: { tabSize: options.tabSize, insertSpaces: options.insertSpaces } });
      return (edits ?? []).map((e) => ({ range: toRange(e.range), text: e.newText }));
    },
  });
}

/** What the server draws over the text: code lenses, inlay hints and semantic colouring. */
function registerDecorations(c: ProtocolConnection, init: InitializeResult, refresh: monaco.Emitter<void>) {
  const L = LANGUAGE_ID;
  const legend = init.capabilities.semanticTokensProvider?.legend ?? { tokenTypes: [], tokenModifiers: [] };
  const lenses: monaco.languages.CodeLensProvider = {
    onDidChange: (listener) => refresh.event(() => listener(lenses)),
    async provideCodeLenses(m) {
      const list = await unlessOutdated(c.sendRequest(CodeLensRequest.type, doc(m)));
      return {
        lenses: (list ?? []).map((l) => ({ range: toRange(l.range), command: l.command && { id: l.command.command, title: l.command.title, arguments: l.command.arguments } })),
        dispose() {},
      };
    },
  };
  monaco.languages.registerCodeLensProvider(L, lenses);
  monaco.languages.registerInlayHintsProvider(L, {
    onDidChangeInlayHints: refresh.event,
    async provideInlayHints(m, range) {
      const hints = await unlessOutdated(c.sendRequest(InlayHintRequest.type, { ...doc(m), range: fromRange(range) }));
      return {
        hints: (hints ?? []).map((h) => ({ position: { lineNumber: h.position.line + 1, column: h.position.character + 1 }, label: typeof h.label === "string" ? h.label : h.label.map((x) => x.value).join(""), paddingLeft: h.paddingLeft })),
        dispose() {},
      };
    },
  });
  monaco.languages.registerDocumentSemanticTokensProvider(L, {
    onDidChange: refresh.event,
    getLegend: () => legend,
    async provideDocumentSemanticTokens(m) {
      const t = await unlessOutdated(c.sendRequest(SemanticTokensRequest.type, doc(m)));
      return { data: new Uint32Array(t?.data ?? []) };
    },
    releaseDocumentSemanticTokens() {},
  });
}

/** Outline, folding, go to definition and rename of declared drugs. */
function registerNavigation(c: ProtocolConnection) {
  const L = LANGUAGE_ID;
  monaco.languages.registerDocumentSymbolProvider(L, {
    async provideDocumentSymbols(m) {
      const list = (await unlessOutdated(c.sendRequest(DocumentSymbolRequest.type, doc(m)))) ?? [];
      type S = { name: string; detail?: string; kind: number; range: Range; selectionRange: Range; children?: S[] };
      const conv = (s: S): monaco.languages.DocumentSymbol => ({ name: s.name, detail: s.detail ?? "", kind: s.kind - 1, tags: [], range: toRange(s.range), selectionRange: toRange(s.selectionRange), children: s.children?.map(conv) });
      return (list as S[]).map(conv);
    },
  });
  monaco.languages.registerFoldingRangeProvider(L, {
    async provideFoldingRanges(m) {
      return ((await unlessOutdated(c.sendRequest(FoldingRangeRequest.type, doc(m)))) ?? []).map((r) => ({ start: r.startLine + 1, end: r.endLine + 1 }));
    },
  });
  monaco.languages.registerDefinitionProvider(L, {
    async provideDefinition(m, p) {
      const locs = await c.sendRequest(DefinitionRequest.type, { ...doc(m), position: position(p) });
      const list = Array.isArray(locs) ? locs : locs ? [locs] : [];
      return list.map((l) => ("range" in l ? { uri: m.uri, range: toRange(l.range) } : { uri: m.uri, range: toRange(l.targetSelectionRange) }));
    },
  });
  monaco.languages.registerRenameProvider(L, {
    async resolveRenameLocation(m, p) {
      const r = await c.sendRequest(PrepareRenameRequest.type, { ...doc(m), position: position(p) });
      if (!r || !("start" in r)) return { range: new monaco.Range(1, 1, 1, 1), text: "", rejectReason: "Only a declared drug's name can be renamed." };
      const range = toRange(r);
      return { range, text: m.getValueInRange(range) };
    },
    async provideRenameEdits(m, p, newName) {
      try {
        return editsOf(m, (await c.sendRequest(RenameRequest.type, { ...doc(m), position: position(p), newName })) ?? undefined);
      } catch (e) {
        return { edits: [], rejectReason: (e as Error).message };
      }
    },
  });
}
