// The `ptp` and `mue` keys of encounter-lint.config.json for the editor, as the CLI reads them:
// the nearest configuration above a document names the CMS NCCI edit files. They are loaded once
// and loaded again only when the configuration or an edit file changes (size or time).
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { editEntries, loadEdits, type EditFileEntry, type NcciEdits } from "../ncci/index.js";

const CONFIG_NAME = "encounter-lint.config.json";

export interface EditFilesState {
  edits?: NcciEdits;
  /** Changes whenever the configuration or its edit files change: part of a document's options key. */
  stamp: string;
  /** One line for the user when the configuration or a file cannot be used. */
  error?: string;
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

export class EditFilesCache {
  private readonly byConfig = new Map<string, { entries: EditFileEntry[]; stamp: string; state: EditFilesState }>();

  /** @param report called once per new problem (the server shows it to the user). */
  constructor(private readonly report: (message: string) => void) {}

  /** The nearest configuration above `dir`, or null. */
  configFor(dir: string): string | null {
    for (let d = dir; ; d = dirname(d)) {
      if (existsSync(join(d, CONFIG_NAME))) return join(d, CONFIG_NAME);
      if (dirname(d) === d) return null;
    }
  }

  forDocument(path: string): EditFilesState {
    const config = this.configFor(dirname(path));
    if (!config) return { stamp: "" };
    const cached = this.byConfig.get(config);
    const configStamp = stampOf([config]);
    if (cached && cached.stamp === configStamp + stampOf(cached.entries.map((e) => e.path))) return cached.state;
    let state: EditFilesState;
    let entries: EditFileEntry[] = [];
    try {
      const raw = JSON.parse(readFileSync(config, "utf8")) as Record<string, unknown>;
      const ptp = raw.ptp === undefined ? [] : editEntries(config, "ptp", raw.ptp);
      const mue = raw.mue === undefined ? [] : editEntries(config, "mue", raw.mue);
      entries = [...ptp, ...mue];
      const stamp = configStamp + stampOf(entries.map((e) => e.path));
      state = { stamp, edits: entries.length ? loadEdits(ptp, mue, (p) => readFileSync(p, "latin1")) : undefined };
    } catch (e) {
      // A configuration being edited is often briefly invalid: keep going without edit files.
      state = { stamp: configStamp + stampOf(entries.map((x) => x.path)), error: `encounter-lint: ${e instanceof SyntaxError ? `${config}: not valid JSON (${e.message})` : (e as Error).message}` };
      if (state.error !== cached?.state.error) this.report(state.error!);
    }
    this.byConfig.set(config, { entries, stamp: state.stamp, state });
    return state;
  }

  clear(): void {
    this.byConfig.clear();
  }
}
