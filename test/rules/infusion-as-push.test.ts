import { ruleTests } from "./harness.js";

ruleTests(
  "infusion-as-push",
  [
    { name: "non-chemo infusion of 22 min coded 96374 (worked example)", text: "infuse ondansetron 8mg 22min\nclaim 96374", at: "96374", message: /lasted 22 min: 16 minutes or more is an infusion.*96365/, fixed: "infuse ondansetron 8mg 22min\nclaim 96365" },
    { name: "16 minutes is an infusion", text: "infuse ondansetron 8mg 16min\nclaim 96374", fixed: "infuse ondansetron 8mg 16min\nclaim 96365" },
    { name: "chemo infusion coded as a chemo push", text: "infuse cyclophosphamide 1400mg 30min\nclaim 96409", fixed: "infuse cyclophosphamide 1400mg 30min\nclaim 96413" },
    { name: "times show 30 minutes", text: "infuse ondansetron 8mg 09:00-09:30\nclaim 96374", at: "96374" },
  ],
  [
    { name: "15 minutes is a push", text: "infuse ondansetron 8mg 15min\nclaim 96374" },
    { name: "push with no duration", text: "push ondansetron 8mg\nclaim 96374" },
    { name: "a push of 22 min stays a push (revision 2)", text: "push ondansetron 8mg 22min\nclaim 96374" },
  ],
);
