import { ruleTests } from "./harness.js";

ruleTests(
  "addon-without-primary",
  [
    { name: "96411 alone for one chemo push (worked example)", text: "push doxorubicin 60mg\nclaim 96411", at: "96411", message: /none of its primary codes \(96409, 96413\)/, fixed: "push doxorubicin 60mg\nclaim 96409" },
    { name: "96375 without its initial push", text: "push ondansetron 8mg\npush dexamethasone 12mg\nclaim 96375", at: "96375", fixed: "push ondansetron 8mg\npush dexamethasone 12mg\nclaim 96374, 96375" },
    { name: "96415 without 96413", text: "infuse rituximab 700mg 150min\nclaim 96415", at: "96415" },
  ],
  [
    { name: "add-on with its primary", text: "push doxorubicin 60mg\npush vincristine 2mg\nclaim 96409, 96411" },
    { name: "secondary hydration after a chemo push", text: "push doxorubicin 60mg\nhydrate 60min\nclaim 96409, 96361" },
  ],
);
