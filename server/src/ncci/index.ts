// The official CMS NCCI edit files as loadable data: reading the PTP and MUE layouts, and the
// `ptp-edit` and `mue-exceeded` rules over a claim. See docs/ncci-edits.md.
export { ncciFindings, mueFindings, ptpFindings, type NcciInput } from "./check.js";
export { editEntries, settingFromName } from "./entries.js";
export { loadEdits, type ReadText } from "./load.js";
export { EditFileError, type EditFileEntry, type EditSetting, type NcciEdits } from "./types.js";
