import { ruleTests } from "./harness.js";

ruleTests(
  "primary-mismatch",
  [
    { name: "primary names a drug with no IV service", text: "setting office\nprimary prednisone\noral prednisone 100mg\npush ondansetron 8mg", at: "prednisone" },
    { name: "the primary reason would leave 96417 without 96413", text: "setting office\nprimary ondansetron\npush ondansetron 8mg\ninfuse rituximab 700mg 90min", message: /96417 would have none of its primary codes/ },
  ],
  [{ name: "primary names an infused drug", text: "setting office\nprimary rituximab\ninfuse rituximab 700mg 90min" }],
);
