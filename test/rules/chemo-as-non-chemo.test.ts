import { ruleTests } from "./harness.js";

ruleTests(
  "chemo-as-non-chemo",
  [
    { name: "vincristine push coded 96374", text: "push vincristine 2mg 2min\nclaim 96374", at: "96374", message: /96374 is a non-chemo code, but the vincristine chemotherapy push is chemotherapy.*96409/, fixed: "push vincristine 2mg 2min\nclaim 96409" },
    { name: "rituximab infusion coded 96365 + 96366", text: "infuse rituximab 700mg 150min\nclaim 96365, 96366", at: "96365", fixed: "infuse rituximab 700mg 150min\nclaim 96413, 96366" },
    { name: "the hour add-on of a chemo infusion coded 96366", text: "infuse rituximab 700mg 150min\nclaim 96413, 96366", at: "96366", fixed: "infuse rituximab 700mg 150min\nclaim 96413, 96415" },
    { name: "leuprolide (hormonal) injection coded 96372", text: "inject leuprolide 7.5mg im\nclaim 96372", at: "96372", fixed: "inject leuprolide 7.5mg im\nclaim 96402" },
    { name: "chemo SC injection coded 96372", text: "inject bortezomib 2.6mg sc\nclaim 96372", at: "96372", fixed: "inject bortezomib 2.6mg sc\nclaim 96401" },
  ],
  [
    { name: "correct chemo push", text: "push vincristine 2mg\nclaim 96409" },
    { name: "a non-chemo push coded 96374", text: "push ondansetron 8mg\nclaim 96374" },
    { name: "declared chemo drug coded with chemo code", text: "drug mitomycin chemo\npush mitomycin 10mg\nclaim 96409" },
  ],
);
