// The rule catalogue: stable ids (LANGUAGE.md §5 plus a few more), default severities, the
// source each rule rests on and the denial it predicts. Messages are built where the facts are known.
export type Severity = "error" | "warning" | "info";

export interface RuleInfo {
  id: string;
  severity: Severity;
  /** One line, for lists and SARIF short descriptions. */
  title: string;
  /** What the rule checks and why, for hovers, SARIF full descriptions and the README. */
  description: string;
  source: string;
  /** The denial the payer is expected to send (CARC/RARC), when one applies. */
  denial?: string;
  fixable: boolean;
}

const CPT = "CPT drug administration guidelines (96360-96549)";
const CH12 = "CMS IOM Pub 100-04 Ch. 12 §30.5";
const NCCI = "NCCI Policy Manual Ch. XI";

const list: RuleInfo[] = [
  { id: "syntax", severity: "error", title: "The line does not follow the encounter language", description: "The line could not be read; it is left out of the derivation and the encounter's claim is not compared until it is fixed.", source: "docs/language.md", fixable: false },
  { id: "file-too-large", severity: "error", title: "File larger than the size limit; not checked", description: "A file over the size limit (the CLI's --max-file-size, 10 MB by default; 2 MB in the editor) is not read, so none of its encounters is checked. Split it, or raise the limit on the command line.", source: "encounter-lint limits (docs/reliability.md)", fixable: false },
  { id: "unknown-code", severity: "error", title: "Claimed code that cannot exist", description: "A claimed code that is malformed (not five digits, four digits and F, M, T, U or A, or a letter and four digits) or a number in the drug administration range that CPT does not define (96362-96364, 96378).", source: CPT, denial: "CARC 181 (procedure code invalid on the date of service)", fixable: false },
  { id: "unchecked-code", severity: "info", title: "Code outside the catalogue: kept, not checked", description: "A well-formed code this tool does not catalogue (a laboratory test such as 85025, 99499, 0591T, 3074F, 0001U, a HCPCS code outside the drug table): it stays on the claim, is counted, and is not checked against the chart.", source: "CPT code structure; LANGUAGE.md §5", fixable: false },
  { id: "em-bundled", severity: "error", title: "E/M visit the payer does not pay beside drug administration", description: "Medicare does not pay 99211, with or without modifier 25, on the same day as a drug infusion or injection code in an office (the payer profile's emBundling); nothing is derived for the visit.", source: "CMS CR 3631 (Transmittal 129) and the CMS transmittal of 2005-10-28 on office E/M visits with drug administration; payer profile", denial: "CARC 97 (included in the administration service)", fixable: true },
  { id: "modifier-25-missing", severity: "error", title: "Documented E/M visit claimed without modifier 25", description: "A significant, separately identifiable E/M visit billed the same day as drug administration codes carries modifier 25 (in a hospital outpatient department G0463 needs it beside a procedure with OPPS status indicator S or T).", source: `CPT Appendix A (modifier 25); ${NCCI}; OPPS I/OCE edit 21`, denial: "CARC 97 (E/M included in the procedure) / I/OCE edit 21", fixable: true },
  { id: "unknown-modifier", severity: "warning", title: "Modifier outside the known set", description: "A claim-line modifier this tool does not know (the known set lists CPT, HCPCS and NCCI-associated modifiers with their sources): usually a typo.", source: "CPT Appendix A; HCPCS Level II modifiers; NCCI Policy Manual Ch. I", denial: "CARC 4 (procedure code inconsistent with the modifier used)", fixable: false },
  { id: "retired-code", severity: "error", title: "HCPCS code not in force on the date of service", description: "HCPCS drug codes are retired and replaced; the claim must use the code in force on the date of service.", source: "CMS HCPCS quarterly update; OPPS Addendum B", denial: "CARC 181 (procedure code invalid on the date of service)", fixable: true },
  { id: "duplicate-initial", severity: "error", title: "More than one initial administration code", description: "Only one initial service (96360, 96365, 96374, 96409, 96413) is reported per encounter unless a separate, medically necessary IV site is documented; the others are add-ons.", source: `${CPT}; ${NCCI} §N; ${CH12}`, denial: "CARC 18 (duplicate service)", fixable: true },
  { id: "wrong-initial", severity: "error", title: "Initial code other than the one the hierarchy picks", description: "The initial service is chosen by CPT's facility hierarchy (chemo infusion > chemo push > non-chemo infusion > non-chemo push > hydration) or, in an office, the primary reason for the visit; a different initial code unbundles the encounter.", source: `${CPT}; ${NCCI}; ${CH12}`, denial: "CARC 97 (included in another service) / NCCI edit", fixable: true },
  { id: "addon-without-primary", severity: "error", title: "Add-on code without any of its primary codes", description: "An add-on code is paid only with one of its primary codes on the same claim.", source: `${CPT}; NCCI add-on code edits`, denial: "CARC 107 / RARC N122 (add-on code without its primary)", fixable: true },
  { id: "chemo-as-non-chemo", severity: "error", title: "Chemotherapy administration coded with a non-chemo code", description: "Chemotherapy and highly complex drugs/biologics are reported with 96401-96549; coding them as therapeutic administration under-reports the service.", source: `${CPT}; ${CH12}`, fixable: true },
  { id: "non-chemo-as-chemo", severity: "error", title: "Non-chemo administration coded with a chemo code", description: "Anti-emetics, steroids, antihistamines, iron, growth factors and other supportive drugs are not chemotherapy administration (CMS CR 3631).", source: `${CPT}; ${CH12}; CMS CR 3631`, denial: "CARC 97 / medical review: the drug does not support a chemotherapy administration code", fixable: true },
  { id: "hydration-as-infusion", severity: "error", title: "Hydration coded as a drug infusion or push", description: "Fluids given for hydration are reported with 96360/96361, not with drug administration codes.", source: `${CPT}; ${NCCI}`, denial: "medical review: documentation supports hydration only", fixable: true },
  { id: "infusion-as-hydration", severity: "error", title: "Drug administration coded as hydration", description: "An infusion or push of a drug is reported with the drug administration codes, not with hydration codes.", source: CPT, fixable: true },
  { id: "infusion-as-push", severity: "error", title: "An infusion of 16 minutes or more coded as a push", description: "An infusion (`infuse`) lasting 16 minutes or more is reported with an infusion code; an infusion of 15 minutes or less is a push (CPT's push definition (b)).", source: `${CPT}; ${CH12}`, fixable: true },
  { id: "push-as-infusion", severity: "error", title: "A push coded as an infusion", description: "A push (`push` of any length, CPT's definition (a), or an infusion of 15 minutes or less, definition (b)) is reported with a push code; an infusion code needs an infusion of 16 minutes or more.", source: `${CPT}; ${CH12}`, denial: "medical review: infusion time not documented (overpayment recovered)", fixable: true },
  { id: "facility-only", severity: "error", title: "Facility-only code outside a facility", description: "96376 (repeat push of the same drug) may be reported by facilities only.", source: CPT, denial: "CARC 58 (treatment rendered in an inappropriate place of service)", fixable: true },
  { id: "same-drug-as-new", severity: "error", title: "96375 for a repeat push of the same drug", description: "96375 is for a push of a new drug; a repeat push of the same drug is 96376 in a facility (30 minutes or more after the last push) and not reportable in an office.", source: CPT, denial: "CARC 151 (information does not support this many services)", fixable: true },
  { id: "new-drug-as-same", severity: "error", title: "96376 for a push of a new drug", description: "96376 is for a repeat push of the same drug; a push of a different drug is 96375.", source: CPT, fixable: true },
  { id: "concurrent-as-sequential", severity: "error", title: "Sequential code for a concurrent infusion", description: "96367/96417 report a different drug infused after another; an infusion running at the same time is concurrent (96368 for a non-chemo drug; CPT has no code for a concurrent chemo infusion).", source: `${CPT}; ${CH12}`, fixable: true },
  { id: "sequential-as-concurrent", severity: "error", title: "Concurrent code for a sequential infusion", description: "96368 reports an infusion running at the same time as another; an infusion given after another is sequential (96367).", source: `${CPT}; ${CH12}`, fixable: true },
  { id: "wrong-code", severity: "error", title: "Code for a different service of the same kind", description: "The claimed code belongs to the right family but describes a different service (for example a portable pump refill for an implanted pump).", source: CPT, fixable: true },
  { id: "modifier-missing", severity: "error", title: "Second initial code without its separate-site modifier", description: "A second initial code for a separate, medically necessary IV site carries modifier XS (or 59).", source: `${NCCI} §N; ${CH12}`, denial: "CARC 18 / NCCI edit without modifier", fixable: true },
  { id: "units", severity: "error", title: "Wrong units on an additional-hour or once-per-encounter code", description: "Additional-hour codes (96361, 96366, 96415) count each hour beyond the first when more than 30 minutes past the last full hour; 96368 is reported once per encounter.", source: `${CPT}; ${CH12}`, denial: "CARC 151 (information does not support this many units)", fixable: true },
  { id: "not-reportable", severity: "error", title: "Code for a service that is not separately reportable", description: "Hydration of 30 minutes or less or concurrent with an infusion, oral drugs, 96376 within 30 minutes of the last push of the drug, 96523 beside other services (or within a port draw), and 36591 beside any service other than laboratory tests are not separately reportable.", source: `${CPT}; ${NCCI} §B.5; ${CH12}`, denial: "CARC 97 (included in another service)", fixable: true },
  { id: "unsupported-code", severity: "error", title: "Claimed code not supported by any documented administration", description: "Over-coding: no documented administration, visit or port draw gives rise to the claimed code or units.", source: `${CPT}; ${CH12}`, denial: "CARC 50 / audit recovery (documentation does not support the service)", fixable: true },
  { id: "missing-code", severity: "warning", title: "Derived code missing from the claim", description: "Under-coding: a code the documentation supports is not on the claim. HCPCS drug lines are checked only when the claim lists at least one J or Q drug line of the drug table (E/M, laboratory, G0463 and G0498 lines do not count).", source: `${CPT}; ${CH12}`, fixable: true },
  { id: "drug-units", severity: "warning", title: "HCPCS drug units disagree with the documented dose", description: "HCPCS drug units are the documented dose divided by the billing unit, rounded up.", source: "CMS HCPCS descriptors; OPPS Addendum B", denial: "CARC 151 or underpayment", fixable: true },
  { id: "wrong-product-code", severity: "error", title: "A documented product billed under another product's code", description: "Biosimilars and branded products have HCPCS codes of their own (Truxima Q5115, Ruxience Q5119); the generic name means the reference product (rituximab J9312). A claim that bills the documented product under another product's code of the same molecule bills a drug that was not given.", source: "CMS biosimilar HCPCS coding (each biosimilar's own Q-code, ASP pricing files); OPPS Addendum B", denial: "CARC 16 with RARC M119 (missing/incomplete/invalid NDC) or audit recovery: the billed product was not given", fixable: true },
  { id: "waste-modifier-missing", severity: "error", title: "Single-dose drug line without JW or JZ", description: "Where the payer requires the waste modifiers (Medicare Part B, office and hospital outpatient: JW from 2017-01-01, JZ from 2023-07-01), a drug from a single-dose container is billed with JZ when nothing was discarded, or with the discarded units on a second line with JW. In a hospital outpatient department only separately paid drugs (status indicator G or K) need either.", source: "CMS MLN MM9603 (JW), MLN MM13056 (JZ); CMS IOM 100-04 Ch. 17 §40; CMS JW/JZ FAQ", denial: "claim returned as unprocessable from 2023-10-01 (CMS MM13056)", fixable: true },
  { id: "waste-modifier-wrong", severity: "error", title: "JW or JZ that disagrees with the documented waste", description: "JZ attests that nothing was discarded, so it is wrong where waste is documented; a JW line needs documented waste and its units are ceil((given + wasted) ÷ unit) − ceil(given ÷ unit); JZ did not exist before 2023-01-01; JW and JZ are not used for multiple-dose containers.", source: "CMS MLN MM9603, MLN MM13056; CMS IOM 100-04 Ch. 17 §40; CMS JW/JZ FAQ (multiple-dose containers)", denial: "audit recovery of the JW units; CARC 16 / returned claim", fixable: true },
  { id: "waste-undocumented", severity: "info", title: "JZ derived with no waste documented", description: "JZ attests that no drug was discarded from the single-dose container; where no `waste` clause is written, confirm it (waste 0mg) or document the amount discarded.", source: "CMS MLN MM13056 (JZ: zero drug amount discarded); CMS IOM 100-04 Ch. 17 §40 (document the discarded amount)", fixable: false },
  { id: "unknown-drug", severity: "warning", title: "Drug not in the drug table", description: "The engine does not know this drug's class; it is treated as therapeutic (non-chemo). Declare it with `drug NAME CLASS`.", source: "drug table", fixable: true },
  { id: "undocumented-timing", severity: "warning", title: "Infusion with no duration and no times", description: "Without a documented duration or start and stop times an infusion cannot support an infusion code; it is coded as a push.", source: `${CPT}; coding practice (start/stop times support time-based codes)`, fixable: false },
  { id: "undocumented-route", severity: "warning", title: "Injection with no route", description: "The injection route (sc, im, intralesional, intrathecal) decides the code; SC/IM is assumed.", source: CPT, fixable: false },
  { id: "inconsistent-timing", severity: "warning", title: "Duration and times disagree", description: "The documented duration disagrees with the start and stop times; the times win.", source: "coding practice", fixable: false },
  { id: "long-push", severity: "warning", title: "IV push documented at more than 15 minutes", description: "A `push` stays a push whatever its length (CPT's push definition (a)), but CPT counts it as a push only when the clinician is continuously present to give the injection and observe the patient; a push of more than 15 minutes draws review, so the chart must show that presence.", source: `${CPT} (IV push definition); ${CH12}`, denial: "medical review: documentation does not show the continuous presence a push needs", fixable: false },
  { id: "primary-mismatch", severity: "warning", title: "`primary` cannot decide the initial service here", description: "In an office the primary reason for the encounter (`primary DRUG` or `primary hydration`) is the initial service, but it must name a drug given by IV push, infusion or hydration here, and must not leave an add-on without its primary code (96360 carries only 96361): otherwise the hierarchy is used. In a hopd encounter CPT's facility hierarchy decides, and `primary` is removed.", source: `${CPT}; ${CH12}`, fixable: true },
  { id: "modifier-not-needed", severity: "warning", title: "59/X modifier where no modifier is needed", description: "Modifiers 59 and XE/XP/XS/XU are for distinct services; an add-on in its ordinary sequence does not need one, and JW/JZ belong on drug lines.", source: `${NCCI}; CMS modifier 59/X{EPSU} guidance`, fixable: true },
  { id: "modifier-inappropriate", severity: "error", title: "59/XU used to report a second initial code", description: "Modifier 59/XU does not make a second initial code reportable when a higher-ranked service is documented and no second IV site is.", source: `${NCCI} §N`, denial: "NCCI edit; audit finding for modifier misuse", fixable: true },
  { id: "payer-edit", severity: "warning", title: "Payer-specific edit", description: "A rule from a payer profile (data loaded from the project's or the user's payer files).", source: "payer profile", fixable: true },
  { id: "setting-unstated", severity: "info", title: "The result depends on the setting, and none is stated", description: "Office and facility coding differ (initial service by primary reason vs hierarchy; 96376 facility only); state `setting`.", source: `${CPT}; ${CH12}`, fixable: false },
  { id: "no-code", severity: "info", title: "A documented administration that no code describes", description: "For example two chemotherapy infusions at the same time, or a repeat chemo push of the same drug.", source: CPT, fixable: false },
  { id: "bad-directive", severity: "warning", title: "Disable comment that names no rule or an unknown one", description: "An `# encounter-lint-disable...` comment must name the rules it silences, by their ids; one with no rule list or an unknown id silences nothing, so an auditor always names what they accept.", source: "encounter-lint CLI.md (inline directives)", fixable: false },
  { id: "unused-directive", severity: "warning", title: "Disable comment that silenced nothing", description: "With --report-unused-disable-directives: an `# encounter-lint-disable...` comment that silenced no finding; left in place it could hide a future one.", source: "encounter-lint CLI.md (--report-unused-disable-directives)", fixable: true },
  { id: "unknown-payer", severity: "info", title: "No payer profile for this payer", description: "The payer has no profile; CPT rules apply without payer edits.", source: "payer profiles", fixable: false },
  { id: "ptp-edit", severity: "error", title: "Code pair denied by a configured NCCI PTP edit", description: "A column-2 code claimed with its column-1 code on the same date of service, where the configured NCCI procedure-to-procedure file has an edit in force: modifier indicator 0 (never paid together) or 1 (paid together only with an NCCI-associated modifier such as XS or 59, which neither line carries). Indicator 9 never applies. Silent when no PTP file is configured.", source: "CMS NCCI PTP edits (the configured practitioner or outpatient hospital file); NCCI Policy Manual Ch. I (modifier indicators, NCCI-associated modifiers)", denial: "CARC 236 (code pair not allowed together under NCCI)", fixable: true },
  { id: "mue-exceeded", severity: "error", title: "Units above a configured MUE", description: "Units of a code above its medically unlikely edit in the configured MUE file: per claim line for adjudication indicator 1, summed over the encounter's lines of the code for 2 and 3 (date-of-service edits). Silent when no MUE file is configured.", source: "CMS NCCI Medically Unlikely Edits (the configured practitioner or outpatient hospital file); CMS MUE FAQ (claim-line and date-of-service adjudication)", denial: "RARC N362 (units exceed the acceptable maximum), with CARC 151 or 96", fixable: false },
];

export const RULES: ReadonlyMap<string, RuleInfo> = new Map(list.map((r) => [r.id, r]));
export const RULE_IDS = list.map((r) => r.id);

/** Most specific first: one claim line gets the first of these that explains it (LANGUAGE.md §5). */
export const CLAIM_RULE_PRIORITY = [
  "unknown-code",
  "retired-code",
  "wrong-product-code",
  "chemo-as-non-chemo",
  "non-chemo-as-chemo",
  "hydration-as-infusion",
  "infusion-as-hydration",
  "infusion-as-push",
  "push-as-infusion",
  "addon-without-primary",
  "facility-only",
  "same-drug-as-new",
  "new-drug-as-same",
  "concurrent-as-sequential",
  "sequential-as-concurrent",
  "modifier-inappropriate",
  "duplicate-initial",
  "wrong-initial",
  "wrong-code",
  "modifier-missing",
  "em-bundled",
  "not-reportable",
  "modifier-25-missing",
  "units",
  "unsupported-code",
  "waste-modifier-wrong",
  "waste-modifier-missing",
  "payer-edit",
  "missing-code",
  // The official edit files rank after the engine's own rules (LANGUAGE.md §4 step 8).
  "ptp-edit",
  "mue-exceeded",
];
