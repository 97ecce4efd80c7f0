// The loaded NCCI edits: procedure-to-procedure (PTP) pairs and medically unlikely edits (MUE),
// one table per setting. Plain data only (typed arrays on shared memory, Maps, strings), so one
// load in the CLI's main thread can be handed to every worker without copying the PTP rows.

/** The CMS table a file belongs to: practitioner edits (office) or outpatient hospital edits (hopd). */
export type EditSetting = "office" | "hopd";

/** A configuration problem or an unreadable edit file: one line naming the file and what is wrong. */
export class EditFileError extends Error {}

/**
 * PTP rows of one setting, grouped by column-1 code: the rows of column1[i] are start[i] ..
 * start[i+1]-1. Codes are numbers (codeKey in delimited.ts), column1 ascending; dates are numbers
 * YYYYMMDD, and a deletion date of `*` (none) is NO_DELETION.
 */
export interface PtpTable {
  column1: Int32Array;
  start: Int32Array;
  column2: Int32Array;
  effective: Int32Array;
  deletion: Int32Array;
  /** CMS modifier indicator: 0 not allowed, 1 allowed, 9 not applicable. */
  modifier: Uint8Array;
  /** Index into NcciEdits.files. */
  file: Uint16Array;
}

export const NO_DELETION = 99991231;

export interface MueEdit {
  value: number;
  /** MUE adjudication indicator: 1 claim line, 2 date of service (policy), 3 date of service (clinical). */
  mai: 1 | 2 | 3;
  file: number;
}

export interface NcciEdits {
  /** Each loaded file as the configuration names it, for messages. */
  files: string[];
  ptp: Partial<Record<EditSetting, PtpTable>>;
  mue: Partial<Record<EditSetting, Map<string, MueEdit[]>>>;
  /** The newest PTP effective date loaded (YYYYMMDD): the date of an encounter that states none. */
  newestEffective?: number;
  counts: { ptp: number; mue: number; skipped: number };
}

/** A configured edit file: the path to read, the path as written, and its setting. */
export interface EditFileEntry {
  path: string;
  label: string;
  setting: EditSetting;
}
