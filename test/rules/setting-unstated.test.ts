import { ruleTests } from "./harness.js";

ruleTests(
  "setting-unstated",
  [
    { name: "a repeat push 2 h later: 96376 only in a facility", text: "push methylprednisolone 125mg at 09:00\npush methylprednisolone 125mg at 11:00", message: /in a facility this repeat push of methylprednisolone .* is 96376; in an office it is not reportable/ },
    { name: "primary and the hierarchy disagree", text: "primary ondansetron\npush ondansetron 8mg\ninfuse ferric carboxymaltose 750mg 30min", message: /as an office visit the initial service is the ondansetron/ },
    { name: "Medicare G0498 assumes a clinic", text: "payer medicare\npump fluorouracil 2400mg 46h", message: /G0498 assumes office or hopd/ },
  ],
  [
    { name: "setting stated", text: "setting hopd\npush methylprednisolone 125mg at 09:00\npush methylprednisolone 125mg at 11:00" },
    { name: "nothing depends on the setting", text: "push ondansetron 8mg\ninfuse rituximab 700mg 90min" },
  ],
);
