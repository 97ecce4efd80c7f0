import { ruleTests } from "./harness.js";

ruleTests(
  "primary-mismatch",
  [{ name: "primary names a drug with no IV service", text: "setting office\nprimary prednisone\noral prednisone 100mg\npush ondansetron 8mg", at: "prednisone" }],
  [{ name: "primary names an infused drug", text: "setting office\nprimary rituximab\ninfuse rituximab 700mg 90min" }],
);
