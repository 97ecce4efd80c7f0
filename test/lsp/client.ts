// A protocol-level test client: starts the BUILT server (out/server.cjs) over stdio or node IPC
// and speaks LSP to it with vscode-languageserver-protocol, as an editor would.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import {
  ApplyWorkspaceEditRequest, ConfigurationRequest, createProtocolConnection, DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification, InitializedNotification,
  InitializeRequest, IPCMessageReader, IPCMessageWriter, LogMessageNotification, PublishDiagnosticsNotification,
  RegistrationRequest, ShowMessageNotification, ShowMessageRequest, ShutdownRequest, StreamMessageReader, WorkDoneProgress, WorkDoneProgressCreateRequest,
  AbstractMessageWriter, type Message, type MessageWriter,
  type ApplyWorkspaceEditParams, type ClientCapabilities, type InitializeResult, type ProtocolConnection, type PublishDiagnosticsParams, type TextEdit,
} from "vscode-languageserver-protocol/node";
import { DEFAULT_SETTINGS, type EncounterSettings } from "../../common/protocol.js";

export const SERVER = "out/server.cjs";

export interface StartOptions {
  transport?: "stdio" | "ipc";
  settings?: Partial<EncounterSettings>;
  workspaceFolders?: string[];
  capabilities?: ClientCapabilities;
  /** The server script to start (default out/server.cjs). */
  server?: string;
}

/**
 * Writes each message to the server's stdin as one buffer, at once. Inside `together` the
 * messages are held and written in a single write, so the server reads them in one chunk: a test
 * can send a request with an edit right behind it and know the server sees both before it starts
 * the work (however busy the machine).
 */
class PipeWriter extends AbstractMessageWriter implements MessageWriter {
  private held: Buffer[] | undefined;
  constructor(private readonly stdin: NodeJS.WritableStream) {
    super();
  }
  write(msg: Message): Promise<void> {
    const body = Buffer.from(JSON.stringify(msg), "utf8");
    const buf = Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, "ascii"), body]);
    if (this.held) {
      this.held.push(buf);
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => this.stdin.write(buf, (e) => (e ? reject(e) : resolve())));
  }
  together(send: () => void): void {
    this.held = [];
    try {
      send();
    } finally {
      const bufs = this.held;
      this.held = undefined;
      this.stdin.write(Buffer.concat(bufs));
    }
  }
  end(): void {}
}

type Waiter = { uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void };

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  /** window/showMessage and showMessageRequest texts, in order. */
  readonly messages: string[] = [];
  readonly applied: ApplyWorkspaceEditParams[] = [];
  /** Work-done progress the server reported, in order ("begin", "report", "end"). */
  readonly progress: string[] = [];
  private progressWaiters: (() => void)[] = [];
  private waiters: Waiter[] = [];
  settings: EncounterSettings;
  init!: InitializeResult;

  private constructor(readonly child: ChildProcess, readonly conn: ProtocolConnection, settings: EncounterSettings, private readonly writer?: PipeWriter) {
    this.settings = settings;
  }

  static async start(o: StartOptions = {}): Promise<TestClient> {
    const server = o.server ?? SERVER;
    if (!existsSync(server)) throw new Error(`${server} is missing: run node esbuild.mjs first`);
    const ipc = o.transport === "ipc";
    // LSP_PROF=DIR writes a CPU profile of the server there (node --cpu-prof).
    const child = spawn(process.execPath, [...(process.env.LSP_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.LSP_PROF}`] : []), server, ipc ? "--node-ipc" : "--stdio"], { stdio: ipc ? ["pipe", "pipe", "inherit", "ipc"] : ["pipe", "pipe", "inherit"] });
    const writer = ipc ? undefined : new PipeWriter(child.stdin!);
    const conn = ipc
      ? createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
      : createProtocolConnection(new StreamMessageReader(child.stdout!), writer!);
    const c = new TestClient(child, conn, { ...DEFAULT_SETTINGS, ...o.settings }, writer);
    conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      c.published.push(p);
      const w = c.waiters.find((x) => x.uri === p.uri && x.pred(p));
      if (w) {
        c.waiters.splice(c.waiters.indexOf(w), 1);
        w.resolve(p);
      }
    });
    conn.onNotification(LogMessageNotification.type, (p) => {
      c.logs.push(p.message);
    });
    conn.onNotification(ShowMessageNotification.type, (p) => {
      c.messages.push(p.message);
    });
    conn.onRequest(ShowMessageRequest.type, (p) => {
      c.messages.push(p.message);
      return null;
    });
    conn.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => c.settings));
    conn.onRequest(RegistrationRequest.type, () => undefined);
    conn.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
      const listening = conn.onProgress(WorkDoneProgress.type, token, (v) => {
        c.progress.push(v.kind);
        if (v.kind !== "end") return;
        listening.dispose();
        for (const w of c.progressWaiters.splice(0)) w();
      });
    });
    conn.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
      c.applied.push(p);
      return { applied: true };
    });
    conn.listen();
    c.init = await conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: o.workspaceFolders?.map((uri) => ({ uri, name: uri })) ?? null,
      capabilities: o.capabilities ?? {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
        window: { workDoneProgress: true },
      },
    });
    await conn.sendNotification(InitializedNotification.type, {});
    return c;
  }

  /**
   * Sends what `send` sends (requests and notifications, called without awaiting) in one write to
   * the server: it reads them all before it handles the first. Over stdio only.
   */
  together(send: () => void): void {
    if (!this.writer) throw new Error("together() needs the stdio transport");
    this.writer.together(send);
  }

  /** The end of the next work-done progress the server reports (a large document checked). */
  progressEnd(): Promise<void> {
    return new Promise((resolve) => this.progressWaiters.push(resolve));
  }

  /** The next diagnostics published for `uri` that satisfy `pred`. */
  diagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ uri, pred, resolve }));
  }

  async open(uri: string, text: string, version = 1): Promise<PublishDiagnosticsParams> {
    const next = this.diagnostics(uri, (p) => p.version === version);
    await this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "encounter", version, text } });
    return next;
  }

  async change(uri: string, version: number, changes: ({ text: string } | { range: TextEdit["range"]; text: string })[]): Promise<void> {
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  async close(uri: string): Promise<void> {
    await this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async stop(): Promise<void> {
    await this.conn.sendRequest(ShutdownRequest.type);
    await this.conn.sendNotification(ExitNotification.type);
    await new Promise((r) => (this.child.exitCode !== null ? r(null) : this.child.once("exit", r)));
    this.conn.dispose();
  }
}

/** Apply LSP text edits to a text (edits must not overlap). */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  const off = (p: { line: number; character: number }) => Math.min((starts[p.line] ?? text.length) + p.character, text.length);
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  for (const e of sorted) text = text.slice(0, off(e.range.start)) + e.newText + text.slice(off(e.range.end));
  return text;
}
