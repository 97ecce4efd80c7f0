// The HTML page of `explain` and `key`, written as it is made: to stdout, or to a file through a
// temporary file put in place only once the page is whole (a failed run leaves the file as it was).
import type { Io } from "../io.js";
import { terminalText } from "../formatters/safe-text.js";
import type { AtomicFile } from "../safe-write.js";

/** Pieces are gathered up to this many characters per write: one write a section cost a system call per 500 bytes. */
const CHUNK = 65_536;

/**
 * Runs `page`, which hands the page's pieces to its `write` in order, and writes them out.
 * Each chunk is cleaned for the terminal as a whole once joined (cleaning each piece first
 * flattened it): pieces are whole elements, so no "\r\n" is split between two chunks.
 */
export function writePage(target: AtomicFile | undefined, io: Io, page: (write: (piece: string) => void) => void): void {
  const out = (s: string) => (target ? target.write(s) : io.stdout(s));
  let pending: string[] = [];
  let size = 0;
  const flush = () => {
    if (pending.length) out(terminalText(pending.join("")));
    pending = [];
    size = 0;
  };
  try {
    page((piece) => {
      pending.push(piece);
      size += piece.length;
      if (size >= CHUNK) flush();
    });
    flush();
    target?.commit();
  } catch (e) {
    target?.abort();
    throw e;
  }
}
