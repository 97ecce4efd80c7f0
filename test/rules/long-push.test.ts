import { ruleTests } from "./harness.js";

ruleTests(
  "long-push",
  [
    { name: "a 20 min push, hopd (worked example)", text: "setting hopd\npush dexamethasone 10mg 20min\nclaim 96374", at: "20min", message: /dexamethasone push is documented at 20 min: .*continuously present/, fixed: null },
    { name: "16 minutes by clock times", text: "push ondansetron 4mg 09:00-09:16\nclaim 96374", at: "09:00-09:16", message: /16 min/ },
    { name: "a chemo push of 30 min", text: "push doxorubicin 60mg 30min\nclaim 96409", at: "30min" },
  ],
  [
    { name: "a push of exactly 15 minutes", text: "push ondansetron 4mg 15min\nclaim 96374" },
    { name: "a push with no duration", text: "push ondansetron 4mg\nclaim 96374" },
    { name: "an infusion of 20 minutes is not a push", text: "infuse ondansetron 4mg 20min\nclaim 96365" },
  ],
);
