// The message writer of the stdio connection. LSP sends a document's whole diagnostics list on
// every change; in an audit file that is thousands of diagnostics, and encoding them all again
// was most of a keystroke's time. A list from DiagnosticCache carries its JSON text, kept as a few
// runs of bytes (convert.ts, JSON_TEXT): it is written as it is, small parts through one reused
// buffer of CHUNK bytes and long runs directly, never copied into a buffer of the whole message
// (a new 4 MB buffer per keystroke grew the process's memory by tens of MB before the garbage
// collector freed them). The whole colours of a document (semantic tokens) are written from their
// numbers (colours.ts, NUMBERS). Any other message is JSON.stringify'd, as vscode-jsonrpc's own
// writer does.
import { AbstractMessageWriter, Message, PublishDiagnosticsNotification, type MessageWriter, type PublishDiagnosticsParams } from "vscode-languageserver/node";
import { NUMBERS, type ColoursAnswer } from "./colours.js";
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

/** A message as UTF-8 bytes, in parts: the kept text of a diagnostics list, kept numbers, else one part. */
export function messageParts(msg: Message): Uint8Array[] {
  const answer = Message.isResponse(msg) ? (msg.result as ColoursAnswer | null | undefined) : undefined;
  const numbers = answer?.[NUMBERS];
  if (numbers) {
    // The response with its id but not its numbers (reading `data` would make them an array),
    // then the numbers where the answer's closing brace was.
    const { result: _, ...envelope } = msg as Message & { result: unknown };
    const head = asciiJson({ ...envelope, result: answer!.resultId === undefined ? {} : { resultId: answer!.resultId } }).slice(0, -2);
    return [Buffer.from(`${head}${head.endsWith("{") ? "" : ","}"data":`, "latin1"), numbersJson(numbers), Buffer.from("}}", "latin1")];
  }
  const params = Message.isNotification(msg) && msg.method === PublishDiagnosticsNotification.method ? (msg.params as PublishDiagnosticsParams) : undefined;
  const kept = (params?.diagnostics as DiagnosticList | undefined)?.[JSON_TEXT];
  if (!params || !kept) return [Buffer.from(JSON.stringify(msg), "utf8")];
  const version = params.version === undefined ? "" : `,"version":${asciiJson(params.version)}`;
  const parts: Uint8Array[] = [Buffer.from(`{"jsonrpc":${asciiJson(msg.jsonrpc)},"method":"${PublishDiagnosticsNotification.method}","params":{"uri":${asciiJson(params.uri)}${version},"diagnostics":[`, "latin1")];
  for (const run of kept) parts.push(run);
  parts.push(END);
  return parts;
}

/** Whole numbers as a JSON list, `[1,-2,3]`, in ASCII bytes: counted first, then written into one buffer of that size. */
export function numbersJson(data: Int32Array): Buffer {
  let size = 2 + Math.max(0, data.length - 1);
  for (let i = 0; i < data.length; i++) size += width(data[i]);
  const out = Buffer.allocUnsafe(size);
  out[0] = 0x5b; // [
  let p = 1;
  for (let i = 0; i < data.length; i++) {
    if (i) out[p++] = 0x2c; // ,
    let n = data[i];
    if (n < 0) {
      out[p++] = 0x2d; // -
      n = -n;
    }
    // The digits from the last: the number's width is known.
    let q = (p += width(n));
    do {
      out[--q] = 0x30 + (n % 10);
      n = Math.floor(n / 10);
    } while (n);
  }
  out[p] = 0x5d; // ]
  return out;
}

/** Characters of `n` in decimal, its sign included. */
function width(n: number): number {
  let w = n < 0 ? 2 : 1;
  for (n = Math.abs(n); n >= 10; n = Math.floor(n / 10)) w++;
  return w;
}
