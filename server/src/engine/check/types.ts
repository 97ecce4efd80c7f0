// The shapes the claim check works with: the claim and derivation in hand, and both sides cut
// into single units ("tokens") so that ×3 on one side can meet ×1 + ×2 on the other.
import type { AdminCode, CodeRole } from "../../data/types.js";
import type { Claim, ClaimItem, EncounterNode, Span } from "../../language/ast.js";
import type { Derivation, EncounterContext, ExpectedLine, Shadow } from "../derive.js";
import type { Fix, makeFinding } from "../finding.js";
import type { NcciEdits } from "../../ncci/types.js";

export interface CheckInput {
  enc: EncounterNode;
  claim: Claim;
  ctx: EncounterContext;
  derivation: Derivation;
  text: string;
  /** The configured CMS NCCI PTP and MUE edits, if any. */
  ncci?: NcciEdits;
}

export type Report = (rule: string, span: Span, message: string, fix?: Fix, extra?: Parameters<typeof makeFinding>[4]) => void;

/** One derived unit of an administration code. */
export interface ExpectedToken {
  line: ExpectedLine;
  code: string;
  info: AdminCode;
  role: CodeRole;
  taken: boolean;
}

/** What became of one claimed unit. */
export type Outcome =
  | { kind: "match"; to: ExpectedToken | undefined }
  | { kind: "paired"; rule: string; to: ExpectedToken }
  | { kind: "shadow"; rule: string; shadow: Shadow }
  | { kind: "surplus"; rule: string }
  | { kind: "unsupported" };

/** One claimed unit of an administration code. */
export interface ClaimedToken {
  item: ClaimItem;
  info: AdminCode;
  outcome?: Outcome;
}

/** Distinct-service modifiers: a second IV site. */
export const DISTINCT = new Set(["59", "XE", "XP", "XS", "XU"]);
export const hasDistinct = (item: ClaimItem) => item.modifiers.some((m) => DISTINCT.has(m.value));
export const isInitialRole = (r: CodeRole) => r === "initial";

export function outcomeRule(o: Outcome): string | undefined {
  switch (o.kind) {
    case "match":
      return undefined;
    case "paired":
    case "shadow":
    case "surplus":
      return o.rule;
    case "unsupported":
      return "unsupported-code";
  }
}
