import { ruleTests } from "./harness.js";

ruleTests(
  "facility-only",
  [
    { name: "96376 in an office (worked example: office gets 96374 only)", text: "setting office\npush methylprednisolone 125mg at 09:00\npush methylprednisolone 125mg at 11:00\nclaim 96374, 96376", at: "96376", message: /facilities only; this is an office encounter/, fixed: "setting office\npush methylprednisolone 125mg at 09:00\npush methylprednisolone 125mg at 11:00\nclaim 96374" },
    { name: "pos 11 is an office", text: "pos 11\npush ondansetron 4mg at 09:00\npush ondansetron 4mg at 10:00\nclaim 96374, 96376", at: "96376" },
  ],
  [
    { name: "96376 in a facility 2 h later", text: "setting hopd\npush methylprednisolone 125mg at 09:00\npush methylprednisolone 125mg at 11:00\nclaim 96374, 96376" },
    { name: "pos 19 is a facility", text: "pos 19\npush ondansetron 4mg at 09:00\npush ondansetron 4mg at 10:00\nclaim 96374, 96376" },
  ],
);
