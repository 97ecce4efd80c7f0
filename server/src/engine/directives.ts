// Inline directives (CLI.md): drop the findings a valid directive silences, report directives
// that cannot silence anything (`bad-directive`) and, when asked, those that silenced nothing
// (`unused-directive`). Reads the file's directives, the known rule ids and the findings; pure.
import type { Directive, Span } from "../language/ast.js";
import { NONE } from "../language/empty-list.js";
import { lineEndAfter } from "../language/line-index.js";
import { editDistance } from "../language/parse.js";
import { makeFinding, type Finding, type TextEdit } from "./finding.js";

export interface DirectiveOptions {
  /** Every rule id a directive may name. */
  knownRules: Iterable<string>;
  /** `--report-unused-disable-directives`: a directive that silenced nothing is a warning. */
  reportUnused?: boolean;
}

/**
 * Rules no comment may silence: a syntax error drops its line from the derivation (hiding it
 * would hide lost documentation), and the directive rules speak about the comments themselves.
 */
const NOT_SILENCEABLE = new Set(["syntax", "bad-directive", "unused-directive"]);

/**
 * Where a directive applies: findings of `rule` that start in [start, end]. `directive` is
 * undefined for a scope carried in from the text above (silenceInPiece).
 */
interface Scope {
  directive?: Directive;
  rule: string;
  start: number;
  end: number;
  used: boolean;
}

const covers = (s: Scope, f: Finding) => s.rule === f.rule && f.span.start >= s.start && f.span.start <= s.end;

export function applyDirectives(directives: readonly Directive[], text: string, findings: readonly Finding[], opts: DirectiveOptions): Finding[] {
  if (!directives.length) return [...findings];
  const { valid, bad } = splitDirectives(directives, opts.knownRules);
  const out: Finding[] = [...bad];
  const { scopes, unmatched } = scopesOf(valid, text);
  for (const f of findings) {
    const hit = NOT_SILENCEABLE.has(f.rule) ? [] : scopes.filter((s) => covers(s, f));
    for (const s of hit) s.used = true;
    if (!hit.length) out.push(f);
  }
  if (opts.reportUnused) out.push(...unusedFindings(valid, scopes, unmatched, text));
  return out;
}

/** The directives that can silence, in order, and a bad-directive finding for each of the others. */
export function splitDirectives(directives: readonly Directive[], knownRules: Iterable<string>): { valid: Directive[]; bad: Finding[] } {
  if (!directives.length) return { valid: NONE, bad: NONE }; // most encounters have none
  const known = new Set(knownRules);
  const valid: Directive[] = [];
  const bad: Finding[] = [];
  for (const d of directives) {
    const finding = badDirective(d, known);
    if (finding) bad.push(finding);
    else valid.push(d);
  }
  return { valid, bad };
}

/**
 * What the text above a piece of a file hands on to it: the rules `disable` comments silence to
 * its end (not enabled again yet), and those a disable-next-line comment silences on its first
 * line (the comment stood on the line before it).
 */
export interface Carried {
  readonly open: ReadonlySet<string>;
  readonly firstLine: ReadonlySet<string>;
}

export const NOTHING_CARRIED: Carried = { open: new Set(), firstLine: new Set() };

export const sameCarried = (a: Carried, b: Carried) => a === b || (sameSet(a.open, b.open) && sameSet(a.firstLine, b.firstLine));
const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((x) => b.has(x));

/**
 * `findings` of a piece of a file (its `text`, in its coordinates; each finding starts inside it)
 * less what its `valid` directives (splitDirectives) and what the text above carries in silence,
 * and what it carries on to the text below. Applied piece after piece from the top of a file, cut
 * at line starts (after \n or \r), it silences exactly what applyDirectives silences in the whole
 * (unused directives aside): the same scopes, cut at the pieces' edges. `shown` is `findings`
 * itself when nothing is silenced.
 */
export function silenceInPiece(valid: readonly Directive[], text: string, findings: Finding[], carried: Carried): { shown: Finding[]; carries: Carried } {
  if (!valid.length && !carried.open.size && !carried.firstLine.size) return { shown: findings, carries: carried };
  const { scopes, carries } = scopesOf(valid, text, carried);
  // Valid directives name no rule that cannot be silenced (badDirective), so no check for one here.
  const shown = findings.filter((f) => !scopes.some((s) => covers(s, f)));
  return { shown: shown.length === findings.length ? findings : shown, carries: sameCarried(carries, carried) ? carried : carries };
}

function badDirective(d: Directive, known: ReadonlySet<string>): Finding | undefined {
  const name = `encounter-lint-${d.kind}`;
  if (!d.rules.length)
    return makeFinding("bad-directive", d.span, `This ${name} comment names no rule, so it silences nothing: name the rules you accept, e.g. # ${name} units -- reason.`, null);
  const locked = d.rules.find((r) => NOT_SILENCEABLE.has(r.value));
  if (locked)
    return makeFinding("bad-directive", locked.span, `'${locked.value}' findings cannot be silenced${locked.value === "syntax" ? ": a line that does not parse is left out of the derivation until it is fixed" : ""}; this comment silences nothing.`, null);
  const unknown = d.rules.filter((r) => !known.has(r.value));
  if (!unknown.length) return undefined;
  const hints = unknown.map((r) => {
    const near = [...known].find((k) => editDistance(r.value, k) <= 2);
    return `'${r.value}'${near ? ` (did you mean '${near}'?)` : ""}`;
  });
  const span: Span = { start: unknown[0].span.start, end: unknown[unknown.length - 1].span.end };
  return makeFinding("bad-directive", span, `${hints.join(", ")} ${unknown.length > 1 ? "are not rule ids" : "is not a rule id"} of encounter-lint, so this ${name} comment silences nothing.`, null);
}

