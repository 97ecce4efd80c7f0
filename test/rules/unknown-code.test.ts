import { ruleTests } from "./harness.js";

ruleTests(
  "unknown-code",
  [
    { name: "96363 does not exist", text: "push ondansetron 8mg\nclaim 96374, 96363", at: "96363", message: /does not exist/, fixed: null },
    { name: "96378 does not exist", text: "push ondansetron 8mg\nclaim 96374, 96378", at: "96378" },
    { name: "a HCPCS code the drug table does not know", text: "push ondansetron 8mg\nclaim 96374, J9999", at: "J9999", message: /declare it/ },
    { name: "a code outside the family", text: "push ondansetron 8mg\nclaim 96374, 99213", at: "99213", message: /outside the drug administration family/ },
  ],
  [
    { name: "a declared drug's code is known", text: "drug mitomycin chemo hcpcs J9280 per 5mg\npush mitomycin 10mg\nclaim 96409, J9280 x2" },
    { name: "G0498 is known", text: "payer medicare\nsetting office\npump fluorouracil 2400mg 46h\nclaim G0498" },
  ],
);
