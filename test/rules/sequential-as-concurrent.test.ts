import { ruleTests } from "./harness.js";

ruleTests(
  "sequential-as-concurrent",
  [
    { name: "96368 for an infusion given after another", text: "infuse rituximab 700mg 09:00-10:00\ninfuse ondansetron 8mg 10:00-10:30\nclaim 96413, 96368", at: "96368", fixed: "infuse rituximab 700mg 09:00-10:00\ninfuse ondansetron 8mg 10:00-10:30\nclaim 96413, 96367" },
    { name: "listed one after the other without times", text: "infuse ferric carboxymaltose 750mg 30min\ninfuse ondansetron 8mg 30min\nclaim 96365, 96368", at: "96368" },
  ],
  [{ name: "96368 for a concurrent infusion", text: "infuse oxaliplatin 85mg 120min\ninfuse leucovorin 400mg 120min with oxaliplatin\nclaim 96413, 96415, 96368" }],
);
