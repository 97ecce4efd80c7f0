import { ruleTests } from "./harness.js";

ruleTests(
  "unknown-code",
  [
    { name: "96363 does not exist", text: "push ondansetron 8mg\nclaim 96374, 96363", at: "96363", message: /does not exist/, fixed: null },
    { name: "96378 does not exist", text: "push ondansetron 8mg\nclaim 96374, 96378", at: "96378" },
    { name: "an undefined number in the administration range", text: "push ondansetron 8mg\nclaim 96374, 96380", at: "96380", message: /not a drug administration code/ },
  ],
  [
    { name: "a declared drug's code is known", text: "drug mitomycin chemo hcpcs J9280 per 5mg\npush mitomycin 10mg\nclaim 96409, J9280 x2" },
    { name: "G0498 is known", text: "payer medicare\nsetting office\npump fluorouracil 2400mg 46h\nclaim G0498" },
    { name: "well-formed codes outside the catalogue are unchecked, not unknown", text: "push ondansetron 8mg\nclaim 96374, 85025, 99499, 0591T, 3074F, 0001U, J9999" },
    { name: "E/M visits and 36591 are catalogued", text: "visit 99213\npush ondansetron 8mg\nclaim 99213-25, 96374, 36591" },
  ],
);
