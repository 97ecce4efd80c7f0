// encounter-lint.config.json for the editor, read as the CLI reads it: the nearest configuration
// above a document, checked by the same code (server/src/config), with its drug tables, payer
// profiles and NCCI edit files. Loaded once and again only when the configuration or a file it
// names changes (size or time, checked each time a document is checked). A configuration that
// cannot be used is reported once, and documents are checked as if there were none.
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { CONFIG_NAME, loadConfigData, namedFiles, optionsFrom, type Config } from "../config/config-file.js";
import type { AnalyzeOptions } from "../engine/analyze.js";
import { loadEdits, type NcciEdits } from "../ncci/index.js";

/** What a document's configuration gives: engine options (none without a usable configuration). */
export interface ConfigState {
  /** The nearest configuration's path, if there is one. */
  file?: string;
  options?: AnalyzeOptions;
  /** Changes whenever the configuration or a file it names changes: part of a document's options key. */
  stamp: string;
  /** One line for the user when the configuration or a file it names cannot be used. */
  error?: string;
}

interface Loaded {
  /** Files the configuration names (read leniently, so a broken one is watched too). */
  named: string[];
  state: ConfigState;
  /** Its NCCI edits with the stamp of their files, kept when only other keys change. */
  ncci?: { key: string; edits: NcciEdits };
}

function stampOf(paths: string[]): string {
  return paths
    .map((p) => {
      try {
        const s = statSync(p);
        return `${p}:${s.size}:${s.mtimeMs}`;
      } catch {
        return `${p}:missing`;
      }
    })
    .join("\n");
}

const readUtf8 = (path: string) => readFileSync(path, "utf8");
const readLatin1 = (path: string) => readFileSync(path, "latin1"); // CMS files are ASCII; Latin-1 never fails

export class ConfigCache {
  private readonly byConfig = new Map<string, Loaded>();

  /** @param report called once per new problem (the server shows it to the user). */
  constructor(private readonly report: (message: string) => void) {}

  /** The nearest configuration above `dir`, or null. */
  configFor(dir: string): string | null {
    for (let d = dir; ; d = dirname(d)) {
      if (existsSync(join(d, CONFIG_NAME))) return join(d, CONFIG_NAME);
      if (dirname(d) === d) return null;
    }
  }

  forDocument(path: string): ConfigState {
    const config = this.configFor(dirname(path));
    if (!config) return { stamp: "" };
    const cached = this.byConfig.get(config);
    if (cached && cached.state.stamp === stampOf([config, ...cached.named])) return cached.state;
    const loaded = this.load(config, cached);
    if (loaded.state.error && loaded.state.error !== cached?.state.error) this.report(loaded.state.error);
    this.byConfig.set(config, loaded);
    return loaded.state;
  }

  /** The folders whose documents a change to `path` concerns: a configuration's, or that of every configuration naming it. */
  affectedBy(path: string): string[] {
    if (basename(path) === CONFIG_NAME) return [dirname(path)];
    return [...this.byConfig].filter(([, l]) => l.named.includes(path)).map(([config]) => dirname(config));
  }

  private load(config: string, previous: Loaded | undefined): Loaded {
    // Stamped before reading: a change made while reading shows as a new stamp next time.
    let named: string[] = [];
    try {
      named = namedFiles(config, readUtf8(config)).map((f) => f.path);
    } catch {
      // unreadable: loadConfigData says so below
    }
    const stamp = stampOf([config, ...named]);
    try {
      const data = loadConfigData(config, readUtf8);
      const ncci = this.edits(data.config, previous?.ncci);
      return { named, ncci, state: { file: config, stamp, options: optionsFrom(data, {}, ncci?.edits) } };
    } catch (e) {
      return { named, state: { file: config, stamp, error: `encounter-lint: ${(e as Error).message}` } };
    }
  }

  /** The NCCI edits a configuration names, reused while those entries and files are unchanged (CMS PTP files are large). */
  private edits(config: Config, previous: Loaded["ncci"]): Loaded["ncci"] {
    const ptp = config.ptp ?? [];
    const mue = config.mue ?? [];
    if (!ptp.length && !mue.length) return undefined;
    const key = JSON.stringify([ptp, mue]) + stampOf([...ptp, ...mue].map((e) => e.path));
    return previous?.key === key ? previous : { key, edits: loadEdits(ptp, mue, readLatin1) };
  }
}
