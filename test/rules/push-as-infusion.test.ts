import { ruleTests } from "./harness.js";

ruleTests(
  "push-as-infusion",
  [
    { name: "15 minutes coded 96365", text: "infuse ondansetron 8mg 15min\nclaim 96365", at: "96365", message: /lasted 15 min: an infusion of 15 minutes or less is a push.*96374/, fixed: "infuse ondansetron 8mg 15min\nclaim 96374" },
    { name: "a push of 40 min coded 96365", text: "push dexamethasone 10mg 40min\nclaim 96365", at: "96365", message: /dexamethasone is documented as an IV push \(40 min\): a push is coded as a push whatever its length.*96374/, fixed: "push dexamethasone 10mg 40min\nclaim 96374" },
    { name: "infusion without timing coded 96413", text: "infuse doxorubicin 60mg\nclaim 96413", at: "96413", message: /no documented infusion time/, fixed: "infuse doxorubicin 60mg\nclaim 96409" },
  ],
  [
    { name: "16 minutes coded 96365", text: "infuse ondansetron 8mg 16min\nclaim 96365" },
    { name: "push coded 96374", text: "push ondansetron 8mg 3min\nclaim 96374" },
  ],
);
