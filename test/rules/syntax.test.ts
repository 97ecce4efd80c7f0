import { ruleTests } from "./harness.js";

ruleTests(
  "syntax",
  [
    { name: "a misspelt verb", text: "pushh ondansetron 8mg", at: "pushh", message: /did you mean 'push'/, fixed: null },
    { name: "a bad duration", text: "infuse rituximab 700mg 240minn", at: "240minn" },
    { name: "a route on a push", text: "push ondansetron 8mg sc", at: "sc", message: /applies to 'inject' only/ },
    { name: "'with' naming no earlier infusion", text: "infuse leucovorin 400mg 120min with oxaliplatin", at: "oxaliplatin", message: /no earlier administration/ },
    { name: "setting and pos disagree", text: "setting office\npos 22", message: /pos 22 is hopd but setting says office/ },
  ],
  [{ name: "a valid file", text: "encounter A\n  setting hopd\n  push ondansetron 8mg\n  claim 96374" }],
);
