import { ruleTests } from "./harness.js";

const HOPD = "setting hopd\npayer medicare\ndate 2026-03-02\n";

ruleTests(
  "wrong-product-code",
  [
    { name: "Truxima billed as J9312 (worked example)", text: "setting hopd\ninfuse Truxima 700mg 240min\nclaim 96413, 96415 x3, J9312 x70", at: "J9312", message: /J9312 bills rituximab, the reference product, but Truxima \(rituximab-abbs\) is documented: .*Q5115 \(per 10 mg\); 700 mg = Q5115 ×70/, fixed: "setting hopd\ninfuse Truxima 700mg 240min\nclaim 96413, 96415 x3, Q5115 x70" },
    { name: "the biosimilar's code claimed for documented rituximab", text: "infuse rituximab 700mg 240min\nclaim 96413, 96415 x3, Q5115 x70", at: "Q5115", message: /Q5115 bills Truxima .* but rituximab \(the reference product\) is documented/, fixed: "infuse rituximab 700mg 240min\nclaim 96413, 96415 x3, J9312 x70" },
    { name: "one biosimilar billed under another's code", text: "infuse Ruxience 500mg 180min\nclaim 96413, 96415 x2, Q5115 x50", at: "Q5115", fixed: "infuse Ruxience 500mg 180min\nclaim 96413, 96415 x2, Q5119 x50" },
    { name: "the JW line keeps its discarded units under the product's code", text: `${HOPD}infuse Truxima 700mg waste 50mg 240min\nclaim 96413, 96415 x3, Q5115 x70, J9312-JW x5`, at: "J9312", message: /the discarded units/, fixed: `${HOPD}infuse Truxima 700mg waste 50mg 240min\nclaim 96413, 96415 x3, Q5115 x70, Q5115-JW x5` },
  ],
  [
    { name: "Truxima billed as Q5115", text: "infuse Truxima 700mg 240min\nclaim 96413, 96415 x3, Q5115 x70" },
    { name: "Rituxan (the reference brand) billed as J9312", text: "infuse Rituxan 700mg 240min\nclaim 96413, 96415 x3, J9312 x70" },
    { name: "another molecule's code is not a product mix-up", text: "infuse Truxima 700mg 240min\nclaim 96413, 96415 x3, Q5115 x70, J9035 x50" },
  ],
);
