// A small XML 1.0 well-formedness check, enough for the JUnit report: allowed characters, one
// root, tags nested and closed, attributes quoted and unique, only the five named entities and
// character references (to allowed characters). Returns the first problem, or undefined.
const NAME = "[A-Za-z_:][A-Za-z0-9_:.-]*";
const CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const TOKEN = new RegExp(`<\\?xml[^?]*\\?>|<!--[\\s\\S]*?-->|<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>|<|[^<]+`, "gy");
const ATTR = new RegExp(`(${NAME})\\s*=`, "g");

function badReference(text: string): string | undefined {
  for (const m of text.matchAll(/&([^;]*);?/g)) {
    const ref = m[1];
    if (!m[0].endsWith(";")) return `'&' not starting a reference: ${JSON.stringify(m[0].slice(0, 12))}`;
    if (["lt", "gt", "amp", "quot", "apos"].includes(ref)) continue;
    const n = /^#x([0-9a-fA-F]+)$/.exec(ref) ? parseInt(ref.slice(2), 16) : /^#(\d+)$/.test(ref) ? Number(ref.slice(1)) : NaN;
    if (!Number.isFinite(n) || n > 0x10ffff || !CHARS.test(String.fromCodePoint(n))) return `bad reference &${ref};`;
  }
  return undefined;
}

export function xmlProblem(xml: string): string | undefined {
  if (!CHARS.test(xml)) return "a character XML 1.0 does not allow";
  const open: string[] = [];
  let roots = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
    const [all, close, name, attrs, selfClose] = m;
    if (all === "<") return `a '<' that starts no tag at offset ${m.index}`;
    if (all.startsWith("<?xml")) {
      if (m.index !== 0) return "XML declaration not at the start";
      continue;
    }
    if (all.startsWith("<!--")) continue;
    if (name === undefined) {
      if (!open.length && all.trim()) return "text outside the root element";
      const bad = badReference(all);
      if (bad) return bad;
      continue;
    }
    if (close) {
      if (open.pop() !== name) return `</${name}> closes the wrong element`;
      continue;
    }
    const names = [...attrs.matchAll(ATTR)].map((a) => a[1]);
    if (new Set(names).size !== names.length) return `<${name}> repeats an attribute`;
    const bad = badReference(attrs);
    if (bad) return bad;
    if (!open.length && ++roots > 1) return "more than one root element";
    if (!selfClose) open.push(name);
  }
  if (open.length) return `<${open[open.length - 1]}> is never closed`;
  if (!roots) return "no root element";
  return undefined;
}
