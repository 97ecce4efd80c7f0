import { ruleTests } from "./harness.js";

ruleTests(
  "infusion-as-hydration",
  [{ name: "magnesium sulfate infusion (a drug, not hydration) coded 96360", text: "infuse \"magnesium sulfate\" 2g 60min\nclaim 96360", at: "96360", fixed: "infuse \"magnesium sulfate\" 2g 60min\nclaim 96365" }],
  [{ name: "magnesium sulfate coded 96365", text: "infuse \"magnesium sulfate\" 2g 60min\nclaim 96365" }],
);
