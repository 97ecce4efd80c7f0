import { ruleTests } from "./harness.js";

const folfox = "setting hopd\ninfuse oxaliplatin 85mg 120min\ninfuse leucovorin 400mg 120min with oxaliplatin\npush 5-FU 400mg 4min\npump 5-FU 2400mg 46h\n";
ruleTests(
  "concurrent-as-sequential",
  [
    { name: "FOLFOX leucovorin concurrent coded 96367 (seed page error)", text: `${folfox}claim 96413, 96415, 96367, 96411, 96416`, at: "96367", message: /ran at the same time.*96368/, fixed: `${folfox}claim 96413, 96415, 96368, 96411, 96416` },
    { name: "overlapping times make infusions concurrent", text: "infuse rituximab 700mg 09:00-11:00\ninfuse ondansetron 8mg 10:30-11:00\nclaim 96413, 96415, 96367", at: "96367" },
    { name: "96417 for a chemo infusion running alongside another", text: "infuse oxaliplatin 85mg 09:00-11:00\ninfuse irinotecan 180mg 09:30-11:00\nclaim 96413, 96415, 96417", at: "96417", message: /CPT has no concurrent chemo code/, fixed: "infuse oxaliplatin 85mg 09:00-11:00\ninfuse irinotecan 180mg 09:30-11:00\nclaim 96413, 96415" },
  ],
  [
    { name: "sequential infusions coded 96367", text: "infuse rituximab 700mg 09:00-10:00\ninfuse ondansetron 8mg 10:00-10:30\nclaim 96413, 96367" },
    { name: "correct FOLFOX", text: `${folfox}claim 96413, 96415, 96368, 96411, 96416` },
  ],
);
