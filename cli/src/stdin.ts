// Standard input as one file: `--stdin`, or `-` among the paths (ESLint's conventions). It is held
// to the same size limit as a file (--max-file-size): past it the text is dropped and only the size
// is kept (the rest is still read, so the writer is not left blocked and the message says the size).
import { readSync } from "node:fs";
import { UsageError } from "./files.js";
import type { Readable } from "./io.js";

/** The name standard input is reported under when --stdin-filename gives none. */
export const STDIN_NAME = "<stdin>";

export function readStdin(maxBytes: number, fd = 0): Readable {
  const chunks: Buffer[] = [];
  let size = 0;
  const buf = Buffer.alloc(64 * 1024);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") continue; // a non-blocking pipe with nothing in it yet
      if (code === "EOF") break;
      throw new UsageError(`cannot read standard input: ${(e as Error).message}`);
    }
    if (n === 0) break;
    size += n;
    if (size <= maxBytes) chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return size > maxBytes ? { size } : { text: Buffer.concat(chunks).toString("utf8"), size };
}
