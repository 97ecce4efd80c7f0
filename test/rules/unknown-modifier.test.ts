import { ruleTests } from "./harness.js";

ruleTests(
  "unknown-modifier",
  [
    { name: "a typo on an administration code", text: "push ondansetron 4mg 2min\nclaim 96374-ZZ", at: "ZZ", message: /^ZZ on 96374 is not a modifier this tool knows/, fixed: null },
    { name: "on a visit line", text: "visit 99213\nclaim 99213-52", at: "52" },
  ],
  [
    { name: "known modifiers", text: "setting office\nvisit 99213\npush ondansetron 4mg 2min\nclaim 99213-25, 96374-GA, 85025-91" },
    { name: "NCCI anatomic modifiers are known", text: "inject denosumab 60mg sc\nclaim 96372-RT" },
  ],
);
