import { ruleTests } from "./harness.js";

ruleTests(
  "duplicate-initial",
  [
    { name: "96409 x2 for two chemo pushes (worked example)", text: "push doxorubicin 60mg\npush vincristine 2mg\nclaim 96409 x2", at: "96409 x2", message: /only one initial service/, fixed: "push doxorubicin 60mg\npush vincristine 2mg\nclaim 96409, 96411" },
    { name: "96374 twice for two different pushes", text: "push ondansetron 8mg\npush dexamethasone 12mg\nclaim 96374, 96374", fixed: "push ondansetron 8mg\npush dexamethasone 12mg\nclaim 96374, 96375" },
    { name: "96413 x2 for one infusion", text: "infuse rituximab 700mg 60min\nclaim 96413 x2", fixed: "infuse rituximab 700mg 60min\nclaim 96413" },
  ],
  [
    { name: "a second initial with XS at a documented second site", text: "setting hopd\ninfuse ondansetron 8mg 30min\ninfuse ferric carboxymaltose 750mg 30min site 2\nclaim 96365, 96365-XS" },
    { name: "one initial and its add-ons", text: "push doxorubicin 60mg\npush vincristine 2mg\nclaim 96409, 96411" },
  ],
);
