import { ruleTests } from "./harness.js";

ruleTests(
  "undocumented-timing",
  [
    { name: "an infusion with no duration and no times is coded as a push", text: "infuse rituximab 700mg\nclaim 96409", at: "infuse rituximab 700mg", message: /coded as a push/, fixed: null },
    { name: "hydration with no duration", text: "hydrate NS 1000mL", at: "hydrate NS 1000mL" },
  ],
  [
    { name: "an infusion with a duration", text: "infuse rituximab 700mg 90min" },
    { name: "an infusion with times", text: "infuse rituximab 700mg 09:00-10:30" },
    { name: "a push needs no duration", text: "push ondansetron 8mg" },
  ],
);
