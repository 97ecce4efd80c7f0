import { ruleTests } from "./harness.js";

ruleTests(
  "wrong-initial",
  [
    { name: "96409 beside a chemo infusion (NCCI unbundling)", text: "setting hopd\ninfuse rituximab 700mg 90min\npush doxorubicin 60mg\nclaim 96413, 96409", at: "96409", message: /the initial service is 96413/, fixed: "setting hopd\ninfuse rituximab 700mg 90min\npush doxorubicin 60mg\nclaim 96413, 96411" },
    { name: "a push made initial when a non-chemo infusion ranks higher (facility)", text: "setting hopd\npush ondansetron 8mg\ninfuse ferric carboxymaltose 750mg 30min\nclaim 96374, 96367", at: "96374", fixed: "setting hopd\npush ondansetron 8mg\ninfuse ferric carboxymaltose 750mg 30min\nclaim 96375, 96367" },
    { name: "...and the sequential code that should be the initial", text: "setting hopd\npush ondansetron 8mg\ninfuse ferric carboxymaltose 750mg 30min\nclaim 96374, 96367", at: "96367", fixed: "setting hopd\npush ondansetron 8mg\ninfuse ferric carboxymaltose 750mg 30min\nclaim 96374, 96365" },
    { name: "hydration claimed as initial after a push (secondary hydration is 96361)", text: "push methylprednisolone 125mg\nhydrate 60min\nclaim 96374, 96360", at: "96360", fixed: "push methylprednisolone 125mg\nhydrate 60min\nclaim 96374, 96361" },
  ],
  [
    { name: "hierarchy respected", text: "setting hopd\npush ondansetron 8mg\ninfuse ferric carboxymaltose 750mg 30min\nclaim 96365, 96375" },
    { name: "office primary reason decides", text: "setting office\nprimary ondansetron\npush ondansetron 8mg\ninfuse ferric carboxymaltose 750mg 30min\nclaim 96374, 96367" },
  ],
);
