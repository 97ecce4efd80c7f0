import { ruleTests } from "./harness.js";

ruleTests(
  "not-reportable",
  [
    { name: "hydration of 25 minutes billed 96360", text: "hydrate \"normal saline\" 25min\nclaim 96360", at: "96360", message: /25 min of hydration.*30 minutes or less is not reportable/, fixed: "hydrate \"normal saline\" 25min\nclaim" },
    { name: "exactly 30 minutes is still not reportable", text: "hydrate 30min\nclaim 96360", at: "96360" },
    { name: "hydration concurrent with an infusion", text: "infuse rituximab 700mg 09:00-11:00\nhydrate NS 09:00-11:00\nclaim 96413, 96415, 96361", at: "96361", message: /runs wholly during the rituximab infusion/ },
    { name: "96376 within 30 minutes of the last push (facility)", text: "setting hopd\npush ondansetron 4mg at 09:00\npush ondansetron 4mg at 09:29\nclaim 96374, 96376", at: "96376", message: /29 min after the last reported push/ },
    { name: "96376 when the chart gives no times", text: "setting hopd\npush ondansetron 4mg\npush ondansetron 4mg\nclaim 96374, 96376", at: "96376", message: /no times/ },
    { name: "port flush beside other services", text: "flush port\npush ondansetron 8mg\nclaim 96523, 96374", at: "96523", message: /not the only service/, fixed: "flush port\npush ondansetron 8mg\nclaim 96374" },
    { name: "an oral drug billed with an administration code", text: "oral prednisone 100mg\nclaim 96372", at: "96372", message: /by mouth/ },
    { name: "a repeat chemo push of the same drug", text: "push doxorubicin 30mg\npush doxorubicin 30mg\nclaim 96409, 96411", at: "96411" },
  ],
  [
    { name: "hydration of 31 minutes", text: "hydrate 31min\nclaim 96360" },
    { name: "96376 exactly 30 minutes later (facility)", text: "setting hopd\npush ondansetron 4mg at 09:00\npush ondansetron 4mg at 09:30\nclaim 96374, 96376" },
    { name: "port flush alone", text: "flush port\nclaim 96523" },
    { name: "hydration right after an infusion is sequential", text: "infuse rituximab 700mg 09:00-10:00\nhydrate NS 10:00-11:00\nclaim 96413, 96361" },
  ],
);
