// Text from a file (drug names, encounter names, paths) can hold any character. XML 1.0 cannot
// carry most control characters at all, and a terminal obeys escape sequences (ESC [2J clears
// the screen), so writers pass such text through these before it leaves the tool.

// Characters XML 1.0 does not allow (§2.2), including lone surrogates.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const visible = (c: string) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}}`;

/** Escaped for XML text and attributes; characters XML cannot carry are written as \u{..}. */
export function xmlText(s: string): string {
  return s.replace(NOT_XML, visible).replace(/[<>&"'\t\n\r]/g, (c) => XML_ENTITY[c]);
}
const XML_ENTITY: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;" };

// C0 controls but tab and newline, DEL, C1 controls (8-bit CSI), and bidirectional overrides.
const NOT_TERMINAL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Safe to print on a terminal: control characters are shown as \u{..}, a CR before LF is dropped. */
export function terminalText(s: string): string {
  return s.replace(/\r\n/g, "\n").replace(NOT_TERMINAL, visible);
}
