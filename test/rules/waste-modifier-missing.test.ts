import { ruleTests } from "./harness.js";

const HOPD = "payer medicare\nsetting hopd\ndate 2026-03-02\n";
const OFFICE = "payer medicare\nsetting office\ndate 2026-03-02\n";

ruleTests(
  "waste-modifier-missing",
  [
    { name: "waste documented, no JW line (worked example)", text: `${HOPD}infuse rituximab 700mg waste 50mg 240min\nclaim 96413, 96415 x3, J9312 x70`, at: "J9312 x70", message: /neither JW nor JZ, .* waste 50mg is documented: .* J9312-JW x5 .*JW units = ceil\(\(700 \+ 50\) ÷ 10 mg\) − ceil\(700 ÷ 10 mg\) = 75 − 70 = 5/, fixed: `${HOPD}infuse rituximab 700mg waste 50mg 240min\nclaim 96413, 96415 x3, J9312 x70, J9312-JW x5` },
    { name: "no waste documented: JZ", text: `${HOPD}infuse rituximab 700mg 240min\nclaim 96413, 96415 x3, J9312 x70`, at: "J9312 x70", message: /Bill J9312-JZ x70/, fixed: `${HOPD}infuse rituximab 700mg 240min\nclaim 96413, 96415 x3, J9312-JZ x70` },
    { name: "waste 0 in an office: JZ", text: `${OFFICE}infuse Truxima 500mg waste 0mg 180min\nclaim 96413, 96415 x2, Q5115 x50`, fixed: `${OFFICE}infuse Truxima 500mg waste 0mg 180min\nclaim 96413, 96415 x2, Q5115-JZ x50` },
    { name: "waste that fits in the units billed: JZ", text: `${HOPD}infuse rituximab 695mg waste 5mg 240min\nclaim 96413, 96415 x3, J9312 x70`, message: /JW units = ceil\(\(695 \+ 5\) ÷ 10 mg\) − ceil\(695 ÷ 10 mg\) = 70 − 70 = 0, so the discarded amount fits/, fixed: `${HOPD}infuse rituximab 695mg waste 5mg 240min\nclaim 96413, 96415 x3, J9312-JZ x70` },
    { name: "no date follows the newest rules", text: "payer medicare\nsetting office\ninfuse rituximab 700mg waste 0mg 240min\nclaim 96413, 96415 x3, J9312 x70", fixed: "payer medicare\nsetting office\ninfuse rituximab 700mg waste 0mg 240min\nclaim 96413, 96415 x3, J9312-JZ x70" },
    { name: "an added drug's own waste", text: `${OFFICE}infuse normal-saline 250mL + rituximab 700mg waste 50mg 240min\nclaim 96413, 96415 x3, J9312 x70`, fixed: `${OFFICE}infuse normal-saline 250mL + rituximab 700mg waste 50mg 240min\nclaim 96413, 96415 x3, J9312 x70, J9312-JW x5` },
  ],
  [
    { name: "JW line present", text: `${HOPD}infuse rituximab 700mg waste 50mg 240min\nclaim 96413, 96415 x3, J9312 x70, J9312-JW x5` },
    { name: "JZ present", text: `${HOPD}infuse rituximab 700mg waste 0mg 240min\nclaim 96413, 96415 x3, J9312-JZ x70` },
    { name: "another payer requires nothing", text: "payer aetna\nsetting hopd\ndate 2026-03-02\ninfuse rituximab 700mg waste 50mg 240min\nclaim 96413, 96415 x3, J9312 x70" },
    { name: "hopd: a packaged drug (status N) needs neither", text: `${HOPD}infuse magnesium-sulfate 2g 60min\nclaim 96365, J3475 x4` },
    { name: "mixed container (Herceptin J9355): nothing required", text: `${OFFICE}infuse trastuzumab 300mg 90min\nclaim 96413, J9355 x30` },
    { name: "before JZ's start date no JZ is required on a line without waste", text: "payer medicare\nsetting office\ndate 2023-03-01\ninfuse rituximab 700mg waste 0mg 240min\nclaim 96413, 96415 x3, J9312 x70" },
    { name: "before JW's start date nothing is required", text: "payer medicare\nsetting office\ndate 2016-06-01\ninfuse rituximab 700mg waste 50mg 240min\nclaim 96413, 96415 x3, J9312 x70" },
  ],
);
