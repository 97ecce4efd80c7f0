// The forms a claim code takes (LANGUAGE.md §3 CODE). The claim keeps the code as written; this
// tells what kind of code it is, so the engine can judge codes outside its catalogue.
// Sources for the suffixes: CPT code structure (Category II = 4 digits + F, Category III = 4 digits
// + T: open-exam-prep.com "CPT Code Structure"); administrative MAAA codes end in M
// (supercoder.com CPT range 61590); COVID-19 vaccine administration codes end in A (0001A...,
// codingahead.com); Proprietary Laboratory Analyses end in U (LANGUAGE.md §3).

export type CodeForm =
  | "cpt" // Category I: five digits
  | "category-ii" // 4 digits + F: performance measurement, no payment
  | "category-iii" // 4 digits + T: emerging technology
  | "pla" // 4 digits + U: Proprietary Laboratory Analyses
  | "maaa" // 4 digits + M: administrative Multianalyte Assays with Algorithmic Analyses
  | "vaccine" // 4 digits + A: Category I vaccine administration codes
  | "hcpcs" // a letter + 4 digits: HCPCS Level II
  | "malformed";

const SUFFIX: Record<string, CodeForm> = { F: "category-ii", T: "category-iii", U: "pla", M: "maaa", A: "vaccine" };

export function codeForm(code: string): CodeForm {
  const c = code.toUpperCase();
  if (/^\d{5}$/.test(c)) return "cpt";
  if (/^\d{4}[FTUMA]$/.test(c)) return SUFFIX[c[4]];
  if (/^[A-Z]\d{4}$/.test(c)) return "hcpcs";
  return "malformed";
}
