import { ruleTests } from "./harness.js";

ruleTests(
  "unknown-payer",
  [{ name: "a payer with no profile", text: "payer acme\npush ondansetron 8mg", at: "acme", message: /No payer profile for 'acme'/ }],
  [
    { name: "Medicare by any of its names", text: "payer \"Medicare Part B\"\npush ondansetron 8mg" },
    { name: "no payer", text: "push ondansetron 8mg" },
  ],
);
