// The language server: wires the protocol to the service layer. Every handler is guarded: a
// failure is logged and answered with an empty result, and unknown documents get empty answers.
import {
  CodeActionKind, CompletionItemKind, DidChangeWatchedFilesNotification, FileChangeType, ResponseError, ErrorCodes, LSPErrorCodes,
  SymbolKind, TextDocuments, TextDocumentSyncKind,
  type CodeAction, type CodeLens, type SemanticTokens, type SemanticTokensDelta, type Connection, type DocumentSymbol, type InitializeResult, type WorkDoneProgressServerReporter,
} from "vscode-languageserver";
import {
  ApplyDerivedClaimCommand, DerivedClaimRequest, ExplainRequest, FixAllKind, PreviewRequest,
  type DerivedClaimParams, type DerivedClaimResult, type EncounterSettings, type ExplainParams, type ExplainResult, type PreviewParams, type PreviewResult,
} from "../../../common/protocol.js";
import { explainText } from "../explain/text.js";
import { analysisSteps, type AnalyzeOptions } from "../engine/analyze.js";
import { parseSteps } from "../language/parse.js";
import { mapSteps } from "../language/steps.js";
import { explainAsAnalysed } from "../explain/as-analysed.js";
import { htmlPageSteps } from "../explain/html.js";
import { codeActions, derivedClaimEdit } from "../service/actions.js";
import { complete, type ItemKind } from "../service/completion.js";
import type { TextSource } from "../service/chunked-text.js";
import { composeEdits, DocumentModel, independentTop, type Edit } from "../service/document-model.js";
import { declaredDrugAt, renameDrug } from "../service/drug-refs.js";
import { formatText, minimalEdit } from "../service/format.js";
import { codeLenses, inlayHints, type Lens } from "../service/hints.js";
import { hover } from "../service/hover.js";
import { foldingRanges, symbols, type SymbolEntry } from "../service/outline.js";
import { TOKEN_TYPES } from "../service/semantic-tokens.js";
import { Colours } from "./colours.js";
import { DiagnosticCache, toDiagnostic, toRange } from "./convert.js";
import { afterPendingMessages, MAX_DOCUMENT_CHARS, runInSlices, SLICED_FROM_CHARS, TOP_ENCOUNTERS, tooLargeFinding } from "./limits.js";
import { OpenDocument } from "./open-document.js";
import { Scheduler } from "./scheduler.js";
import { SettingsCache } from "./settings.js";
import type { ServerHost } from "./host.js";

interface Entry {
  model: DocumentModel;
  settings: EncounterSettings;
  options: AnalyzeOptions;
  /** The settings the options were made from, to keep the model's cache across runs. */
  key: string;
  /** The document version the model was last brought up to. */
  version?: number;
  /** Its diagnostics, converted once per encounter. */
  diagnostics: DiagnosticCache;
}

const COMPLETION_KIND: Record<ItemKind, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  drug: CompletionItemKind.Value,
  code: CompletionItemKind.Constant,
  value: CompletionItemKind.EnumMember,
  modifier: CompletionItemKind.Property,
};

/**
 * `keptJson`: the connection's writer sends diagnostics lists from the JSON text kept with them,
 * and whole colours from their numbers (json-writer.ts, on stdio); elsewhere lists and colours are
 * plain objects and no text is kept.
 */
