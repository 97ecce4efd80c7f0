// The `ptp` and `mue` configuration keys: a list of files (relative to the configuration file) or
// { "file", "setting" } entries. A file serves one setting; without "setting" its name tells it,
// as CMS names its files (ccipra… / …PractitionerServices… for practitioners, ccioph… /
// …OutpatientHospitalServices… for outpatient hospitals). Shared by the CLI and the language server.
import { basename, dirname, resolve } from "node:path";
import { EditFileError, type EditFileEntry, type EditSetting } from "./types.js";

const SETTINGS: readonly EditSetting[] = ["office", "hopd"];
const BY_NAME: [RegExp, EditSetting][] = [
  [/practitioner|ccipra/i, "office"],
  [/hospital|outpatient|ccioph/i, "hopd"],
];

/** The setting a file name tells, or undefined when it tells none or both. */
export function settingFromName(path: string): EditSetting | undefined {
  const name = basename(path);
  const found = new Set(BY_NAME.filter(([re]) => re.test(name)).map(([, s]) => s));
  return found.size === 1 ? [...found][0] : undefined;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function editEntries(configFile: string, key: "ptp" | "mue", raw: unknown): EditFileEntry[] {
  const bad = (field: string, expected: string, found?: unknown) =>
    new EditFileError(`${configFile}: '${field}' ${expected}${found === undefined ? "" : ` (found ${JSON.stringify(found)})`}`);
  if (!Array.isArray(raw)) throw bad(key, 'must be a list of files or {"file": ..., "setting": "office" | "hopd"} entries', raw);
  return raw.map((e, i) => {
    const at = `${key}[${i}]`;
    const file = typeof e === "string" ? e : isObj(e) ? e.file : undefined;
    if (typeof file !== "string" || !file) throw bad(isObj(e) ? `${at}.file` : at, "must be a file name", isObj(e) ? e.file : e);
    if (isObj(e)) {
      const extra = Object.keys(e).find((k) => k !== "file" && k !== "setting");
      if (extra) throw bad(`${at}.${extra}`, "is not a field of an edit file entry (expected file, setting)");
      if (e.setting !== undefined && !SETTINGS.includes(e.setting as EditSetting))
        throw bad(`${at}.setting`, "must be office (practitioner edits) or hopd (outpatient hospital edits)", e.setting);
    }
    const setting = (isObj(e) ? (e.setting as EditSetting | undefined) : undefined) ?? settingFromName(file);
    if (!setting)
      throw bad(at, `cannot tell from the name '${basename(file)}' whether it holds practitioner or outpatient hospital edits: write {"file": ${JSON.stringify(file)}, "setting": "office"} or "hopd"`);
    return { path: resolve(dirname(configFile), file), label: file, setting };
  });
}
