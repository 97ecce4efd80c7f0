// One lexer per process (chevrotain performance guide): building it analyses every pattern.
import { Lexer, type ILexingResult } from "chevrotain";
import { allTokens } from "./tokens.js";

let instance: Lexer | undefined;

export function tokenize(text: string): ILexingResult {
  instance ??= new Lexer(allTokens, { positionTracking: "onlyOffset", ensureOptimizations: true });
  return instance.tokenize(text);
}
