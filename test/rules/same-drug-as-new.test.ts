import { ruleTests } from "./harness.js";

ruleTests(
  "same-drug-as-new",
  [
    { name: "96375 for a repeat push 2 h later in a facility", text: "setting hopd\npush methylprednisolone 125mg at 09:00\npush methylprednisolone 125mg at 11:00\nclaim 96374, 96375", at: "96375", fixed: "setting hopd\npush methylprednisolone 125mg at 09:00\npush methylprednisolone 125mg at 11:00\nclaim 96374, 96376" },
    { name: "96375 for a repeat push in an office", text: "setting office\npush methylprednisolone 125mg at 09:00\npush methylprednisolone 125mg at 11:00\nclaim 96374, 96375", at: "96375", fixed: "setting office\npush methylprednisolone 125mg at 09:00\npush methylprednisolone 125mg at 11:00\nclaim 96374" },
  ],
  [{ name: "96375 for a different drug", text: "push methylprednisolone 125mg\npush diphenhydramine 50mg\nclaim 96374, 96375" }],
);
