import { ruleTests } from "./harness.js";

ruleTests(
  "drug-units",
  [
    { name: "J9000 x10 for 60 mg doxorubicin (seed page error)", text: "setting office\npush doxorubicin 60mg\nclaim 96409, J9000 x10", at: "J9000 x10", message: /60 mg .* is J9000 ×6/, fixed: "setting office\npush doxorubicin 60mg\nclaim 96409, J9000 x6" },
    { name: "units are rounded up", text: "push doxorubicin 95mg\nclaim 96409, J9000 x9", fixed: "push doxorubicin 95mg\nclaim 96409, J9000 x10" },
    { name: "a mg/m2 dose uses bsa", text: "bsa 2m2\ninfuse oxaliplatin 85 mg/m2 120min\nclaim 96413, 96415, J9263 x170", fixed: "bsa 2m2\ninfuse oxaliplatin 85 mg/m2 120min\nclaim 96413, 96415, J9263 x340" },
    { name: "doses of one drug are added up", text: "push 5-FU 400mg 4min\npump 5-FU 2400mg 46h\nclaim 96409, 96416, J9190 x5", fixed: "push 5-FU 400mg 4min\npump 5-FU 2400mg 46h\nclaim 96409, 96416, J9190 x6" },
  ],
  [
    { name: "Injectafer 750 mg is J1439 x750 (worked example)", text: "setting office\npush ferric carboxymaltose 750mg 8min\nclaim 96374, J1439 x750" },
    { name: "a mg/m2 dose without bsa is not checked", text: "infuse oxaliplatin 85 mg/m2 120min\nclaim 96413, 96415, J9263 x1" },
    { name: "an 'up to' unit: diphenhydramine 50 mg is J1200 x1", text: "push diphenhydramine 50mg\nclaim 96374, J1200" },
  ],
);
