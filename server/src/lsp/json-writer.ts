// The message writer of the stdio connection. LSP sends a document's whole diagnostics list on
// every change; in an audit file that is thousands of diagnostics, and encoding them all again
// was most of a keystroke's time. A list from DiagnosticCache carries its JSON text, kept as a few
// runs of bytes (convert.ts, JSON_TEXT): it is written as it is, small parts through one reused
// buffer of CHUNK bytes and long runs directly, never copied into a buffer of the whole message
// (a new 4 MB buffer per keystroke grew the process's memory by tens of MB before the garbage
// collector freed them). Any other message is JSON.stringify'd, as vscode-jsonrpc's own writer does.
import { AbstractMessageWriter, Message, PublishDiagnosticsNotification, type MessageWriter, type PublishDiagnosticsParams } from "vscode-languageserver/node";
import { asciiJson, JSON_TEXT, type DiagnosticList } from "./convert.js";

const CHUNK = 64 * 1024;
const END = Buffer.from("]}}");

export class StdioMessageWriter extends AbstractMessageWriter implements MessageWriter {
  /** Messages are written one after the other, each once the one before is out. */
  private queue: Promise<void> = Promise.resolve();
  private errors = 0;
  /** Small parts are gathered here; it is filled again only once the write of its bytes is done. */
  private readonly chunk = Buffer.allocUnsafeSlow(CHUNK);

  constructor(private readonly out: NodeJS.WritableStream) {
    super();
    out.on("error", (e: Error) => this.fireError(e));
    out.on("close", () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    const written = this.queue.then(() => this.send(msg));
    this.queue = written.catch(() => undefined);
    return written;
  }

  end(): void {
    this.out.end();
  }

  /** Written, to the last byte (only then may the bytes be changed). */
  private flush(bytes: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => this.out.write(bytes, (e) => (e ? reject(e) : resolve())));
  }

  private async send(msg: Message): Promise<void> {
    try {
      const parts = messageParts(msg);
      let length = 0;
      for (const p of parts) length += p.length;
      this.out.write(`Content-Length: ${length}\r\n\r\n`, "ascii");
      let filled = 0;
      for (const p of parts) {
        if (filled + p.length > CHUNK && filled) {
          await this.flush(this.chunk.subarray(0, filled));
          filled = 0;
        }
        if (p.length > CHUNK) await this.flush(p);
        else {
          this.chunk.set(p, filled);
          filled += p.length;
        }
      }
      if (filled) await this.flush(this.chunk.subarray(0, filled));
    } catch (e) {
      this.fireError(e as Error, msg, ++this.errors);
      throw e;
    }
  }
}

/** A message as UTF-8 bytes, in parts: the kept text of a diagnostics list, else one part. */
export function messageParts(msg: Message): Uint8Array[] {
  const params = Message.isNotification(msg) && msg.method === PublishDiagnosticsNotification.method ? (msg.params as PublishDiagnosticsParams) : undefined;
  const kept = (params?.diagnostics as DiagnosticList | undefined)?.[JSON_TEXT];
  if (!params || !kept) return [Buffer.from(JSON.stringify(msg), "utf8")];
  const version = params.version === undefined ? "" : `,"version":${asciiJson(params.version)}`;
  const parts: Uint8Array[] = [Buffer.from(`{"jsonrpc":${asciiJson(msg.jsonrpc)},"method":"${PublishDiagnosticsNotification.method}","params":{"uri":${asciiJson(params.uri)}${version},"diagnostics":[`, "latin1")];
  for (const run of kept) parts.push(run);
  parts.push(END);
  return parts;
}

