import { ruleTests } from "./harness.js";

ruleTests(
  "inconsistent-timing",
  [
    { name: "a duration that disagrees with the times", text: "infuse rituximab 700mg 240min 09:00-12:00\nclaim 96413, 96415 x2", at: "09:00-12:00", message: /240 min .* 180 min .* times are used/ },
    { name: "a pump start of 8 hours or less", text: "pump fluorouracil 2400mg 6h", message: /more than 8 hours/ },
  ],
  [
    { name: "duration and times agree", text: "infuse rituximab 700mg 180min 09:00-12:00" },
    { name: "a range past midnight", text: "infuse rituximab 700mg 120min 23:00-01:00" },
  ],
);
