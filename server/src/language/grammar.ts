// The grammar of one statement as a chevrotain parser that only recognises (LANGUAGE.md §2-3).
// parser.ts reads statements by hand and asks this grammar only for a line it cannot read, so
// that the syntax message names what the grammar expected there. Building it (chevrotain's
// grammar recording and lookahead analysis, about 30 ms) is thus paid only by a process that
// meets a syntax error (issue 11). Every decision of the grammar looks one token ahead, as the
// hand-written reader does; `test/language/grammar.test.ts` checks that both accept the same lines.
import { EmbeddedActionsParser, type IToken, type TokenType, type IParserErrorMessageProvider } from "chevrotain";
import * as T from "./tokens.js";

/**
 * The Node bundles (esbuild.mjs) skip chevrotain's validations of the grammar; the tests, built
 * from source, run them. Anywhere else (a browser build has no `process`) they run.
 */
const SKIP_GRAMMAR_CHECKS = typeof process !== "undefined" && process.env.ENCOUNTER_GRAMMAR_CHECKS === "off";

function describe(tokens: TokenType[]): string {
  const labels = [...new Set(tokens.map((t) => t.LABEL ?? t.name))];
  if (labels.length <= 1) return labels[0] ?? "nothing";
  return `${labels.slice(0, -1).join(", ")} or ${labels[labels.length - 1]}`;
}
const found = (tok: IToken) => (tok.tokenType.name === "EOF" ? "the end of the line" : `'${tok.image}'`);

const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual }) => `expected ${describe([expected])} but found ${found(actual)}`,
  buildNotAllInputParsedMessage: ({ firstRedundant }) => `${found(firstRedundant)} is not understood here`,
  buildNoViableAltMessage: ({ expectedPathsPerAlt, actual }) =>
    `expected ${describe(expectedPathsPerAlt.flat().map((p) => p[0]))} but found ${found(actual[0])}`,
  buildEarlyExitMessage: ({ expectedIterationPaths, actual }) =>
    `expected ${describe(expectedIterationPaths.map((p) => p[0]))} but found ${found(actual[0])}`,
};

/** The rules a statement starts with (parser.ts picks one by the statement's first token). */
export type EntryRule = "encounterHeader" | "field" | "administration" | "refill" | "port" | "visit" | "claim" | "continuation" | "drugDecl";

class StatementGrammar extends EmbeddedActionsParser {
  constructor() {
    super(T.allTokens, { recoveryEnabled: false, maxLookahead: 2, errorMessageProvider: messages, skipValidations: SKIP_GRAMMAR_CHECKS });
    this.performSelfAnalysis();
  }

  private readonly nameWordAlts = [
    { ALT: () => this.CONSUME(T.Identifier) },
    { ALT: () => this.CONSUME(T.NumberLit) },
    { ALT: () => this.CONSUME(T.DateLit) },
    { ALT: () => this.CONSUME(T.Code) },
  ];
  private readonly headerNameAlts = [
    { ALT: () => this.CONSUME(T.StringLit) },
    { ALT: () => this.AT_LEAST_ONE(() => this.OR2(this.nameWordAlts)) },
  ];

  encounterHeader = this.RULE("encounterHeader", () => {
    this.CONSUME(T.Encounter);
    this.OPTION(() => this.OR(this.headerNameAlts));
    this.MANY(() => this.SUBRULE(this.field));
  });

  private readonly fieldAlts = [
    { ALT: () => (this.CONSUME(T.Setting), this.CONSUME(T.Identifier)) },
    { ALT: () => (this.CONSUME(T.Pos), this.CONSUME(T.NumberLit)) },
    { ALT: () => (this.CONSUME(T.Payer), this.SUBRULE(this.drugRef)) },
    { ALT: () => (this.CONSUME(T.Bsa), this.OR2([{ ALT: () => this.CONSUME(T.Area) }, { ALT: () => this.CONSUME2(T.NumberLit) }])) },
    { ALT: () => (this.CONSUME(T.Weight), this.CONSUME(T.Mass)) },
    { ALT: () => (this.CONSUME(T.DateKw), this.CONSUME(T.DateLit)) },
    { ALT: () => (this.CONSUME(T.Primary), this.SUBRULE2(this.drugRef)) },
  ];

  field = this.RULE("field", () => this.OR(this.fieldAlts));

  private readonly drugRefAlts = [{ ALT: () => this.CONSUME(T.StringLit) }, { ALT: () => this.AT_LEAST_ONE(() => this.CONSUME(T.Identifier)) }];

