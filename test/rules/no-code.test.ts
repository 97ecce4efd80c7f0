import { ruleTests } from "./harness.js";

ruleTests(
  "no-code",
  [
    { name: "two chemo infusions at the same time", text: "infuse oxaliplatin 85mg 09:00-11:00\ninfuse irinotecan 180mg 09:30-11:00", at: "infuse irinotecan 180mg 09:30-11:00", message: /CPT has no code for a second chemotherapy infusion given concurrently/ },
    { name: "a repeat chemo push of the same drug", text: "push doxorubicin 30mg\npush doxorubicin 30mg", message: /repeat chemotherapy push/ },
    { name: "a non-chemo pump", text: "pump morphine 100mg 48h", message: /not chemotherapy/ },
  ],
  [{ name: "sequential chemo infusions", text: "infuse oxaliplatin 85mg 09:00-11:00\ninfuse irinotecan 180mg 11:00-12:30" }],
);
