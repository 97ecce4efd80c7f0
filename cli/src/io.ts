// Process edges shared by the commands: reading files, writing the report, parsing flags.
import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";
import { UsageError } from "./files.js";
import { openReportFile } from "./safe-write.js";

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
}

/** Default cap on one file's size: far above any real chart (a 300-encounter file is ~60 KB). */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

const unreadable = (path: string, e: unknown) =>
  new UsageError(`cannot read '${path}': ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or folder" : (e as Error).message}`);

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * A whole file's text for explain, key, grade and the configuration: one line naming the file,
 * never an out-of-memory crash, when it is over the default size limit (checked before reading)
 * or not text at all (a PDF, a Word file or UTF-16 text holds NUL bytes; a chart never does).
 */
export function readText(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): string {
  const { text, size } = readLintable(path, maxBytes);
  if (text === undefined) throw new UsageError(`'${path}' is ${mb(size)}, over the ${mb(maxBytes)} limit for one file (a chart of 300 encounters is about 60 KB): it was not read`);
  if (text.includes("\0")) throw new UsageError(`'${path}' is not a text file (it holds NUL bytes, as PDF and Word files and UTF-16 text do): nothing in it was checked`);
  return text;
}

/** A file's text, or only its size when it is over the limit. */
export interface Readable {
  text?: string;
  size: number;
}

/**
 * A file's text, read only when it is a regular file no larger than `maxBytes`. Opened without
 * blocking and checked on the open handle, so a FIFO or device swapped in after the file list
 * was made is refused, not read; a larger file gives its size instead of its text.
 */
export function readLintable(path: string, maxBytes: number): Readable {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw unreadable(path, e);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UsageError(`'${path}': not a regular file; only regular files are linted`);
    if (st.size > maxBytes) return { size: st.size };
    return { text: readFileSync(fd, "utf8"), size: st.size };
  } catch (e) {
    throw e instanceof UsageError ? e : unreadable(path, e);
  } finally {
    closeSync(fd);
  }
}

/** The whole report to stdout, or to FILE through a temporary file (a failed run leaves FILE as it was; missing folders are created). */
export function emit(body: string, output: string | undefined, io: Io) {
  if (!output) return io.stdout(body);
  const f = openReportFile(output);
  f.write(body);
  f.commit();
}

/** A size such as 10000000, 500k or 10M (bytes; k and M are 1024 and 1024²). */
export function parseSize(v: string, flag: string): number {
  const m = /^(\d+)([kKmM]?)$/.exec(v);
  const n = m ? Number(m[1]) * (m[2] ? (m[2].toLowerCase() === "k" ? 1024 : 1024 * 1024) : 1) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`${flag} needs a size in bytes such as 10000000, 500k or 10M, not '${v}'`);
  return n;
}
