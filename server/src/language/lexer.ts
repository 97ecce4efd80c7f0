// One lexer per process (chevrotain performance guide): building it analyses every pattern.
import { Lexer, type ILexingResult } from "chevrotain";
import { allTokens, Identifier, KEYWORD_BY_WORD } from "./tokens.js";

/**
 * The Node bundles (esbuild.mjs) skip chevrotain's validations of the grammar and the token
 * patterns at start-up; the tests, built from source, run them. Anywhere else (a browser build
 * has no `process`) they run.
 */
export const SKIP_GRAMMAR_CHECKS = typeof process !== "undefined" && process.env.ENCOUNTER_GRAMMAR_CHECKS === "off";

let instance: Lexer | undefined;

export function tokenize(text: string): ILexingResult {
  instance ??= new Lexer(allTokens, { positionTracking: "onlyOffset", ensureOptimizations: true, skipValidations: SKIP_GRAMMAR_CHECKS });
  const result = instance.tokenize(text);
  // An indexed loop: a file's tokens are read once, mostly before the function is optimised,
  // and for-of costs an iterator step per token there (issue 11).
  const tokens = result.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (tok.tokenType !== Identifier) continue;
    const kw = KEYWORD_BY_WORD.get(tok.image.toLowerCase());
    if (kw) {
      tok.tokenType = kw;
      tok.tokenTypeIdx = kw.tokenTypeIdx!;
    }
  }
  return result;
}