  private drugRef = this.RULE("drugRef", () => this.OR(this.drugRefAlts));

  private readonly verbAlts = [T.Push, T.Infuse, T.Hydrate, T.Inject, T.Pump, T.Oral].map((verb) => ({ ALT: () => this.CONSUME(verb) }));

  administration = this.RULE("administration", () => {
    this.OR(this.verbAlts);
    this.OPTION(() => this.SUBRULE(this.drugRef));
    this.MANY(() => this.SUBRULE(this.clause));
  });

  refill = this.RULE("refill", () => {
    this.CONSUME(T.Refill);
    this.OPTION(() => this.CONSUME(T.Implanted));
    this.CONSUME(T.Pump);
    this.OPTION2(() => this.SUBRULE(this.drugRef));
    this.MANY(() => this.SUBRULE(this.clause));
  });

  /** `flush port` and `draw port` (blood drawn from an implanted venous access device). */
  port = this.RULE("port", () => {
    this.OR([{ ALT: () => this.CONSUME(T.Flush) }, { ALT: () => this.CONSUME(T.Draw) }]);
    this.CONSUME(T.Port);
    this.MANY(() => this.SUBRULE(this.clause));
  });

  private readonly clauseAlts = [
    { ALT: () => this.CONSUME(T.Dose) },
    { ALT: () => this.CONSUME(T.Duration) },
    {
      // `+ DRUG [DOSE] [waste DOSE]`
      ALT: () => {
        this.CONSUME(T.Plus);
        this.SUBRULE2(this.drugRef);
        this.OPTION2(() => this.CONSUME2(T.Dose));
        this.OPTION3(() => (this.CONSUME(T.Waste), this.CONSUME3(T.Dose)));
      },
    },
    { ALT: () => (this.CONSUME2(T.Waste), this.CONSUME4(T.Dose)) },
    { ALT: () => (this.CONSUME(T.Time), this.OPTION(() => (this.CONSUME(T.Dash), this.CONSUME2(T.Time)))) },
    { ALT: () => (this.CONSUME(T.At), this.CONSUME3(T.Time)) },
    { ALT: () => (this.CONSUME(T.With), this.SUBRULE(this.drugRef)) },
    { ALT: () => (this.CONSUME(T.Site), this.CONSUME(T.NumberLit)) },
    { ALT: () => this.OR2(T.RouteTokens.map((tok) => ({ ALT: () => this.CONSUME(tok) }))) },
    { ALT: () => this.CONSUME(T.Implanted) },
  ];

  private clause = this.RULE("clause", () => this.OR(this.clauseAlts));

  visit = this.RULE("visit", () => {
    this.CONSUME(T.Visit);
    this.SUBRULE(this.code);
  });

  private code = this.RULE("code", () => this.CONSUME(T.Code));

  claim = this.RULE("claim", () => {
    this.CONSUME(T.Claim);
    this.OPTION(() => this.SUBRULE(this.items));
  });

  continuation = this.RULE("continuation", () => this.SUBRULE(this.items));

  private items = this.RULE("items", () => {
    this.SUBRULE(this.item);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.OPTION(() => this.SUBRULE2(this.item));
    });
  });

  private readonly modifierAlts = [
    { ALT: () => this.CONSUME(T.NumberLit) },
    { ALT: () => this.CONSUME(T.Identifier) },
    { ALT: () => this.CONSUME(T.At) },
  ];

  private item = this.RULE("item", () => {
    this.SUBRULE(this.code);
    this.MANY(() => (this.CONSUME(T.Dash), this.OR(this.modifierAlts)));
    this.OPTION(() => this.CONSUME(T.Units));
  });

  drugDecl = this.RULE("drugDecl", () => {
    this.CONSUME(T.Drug);
    this.OR([{ ALT: () => this.CONSUME(T.StringLit) }, { ALT: () => this.CONSUME(T.Identifier) }]);
    this.CONSUME2(T.Identifier);
    this.OPTION(() => {
      this.CONSUME(T.Hcpcs);
      this.CONSUME(T.Code);
      this.OPTION2(() => (this.CONSUME(T.Per), this.CONSUME(T.Dose)));
    });
  });
}

let instance: StatementGrammar | undefined;

/** What the grammar says is wrong with a statement's tokens (nothing when it accepts them). */
export function syntaxErrors(tokens: IToken[], entry: EntryRule): { message: string; token: IToken }[] {
  const grammar = (instance ??= new StatementGrammar());
  grammar.input = tokens;
  grammar[entry]();
  return grammar.errors.map((e) => ({ message: e.message, token: e.token }));
}
