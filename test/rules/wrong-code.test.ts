import { ruleTests } from "./harness.js";

ruleTests(
  "wrong-code",
  [{ name: "portable pump refill code for an implanted pump", text: "refill implanted pump\nclaim 96521", at: "96521", fixed: "refill implanted pump\nclaim 96522" }],
  [
    { name: "implanted pump refill coded 96522", text: "refill implanted pump\nclaim 96522" },
    { name: "portable pump refill coded 96521", text: "refill pump\nclaim 96521" },
  ],
);
