import { ruleTests } from "./harness.js";

ruleTests(
  "modifier-not-needed",
  [
    { name: "96375-59 in its ordinary sequence", text: "push ondansetron 8mg\npush dexamethasone 12mg\nclaim 96374, 96375-59", at: "59", fixed: "push ondansetron 8mg\npush dexamethasone 12mg\nclaim 96374, 96375" },
    { name: "XU on the only initial code", text: "push ondansetron 8mg\nclaim 96374-XU", at: "XU", fixed: "push ondansetron 8mg\nclaim 96374" },
    { name: "JW on an administration code", text: "push ondansetron 8mg\nclaim 96374-JW", at: "JW" },
  ],
  [
    { name: "XS on a documented second site", text: "setting hopd\ninfuse ondansetron 8mg 30min\ninfuse ferric carboxymaltose 750mg 30min site 2\nclaim 96365, 96365-XS" },
    { name: "JZ on a drug line", text: "push doxorubicin 60mg\nclaim 96409, J9000-JZ x6" },
  ],
);
