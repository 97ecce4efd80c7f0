import { ruleTests } from "./harness.js";

const HOPD = "payer medicare\nsetting hopd\ndate 2026-03-02\n";

ruleTests(
  "waste-undocumented",
  [
    { name: "JZ derived with no waste clause (worked example)", text: `${HOPD}infuse rituximab 700mg 240min\nclaim 96413, 96415 x3, J9312-JZ x70`, at: "infuse rituximab 700mg 240min", message: /J9312-JZ is derived for rituximab, but no waste is documented/, fixed: null },
  ],
  [
    { name: "waste 0 documented", text: `${HOPD}infuse rituximab 700mg waste 0mg 240min\nclaim 96413, 96415 x3, J9312-JZ x70` },
    { name: "waste documented", text: `${HOPD}infuse rituximab 700mg waste 50mg 240min` },
    { name: "no payer rule: no JZ derived", text: "setting hopd\ninfuse rituximab 700mg 240min" },
    { name: "packaged drug in hopd", text: `${HOPD}infuse magnesium-sulfate 2g 60min` },
  ],
);
