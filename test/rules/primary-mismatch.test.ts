import { ruleTests } from "./harness.js";

ruleTests(
  "primary-mismatch",
  [
    { name: "primary names a drug with no IV service", text: "setting office\nprimary prednisone\noral prednisone 100mg\npush ondansetron 8mg", at: "prednisone" },
    { name: "the primary reason would leave 96417 without 96413", text: "setting office\nprimary ondansetron\npush ondansetron 8mg\ninfuse rituximab 700mg 90min", message: /96417 would have none of its primary codes/ },
    { name: "primary hydration with an IV push in an office: 96375 would be orphaned", text: "setting office\nprimary hydration\nhydrate NS 09:00-11:00\npush ondansetron 4mg at 11:05\nclaim 96374, 96361 x2", at: "hydration", message: /With hydration as the initial service, 96375 would have none of its primary codes/ },
    { name: "primary hydration with no reportable hydration", text: "setting office\nprimary hydration\nhydrate NS 20min\npush ondansetron 4mg", at: "hydration", message: /no reportable hydration/ },
    { name: "primary in a hopd encounter: the hierarchy decides", text: "setting hopd\nprimary ondansetron\npush ondansetron 4mg\ninfuse rituximab 700mg 90min\nclaim 96413, 96375", at: "ondansetron", message: /no effect in a hospital outpatient \(hopd\) encounter/, fixed: "setting hopd\n\npush ondansetron 4mg\ninfuse rituximab 700mg 90min\nclaim 96413, 96375" },
    { name: "primary hydration in a hopd encounter", text: "setting hopd\nprimary hydration\nhydrate NS 120min\nclaim 96360, 96361", at: "hydration" },
  ],
  [
    { name: "primary names an infused drug", text: "setting office\nprimary rituximab\ninfuse rituximab 700mg 90min" },
    { name: "primary hydration alone in an office: 96360 initial", text: "setting office\nprimary hydration\nhydrate NS 120min\ninject leuprolide 7.5mg im\nclaim 96360, 96361, 96402" },
    { name: "no primary in hopd", text: "setting hopd\npush ondansetron 4mg\nclaim 96374" },
  ],
);
