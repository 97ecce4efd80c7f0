import { ruleTests } from "./harness.js";

ruleTests(
  "payer-edit",
  [
    { name: "Medicare pump start claimed 96416 where G0498 applies", text: "payer medicare\nsetting office\npump fluorouracil 2400mg 46h\nclaim 96416", at: "96416", message: /G0498/, fixed: "payer medicare\nsetting office\npump fluorouracil 2400mg 46h\nclaim G0498" },
    { name: "IBX: leuprolide drug line with a chemo administration code", text: "payer ibx\ninject leuprolide 7.5mg im\nclaim 96402, J1950 x2", at: "J1950 x2" },
    { name: "IBX: the derived claim already carries 96372, so 96402 is the payer's edit with a fix", text: "payer ibx\nsetting office\ninject leuprolide 7.5mg im\nclaim 96402, J1950 x2", at: "96402", message: /96402 is CPT's code for the leuprolide injection, but Independence Blue Cross \(commercial\) expects 96372/, fixed: "payer ibx\nsetting office\ninject leuprolide 7.5mg im\nclaim 96372, J1950 x2" },
  ],
  [
    { name: "IBX: 96372 for leuprolide draws no payer edit", text: "payer ibx\nsetting office\ninject leuprolide 7.5mg im\nclaim 96372, J1950 x2" },
    { name: "IBX: fulvestrant (not on the list) keeps 96402", text: "payer ibx\nsetting office\ninject fulvestrant 500mg im\nclaim 96402" },
    { name: "another payer: leuprolide keeps CPT's 96402", text: "setting office\ninject leuprolide 7.5mg im\nclaim 96402, J1950 x2" },
    { name: "commercial payer pump start 96416", text: "setting office\npump fluorouracil 2400mg 46h\nclaim 96416" },
    { name: "Medicare implanted pump keeps 96416", text: "payer medicare\nsetting office\npump fluorouracil 2400mg 46h implanted\nclaim 96416" },
  ],
);
