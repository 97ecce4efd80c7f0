// Loading the configured edit files into NcciEdits. The reading itself is handed in (the CLI and
// the language server both pass readFileSync), so this module stays free of I/O.
import { addMue } from "./mue.js";
import { PtpBuilder } from "./ptp.js";
import { EditFileError, type EditFileEntry, type EditSetting, type MueEdit, type NcciEdits } from "./types.js";

export type ReadText = (path: string) => string;

export function loadEdits(ptp: readonly EditFileEntry[], mue: readonly EditFileEntry[], read: ReadText): NcciEdits {
  const edits: NcciEdits = { files: [], ptp: {}, mue: {}, counts: { ptp: 0, mue: 0, skipped: 0 } };
  const text = (e: EditFileEntry) => {
    try {
      return read(e.path);
    } catch (err) {
      throw new EditFileError(`cannot read the ${ptp.includes(e) ? "PTP" : "MUE"} edit file '${e.path}': ${(err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (err as Error).message}`);
    }
  };
  const builders = new Map<EditSetting, PtpBuilder>();
  for (const e of ptp) {
    let b = builders.get(e.setting);
    if (!b) builders.set(e.setting, (b = new PtpBuilder()));
    b.add(text(e), e.label, edits.files.push(e.label) - 1);
  }
  for (const [setting, b] of builders) {
    edits.ptp[setting] = b.build();
    edits.counts.ptp += b.rows;
    edits.counts.skipped += b.skipped;
    if (b.newestEffective > (edits.newestEffective ?? 0)) edits.newestEffective = b.newestEffective;
  }
  for (const e of mue) {
    const table: Map<string, MueEdit[]> = (edits.mue[e.setting] ??= new Map());
    const r = addMue(text(e), e.label, edits.files.push(e.label) - 1, table);
    edits.counts.mue += r.rows;
    edits.counts.skipped += r.skipped;
  }
  return edits;
}
