// One lexer per process (chevrotain performance guide): building it analyses every pattern.
import { Lexer, type ILexingResult } from "chevrotain";
import { allTokens, Identifier, KEYWORD_BY_WORD } from "./tokens.js";

let instance: Lexer | undefined;

export function tokenize(text: string): ILexingResult {
  // Validations of the token patterns run in the tests only (the bundles set the variable).
  instance ??= new Lexer(allTokens, { positionTracking: "onlyOffset", ensureOptimizations: true, skipValidations: process.env.ENCOUNTER_GRAMMAR_CHECKS === "off" });
  const result = instance.tokenize(text);
  for (const tok of result.tokens) {
    if (tok.tokenType !== Identifier) continue;
    const kw = KEYWORD_BY_WORD.get(tok.image.toLowerCase());
    if (kw) {
      tok.tokenType = kw;
      tok.tokenTypeIdx = kw.tokenTypeIdx!;
    }
  }
  return result;
}
