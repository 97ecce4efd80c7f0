// Tokens as LSP sends them, for tests: five numbers a token, each placed from the token before.
export function lspNumbers(tokens: readonly { line: number; character: number; length: number; type: number }[]): number[] {
  const out: number[] = [];
  let line = 0;
  let character = 0;
  for (const t of tokens) {
    out.push(t.line - line, t.line === line ? t.character - character : t.character, t.length, t.type, 0);
    line = t.line;
    character = t.character;
  }
  return out;
}
