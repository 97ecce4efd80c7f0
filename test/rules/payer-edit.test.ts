import { ruleTests } from "./harness.js";

ruleTests(
  "payer-edit",
  [
    { name: "Medicare pump start claimed 96416 where G0498 applies", text: "payer medicare\nsetting office\npump fluorouracil 2400mg 46h\nclaim 96416", at: "96416", message: /G0498/, fixed: "payer medicare\nsetting office\npump fluorouracil 2400mg 46h\nclaim G0498" },
    { name: "IBX: leuprolide drug line with a chemo administration code", text: "payer ibx\ninject leuprolide 7.5mg im\nclaim 96402, J1950 x2", at: "J1950 x2" },
  ],
  [
    { name: "commercial payer pump start 96416", text: "setting office\npump fluorouracil 2400mg 46h\nclaim 96416" },
    { name: "Medicare implanted pump keeps 96416", text: "payer medicare\nsetting office\npump fluorouracil 2400mg 46h implanted\nclaim 96416" },
  ],
);
