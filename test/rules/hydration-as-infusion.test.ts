import { ruleTests } from "./harness.js";

ruleTests(
  "hydration-as-infusion",
  [{ name: "hydration coded as a therapeutic infusion", text: "hydrate \"normal saline\" 1000mL 60min\nclaim 96365", at: "96365", fixed: "hydrate \"normal saline\" 1000mL 60min\nclaim 96360" }],
  [{ name: "hydration coded 96360", text: "hydrate \"normal saline\" 1000mL 60min\nclaim 96360" }],
);
