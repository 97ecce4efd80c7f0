// Writing files so that nothing is lost: the new content goes to a temporary file beside the
// target, is flushed, and is renamed over it in one step. A full disk or a crash leaves the old
// file whole (and at most a stray temporary file, removed when we can).
import { closeSync, fchmodSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readFileSync, realpathSync, renameSync, rmdirSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError } from "./files.js";

const tempBeside = (path: string) => join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);

/** A file being written: chunks go to a temporary file; commit() renames it into place. */
export class AtomicFile {
  private readonly temp: string;
  private fd: number | undefined;
  /** The outermost folder created for this file (openReportFile), removed again on abort. */
  createdFolder?: string;

  constructor(readonly path: string, mode?: number) {
    this.temp = tempBeside(path);
    try {
      this.fd = openSync(this.temp, "wx", mode ?? 0o666);
      if (mode !== undefined) fchmodSync(this.fd, mode); // the umask must not narrow a kept mode
    } catch (e) {
      throw new UsageError(`cannot write '${path}': ${(e as Error).message}`);
    }
  }

  write(chunk: string): void {
    try {
      // writeSync may write only part (a full disk, a file-size limit): write the rest, or fail.
      let done = writeSync(this.fd!, chunk);
      if (done < Buffer.byteLength(chunk)) {
        const bytes = Buffer.from(chunk);
        while (done < bytes.length) done += writeSync(this.fd!, bytes, done);
      }
    } catch (e) {
      this.abort();
      throw new UsageError(`cannot write '${this.path}': ${(e as Error).message}`);
    }
  }

  /** Put the finished file in place; with `replace` false, fail rather than replace anything there. */
  commit(replace = true): void {
    try {
      fsyncSync(this.fd!);
      closeSync(this.fd!);
      this.fd = undefined;
      if (replace) renameSync(this.temp, this.path);
      else placeNew(this.temp, this.path);
    } catch (e) {
      this.abort();
      throw new UsageError(`cannot write '${this.path}': ${(e as Error).message}`);
    }
  }

  /** Drop the temporary file; the target keeps its previous content. */
  abort(): void {
    try {
      if (this.fd !== undefined) closeSync(this.fd);
    } catch {
      // already closed
    }
    this.fd = undefined;
    try {
      unlinkSync(this.temp);
    } catch {
      // never created, or already renamed
    }
    if (this.createdFolder) removeFolders(resolve(dirname(this.path)), this.createdFolder);
  }
}

/**
 * Give the finished temporary file its name only if the name is free. A hard link fails when the
 * name is taken (a rename would replace it); where the file system has no hard links (FAT, some
 * network shares) the name is checked, then renamed to.
 */
function placeNew(temp: string, path: string): void {
  try {
    linkSync(temp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST" || nameTaken(path)) throw e;
    renameSync(temp, path);
    return;
  }
  try {
    unlinkSync(temp);
  } catch {
    // the file is in place; a stray temporary name is harmless
  }
}

/** Anything at `path`, a link pointing nowhere included. */
export function nameTaken(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Empty folders from `from` up to `upTo` (both included), innermost first; a folder with anything in it stays. */
function removeFolders(from: string, upTo: string): void {
  for (let d = from; ; d = dirname(d)) {
    try {
      rmdirSync(d);
    } catch {
      return;
    }
    if (d === upTo || dirname(d) === d) return;
  }
}

/**
 * The file a report goes to (-o): its missing folders are created first, the content goes through
 * a temporary file beside it, and a failed run removes both again. Called only after every input
 * and option has been checked, so a refused run creates nothing.
 */
export function openReportFile(path: string): AtomicFile {
  let created: string | undefined;
  try {
    created = mkdirSync(dirname(resolve(path)), { recursive: true });
  } catch (e) {
    throw new UsageError(`cannot write '${path}': ${(e as Error).message}`);
  }
  try {
    const f = new AtomicFile(path);
    if (created) f.createdFolder = resolve(created);
    return f;
  } catch (e) {
    if (created) removeFolders(resolve(dirname(resolve(path))), resolve(created));
    throw e;
  }
}

export function writeFileAtomic(path: string, text: string, mode?: number, replace = true): void {
  const f = new AtomicFile(path, mode);
  f.write(text);
  f.commit(replace);
}

/**
 * Replace a linted file with its fixed text, unless it changed since it was read (an editor or
 * another tool wrote to it meanwhile): then it is left alone and false is returned. A link is
 * written through to its target (collectFiles only lets links inside the linted folders through),
 * and the file keeps its mode.
 */
export function replaceIfUnchanged(path: string, readText: string, fixed: string): boolean {
  const real = realpathSync(path);
  const mode = statSync(real).mode & 0o7777;
  const f = new AtomicFile(real, mode);
  f.write(fixed);
  let current: string;
  try {
    current = readFileSync(real, "utf8");
  } catch {
    current = "\0gone";
  }
  if (current !== readText) {
    f.abort();
    return false;
  }
  f.commit();
  return true;
}
