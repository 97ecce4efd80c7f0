import { ruleTests } from "./harness.js";

ruleTests(
  "unknown-drug",
  [
    { name: "a drug not in the table", text: "encounter A\n  push zzzumab 10mg\n", at: "zzzumab", message: /treated as a therapeutic/, fixed: "drug zzzumab therapeutic\nencounter A\n  push zzzumab 10mg\n" },
    { name: "an unknown fluid under hydrate", text: "hydrate plasmalyte 60min", at: "plasmalyte", message: /hydration fluid/, fixed: "drug plasmalyte fluid\nhydrate plasmalyte 60min" },
    { name: "an administration that names no drug", text: "push 5min", at: "push" },
  ],
  [
    { name: "a brand name is known", text: "push Zofran 8mg" },
    { name: "a declared drug is known", text: "drug zzzumab chemo\npush zzzumab 10mg" },
  ],
);
