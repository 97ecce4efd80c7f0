// Inline directive comments (LANGUAGE.md §2, CLI.md): `# encounter-lint-disable-next-line RULE[, RULE] [-- reason]`,
// `# encounter-lint-disable RULE` … `# encounter-lint-enable RULE`. Only their form is read here;
// whether the rule ids exist, and what they silence, is the engine's (engine/directives.ts).
import type { Directive, DirectiveKind, Spanned } from "./ast.js";

const DIRECTIVE = /^#\s*encounter-lint-(disable-next-line|disable|enable)(?![A-Za-z0-9_-])/i;

/** The directive in a comment (its text from `#`, at offset `start`), or undefined for a plain comment. */
export function parseDirective(comment: string, start: number, line: number): Directive | undefined {
  const head = DIRECTIVE.exec(comment);
  if (!head) return undefined;
  const kind = head[1].toLowerCase() as DirectiveKind;
  const bodyStart = head[0].length;
  const dashes = comment.indexOf("--", bodyStart);
  const listEnd = dashes < 0 ? comment.length : dashes;
  const rules: Spanned<string>[] = [];
  const word = /[^\s,]+/g;
  word.lastIndex = bodyStart;
  for (let m = word.exec(comment); m && m.index < listEnd; m = word.exec(comment)) {
    const text = m[0].slice(0, Math.max(0, listEnd - m.index));
    rules.push({ value: text.toLowerCase(), span: { start: start + m.index, end: start + m.index + text.length } });
  }
  const reason = dashes < 0 ? undefined : comment.slice(dashes + 2).trim() || undefined;
  return { kind, rules, reason, span: { start, end: start + comment.length }, line };
}
