import { ruleTests } from "./harness.js";

ruleTests(
  "modifier-inappropriate",
  [{ name: "96409-59 beside a chemo infusion with no second site", text: "setting hopd\ninfuse rituximab 700mg 60min\npush doxorubicin 60mg\nclaim 96413, 96409-59", at: "96409-59", message: /second initial service/, fixed: "setting hopd\ninfuse rituximab 700mg 60min\npush doxorubicin 60mg\nclaim 96413, 96411" }],
  [{ name: "second initial with XS at a documented second site", text: "setting hopd\ninfuse rituximab 700mg 60min\npush ondansetron 8mg site 2\nclaim 96413, 96374-XS" }],
);
