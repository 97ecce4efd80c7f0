// Which files a run lints: the paths given, folders searched for *.encounter (sorted, so every
// run and every shard sees the same order). Only regular files are linted: a FIFO would hang the
// run and /dev/zero would never end. A link is followed only to a regular file inside the linted
// roots (a folder given, or the folder of a file given), so a link to /etc/passwd is never read.
import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";

export class UsageError extends Error {}

const SKIP = new Set(["node_modules", ".git", "out"]);

export interface Skipped {
  path: string;
  reason: string;
}

export interface Collected {
  files: string[];
  skipped: Skipped[];
}

export function collectFiles(paths: string[]): Collected {
  const roots = paths.map(rootOf);
  const out: string[] = [];
  const skipped: Skipped[] = [];
  for (const p of paths) {
    const st = lstatOrThrow(p);
    if (st.isDirectory()) walk(p, roots, out, skipped);
    else {
      const why = whyNotLinted(p, st, roots);
      if (why) throw new UsageError(`'${p}': ${why}; only regular files are linted`);
      out.push(p);
    }
  }
  return { files: [...new Set(out)], skipped };
}

function lstatOrThrow(p: string): Stats {
  try {
    return statSync(p).isDirectory() ? statSync(p) : lstatSync(p);
  } catch (e) {
    throw new UsageError(`cannot read '${p}': ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or folder" : (e as Error).message}`);
  }
}

/** The real folder a path stands for: itself for a folder, its parent for a file. */
export function rootOf(p: string): string {
  let dir = resolve(p);
  try {
    if (!statSync(dir).isDirectory()) dir = dirname(dir);
    return realpathSync(dir);
  } catch {
    return dir;
  }
}

const inside = (path: string, roots: string[]) => roots.some((r) => path === r || path.startsWith(r.endsWith(sep) ? r : r + sep));

/** Why a path is not linted (undefined: it is a regular file, or a link to one inside the roots). */
export function whyNotLinted(p: string, st: Stats, roots: string[]): string | undefined {
  if (st.isFile()) return undefined;
  if (!st.isSymbolicLink()) return `not a regular file (${kindOf(st)})`;
  let real: string;
  let target: Stats;
  try {
    real = realpathSync(p);
    target = statSync(real);
  } catch {
    return "a link to nothing";
  }
  if (!target.isFile()) return `a link to ${kindOf(target)}`;
  if (!inside(real, roots)) return "a link to a file outside the linted folders";
  return undefined;
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return "a folder";
  if (st.isFIFO()) return "a named pipe";
  if (st.isSocket()) return "a socket";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "a device";
  if (st.isSymbolicLink()) return "a link";
  return "not a regular file";
}

function walk(dir: string, roots: string[], out: string[], skipped: Skipped[]) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new UsageError(`cannot read folder '${dir}': ${(e as Error).message}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP.has(e.name) && !e.name.startsWith(".")) walk(p, roots, out, skipped);
    } else if (e.name.endsWith(".encounter")) {
      // Links to folders are not followed (no loops); see whyNotLinted for the rest.
      sortFound(p, roots, out, skipped);
    }
  }
}

/** A found `.encounter` path goes to `files` when it may be linted, else to `skipped` with why. */
export function sortFound(p: string, roots: string[], files: string[], skipped: Skipped[]): void {
  let why: string | undefined;
  try {
    why = whyNotLinted(p, lstatSync(p), roots);
  } catch (e) {
    why = (e as Error).message;
  }
  if (why) skipped.push({ path: p, reason: why });
  else files.push(p);
}
