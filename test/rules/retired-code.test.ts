import { ruleTests } from "./harness.js";

ruleTests(
  "retired-code",
  [
    { name: "J2930 on 2026-03-01 (worked example)", text: "date 2026-03-01\npush methylprednisolone 125mg\nclaim 96374, J2930", at: "J2930", message: /retired after 2024-03-31.*J2919.*125 mg = J2919 ×25/, fixed: "date 2026-03-01\npush methylprednisolone 125mg\nclaim 96374, J2919 x25" },
    { name: "J9070 cyclophosphamide after March 2024", text: "date 2025-01-10\npush cyclophosphamide 1000mg\nclaim 96409, J9070 x10", fixed: "date 2025-01-10\npush cyclophosphamide 1000mg\nclaim 96409, J9075 x200" },
    { name: "without a date the newest code set applies", text: "push hydromorphone 1mg\nclaim 96374, J1170", at: "J1170", message: /no date of service/ },
    { name: "a code not yet in force", text: "date 2023-06-01\npush methylprednisolone 125mg\nclaim 96374, J2919 x25", at: "J2919", message: /not yet in force/, fixed: "date 2023-06-01\npush methylprednisolone 125mg\nclaim 96374, J2930" },
  ],
  [
    { name: "J2930 before April 2024", text: "date 2023-06-01\npush methylprednisolone 125mg\nclaim 96374, J2930" },
    { name: "J2919 in 2026", text: "date 2026-03-01\npush methylprednisolone 125mg\nclaim 96374, J2919 x25" },
  ],
);
