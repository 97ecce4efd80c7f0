// --cache: a file's report is reused while its content, its configuration, the rule overrides and
// the tool version are unchanged (the key hashes all four), as ESLint's cache does.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { FileReport } from "./report.js";

interface Entry {
  hash: string;
  report: FileReport;
}

export class ContentCache {
  private readonly file: string;
  private entries: Record<string, Entry> = {};
  private dirty = false;

  constructor(private readonly dir: string, private readonly version: string) {
    this.file = join(dir, "cache.json");
    try {
      const saved = JSON.parse(readFileSync(this.file, "utf8"));
      if (saved.version === version) this.entries = saved.entries;
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
  }

  private hash(key: string): string {
    return createHash("sha256").update(this.version).update("\0").update(key).digest("hex");
  }

  get(path: string, key: string): FileReport | undefined {
    const e = this.entries[resolve(path)];
    return e && e.hash === this.hash(key) ? e.report : undefined;
  }

  set(path: string, key: string, report: FileReport) {
    this.entries[resolve(path)] = { hash: this.hash(key), report };
    this.dirty = true;
  }

  save() {
    if (!this.dirty) return;
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(this.file, JSON.stringify({ version: this.version, entries: this.entries }));
  }
}
