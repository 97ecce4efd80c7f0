import { ruleTests } from "./harness.js";

const office = "setting office\nvisit 99213\npush ondansetron 4mg 2min\n";
ruleTests(
  "modifier-25-missing",
  [
    {
      name: "LANGUAGE.md §6: 99213 beside 96374 in an office",
      text: `${office}claim 99213, 96374`,
      at: "99213",
      message: /^99213 is claimed with drug administration codes but without modifier 25: the visit is documented, so it is 99213-25 /,
      fixed: `${office}claim 99213-25, 96374`,
    },
    { name: "another payer's 99211 takes 25 like any visit", text: "setting office\npayer aetna\nvisit 99211\ninject denosumab 60mg sc\nclaim 99211, 96372", at: "99211", fixed: "setting office\npayer aetna\nvisit 99211\ninject denosumab 60mg sc\nclaim 99211-25, 96372" },
    { name: "G0463 in hopd beside an S-status administration code (96374)", text: "setting hopd\nvisit G0463\npush ondansetron 4mg 2min\nclaim G0463, 96374", at: "G0463", message: /OPPS status indicator S/, fixed: "setting hopd\nvisit G0463\npush ondansetron 4mg 2min\nclaim G0463-25, 96374" },
    { name: "other modifiers are kept", text: `${office}claim 99213-GA, 96374`, at: "99213-GA", fixed: `${office}claim 99213-GA-25, 96374` },
  ],
  [
    { name: "the visit carries 25", text: `${office}claim 99213-25, 96374` },
    { name: "a visit alone is billed bare", text: "setting office\nvisit 99214\nclaim 99214" },
    { name: "a port draw alone with a visit: no administration code", text: "setting office\nvisit 99213\noral prednisone 100mg\nclaim 99213" },
    { name: "G0463 beside only a Q1-status injection (96372) needs no 25", text: "setting hopd\nvisit G0463\ninject denosumab 60mg sc\nclaim G0463, 96372" },
    { name: "Medicare 99211 in an office is em-bundled instead", text: "setting office\npayer medicare\nvisit 99211\npush ondansetron 4mg 2min\nclaim 99211, 96374" },
    { name: "an undocumented visit is unsupported-code instead", text: "setting office\npush ondansetron 4mg 2min\nclaim 99213, 96374" },
  ],
);
