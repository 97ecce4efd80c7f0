// --cache: a file's report is reused while everything that can change it is unchanged. The key
// (built by the lint command) covers the file's text, its configuration's text and the content of
// every file the configuration names, the rule overrides, the options that change findings and
// the tool version. A cache file that is corrupt, truncated or not ours is ignored with one
// warning and rebuilt; it is written through a temporary file, so a crash never leaves half of one.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { UsageError } from "./files.js";
import type { FileReport } from "./report.js";
import { writeFileAtomic } from "./safe-write.js";

interface Entry {
  hash: string;
  report: FileReport;
}

const FORMAT = "encounter-lint-cache/2";

/** Check the cache folder before any output: it must be a folder we can create and write in. */
export function checkCacheLocation(dir: string): void {
  let st;
  try {
    st = statSync(dir);
  } catch {
    try {
      mkdirSync(dir, { recursive: true });
      return;
    } catch (e) {
      throw new UsageError(`--cache-location '${dir}': cannot create the cache folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); expected a folder`);
    }
  }
  if (!st.isDirectory()) throw new UsageError(`--cache-location '${dir}': is a file; expected a folder for the cache`);
}

const isEntry = (e: unknown): e is Entry => {
  const x = e as Entry;
  return typeof x === "object" && x !== null && typeof x.hash === "string" && typeof x.report === "object" && x.report !== null &&
    typeof x.report.path === "string" && Array.isArray(x.report.encounters) && Array.isArray(x.report.findings);
};

export class ContentCache {
  private readonly file: string;
  private entries = new Map<string, Entry>();
  private dirty = false;
  /** Why the saved cache was not used, when it was unreadable (one line for stderr). */
  readonly warning?: string;

  constructor(private readonly dir: string, private readonly version: string) {
    this.file = join(dir, "cache.json");
    let text: string;
    try {
      text = readFileSync(this.file, "utf8");
    } catch {
      return; // no cache yet
    }
    try {
      const saved = JSON.parse(text);
      if (saved?.format !== FORMAT || typeof saved.entries !== "object" || saved.entries === null || Array.isArray(saved.entries)) throw new Error("not a cache");
      if (saved.version !== version) return; // another version's results are simply stale
      for (const [path, e] of Object.entries(saved.entries)) if (isEntry(e)) this.entries.set(path, e);
    } catch {
      this.warning = `'${this.file}' is not a cache this tool wrote (corrupt or truncated); it is ignored and rebuilt`;
      this.dirty = true;
    }
  }

  private hash(key: string): string {
    return createHash("sha256").update(this.version).update("\0").update(key).digest("hex");
  }

  get(path: string, key: string): FileReport | undefined {
    const e = this.entries.get(resolve(path));
    return e && e.hash === this.hash(key) ? e.report : undefined;
  }

  set(path: string, key: string, report: FileReport) {
    this.entries.set(resolve(path), { hash: this.hash(key), report });
    this.dirty = true;
  }

  save() {
    if (!this.dirty) return;
    mkdirSync(this.dir, { recursive: true });
    writeFileAtomic(this.file, JSON.stringify({ format: FORMAT, version: this.version, entries: Object.fromEntries(this.entries) }));
  }
}
