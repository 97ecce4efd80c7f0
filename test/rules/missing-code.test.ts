import { ruleTests } from "./harness.js";

ruleTests(
  "missing-code",
  [
    { name: "an add-on hour left off", text: "infuse rituximab 700mg 240min\nclaim 96413", at: "claim", message: /96415 x3 is missing/, fixed: "infuse rituximab 700mg 240min\nclaim 96413, 96415 x3" },
    { name: "an empty claim means nothing was billed", text: "push ondansetron 8mg\nclaim", at: "claim", fixed: "push ondansetron 8mg\nclaim 96374" },
    { name: "a drug line left off when the claim lists drug lines", text: "push doxorubicin 60mg\npush vincristine 2mg\nclaim 96409, 96411, J9000 x6", message: /J9370 x2 \(vincristine\) is missing/, fixed: "push doxorubicin 60mg\npush vincristine 2mg\nclaim 96409, 96411, J9000 x6, J9370 x2" },
    { name: "fewer units of a per-drug add-on", text: "push doxorubicin 60mg\npush vincristine 2mg\npush cyclophosphamide 1000mg\nclaim 96409, 96411", at: "96411", fixed: "push doxorubicin 60mg\npush vincristine 2mg\npush cyclophosphamide 1000mg\nclaim 96409, 96411 x2" },
  ],
  [
    { name: "drug lines are not required when the claim lists none", text: "push doxorubicin 60mg\nclaim 96409" },
    { name: "an encounter without a claim is not checked", text: "push doxorubicin 60mg" },
  ],
);
