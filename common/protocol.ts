// The contract between the language server and its clients (the VS Code extension, tests):
// custom request names with their params and results, and the settings under "encounter".
// Plain TypeScript with no imports, so both sides can bundle it.

/** `encounter/preview`: the explanation of a document as one self-contained HTML page. */
export const PreviewRequest = "encounter/preview";
export interface PreviewParams {
  uri: string;
}
export interface PreviewResult {
  html: string;
}

/** `encounter/derivedClaim`: the claim each encounter should carry (only the one at `position` when given). */
export const DerivedClaimRequest = "encounter/derivedClaim";
export interface DerivedClaimParams {
  uri: string;
  position?: { line: number; character: number };
}
export interface DerivedClaim {
  name: string;
  /** 0-based line of the encounter header. */
  line: number;
  /** Claim items as they would be written, e.g. "96415 x3". */
  items: string[];
}
export type DerivedClaimResult = DerivedClaim[];

/** `encounter/explain`: the plain-text explanation (same as `encounter-lint explain`). */
export const ExplainRequest = "encounter/explain";
export interface ExplainParams {
  uri: string;
}
export interface ExplainResult {
  text: string;
}

/** Command (workspace/executeCommand) behind the code lens: write the derived claim into an encounter. */
export const ApplyDerivedClaimCommand = "encounter.applyDerivedClaim";
/** Arguments: [uri, encounter header offset]. */
export type ApplyDerivedClaimArgs = [string, number];

/** The code action kind of "fix all" on save. */
export const FixAllKind = "source.fixAll.encounter";

export const SettingsSection = "encounter";

export interface EncounterSettings {
  validate: { delay: number };
  defaults: { setting?: "office" | "hopd" | "home"; payer?: string };
  inlayHints: { enabled: boolean };
  codeLens: { enabled: boolean };
  /** Hide derived codes everywhere (hints, lenses, hovers, completion order) so students can work. */
  exerciseMode: boolean;
  /** Report a disable directive that silences no finding (unused-directive), like the CLI's --report-unused-disable-directives. */
  reportUnusedDisableDirectives: boolean;
}

export const DEFAULT_SETTINGS: EncounterSettings = {
  validate: { delay: 150 },
  defaults: {},
  inlayHints: { enabled: true },
  codeLens: { enabled: true },
  exerciseMode: false,
  reportUnusedDisableDirectives: false,
};