/**
 * Each valid directive's reach, per rule, with what the text above carries in (its open `disable`
 * scopes start at 0 here); `enable` comments that closed nothing are unmatched; and what the text
 * carries on to the text below it.
 */
function scopesOf(valid: readonly Directive[], text: string, carried = NOTHING_CARRIED): { scopes: Scope[]; unmatched: Map<Directive, string[]>; carries: Carried } {
  const scopes: Scope[] = [];
  const open = new Map<string, Scope>();
  const unmatched = new Map<Directive, string[]>();
  /** Rules silenced on a line that goes on into the text below. */
  const onward = new Set<string>();
  const silence = (directive: Directive | undefined, rule: string, start: number, end: number) => {
    const s: Scope = { directive, rule, start, end, used: false };
    scopes.push(s);
    return s;
  };
  for (const rule of carried.open) open.set(rule, silence(undefined, rule, 0, text.length));
  // (A piece of a file that is not its last ends with a line break, so this line ends inside it.)
  if (carried.firstLine.size) {
    const end = lineEndAfter(text, 0);
    for (const rule of carried.firstLine) silence(undefined, rule, 0, end);
  }
  for (const d of valid) {
    for (const { value: rule } of d.rules) {
      if (d.kind === "disable-next-line") {
        const line = nextLine(text, d.span.end);
        if (!line) continue;
        silence(d, rule, line.start, line.end);
        if (line.end >= text.length) onward.add(rule);
      } else if (d.kind === "disable") {
        if (open.has(rule)) continue; // already disabled: this one widens nothing
        open.set(rule, silence(d, rule, d.span.end, text.length));
      } else {
        const s = open.get(rule);
        if (s) {
          s.end = d.span.start - 1;
          open.delete(rule);
        } else unmatched.set(d, [...(unmatched.get(d) ?? []), rule]);
      }
    }
  }
  return { scopes, unmatched, carries: { open: new Set(open.keys()), firstLine: onward } };
}

/** The line after the one that ends at `end`, as [start, end] offsets; undefined at the end of the file. */
function nextLine(text: string, end: number): { start: number; end: number } | undefined {
  let i = end;
  if (text[i] === "\r" && text[i + 1] === "\n") i += 2;
  else if (text[i] === "\r" || text[i] === "\n") i += 1;
  else return undefined;
  return { start: i, end: lineEndAfter(text, i) };
}

function unusedFindings(valid: readonly Directive[], scopes: readonly Scope[], unmatched: Map<Directive, string[]>, text: string): Finding[] {
  const out: Finding[] = [];
  for (const d of valid) {
    const mine = scopes.filter((s) => s.directive === d);
    const idle = d.kind === "enable" ? (unmatched.get(d) ?? []) : d.rules.map((r) => r.value).filter((r) => !mine.some((s) => s.rule === r && s.used));
    if (!idle.length) continue;
    const ids = idle.map((r) => `'${r}'`).join(", ");
    const message =
      d.kind === "enable"
        ? `This encounter-lint-enable for ${ids} follows no encounter-lint-disable of ${idle.length > 1 ? "those rules" : "that rule"}: it changes nothing.`
        : `This encounter-lint-${d.kind} comment silences nothing for ${ids}: no such finding ${d.kind === "disable-next-line" ? "on the next line" : "below it"}. Remove it so that it cannot hide a future finding.`;
    const keep = d.rules.filter((r) => !idle.includes(r.value));
    const fix = keep.length
      ? { title: `Remove ${ids} from the comment`, edits: [listEdit(d, keep.map((r) => r.value))] }
      : { title: "Remove the comment", edits: [removeComment(text, d.span)] };
    out.push(makeFinding("unused-directive", d.span, message, null, { fix }));
  }
  return out;
}

function listEdit(d: Directive, keep: string[]): TextEdit {
  return { start: d.rules[0].span.start, end: d.rules[d.rules.length - 1].span.end, newText: keep.join(", ") };
}

/** The comment and the spaces before it; the whole line when the comment stands alone on it. */
function removeComment(text: string, span: Span): TextEdit {
  let start = span.start;
  while (start > 0 && (text[start - 1] === " " || text[start - 1] === "\t")) start--;
  const atLineStart = start === 0 || text[start - 1] === "\n" || text[start - 1] === "\r";
  if (!atLineStart) return { start, end: span.end, newText: "" };
  let end = span.end;
  if (text[end] === "\r" && text[end + 1] === "\n") end += 2;
  else if (text[end] === "\n" || text[end] === "\r") end += 1;
  return { start, end, newText: "" };
}
