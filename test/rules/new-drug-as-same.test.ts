import { ruleTests } from "./harness.js";

ruleTests(
  "new-drug-as-same",
  [{ name: "96376 for a push of a different drug", text: "setting hopd\npush methylprednisolone 125mg\npush diphenhydramine 50mg\nclaim 96374, 96376", at: "96376", fixed: "setting hopd\npush methylprednisolone 125mg\npush diphenhydramine 50mg\nclaim 96374, 96375" }],
  [{ name: "96376 for the same drug 2 h later (facility)", text: "setting hopd\npush methylprednisolone 125mg at 09:00\npush methylprednisolone 125mg at 11:00\nclaim 96374, 96376" }],
);
