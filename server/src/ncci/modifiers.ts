// NCCI-associated modifiers: the modifiers that may bypass a PTP edit whose modifier indicator is 1
// when the clinical circumstances justify them. The data lane keeps the project's canonical
// modifier list (server/src/data/modifiers.ts); this one holds only the NCCI-associated set the
// PTP rule needs, until the two are merged.
//
// Source: NCCI Policy Manual for Medicare Services, Ch. I (General Correct Coding Policies),
// "Modifiers and Modifier Indicators", as listed by First Coast Service Options, "Tips to prevent
// CARC CO 236" (https://medicare-prod.fcso.com/claims/denials-tips/co-236): anatomic E1-E4, FA,
// F1-F9, TA, T1-T9, LT, RT, LC, LD, RC, LM, RI; global surgery 24, 25, 57, 58, 78, 79; other 27,
// 59, 91, XE, XS, XP, XU. Same list in LANGUAGE.md §4 step 8.
const digits = (prefix: string) => Array.from({ length: 9 }, (_, i) => `${prefix}${i + 1}`);

export const NCCI_ASSOCIATED_MODIFIERS: ReadonlySet<string> = new Set([
  "E1", "E2", "E3", "E4",
  "FA", ...digits("F"),
  "TA", ...digits("T"),
  "LT", "RT", "LC", "LD", "RC", "LM", "RI",
  "24", "25", "57", "58", "78", "79",
  "27", "59", "91", "XE", "XS", "XP", "XU",
]);
