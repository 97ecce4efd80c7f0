// Formatting: canonical spacing, never meaning. Headers and file-level lines at column 0,
// statements of an encounter indented two spaces, claim continuation lines aligned under the
// first claim item, one space between words, ", " between claim items. Only whitespace between
// tokens changes (quoted names and comments are kept as written), so the analysis is the same.
import type { TextEdit } from "../engine/finding.js";

const HEADER = /^encounter(?![A-Za-z0-9_-])/i;
const CODE_START = /^(\d{5}|[A-Za-z]\d{4}|\d{4}[FMTUAfmtua])(?![A-Za-z0-9])/;
const CLAIM = /^claim(?![A-Za-z0-9_-])/i;
const FILE_LEVEL = /^drug(?![A-Za-z0-9_-])/i;

export function formatText(text: string): string {
  const parts = text.split(/(\r\n|\r|\n)/);
  const hasHeaders = parts.some((p, i) => i % 2 === 0 && HEADER.test(p.trimStart()));
  let inEncounter = false;
  let inClaim = false;
  for (let i = 0; i < parts.length; i += 2) {
    const { code, comment } = splitComment(parts[i]);
    const body = tidy(code);
    if (!body && !comment) {
      parts[i] = "";
      continue;
    }
    let indent = "";
    if (HEADER.test(body)) {
      inEncounter = true;
      inClaim = false;
    } else if (hasHeaders && inEncounter && !FILE_LEVEL.test(body)) {
      indent = body && CODE_START.test(body) && inClaim ? "        " : "  ";
    }
    if (body) inClaim = CLAIM.test(body) || (inClaim && CODE_START.test(body));
    parts[i] = indent + [body, comment].filter(Boolean).join(" ");
  }
  return parts.join("");
}

/** The line's code and its `#` comment (a `#` inside a quoted name is not a comment). */
function splitComment(line: string): { code: string; comment: string } {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === "#" && !quoted) return { code: line.slice(0, i), comment: line.slice(i).trimEnd() };
  }
  return { code: line, comment: "" };
}

/** One space between words and after commas, none before commas; quoted names untouched. */
function tidy(code: string): string {
  return code
    .split(/("[^"]*"?)/)
    .map((p, i) => (i % 2 ? p : p.replace(/[ \t]+/g, " ").replace(/ ?, ?/g, ", ")))
    .join("")
    .trim()
    .replace(/, $/, ",");
}

/** The smallest single edit turning `a` into `b`. */
export function minimalEdit(a: string, b: string): TextEdit | undefined {
  if (a === b) return undefined;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return { start, end: a.length - end, newText: b.slice(start, b.length - end) };
}
