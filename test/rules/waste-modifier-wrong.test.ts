import { ruleTests } from "./harness.js";

const HOPD = "payer medicare\nsetting hopd\ndate 2026-03-02\n";

ruleTests(
  "waste-modifier-wrong",
  [
    { name: "JZ where waste is documented", text: `${HOPD}infuse rituximab 700mg waste 50mg 240min\nclaim 96413, 96415 x3, J9312-JZ x70`, at: "JZ", message: /JZ attests that no rituximab was discarded, but waste 50mg is documented: bill J9312-JW x5/, fixed: `${HOPD}infuse rituximab 700mg waste 50mg 240min\nclaim 96413, 96415 x3, J9312 x70, J9312-JW x5` },
    { name: "JW where no waste is documented", text: `${HOPD}infuse rituximab 700mg waste 0mg 240min\nclaim 96413, 96415 x3, J9312-JZ x70, J9312-JW x5`, at: "J9312-JW x5", message: /bills discarded rituximab, but no waste is documented|the documented waste/, fixed: `${HOPD}infuse rituximab 700mg waste 0mg 240min\nclaim 96413, 96415 x3, J9312-JZ x70` },
    { name: "JW units that disagree with the waste", text: `${HOPD}infuse rituximab 700mg waste 50mg 240min\nclaim 96413, 96415 x3, J9312 x70, J9312-JW x10`, at: "J9312-JW x10", message: /bills 10 discarded units of J9312, but waste 50mg is documented: .* = 75 − 70 = 5/, fixed: `${HOPD}infuse rituximab 700mg waste 50mg 240min\nclaim 96413, 96415 x3, J9312 x70, J9312-JW x5` },
    { name: "JZ before 2023-01-01", text: "payer medicare\nsetting office\ndate 2022-06-01\ninfuse rituximab 700mg 240min\nclaim 96413, 96415 x3, J9312-JZ x70", at: "JZ", message: /JZ did not exist on 2022-06-01/, fixed: "payer medicare\nsetting office\ndate 2022-06-01\ninfuse rituximab 700mg 240min\nclaim 96413, 96415 x3, J9312 x70" },
  ],
  [
    { name: "the right JW line", text: `${HOPD}infuse rituximab 700mg waste 50mg 240min\nclaim 96413, 96415 x3, J9312 x70, J9312-JW x5` },
    { name: "JZ on and after 2023-01-01 (not yet required)", text: "payer medicare\nsetting office\ndate 2023-02-01\ninfuse rituximab 700mg waste 0mg 240min\nclaim 96413, 96415 x3, J9312-JZ x70" },
    { name: "mixed container accepts either", text: "payer medicare\nsetting office\ndate 2026-03-02\ninfuse trastuzumab 300mg waste 20mg 90min\nclaim 96413, J9355 x30, J9355-JW x2" },
    { name: "another payer: JW lines accepted as written", text: "payer aetna\ndate 2026-03-02\ninfuse rituximab 700mg waste 50mg 240min\nclaim 96413, 96415 x3, J9312 x70, J9312-JW x5" },
  ],
);
