import { ruleTests } from "./harness.js";

ruleTests(
  "undocumented-route",
  [{ name: "an injection with no route", text: "inject denosumab 120mg", at: "inject", message: /SC\/IM is assumed/ }],
  [{ name: "an injection with a route", text: "inject denosumab 120mg sc" }],
);
