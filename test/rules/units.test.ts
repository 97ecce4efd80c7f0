import { ruleTests } from "./harness.js";

const rchop = "setting hopd\ninfuse rituximab 700mg 240min\npush cyclophosphamide 1400mg 5min\npush doxorubicin 95mg 5min\npush vincristine 2mg 2min\n";
ruleTests(
  "units",
  [
    { name: "an oral drug beside the infusion does not take over (issue 10)", text: "setting hopd\ninfuse rituximab 700mg 255min\noral acetaminophen 650mg\nclaim 96413, 96415 x4", at: "96415 x4", message: /96415 ×4 is claimed, but the chart supports ×3: 255 min of rituximab/, fixed: "setting hopd\ninfuse rituximab 700mg 255min\noral acetaminophen 650mg\nclaim 96413, 96415 x3" },
    { name: "oral prednisone does not take over either", text: "setting hopd\ninfuse rituximab 700mg 255min\noral prednisone 100mg\nclaim 96413, 96415 x4", message: /supports ×3/ },
    { name: "the message adds up from every drug that earns hours", text: "setting hopd\ninfuse oxaliplatin 120mg 120min\ninfuse fluorouracil 500mg 120min\nclaim 96413, 96415, 96417", message: /supports ×2: ×1 from 120 min \(2 h\) of oxaliplatin: .*; ×1 from 120 min \(2 h\) of fluorouracil: / },
    { name: "96415 x2 for a 240-minute infusion", text: `${rchop}claim 96413, 96415 x2, 96411 x3`, at: "96415 x2", message: /96415 ×2 is claimed, but the chart supports ×3/, fixed: `${rchop}claim 96413, 96415 x3, 96411 x3` },
    { name: "96415 x4 for a 240-minute infusion", text: `${rchop}claim 96413, 96415 x4, 96411 x3`, at: "96415 x4", fixed: `${rchop}claim 96413, 96415 x3, 96411 x3` },
    { name: "90 minutes earns no additional hour", text: "infuse rituximab 700mg 90min\nclaim 96413, 96415", at: "96415", fixed: "infuse rituximab 700mg 90min\nclaim 96413" },
    { name: "96368 is once per encounter", text: "infuse oxaliplatin 85mg 120min\ninfuse leucovorin 400mg 120min with oxaliplatin\ninfuse ondansetron 8mg 30min with oxaliplatin\nclaim 96413, 96415, 96368 x2", at: "96368 x2", fixed: "infuse oxaliplatin 85mg 120min\ninfuse leucovorin 400mg 120min with oxaliplatin\ninfuse ondansetron 8mg 30min with oxaliplatin\nclaim 96413, 96415, 96368" },
    { name: "secondary hydration 91 minutes is 96361 x2", text: "push methylprednisolone 125mg\nhydrate 91min\nclaim 96374, 96361", at: "96361", fixed: "push methylprednisolone 125mg\nhydrate 91min\nclaim 96374, 96361 x2" },
  ],
  [
    { name: "R-CHOP as derived (worked example)", text: `${rchop}claim 96413, 96415 x3, 96411 x3` },
    { name: "91 minutes earns one additional hour", text: "infuse rituximab 700mg 91min\nclaim 96413, 96415" },
    { name: "secondary hydration 90 minutes is 96361 x1", text: "push methylprednisolone 125mg\nhydrate 90min\nclaim 96374, 96361" },
  ],
);