export function startServer(connection: Connection, host: ServerHost, { keptJson = false } = {}): void {
  // Edits since each model's last update, so a keystroke re-cuts only the segments it touches.
  const pending = new Map<string, { edit: Edit; before: number } | "full">();
  const documents = new TextDocuments<OpenDocument>({
    create: OpenDocument.create,
    update(doc, changes, version) {
      for (const c of changes) {
        const length = doc.text.length;
        const one = doc.apply(c);
        const p = pending.get(doc.uri);
        if (p !== "full" && one) pending.set(doc.uri, p ? { edit: composeEdits(p.edit, one, p.before, length), before: p.before } : { edit: one, before: length });
        else pending.set(doc.uri, "full");
      }
      doc.version = version;
      return doc;
    },
  });
  const settings = new SettingsCache(connection);
  /** The encounter-lint.config.json above each document (none for unsaved documents). */
  const configs = host.configFiles((message) => void connection.window.showErrorMessage(message));
  const scheduler = new Scheduler();
  const entries = new Map<string, Entry>();
  /** Each open document's colours (semantic tokens), kept between requests. */
  const colours = new Colours(keptJson);
  let folders: string[] = [];
  let watchDynamically = false;
  /** The client reads related information on diagnostics (LSP: it says so in its capabilities; else none is sent). */
  let related = true;
  let initialized = false;
  /** Documents whose first analysis shows progress, until their complete diagnostics are sent. */
  const progress = new Map<string, Promise<WorkDoneProgressServerReporter | undefined>>();
  /** The sliced analysis under way per document (one at a time: they share the model). */
  const analysing = new Map<string, { version: number; done: Promise<boolean> }>();

  const log = (what: string, e: unknown) => connection.console.error(`${what} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);

  /**
   * A guarded handler: cancelled or failing requests get `empty`, never an error storm. A
   * ResponseError is the handler's answer (a preview given up: ServerCancelled), not a failure.
   */
  function guard<P, R>(what: string, empty: R, fn: (p: P) => R | Promise<R>) {
    return async (p: P, token?: { isCancellationRequested: boolean }): Promise<R> => {
      notBeforeInitialize();
      try {
        if (token?.isCancellationRequested) return empty;
        return await fn(p);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        log(what, e);
        return empty;
      }
    };
  }

  const pathOf = (uri: string) => host.pathOf(uri);
  /** The CLI's options for the document's configuration; its setting and payer win over the editor's defaults. */
  const optionsFor = (uri: string, s: EncounterSettings, config = configs.forDocument(uri).options): AnalyzeOptions => ({
    ...config,
    fileName: host.baseName(pathOf(uri)).replace(/\.encounter$/, ""),
    defaults: { ...s.defaults, ...definedOnly(config?.defaults) },
    reportUnusedDisableDirectives: s.reportUnusedDisableDirectives,
  });

  /** LSP: a request before `initialize` is answered with ServerNotInitialized (-32002). */
  function notBeforeInitialize() {
    if (!initialized) throw new ResponseError(ErrorCodes.ServerNotInitialized, "The server has not been initialized yet.");
  }

  /**
   * The analysed model of an open document, brought up to date with its text and settings.
   * A large document is analysed in slices, and this waits for that: diagnostics, pages, fixes,
   * the derived claim, definition and rename (an answer of nothing would be read as "nothing to
   * fix", "no encounter here" or "cannot be renamed"), and what an editor draws over the text
   * (entryToDraw; asked for again only after the next edit). Hover and completion take
   * `entryAtOnce`. Beyond the size limit, or once a newer version has come: undefined.
   */
  async function entryOf(uri: string, waitForFirst = true): Promise<(Entry & { doc: OpenDocument }) | undefined> {
    if (!documents.get(uri)) return undefined;
    const s = await settings.get(uri);
    const doc = documents.get(uri);
    if (!doc || doc.text.length > MAX_DOCUMENT_CHARS) return undefined;
    const config = configs.forDocument(uri);
    const key = JSON.stringify([s.defaults, s.reportUnusedDisableDirectives]) + config.stamp;
    let entry = entries.get(uri);
    if (!entry || entry.key !== key) {
      const options = optionsFor(uri, s, config.options);
      entry = { model: new DocumentModel(options), settings: s, options, key, diagnostics: new DiagnosticCache(keptJson, related) };
      entries.set(uri, entry);
    }
    entry.settings = s;
    // Sliced while one is under way too: two updates must never interleave on one model.
    if (entry.version !== doc.version && (doc.text.length >= SLICED_FROM_CHARS || analysing.has(uri))) {
      if (!waitForFirst && entry.version === undefined) return undefined;
      if (!(await inSlices(uri, entry, doc)) || entry.version !== doc.version) return undefined;
      return { ...entry, doc };
    } else if (entry.version !== doc.version) {
      const p = pending.get(uri);
      const edit = entry.version !== undefined && p && p !== "full" && p.before === entry.model.textLength ? p.edit : undefined;
      try {
        entry.model.update(doc.text, entry.options, edit);
      } catch (e) {
        entries.delete(uri); // start afresh next time rather than build on a half-updated model
        pending.delete(uri);
        throw e;
      }
      entry.version = doc.version;
    }
    pending.delete(uri);
    return { ...entry, doc };
  }

  /**
   * For hover and completion, asked for as a person points or types: they wait for an edit's
   * analysis (milliseconds: completion as you type needs the new text) but not for a large
   * document's first analysis (seconds), answering at once with nothing until it is done.
   */
  const entryAtOnce = (uri: string) => entryOf(uri, false);

  /**
   * The entry for what an editor draws over the text (lenses, hints, outline, folds), once a large
   * document's analysis is done. When the diagnostics wait for the same analysis they go out first:
   * they are published in the turn it ends, and this resumes some turns later. ContentModified if
   * the text changed meanwhile (the editor asks again after that edit).
   */
  async function entryToDraw(uri: string): Promise<(Entry & { doc: OpenDocument }) | undefined> {
    const version = documents.get(uri)?.version;
    const e = await entryOf(uri);
    if (e) await afterPendingMessages();
    const now = documents.get(uri);
    if (now && now.version !== version) throw modified();
    return e;
  }

  /** The model brought up to `doc` in slices; false when a newer version made it pointless. */
  async function inSlices(uri: string, entry: Entry, doc: OpenDocument): Promise<boolean> {
    // The document object is updated in place by later changes: keep what this run is for.
    const version = doc.version;
    const text = doc.text;
    for (let cur = analysing.get(uri); cur; cur = analysing.get(uri)) await cur.done;
    if (entry.version === version) return true;
    const stale = () => documents.get(uri)?.version !== version || entries.get(uri) !== entry;
    if (stale()) return false;
    const p = pending.get(uri);
    const edit = entry.version !== undefined && p && p !== "full" && p.before === entry.model.textLength ? p.edit : undefined;
    // A fresh model of a large document: its top first, published on its own, then the whole.
    const fresh = !entry.model.textLength;
    const top = fresh ? independentTop(text.toString(), TOP_ENCOUNTERS) : undefined;
    if (fresh && !progress.has(uri)) progress.set(uri, checking(text.length));
    const steps = top ? topFirst(entry, text, top, () => publishTop(entry, doc, version, top.shown)) : entry.model.updateSteps(text, entry.options, edit);
    const run = runInSlices(steps, stale).then(
      (done) => {
        // Abandoned part-way, the model is only a cache: the next update starts from the full text.
        const finished = done !== undefined;
        entry.version = finished ? version : undefined;
        if (finished) pending.delete(uri);
        return finished;
      },
      (e) => {
        entries.delete(uri);
        pending.delete(uri);
        throw e;
      },
    );
    // Waiters resume only once the slot is cleared, so the next run can start at once.
    const slot = {
      version,
      done: run.catch(() => false).finally(() => {
        if (analysing.get(uri) === slot) analysing.delete(uri);
      }),
    };
    analysing.set(uri, slot);
    return run;
  }

  function* topFirst(entry: Entry, text: TextSource, top: { text: string }, publish: () => void): Generator<void, void> {
    yield* entry.model.updateSteps(top.text, entry.options);
    publish();
    yield;
    // The top's segments are taken over unchanged: only the rest is analysed now.
    yield* entry.model.updateSteps(text, entry.options);
  }

  /** The diagnostics of the top of a document (final for those encounters), before the rest. */
  function publishTop(entry: Entry, doc: OpenDocument, version: number, shown: number) {
    const diagnostics = entry.diagnostics.top(doc, entry.model, shown);
    if (diagnostics) connection.sendDiagnostics({ uri: doc.uri, version, diagnostics }).catch((e) => log("diagnostics", e));
  }

  /** Work-done progress while a large document is first analysed (shown by clients that support it). */
  function checking(chars: number): Promise<WorkDoneProgressServerReporter | undefined> {
    return connection.window.createWorkDoneProgress().then(
      (r) => {
        r.begin("encounter-lint", undefined, `Checking ${(chars / 1024 / 1024).toFixed(1)} MB of encounters`);
        return r;
      },
      () => undefined,
    );
  }

  /** Ends the document's progress, once its complete diagnostics are sent (or it is closed). */
  function endProgress(uri: string) {
    const p = progress.get(uri);
    progress.delete(uri);
    void p?.then((r) => r?.done());
  }

  async function lint(doc: OpenDocument): Promise<void> {
    if (doc.text.length > MAX_DOCUMENT_CHARS) {
      await connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: [toDiagnostic(doc, tooLargeFinding(doc.text.length))] });
      return;
    }
    const e = await entryOf(doc.uri);
    if (!e || e.doc.version !== doc.version) return; // a newer version is on its way
    await connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: e.diagnostics.diagnostics(doc, e.model) });
    endProgress(doc.uri);
  }

  function schedule(doc: OpenDocument, delay?: number) {
    void settings.get(doc.uri).then((s) => {
      scheduler.schedule(doc.uri, delay ?? s.validate.delay, () => {
        const latest = documents.get(doc.uri);
        if (latest) lint(latest).catch((e) => log("diagnostics", e));
      });
    });
  }

  async function lintFromDisk(path: string) {
    const uri = host.uriOf(path);
    if (documents.get(uri)) return;
    try {
      // Regular files only (a named pipe would never finish), and not beyond the size limit.
      const size = await host.fileSize(path);
      if (size === undefined) return;
      if (size > MAX_DOCUMENT_CHARS) {
        const doc = OpenDocument.create(uri, "encounter", 0, "");
        await connection.sendDiagnostics({ uri, diagnostics: [toDiagnostic(doc, tooLargeFinding(size))] });
        return;
      }
      const text = await host.readFile(path);
      if (documents.get(uri)) return; // opened meanwhile: the editor's text wins
      const s = await settings.get(uri);
      const doc = OpenDocument.create(uri, "encounter", 0, text);
      const model = new DocumentModel(optionsFor(uri, s)).update(text);
      await connection.sendDiagnostics({ uri, diagnostics: model.findings.map((f) => toDiagnostic(doc, f, related)) });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") await connection.sendDiagnostics({ uri, diagnostics: [] });
      else log(`reading ${path}`, e);
    }
  }

  const inWorkspace = (uri: string) => host.inFolders(uri, folders);

  /** A configuration changed: check again the open documents and workspace files below these folders. */
  async function recheck(dirs: string[]) {
    for (const doc of documents.all()) if (host.inFolders(doc.uri, dirs)) schedule(doc, 0);
    for (const folder of folders) {
      for (const path of await host.findEncounterFiles(folder)) if (host.inFolders(host.uriOf(path), dirs)) await lintFromDisk(path);
    }
  }

  connection.onInitialize((params): InitializeResult => {
    initialized = true;
    const caps = params.capabilities;
    settings.supported = !!caps.workspace?.configuration;
    watchDynamically = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    related = !!caps.textDocument?.publishDiagnostics?.relatedInformation;
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders = host.folderPaths(uris);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [" ", ",", "-"] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FixAllKind] },
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: true,
        semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [] }, full: { delta: true } },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentFormattingProvider: true,
        definitionProvider: true,
        renameProvider: { prepareProvider: true },
        executeCommandProvider: { commands: [ApplyDerivedClaimCommand] },
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: "encounter-language-server" },
    };
  });

  connection.onInitialized(async () => {
    if (watchDynamically) {
      // Configurations and the files they name (drug tables, payer profiles, CMS edit files).
      const watchers = ["**/*.encounter", "**/*.{json,csv,txt}"].map((globPattern) => ({ globPattern }));
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch((e) => log("file watching", e));
    }
    for (const folder of folders) for (const path of await host.findEncounterFiles(folder)) await lintFromDisk(path);
  });

  connection.onDidChangeConfiguration(() => {
    settings.clear();
    for (const doc of documents.all()) schedule(doc, 0);
  });

  connection.onDidChangeWatchedFiles(guard("file changes", undefined, async (p) => {
    const configChanged = p.changes.flatMap((c) => configs.affectedBy(c.uri));
    if (configChanged.length) await recheck(configChanged);
    for (const change of p.changes) {
      if (!change.uri.startsWith("file:") || !change.uri.endsWith(".encounter") || documents.get(change.uri)) continue;
      if (change.type === FileChangeType.Deleted) await connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
      else await lintFromDisk(pathOf(change.uri));
    }
  }));

  // Opening (the first content) is checked at once; edits wait for the debounce delay.
  documents.onDidChangeContent((e) => schedule(e.document, entries.has(e.document.uri) ? undefined : 0));
  documents.onDidClose((e) => {
    scheduler.cancel(e.document.uri);
    endProgress(e.document.uri);
    entries.delete(e.document.uri);
    colours.forget(e.document.uri);
    pending.delete(e.document.uri);
    settings.forget(e.document.uri);
    // A workspace file goes back to its saved state; any other document is cleared.
    if (inWorkspace(e.document.uri)) void lintFromDisk(pathOf(e.document.uri));
    else void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onHover(guard("hover", null, async (p) => {
    const e = await entryAtOnce(p.textDocument.uri);
    if (!e) return null;
    const h = hover(e.model, e.doc.offsetAt(p.position), { exerciseMode: e.settings.exerciseMode });
    return h ? { contents: { kind: "markdown" as const, value: h.markdown }, range: toRange(e.doc, h.span) } : null;
  }));

  connection.onCompletion(guard("completion", [], async (p) => {
    const e = await entryAtOnce(p.textDocument.uri);
    if (!e) return [];
    return complete(e.model, e.doc.offsetAt(p.position), { exerciseMode: e.settings.exerciseMode }).map((c) => ({
      label: c.label,
      kind: COMPLETION_KIND[c.kind],
      detail: c.detail,
      documentation: c.documentation,
      sortText: c.sortText,
    }));
  }));

  connection.onCodeAction(guard("code actions", [] as CodeAction[], async (p) => {
    const e = await entryOf(p.textDocument.uri);
    if (!e) return [];
    const only = p.context.only;
    const wanted = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`) || o.startsWith(`${kind}.`) && kind === CodeActionKind.SourceFixAll);
    const span = { start: e.doc.offsetAt(p.range.start), end: e.doc.offsetAt(p.range.end) };
    return codeActions(e.model, span, e.options, !!only?.some((o) => FixAllKind.startsWith(o)))
      .map((a): CodeAction => ({
        title: a.title,
        kind: a.kind === "quickfix" ? CodeActionKind.QuickFix : FixAllKind,
        isPreferred: a.preferred || undefined,
        diagnostics: a.findings.map((f) => toDiagnostic(e.doc, f, related)),
        edit: { changes: { [e.doc.uri]: a.edits.map((x) => ({ range: toRange(e.doc, x), newText: x.newText })) } },
      }))
      .filter((a) => wanted(a.kind!));
  }));

  connection.onCodeLens(guard("code lens", [] as CodeLens[], async (p) => {
    const e = await entryToDraw(p.textDocument.uri);
    if (!e || !e.settings.codeLens.enabled || e.settings.exerciseMode) return [];
    const lens = (l: Lens): CodeLens => {
      const at = e.doc.positionAt(l.offset);
      return { range: { start: at, end: at }, command: { title: l.title, command: ApplyDerivedClaimCommand, arguments: [e.doc.uri, l.offset] } };
    };
    // In slices, as the outline.
    return inSlicesFor(p.textDocument.uri, e.doc.version, () => mapSteps(codeLenses(e.model), lens), modified());
  }));

  connection.onExecuteCommand(guard("apply derived claim", null, async (p) => {
    if (p.command !== ApplyDerivedClaimCommand) return null;
    const [uri, offset] = (p.arguments ?? []) as [string, number];
    const e = await entryOf(uri);
    const view = e?.model.views.find((v) => v.base + v.result.node.headerSpan.start === offset);
    const edit = view && derivedClaimEdit(view);
    if (!e || !edit) return null;
    await connection.workspace.applyEdit({ label: "Apply the derived claim", edit: { changes: { [uri]: [{ range: toRange(e.doc, edit), newText: edit.newText }] } } });
    return null;
  }));

  connection.languages.inlayHint.on(guard("inlay hints", [], async (p) => {
    const e = await entryToDraw(p.textDocument.uri);
    if (!e || !e.settings.inlayHints.enabled || e.settings.exerciseMode) return [];
    return inlayHints(e.model, e.doc.offsetAt(p.range.start), e.doc.offsetAt(p.range.end)).map((h) => ({ position: e.doc.positionAt(h.offset), label: h.label, paddingLeft: true }));
  }));

  /** The colours need the text only, not its analysis; after an edit they are sent as the change from the last answer. */
  async function coloursOf(uri: string, previousResultId?: string): Promise<SemanticTokens | SemanticTokensDelta> {
    const doc = documents.get(uri);
    if (!doc || doc.text.length > MAX_DOCUMENT_CHARS) {
      colours.forget(uri);
      return { data: [] };
    }
    const text = doc.getText();
    const data = await inSlicesFor(uri, doc.version, () => colours.steps(uri, text), modified());
    return colours.answer(uri, data, previousResultId);
  }
  connection.languages.semanticTokens.on(guard("semantic tokens", { data: [] as number[] }, (p) => coloursOf(p.textDocument.uri) as Promise<SemanticTokens>));
  connection.languages.semanticTokens.onDelta(guard("semantic tokens", { data: [] as number[] }, (p) => coloursOf(p.textDocument.uri, p.previousResultId)));

  connection.onDocumentSymbol(guard("symbols", [] as DocumentSymbol[], async (p) => {
    const e = await entryToDraw(p.textDocument.uri);
    if (!e) return [];
    const kinds = { encounter: SymbolKind.Namespace, administration: SymbolKind.Event, claim: SymbolKind.Array, drug: SymbolKind.Constant };
    const conv = (s: SymbolEntry): DocumentSymbol => ({ name: s.name || "(unnamed)", detail: s.detail, kind: kinds[s.kind], range: toRange(e.doc, s.span), selectionRange: toRange(e.doc, s.selection), children: s.children.map(conv) });
    // In slices; the model is read only while the document is unchanged (it is updated in place).
    return inSlicesFor(p.textDocument.uri, e.doc.version, () => mapSteps(symbols(e.model), conv), modified());
  }));

  connection.onFoldingRanges(guard("folding", [], async (p) => {
    const e = await entryToDraw(p.textDocument.uri);
    if (!e) return [];
    return foldingRanges(e.model)
      .map((s) => ({ startLine: e.doc.positionAt(s.start).line, endLine: e.doc.positionAt(s.end).line }))
      .filter((r) => r.endLine > r.startLine);
  }));

  connection.onDocumentFormatting(guard("formatting", [], (p) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc || doc.text.length > MAX_DOCUMENT_CHARS) return [];
    const edit = minimalEdit(doc.getText(), formatText(doc.getText()));
    return edit ? [{ range: toRange(doc, edit), newText: edit.newText }] : [];
  }));

  connection.onDefinition(guard("definition", null, async (p) => {
    const e = await entryOf(p.textDocument.uri);
    const refs = e && declaredDrugAt(e.model, e.doc.offsetAt(p.position));
    return refs ? refs.declarations.map((s) => ({ uri: e.doc.uri, range: toRange(e.doc, s) })) : null;
  }));

  connection.onPrepareRename(guard("rename", null, async (p) => {
    const e = await entryOf(p.textDocument.uri);
    const offset = e?.doc.offsetAt(p.position) ?? 0;
    const refs = e && declaredDrugAt(e.model, offset);
    const here = refs?.uses.find((s) => s.start <= offset && offset <= s.end);
    return here ? toRange(e!.doc, here) : null;
  }));

  connection.onRenameRequest(async (p) => {
    notBeforeInitialize();
    try {
      const e = await entryOf(p.textDocument.uri);
      if (!e) return null;
      const r = renameDrug(e.model, e.doc.offsetAt(p.position), p.newName);
      if ("error" in r) return new ResponseError(ErrorCodes.InvalidRequest, r.error);
      return { changes: { [e.doc.uri]: r.edits.map((x) => ({ range: toRange(e.doc, x), newText: x.newText })) } };
    } catch (err) {
      log("rename", err);
      return null;
    }
  });

  /**
   * Runs `steps`, work over the whole document (a page, the outline, the highlighting), in
   * slices of a statement, an encounter or a piece of text per step, so keystrokes and other
   * requests are answered meanwhile. `onEdit`: the error that answers the request once the
   * document has changed under it (the work is given up); without it the work is finished for
   * the text it began with.
   */
  async function inSlicesFor<R>(uri: string, version: number, steps: () => Generator<void, R>, onEdit?: ResponseError<void>): Promise<R> {
    const edited = () => !!onEdit && documents.get(uri)?.version !== version;
    // An edit sent right behind the request is read first: a result it outdates is not begun.
    await afterPendingMessages();
    const done = edited() ? undefined : await runInSlices(steps(), edited);
    if (!done) throw onEdit!;
    return done.value;
  }
  /** A result the document moved on from while it was being made (LSP: the client asks again). */
  const modified = () => new ResponseError<void>(LSPErrorCodes.ContentModified, "The document changed while this was being worked out.");

  connection.onRequest(PreviewRequest, guard("preview", { html: "" } as PreviewResult, async (p: PreviewParams) => {
    const e = await entryOf(p.uri);
    if (!e) return { html: "" };
    const text = e.doc.getText();
    const path = pathOf(p.uri);
    // The page is written as each encounter is analysed, as the CLI's explain writes it.
    const steps = function* () {
      const tree = yield* parseSteps(text, { fileName: e.options.fileName });
      const out: string[] = [];
      yield* htmlPageSteps((s) => out.push(s), path, [explainAsAnalysed(path, text, e.options, tree).file], { exerciseMode: e.settings.exerciseMode, theme: "auto" });
      return out.join("");
    };
    return { html: await inSlicesFor(p.uri, e.doc.version, steps, new ResponseError(LSPErrorCodes.ServerCancelled, "The document changed while its preview was being made.")) };
  }));

  connection.onRequest(ExplainRequest, guard("explain", { text: "" } as ExplainResult, async (p: ExplainParams) => {
    const e = await entryOf(p.uri);
    if (!e) return { text: "" };
    const text = e.doc.getText();
    const steps = function* () {
      const tree = yield* parseSteps(text, { fileName: e.options.fileName });
      return yield* analysisSteps(tree, text, e.options, (r) => r);
    };
    return { text: explainText(pathOf(p.uri), text, await inSlicesFor(p.uri, e.doc.version, steps)) };
  }));

  connection.onRequest(DerivedClaimRequest, guard("derived claim", [] as DerivedClaimResult, async (p: DerivedClaimParams) => {
    const e = await entryOf(p.uri);
    if (!e) return [];
    let views = e.model.views;
    if (p.position) {
      const v = e.model.viewAt(e.doc.offsetAt(p.position));
      views = v ? [v] : [];
    }
    return views.map((v) => ({
      name: v.result.node.name,
      line: e.doc.positionAt(v.base + v.result.node.headerSpan.start).line,
      items: e.settings.exerciseMode ? [] : v.summary.derivedItems,
    }));
  }));

  documents.listen(connection);
  connection.listen();
}

/** The values that are set: a configuration's unset setting or payer leaves the editor's in place. */
function definedOnly<T extends object>(o: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
