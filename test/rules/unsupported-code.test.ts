import { ruleTests } from "./harness.js";

ruleTests(
  "unsupported-code",
  [
    { name: "an infusion code with nothing documented", text: "push ondansetron 8mg\nclaim 96374, 96365", at: "96365", fixed: "push ondansetron 8mg\nclaim 96374" },
    { name: "96411 x3 when only two more chemo drugs were pushed", text: "push doxorubicin 60mg\npush vincristine 2mg\npush cyclophosphamide 1000mg\nclaim 96409, 96411 x3", at: "96411 x3", message: /supports? 96411 ×2/, fixed: "push doxorubicin 60mg\npush vincristine 2mg\npush cyclophosphamide 1000mg\nclaim 96409, 96411 x2" },
    { name: "a drug line for a drug that was not given", text: "push ondansetron 8mg\nclaim 96374, J9000 x6", at: "J9000 x6", message: /no doxorubicin administration is documented/, fixed: "push ondansetron 8mg\nclaim 96374" },
    { name: "a pump refill code with no refill documented", text: "push ondansetron 8mg\nclaim 96374\n  96521", at: "96521", fixed: "push ondansetron 8mg\nclaim 96374\n" },
  ],
  [{ name: "every line supported", text: "push doxorubicin 60mg\npush vincristine 2mg\nclaim 96409, 96411, J9000 x6, J9370 x2" }],
);
