import { ruleTests } from "./harness.js";

const on = { reportUnusedDisableDirectives: true };
const U = "push zolbetuximab 5min"; // unknown-drug on 'zolbetuximab'

ruleTests(
  "unused-directive",
  [
    {
      name: "a next-line directive with nothing to silence: the fix removes the whole comment line",
      text: "# encounter-lint-disable-next-line units\npush ondansetron 4mg",
      at: "# encounter-lint-disable-next-line units",
      message: /^This encounter-lint-disable-next-line comment silences nothing for 'units': no such finding on the next line\. Remove it so that it cannot hide a future finding\.$/,
      fixed: "push ondansetron 4mg",
      options: on,
    },
    {
      name: "a trailing comment: the fix removes the comment and the spaces before it",
      text: "push ondansetron 4mg   # encounter-lint-disable-next-line units\npush famotidine 20mg",
      fixed: "push ondansetron 4mg\npush famotidine 20mg",
      options: on,
    },
    {
      name: "one of two rules is stale: the fix keeps the one that silenced something",
      text: `# encounter-lint-disable-next-line units, unknown-drug -- new drug\n${U}`,
      message: /silences nothing for 'units'/,
      fixed: `# encounter-lint-disable-next-line unknown-drug -- new drug\n${U}`,
      options: on,
    },
    {
      name: "a block that silences nothing, up to its enable",
      text: `# encounter-lint-disable unknown-drug\npush ondansetron 4mg\n# encounter-lint-enable unknown-drug\n${U}`,
      at: "# encounter-lint-disable unknown-drug",
      message: /no such finding below it/,
      options: on,
    },
    {
      name: "an enable that closes nothing",
      text: "push ondansetron 4mg\n# encounter-lint-enable units",
      at: "# encounter-lint-enable units",
      message: /^This encounter-lint-enable for 'units' follows no encounter-lint-disable of that rule: it changes nothing\.$/,
      fixed: "push ondansetron 4mg\n",
      options: on,
    },
    {
      name: "a next-line directive on the last line",
      text: "push ondansetron 4mg\n# encounter-lint-disable-next-line unknown-drug",
      options: on,
    },
  ],
  [
    { name: "off unless asked", text: "# encounter-lint-disable-next-line units\npush ondansetron 4mg" },
    { name: "a directive that silenced its finding", text: `# encounter-lint-disable-next-line unknown-drug\n${U}`, options: on },
    { name: "a block and its enable, both used", text: `# encounter-lint-disable unknown-drug\n${U}\n# encounter-lint-enable unknown-drug`, options: on },
    { name: "a bad directive is bad, not unused", text: "# encounter-lint-disable-next-line bogus\npush ondansetron 4mg", options: on },
  ],
);
