import { ruleTests } from "./harness.js";

const U = "push zolbetuximab 5min"; // an unknown drug: unknown-drug on 'zolbetuximab'

ruleTests(
  "bad-directive",
  [
    { name: "no rule list", text: `# encounter-lint-disable-next-line\n${U}`, at: "# encounter-lint-disable-next-line", message: /^This encounter-lint-disable-next-line comment names no rule, so it silences nothing: name the rules you accept, e\.g\. # encounter-lint-disable-next-line units -- reason\.$/, fixed: null },
    { name: "only a reason", text: `# encounter-lint-disable -- accepted by the payer\n${U}`, at: "# encounter-lint-disable -- accepted by the payer", message: /names no rule/ },
    { name: "an unknown rule id, with the nearest known one", text: `# encounter-lint-disable-next-line unknown-drugs\n${U}`, at: "unknown-drugs", message: /^'unknown-drugs' \(did you mean 'unknown-drug'\?\) is not a rule id of encounter-lint, so this encounter-lint-disable-next-line comment silences nothing\.$/ },
    { name: "one unknown id among known ones", text: `# encounter-lint-disable-next-line unknown-drug, bogus\n${U}`, at: "bogus", message: /^'bogus' is not a rule id/ },
    { name: "syntax cannot be silenced", text: "# encounter-lint-disable-next-line syntax\npushh x", at: "syntax", message: /^'syntax' findings cannot be silenced: a line that does not parse is left out of the derivation until it is fixed; this comment silences nothing\.$/ },
    { name: "a bare enable", text: "# encounter-lint-enable\npush ondansetron 4mg", at: "# encounter-lint-enable", message: /names no rule/ },
  ],
  [
    { name: "known rule ids", text: `# encounter-lint-disable-next-line unknown-drug -- declared elsewhere\n${U}` },
    { name: "upper case ids", text: `# encounter-lint-disable UNKNOWN-DRUG\n${U}\n# encounter-lint-enable Unknown-Drug` },
    { name: "an ordinary comment", text: `# encounter-lint is run in CI\n${U}` },
  ],
);
