// The typed syntax tree. Positions are 0-based UTF-16 offsets into the file text, end exclusive;
// the LSP layer and the CLI convert them to their own line/column forms at the edges.
import type { DoseUnit, DrugClass, SettingName } from "../data/types.js";

export interface Span {
  start: number;
  end: number;
}

export interface Spanned<T> {
  value: T;
  span: Span;
}

/** A drug name as written, with its matching key (see normalizeName). */
export interface DrugRef {
  text: string;
  key: string;
  span: Span;
}

export type Verb = "push" | "infuse" | "hydrate" | "inject" | "pump" | "refill" | "flush" | "draw" | "oral";
export type Route = "sc" | "im" | "intralesional" | "intrathecal";
export type DoseForm = DoseUnit | "mg/m2" | "mg/kg";

/**
 * A dose. Litres are converted to millilitres when parsed (`1L` and `0.5 L` are 1000 and 500 mL),
 * so the engine compares volumes in one unit; the span still shows what was written.
 */
export interface Dose {
  value: number;
  unit: DoseForm;
  span: Span;
}

/** `+ DRUG [DOSE] [waste DOSE]`: another drug in the same bag or syringe (one administration). */
export interface Additive {
  drug: DrugRef;
  dose?: Dose;
  /** `waste DOSE` written right after this drug: the amount of it discarded. */
  waste?: Dose;
  /** From the `+` to the end of its last part. */
  span: Span;
}

export interface TimeRange {
  /** Minutes after midnight. */
  start: number;
  /** Minutes after midnight of the start day; may exceed 1440 when the range passes midnight. */
  end: number;
  span: Span;
}

export interface Administration {
  kind: "administration";
  verb: Verb;
  verbSpan: Span;
  drug?: DrugRef;
  dose?: Dose;
  duration?: Spanned<number>;
  range?: TimeRange;
  at?: Spanned<number>;
  with?: DrugRef;
  site?: Spanned<number>;
  route?: Spanned<Route>;
  implanted: boolean;
  /** `+ DRUG ...` clauses, in the order written (revision 2); absent when there are none. */
  additives?: Additive[];
  /** A bare `waste DOSE`: the amount of the verb's drug discarded (`waste 0mg` is a documented zero). */
  waste?: Dose;
  span: Span;
}

/** `visit CODE`: a significant, separately identifiable E/M service (LANGUAGE.md §3, §4 step 6). */
export interface Visit {
  kind: "visit";
  code: Spanned<string>;
  keywordSpan: Span;
  span: Span;
}

export interface ClaimItem {
  code: string;
  codeSpan: Span;
  modifiers: Spanned<string>[];
  units: number;
  unitsSpan?: Span;
  span: Span;
}

export interface ClaimStatement {
  kind: "claim";
  keywordSpan: Span;
  items: ClaimItem[];
  span: Span;
}

/** A line that begins with a code: more items of the claim above it. */
export interface ClaimContinuation {
  kind: "claim-continuation";
  items: ClaimItem[];
  span: Span;
}

export type FieldName = "setting" | "pos" | "payer" | "bsa" | "weight" | "date" | "primary";

export type Field =
  | { kind: "field"; name: "setting"; value: SettingName; valueSpan: Span; span: Span }
  | { kind: "field"; name: "pos"; value: number; setting: SettingName; valueSpan: Span; span: Span }
  | { kind: "field"; name: "payer"; value: string; valueSpan: Span; span: Span }
  | { kind: "field"; name: "bsa"; value: number; valueSpan: Span; span: Span }
  | { kind: "field"; name: "weight"; value: number; valueSpan: Span; span: Span }
  | { kind: "field"; name: "date"; value: string; valueSpan: Span; span: Span }
  /** `hydration` is true for `primary hydration` (the word unquoted); `value` then reads "hydration". */
  | { kind: "field"; name: "primary"; value: DrugRef; hydration: boolean; valueSpan: Span; span: Span };

export interface EncounterHeader {
  kind: "encounter";
  name?: Spanned<string>;
  fields: Field[];
  keywordSpan: Span;
  span: Span;
}

export interface DrugDeclaration {
  kind: "drug-decl";
  name: DrugRef;
  drugClass: Spanned<DrugClass>;
  hcpcs?: Spanned<string>;
  per?: Dose;
  span: Span;
}

export type Statement =
  | Administration
  | Visit
  | ClaimStatement
  | ClaimContinuation
  | Field
  | EncounterHeader
  | DrugDeclaration;

export interface SyntaxProblem {
  message: string;
  span: Span;
  /** Index of the encounter it belongs to, set when the file is assembled. */
  encounter?: number;
}

export interface Claim {
  keywordSpan: Span;
  items: ClaimItem[];
  /** From the `claim` keyword to the end of its last item. */
  span: Span;
}

export type Fields = {
  setting?: Extract<Field, { name: "setting" }>;
  pos?: Extract<Field, { name: "pos" }>;
  payer?: Extract<Field, { name: "payer" }>;
  bsa?: Extract<Field, { name: "bsa" }>;
  weight?: Extract<Field, { name: "weight" }>;
  date?: Extract<Field, { name: "date" }>;
  primary?: Extract<Field, { name: "primary" }>;
};

export interface EncounterNode {
  index: number;
  name: string;
  /** The header, or for a file without headers the first statement. */
  headerSpan: Span;
  implicit: boolean;
  fields: Fields;
  administrations: Administration[];
  /** `visit CODE` lines, in the order written. */
  visits: Visit[];
  claim?: Claim;
  /** From the header to the end of the encounter's last statement. */
  span: Span;
  /** Offsets of syntax errors inside this encounter: its claim is not compared while they stand. */
  syntaxErrors: Span[];
}

export interface FileNode {
  encounters: EncounterNode[];
  /** Header fields before the first `encounter`: defaults for every encounter of the file. */
  defaults: Fields;
  drugs: DrugDeclaration[];
  errors: SyntaxProblem[];
  /** `# encounter-lint-disable...` comments, in file order. */
  directives: Directive[];
}

export type DirectiveKind = "disable-next-line" | "disable" | "enable";

/** An inline directive comment (LANGUAGE.md §2, CLI.md): which rules it names, and why. */
export interface Directive {
  kind: DirectiveKind;
  /** Rule ids as written (lower-cased), each with its span; empty when none is named. */
  rules: Spanned<string>[];
  /** The text after `--`, trimmed; undefined when there is none. */
  reason?: string;
  /** The whole comment, from `#` to the end of the line. */
  span: Span;
  /** 0-based line of the comment. */
  line: number;
}
