import { ruleTests } from "./harness.js";

ruleTests(
  "non-chemo-as-chemo",
  [
    { name: "ondansetron push coded 96409 (worked example)", text: "push ondansetron 8mg\nclaim 96409", at: "96409", message: /ondansetron is not chemotherapy.*anti-emetic/, fixed: "push ondansetron 8mg\nclaim 96374" },
    { name: "leucovorin infusion coded 96413", text: "infuse leucovorin 400mg 120min\nclaim 96413, 96415", at: "96413", fixed: "infuse leucovorin 400mg 120min\nclaim 96365, 96415" },
    { name: "denosumab SC coded 96401", text: "inject denosumab 120mg sc\nclaim 96401", at: "96401", fixed: "inject denosumab 120mg sc\nclaim 96372" },
    { name: "premed push coded 96411 after a chemo infusion", text: "infuse rituximab 700mg 90min\npush diphenhydramine 50mg\nclaim 96413, 96411", at: "96411", fixed: "infuse rituximab 700mg 90min\npush diphenhydramine 50mg\nclaim 96413, 96375" },
  ],
  [
    { name: "ondansetron coded 96374", text: "push ondansetron 8mg\nclaim 96374" },
    { name: "chemo push coded 96409", text: "push doxorubicin 60mg\nclaim 96409" },
  ],
);
