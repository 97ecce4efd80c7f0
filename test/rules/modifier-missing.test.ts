import { ruleTests } from "./harness.js";

const twoSites = "setting hopd\ninfuse ondansetron 8mg 30min\ninfuse ferric carboxymaltose 750mg 30min site 2\n";
ruleTests(
  "modifier-missing",
  [{ name: "second-site initial without XS", text: `${twoSites}claim 96365, 96365`, message: /needs modifier XS/, fixed: `${twoSites}claim 96365, 96365-XS` }],
  [
    { name: "second-site initial with XS", text: `${twoSites}claim 96365, 96365-XS` },
    { name: "second-site initial with 59", text: `${twoSites}claim 96365, 96365-59` },
  ],
);
