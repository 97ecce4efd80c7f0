// The built-in drug table: class, HCPCS drug codes, billing units, effective dates, containers and
// OPPS status indicators.
//
// Sources (ids resolve in shared research domain.md §7 where not spelled out here):
// - [ADDB]          CMS OPPS Addendum B, April 2026 (softek/CMS.HCPCS sample.csv, commit 55a5494,
//                   "Source" column 2026-04). Every code below is in that file unless `until` says
//                   it was retired. `descriptor` is its CMS short descriptor, copied exactly (for a
//                   retired code: from its last file). `opps` is its status indicator column.
// - [ADDB history]  the same repository's quarterly snapshots: the Addendum B workbooks it keeps
//                   for Jan 2019, Jan/Apr 2020, Jan/Apr/Oct 2021, Jan-Oct 2022, Jan 2023, then
//                   sample.csv per quarter to Apr 2026. A `from` / `until` date is the first day of
//                   the first quarter a code appears in / the last day of the last quarter before it
//                   disappears, where the quarter before is also kept. Where a code first appears
//                   after a missing quarter (Apr-Oct 2019, Jul-Oct 2020, Jul 2021) the start is open
//                   and `from` is omitted unless another source dates it; the bracket is in `source`.
// - domain.md §4    billing units and chemo-admin eligibility. Where Addendum B's short descriptor
//                   has no unit, the unit is the HCPCS long descriptor as quoted there; entries
//                   marked "not in domain.md" give the long descriptor they rely on.
// - Containers (`container`): the product's FDA label (DailyMed or a copy of it) as cited beside
//   each value; a code whose labels were not found has none, and then no waste modifier is required.
//
// Class decides the administration family (docs/language.md §8): chemo = antineoplastics and anti-cancer
// monoclonals/biologics (CMS CR 3631, CPT); hormonal = hormonal antineoplastics (CPT 96402);
// therapeutic = everything else; fluid = hydration fluids.
//
// Products (docs/language.md §8): a generic name means the reference product and its codes. A biosimilar,
// or a branded product that has a HCPCS code of its own, is an entry of its own in PRODUCTS, with
// its own codes, taking the class of the generic it names in `product.of`. `derive: false` on a
// generic's code marks a manufacturer-specific code with no product name in this table: accepted on
// a claim for the drug, never derived from the generic name (the generic takes the NOS code).

import type { ContainerFact, DrugEntry, OppsFact, OppsStatus, ProductInfo } from "./types.js";

const D4 = "domain.md §4";
const NOT_IN_DOMAIN = "not in domain.md; HCPCS long descriptor";
const ADDB_APR_2026 = "CMS OPPS Addendum B, April 2026 (softek/CMS.HCPCS sample.csv 55a5494)";

/** The code's status indicator in the April 2026 Addendum B. */
const SI = (si: OppsStatus): OppsFact => ({ si, source: ADDB_APR_2026 });
const single = (source: string): ContainerFact => ({ kind: "single", source });
const mixed = (source: string): ContainerFact => ({ kind: "mixed", source });

/** Generic names (the reference products) and drugs without separately coded products. */
const GENERICS: readonly DrugEntry[] = [
  // ================================================================ chemotherapy / complex
  {
    name: "rituximab",
    aliases: ["Rituxan"],
    class: "chemo",
    codes: [
      {
        code: "J9312", opps: SI("K"), unit: { amount: 10, unit: "mg" }, descriptor: "Inj., rituximab, 10 mg", source: `[ADDB]; ${D4}`,
        // Rituxan IV: 100 mg/10 mL and 500 mg/50 mL vials for one use.
        container: single("Rituxan label (FDA SPL set b172773b-3905-4a1c-ad95-bab4b6126563, Genentech): \"Discard any unused portion left in the vial\" (label text at druglib.com/druginfo/rituxan); MabThera SmPC: \"1 single-use vial contains 100 mg of rituximab in 10 ml\" (ec.europa.eu community register anx_10665_en.pdf)"),
      },
    ],
    note: "anti-CD20 monoclonal antibody: chemo/complex administration (CMS CR 3631); Noridian pays non-oncology use (RA, vasculitis) as complex too [NOR-JF-MONOCLONAL][ACR-2022]",
    source: `${D4} [ADDB][NOR-JF-MONOCLONAL][ACR-2022]`,
  },
  {
    name: "cyclophosphamide",
    aliases: ["Cytoxan"],
    class: "chemo",
    codes: [
      { code: "J9070", unit: { amount: 100, unit: "mg" }, descriptor: "Cyclophosphamide 100 mg inj", until: "2024-03-31", source: `[ADDB history]: last in the Jan 2024 file; ${D4}, E5` },
      {
        code: "J9075", opps: SI("K"),
        unit: { amount: 5, unit: "mg" },
        descriptor: "Inj, cyclophosphamide, nos",
        from: "2024-04-01",
        source: `[ADDB history]: first in the Apr 2024 file; 5 mg unit inferred in ${D4} (M): not in the short descriptor, sibling codes are 5 mg and the per-unit rate fits 5 mg`,
      },
      { code: "J9071", opps: SI("K"), unit: { amount: 5, unit: "mg" }, descriptor: "Inj cyclophosphamd auromedic", from: "2022-04-01", derive: false, source: `[ADDB history]: first in the Apr 2022 file (pass-through C9087 before); AuroMedics product, 5 mg; ${D4}` },
      { code: "J9073", opps: SI("K"), unit: { amount: 5, unit: "mg" }, descriptor: "Inj cyclophos dr reddys 5 mg", from: "2024-04-01", derive: false, source: "[ADDB history]: first in the Apr 2024 file" },
      { code: "J9074", opps: SI("K"), unit: { amount: 5, unit: "mg" }, descriptor: "Inj, cyclophosphamd, sandoz", from: "2024-04-01", derive: false, source: `[ADDB history]: first in the Apr 2024 file; Sandoz product, 5 mg; ${D4}` },
      { code: "J9076", opps: SI("K"), unit: { amount: 5, unit: "mg" }, descriptor: "Inj, cyclophos (baxter) 5mg", from: "2025-01-01", derive: false, source: "[ADDB history]: first in the Jan 2025 file" },
    ],
    note: "antineoplastic (alkylating agent): chemo administration, also when given for an autoimmune disease (domain.md R15, CMS CR 3631)",
    source: `${D4}, E5 [ADDB][ADDB history][A52953][CHEMO001]`,
  },
  {
    name: "doxorubicin",
    // Liposomal doxorubicin (Doxil) is a different product and code: not an alias.
    aliases: ["Adriamycin", "doxorubicin hydrochloride", "doxorubicin HCl"],
    class: "chemo",
    codes: [
      { code: "J9000", opps: SI("N"), unit: { amount: 10, unit: "mg" }, descriptor: "Doxorubicin hcl injection", source: `[ADDB]; unit ${D4}, E2 (long descriptor "…doxorubicin hydrochloride, 10 mg")` },
    ],
    note: "antineoplastic (anthracycline): chemo administration (CMS CR 3631)",
    source: `${D4} [ADDB]`,
  },
  {
    name: "vincristine",
    aliases: ["Oncovin", "vincristine sulfate"],
    class: "chemo",
    codes: [
      { code: "J9370", opps: SI("N"), unit: { amount: 1, unit: "mg" }, descriptor: "Vincristine sulfate 1 mg inj", source: `[ADDB]; ${D4}` },
    ],
    note: "antineoplastic (vinca alkaloid): chemo administration (CMS CR 3631)",
    source: `${D4} [ADDB]`,
  },
  {
    name: "oxaliplatin",
    aliases: ["Eloxatin"],
    class: "chemo",
    codes: [
      { code: "J9263", opps: SI("N"), unit: { amount: 0.5, unit: "mg" }, descriptor: "Oxaliplatin", source: `[ADDB]; unit ${D4}` },
    ],
    note: "antineoplastic (platinum agent): chemo administration (CMS CR 3631)",
    source: `${D4} [ADDB][AAPC-FOLFOX]`,
  },
  {
    name: "irinotecan",
    // Liposomal irinotecan (Onivyde, J9205) is a different product: not an alias.
    aliases: ["Camptosar", "CPT-11"],
    class: "chemo",
    codes: [
      { code: "J9206", opps: SI("N"), unit: { amount: 20, unit: "mg" }, descriptor: "Irinotecan injection", source: `${NOT_IN_DOMAIN} "Injection, irinotecan, 20 mg"; in force [ADDB]` },
    ],
    note: "antineoplastic (topoisomerase inhibitor): chemo administration (CMS CR 3631)",
    source: `${NOT_IN_DOMAIN}; listed in docs/language.md §8; code in force [ADDB]`,
  },
  {
    name: "fluorouracil",
    aliases: ["Adrucil", "5-FU", "5FU", "5-fluorouracil"],
    class: "chemo",
    codes: [
      { code: "J9190", opps: SI("N"), unit: { amount: 500, unit: "mg" }, descriptor: "Fluorouracil injection", source: `[ADDB]; unit ${D4}` },
    ],
    note: "antineoplastic (antimetabolite): chemo administration (CMS CR 3631)",
    source: `${D4} [ADDB]`,
  },
  {
    name: "cisplatin",
    aliases: ["Platinol"],
    class: "chemo",
    codes: [
      { code: "J9060", opps: SI("N"), unit: { amount: 10, unit: "mg" }, descriptor: "Cisplatin 10 mg injection", source: `[ADDB]; ${D4}` },
    ],
    note: "antineoplastic (platinum agent): chemo administration (CMS CR 3631)",
    source: `${D4} [ADDB]`,
  },
  {
    name: "carboplatin",
    aliases: ["Paraplatin"],
    class: "chemo",
    codes: [
      { code: "J9045", opps: SI("N"), unit: { amount: 50, unit: "mg" }, descriptor: "Carboplatin injection", source: `[ADDB]; unit ${D4}` },
      {
        code: "J9278", opps: SI("G"),
        // Not 50 mg: it replaced pass-through C9308 "carboplatin (avyxa), 1 mg" at the same rate per unit.
        unit: { amount: 1, unit: "mg" },
        descriptor: "Inj, carboplatin (avyxa)",
        from: "2026-04-01",
        derive: false,
        source:
          "[ADDB history]: new in the Apr 2026 file; unit inferred (L): no unit in the short descriptor, predecessor C9308 is 1 mg (openpayer.com C9308 page) and paid $5.15/unit in Jan 2026 vs J9278 $5.242/unit",
      },
    ],
    note: "antineoplastic (platinum agent): chemo administration (CMS CR 3631)",
    source: `${D4} [ADDB][ADDB history]`,
  },
  {
    name: "paclitaxel",
    // Protein-bound paclitaxel (Abraxane, J9264) is a different product: not an alias.
    aliases: ["Taxol"],
    class: "chemo",
    codes: [
      { code: "J9267", opps: SI("N"), unit: { amount: 1, unit: "mg" }, descriptor: "Paclitaxel injection", source: `[ADDB]; unit ${D4}` },
    ],
    note: "antineoplastic (taxane): chemo administration (CMS CR 3631)",
    source: `${D4} [ADDB]`,
  },
  {
    name: "docetaxel",
    aliases: ["Taxotere"],
    class: "chemo",
    codes: [
      { code: "J9171", opps: SI("N"), unit: { amount: 1, unit: "mg" }, descriptor: "Docetaxel injection", source: `[ADDB]; unit ${D4}` },
    ],
    note: "antineoplastic (taxane): chemo administration (CMS CR 3631)",
    source: `${D4} [ADDB][ADDB history]`,
  },
  {
    name: "gemcitabine",
    aliases: ["Gemzar"],
    class: "chemo",
    codes: [
      { code: "J9201", opps: SI("N"), unit: { amount: 200, unit: "mg" }, descriptor: "In gemcitabine hcl nos 200mg", source: `[ADDB]; ${D4}` },
      { code: "J9196", opps: SI("N"), unit: { amount: 200, unit: "mg" }, descriptor: "Inj gemcitabine hcl (accord)", from: "2023-04-01", derive: false, source: `[ADDB history]: first in the Apr 2023 file; unit ${D4}` },
      { code: "J9184", opps: SI("G"), unit: { amount: 200, unit: "mg" }, descriptor: "Inj gemcitabin (avyxa) 200mg", from: "2026-01-01", derive: false, source: `[ADDB history]: first in the Jan 2026 file; ${D4}` },
    ],
    note: "antineoplastic (antimetabolite): chemo administration (CMS CR 3631)",
    source: `${D4} [ADDB][ADDB history]`,
  },
  {
    name: "pemetrexed",
    aliases: ["Alimta", "Pemfexy"],
    class: "chemo",
    codes: [
      { code: "J9305", opps: SI("K"), unit: { amount: 10, unit: "mg" }, descriptor: "Inj. pemetrexed nos 10mg", source: `${NOT_IN_DOMAIN}; unit in the [ADDB] short descriptor` },
      { code: "J9304", opps: SI("K"), unit: { amount: 10, unit: "mg" }, descriptor: "Inj. pemetrexed, 10 mg", derive: false, source: `${NOT_IN_DOMAIN} (Pemfexy); unit in the [ADDB] short descriptor` },
      { code: "J9314", opps: SI("K"), unit: { amount: 10, unit: "mg" }, descriptor: "Inj pemetrexed (teva) 10mg", from: "2023-01-01", derive: false, source: "not in domain.md; [ADDB] short descriptor; [ADDB history]: first in the Jan 2023 file" },
      { code: "J9294", opps: SI("K"), unit: { amount: 10, unit: "mg" }, descriptor: "Inj pemetrexed, hospira 10mg", from: "2023-04-01", derive: false, source: "not in domain.md; [ADDB] short descriptor; [ADDB history]: first in the Apr 2023 file" },
      { code: "J9296", opps: SI("K"), unit: { amount: 10, unit: "mg" }, descriptor: "Inj pemetrexed (accord) 10mg", from: "2023-04-01", derive: false, source: "not in domain.md; [ADDB] short descriptor; [ADDB history]: first in the Apr 2023 file" },
      { code: "J9297", opps: SI("N"), unit: { amount: 10, unit: "mg" }, descriptor: "Inj pemetrexed (sandoz) 10mg", from: "2023-04-01", derive: false, source: "not in domain.md; [ADDB] short descriptor; [ADDB history]: first in the Apr 2023 file" },
    ],
    note: "antineoplastic (antifolate): chemo administration (CMS CR 3631)",
    source: `${NOT_IN_DOMAIN}; listed in docs/language.md §8; codes in force [ADDB]`,
  },
  {
    name: "bortezomib",
    aliases: ["Velcade"],
    class: "chemo",
    codes: [
      { code: "J9041", opps: SI("N"), unit: { amount: 0.1, unit: "mg" }, descriptor: "Injection, bortezomib, 0.1mg", source: `[ADDB]; ${D4}` },
      { code: "J9046", opps: SI("K"), unit: { amount: 0.1, unit: "mg" }, descriptor: "Inj, bortezomib, dr. reddy's", from: "2023-01-01", derive: false, source: `[ADDB history]: first in the Jan 2023 file; unit ${D4}` },
      { code: "J9048", opps: SI("K"), unit: { amount: 0.1, unit: "mg" }, descriptor: "Inj, bortezomib freseniuskab", from: "2023-01-01", derive: false, source: `[ADDB history]: first in the Jan 2023 file; unit ${D4}` },
      { code: "J9049", opps: SI("N"), unit: { amount: 0.1, unit: "mg" }, descriptor: "Inj, bortezomib, hospira", from: "2023-01-01", derive: false, source: `[ADDB history]: first in the Jan 2023 file; unit ${D4}` },
      { code: "J9051", opps: SI("N"), unit: { amount: 0.1, unit: "mg" }, descriptor: "Inj, bortezomib (maia)", from: "2023-10-01", derive: false, source: `[ADDB history]: first in the Oct 2023 file; unit ${D4}` },
    ],
    note: "antineoplastic (proteasome inhibitor): chemo administration; SC injection is 96401, IV push 96409",
    source: `${D4} [ADDB][ADDB history][SEED000]`,
  },
  {
    name: "pembrolizumab",
    // Subcutaneous pembrolizumab-berahyaluronidase (J9277) is a different product: not included.
    aliases: ["Keytruda"],
    class: "chemo",
    codes: [
      { code: "J9271", opps: SI("K"), unit: { amount: 1, unit: "mg" }, descriptor: "Inj pembrolizumab", source: `[ADDB]; unit ${D4}` },
    ],
    note: "anti-PD-1 monoclonal antibody used as anti-cancer therapy: chemo/complex administration (CMS CR 3631)",
    source: `${D4} [ADDB][AAPC-NEURO]`,
  },
  {
    name: "nivolumab",
    // Subcutaneous nivolumab-hyaluronidase (J9289, 2 mg) is a different product: not included.
    aliases: ["Opdivo"],
    class: "chemo",
    codes: [
      { code: "J9299", opps: SI("K"), unit: { amount: 1, unit: "mg" }, descriptor: "Injection, nivolumab", source: `[ADDB]; unit ${D4}` },
    ],
    note: "anti-PD-1 monoclonal antibody used as anti-cancer therapy: chemo/complex administration (CMS CR 3631)",
    source: `${D4} [ADDB][AAPC-NEURO]`,
  },
  {
    name: "bevacizumab",
    aliases: ["Avastin"],
    class: "chemo",
    codes: [
      { code: "J9035", opps: SI("K"), unit: { amount: 10, unit: "mg" }, descriptor: "Bevacizumab injection", source: `[ADDB]; unit ${D4}` },
    ],
    note: "anti-VEGF monoclonal antibody used as anti-cancer therapy: chemo/complex administration (CMS CR 3631); the intravitreal code C9257 is not an oncology code",
    source: `${D4} [ADDB][ADDB history]`,
  },
  {
    name: "trastuzumab",
    // Ado-trastuzumab emtansine (Kadcyla, J9354) is a different drug: not an alias.
    aliases: ["Herceptin"],
    class: "chemo",
    codes: [
      {
        code: "J9355", opps: SI("K"), unit: { amount: 10, unit: "mg" }, descriptor: "Inj trastuzumab excl biosimi",
        container: mixed("Herceptin: 150 mg single-dose vial and 440 mg multiple-dose vial (Roche leaflet §1.5, HSA Singapore, at myhealthbox.eu; US label §2.3: the 440 mg vial reconstituted with BWFI is a multi-dose solution, copy at 120ty.net aid=4414)"),
        source: `[ADDB]; unit ${D4}`,
      },
    ],
    note: "anti-HER2 monoclonal antibody used as anti-cancer therapy: chemo/complex administration (CMS CR 3631)",
    source: `${D4} [ADDB][ADDB history]`,
  },
  {
    name: "pertuzumab",
    aliases: ["Perjeta"],
    class: "chemo",
    codes: [
      { code: "J9306", opps: SI("K"), unit: { amount: 1, unit: "mg" }, descriptor: "Injection, pertuzumab, 1 mg", source: `[ADDB]; ${D4}` },
    ],
    note: "anti-HER2 monoclonal antibody used as anti-cancer therapy: chemo/complex administration (CMS CR 3631)",
    source: `${D4} [ADDB]`,
  },
  {
    name: "etoposide",
    aliases: ["VePesid", "Toposar", "VP-16"],
    class: "chemo",
    codes: [
      { code: "J9181", opps: SI("N"), unit: { amount: 10, unit: "mg" }, descriptor: "Etoposide injection", source: `${NOT_IN_DOMAIN} "Injection, etoposide, 10 mg"; in force [ADDB]` },
    ],
    note: "antineoplastic (topoisomerase inhibitor): chemo administration (CMS CR 3631)",
    source: `${NOT_IN_DOMAIN}; code in force [ADDB]`,
  },
  {
    name: "cytarabine",
    aliases: ["Ara-C"],
    class: "chemo",
    codes: [
      { code: "J9100", opps: SI("N"), unit: { amount: 100, unit: "mg" }, descriptor: "Cytarabine hcl 100 mg inj", source: "not in domain.md; unit in the [ADDB] short descriptor" },
    ],
    note: "antineoplastic (antimetabolite): chemo administration (CMS CR 3631)",
    source: "not in domain.md; [ADDB]",
  },

  // ================================================================ hormonal antineoplastics
  {
    name: "leuprolide",
    aliases: ["Lupron", "Lupron Depot", "Eligard", "leuprolide acetate"],
    class: "hormonal",
    codes: [
      {
        code: "J9217", opps: SI("K"),
        unit: { amount: 7.5, unit: "mg" },
        descriptor: "Leuprolide acetate suspnsion",
        // Derived: the 7.5 mg depot code is the prostate-cancer (antineoplastic) product, the use
        // that makes leuprolide "hormonal" here; the engine cannot tell products apart by dose.
        source: `[ADDB]; unit ${D4} (depot 7.5 mg); derived because it is the anti-cancer depot product`,
      },
      {
        code: "J1950", opps: SI("K"),
        unit: { amount: 3.75, unit: "mg" },
        descriptor: "Leuprolide acetate /3.75 mg",
        derive: false,
        source: `[ADDB]; ${D4}; not derived: the 3.75 mg depot is mostly used for non-cancer (gynaecological) indications, and IBX excludes it from chemo admin [IBX-2022]`,
      },
      { code: "J9218", opps: SI("E1"), unit: { amount: 1, unit: "mg" }, descriptor: "Leuprolide acetate injeciton", derive: false, source: `[ADDB] (SI E1: not covered by Medicare); unit ${D4}` },
    ],
    note: "hormonal anti-neoplastic: CPT 96402 for SC/IM injection; payer conflict: Independence Blue Cross (2022) says J1950 is not reportable with 96401-96459 and expects 96372 [IBX-2022]",
    source: `${D4}, R15 [ADDB][IBX-2022]`,
  },
  {
    name: "fulvestrant",
    aliases: ["Faslodex"],
    class: "hormonal",
    codes: [
      { code: "J9395", opps: SI("N"), unit: { amount: 25, unit: "mg" }, descriptor: "Injection, fulvestrant", source: `[ADDB]; unit ${D4}` },
      { code: "J9393", opps: SI("K"), unit: { amount: 25, unit: "mg" }, descriptor: "Inj, fulvestrant (teva)", from: "2023-01-01", derive: false, source: `[ADDB history]: first in the Jan 2023 file; unit ${D4}` },
      { code: "J9394", opps: SI("K"), unit: { amount: 25, unit: "mg" }, descriptor: "Inj, fulvestrant (fresenius)", from: "2023-01-01", derive: false, source: `[ADDB history]: first in the Jan 2023 file; unit ${D4}` },
    ],
    note: "hormonal anti-neoplastic (estrogen-receptor antagonist): CPT 96402 for the IM injection; no MAC confirmation found",
    source: `${D4} [ADDB][ADDB history]`,
  },

  // ================================================================ therapeutic (not chemo)
  {
    name: "leucovorin",
    aliases: ["leucovorin calcium", "folinic acid"],
    class: "therapeutic",
    codes: [
      { code: "J0640", opps: SI("N"), unit: { amount: 50, unit: "mg" }, descriptor: "Leucovorin calcium injection", source: `[ADDB]; unit ${D4}` },
    ],
    note: "chemo-modulating vitamin, not an antineoplastic: non-chemo administration (96368 when it runs alongside oxaliplatin) [AAPC-FOLFOX]",
    source: `${D4}, E1 [ADDB][AAPC-FOLFOX]`,
  },
  {
    name: "levoleucovorin",
    aliases: ["Fusilev"],
    class: "therapeutic",
    codes: [
      { code: "J0641", opps: SI("N"), unit: { amount: 0.5, unit: "mg" }, descriptor: "Inj levoleucovorin nos 0.5mg", source: `[ADDB]; ${D4}` },
    ],
    note: "chemo-modulating vitamin (active form of leucovorin), not an antineoplastic: non-chemo administration",
    source: `${D4} [ADDB]`,
  },
  {
    name: "methylprednisolone",
    aliases: ["Solu-Medrol", "Solumedrol", "methylprednisolone sodium succinate"],
    class: "therapeutic",
    codes: [
      { code: "J2920", unit: { amount: 40, unit: "mg", upTo: true }, descriptor: "Methylprednisolone injection", until: "2024-03-31", source: `[ADDB history]: last in the Jan 2024 file; ${D4}, E17` },
      { code: "J2930", unit: { amount: 125, unit: "mg", upTo: true }, descriptor: "Methylprednisolone injection", until: "2024-03-31", source: `[ADDB history]: last in the Jan 2024 file; ${D4}, E17` },
      { code: "J2919", opps: SI("N"), unit: { amount: 5, unit: "mg" }, descriptor: "Inj, methylpred sod succ 5mg", from: "2024-04-01", source: `[ADDB history]: first in the Apr 2024 file; ${D4} (125 mg = 25 units)` },
    ],
    note: "corticosteroid premedication: supportive, not chemotherapy administration",
    source: `${D4}, E17 [ADDB][ADDB history]`,
  },
  {
    name: "methylprednisolone acetate",
    aliases: ["Depo-Medrol"],
    class: "therapeutic",
    codes: [
      { code: "J1020", unit: { amount: 20, unit: "mg" }, descriptor: "Methylprednisolone 20 mg inj", until: "2024-03-31", source: `[ADDB history]: last in the Jan 2024 file; ${D4} [MEDX]` },
      { code: "J1030", unit: { amount: 40, unit: "mg" }, descriptor: "Methylprednisolone 40 mg inj", until: "2024-03-31", source: `[ADDB history]: last in the Jan 2024 file; ${D4} [MEDX]` },
      { code: "J1040", unit: { amount: 80, unit: "mg" }, descriptor: "Methylprednisolone 80 mg inj", until: "2024-03-31", source: `[ADDB history]: last in the Jan 2024 file; ${D4} [MEDX]` },
      { code: "J1010", opps: SI("N"), unit: { amount: 1, unit: "mg" }, descriptor: "Inj, methylpred acetate 1 mg", from: "2024-04-01", source: `[ADDB history]: first in the Apr 2024 file; ${D4} [MEDX]` },
    ],
    note: "corticosteroid depot suspension (IM or into a joint): supportive, not chemotherapy administration",
    source: `${D4} [ADDB][ADDB history][MEDX]`,
  },
  {
    name: "dexamethasone",
    aliases: ["Decadron", "dexamethasone sodium phosphate"],
    class: "therapeutic",
    codes: [
      { code: "J1100", opps: SI("N"), unit: { amount: 1, unit: "mg" }, descriptor: "Dexamethasone sodium phos", source: `[ADDB]; unit ${D4}` },
    ],
    note: "corticosteroid premedication/anti-emetic: not chemotherapy administration",
    source: `${D4} [ADDB]`,
  },
  {
    name: "diphenhydramine",
    aliases: ["Benadryl"],
    class: "therapeutic",
    codes: [
      { code: "J1200", opps: SI("N"), unit: { amount: 50, unit: "mg", upTo: true }, descriptor: "Diphenhydramine hcl injectio", source: `[ADDB]; unit ${D4}` },
    ],
    note: "antihistamine premedication: not chemotherapy administration",
    source: `${D4} [ADDB]`,
  },
  {
    name: "famotidine",
    aliases: ["Pepcid"],
    class: "therapeutic",
    codes: [
      {
        code: "J1308", opps: SI("N"),
        unit: { amount: 0.25, unit: "mg" },
        descriptor: "Inj, famotidine, 0.25 mg",
        from: "2025-04-01",
        source: `[ADDB history]: absent from the Jan 2025 file, first in the Apr 2025 file (flagged new); ${D4}, E18 (20 mg = 80 units). Before it there was no Medicare code (S0028/J3490 per payer)`,
      },
    ],
    note: "H2 blocker premedication: not chemotherapy administration",
    source: `${D4}, E18 [ADDB][ADDB history]`,
  },
  {
    name: "ondansetron",
    aliases: ["Zofran"],
    class: "therapeutic",
    codes: [
      { code: "J2405", opps: SI("N"), unit: { amount: 1, unit: "mg" }, descriptor: "Ondansetron hcl injection", source: `[ADDB]; unit ${D4}` },
    ],
    note: "anti-emetic: not chemotherapy administration (CMS CR 3631)",
    source: `${D4} [ADDB][CHEMO001]`,
  },
  {
    name: "granisetron",
    // Extended-release granisetron (Sustol, J1627) is a different product: not an alias.
    aliases: ["Kytril"],
    class: "therapeutic",
    codes: [
      { code: "J1626", opps: SI("N"), unit: { amount: 100, unit: "mcg" }, descriptor: "Granisetron hcl injection", source: `${NOT_IN_DOMAIN} "Injection, granisetron hydrochloride, 100 mcg"; in force [ADDB]` },
    ],
    note: "anti-emetic: not chemotherapy administration (CMS CR 3631)",
    source: `${NOT_IN_DOMAIN}; code in force [ADDB]; class basis [CHEMO001]`,
  },
  {
    name: "palonosetron",
    aliases: ["Aloxi"],
    class: "therapeutic",
    codes: [
      { code: "J2469", opps: SI("N"), unit: { amount: 25, unit: "mcg" }, descriptor: "Palonosetron hcl", source: `[ADDB]; unit ${D4} (0.25 mg = 10 units)` },
    ],
    note: "anti-emetic: not chemotherapy administration (CMS CR 3631)",
    source: `${D4} [ADDB][ADDB history][CHEMO001]`,
  },
  {
    name: "fosaprepitant",
    aliases: ["Emend", "Emend IV", "fosaprepitant dimeglumine"],
    class: "therapeutic",
    codes: [
      { code: "J1453", opps: SI("N"), unit: { amount: 1, unit: "mg" }, descriptor: "Fosaprepitant injection", source: `[ADDB]; unit ${D4}` },
      { code: "J1456", opps: SI("K"), unit: { amount: 1, unit: "mg" }, descriptor: "Inj, fosaprepitant (teva)", from: "2023-01-01", derive: false, source: `[ADDB history]: first in the Jan 2023 file; unit ${D4}` },
    ],
    note: "anti-emetic: not chemotherapy administration (CMS CR 3631)",
    source: `${D4} [ADDB][ADDB history][CHEMO001]`,
  },
  {
    name: "ferric carboxymaltose",
    aliases: ["Injectafer"],
    class: "therapeutic",
    codes: [
      { code: "J1439", opps: SI("K"), unit: { amount: 1, unit: "mg" }, descriptor: "Inj ferric carboxymaltos 1mg", source: `[ADDB]; ${D4}, E21 (750 mg = 750 units)` },
    ],
    note: "IV iron for anaemia: not chemotherapy administration (CMS CR 3631, anti-anaemia drugs)",
    source: `${D4} [ADDB][CHEMO001]`,
  },
  {
    name: "iron sucrose",
    aliases: ["Venofer"],
    class: "therapeutic",
    codes: [
      { code: "J1756", opps: SI("N"), unit: { amount: 1, unit: "mg" }, descriptor: "Iron sucrose injection", source: `[ADDB]; unit ${D4}` },
    ],
    note: "IV iron for anaemia: not chemotherapy administration (CMS CR 3631, anti-anaemia drugs)",
    source: `${D4} [ADDB][CHEMO001]`,
  },
  {
    name: "zoledronic acid",
    aliases: ["Zometa", "Reclast", "zoledronate"],
    class: "therapeutic",
    codes: [
      { code: "J3489", opps: SI("N"), unit: { amount: 1, unit: "mg" }, descriptor: "Zoledronic acid 1mg", source: `[ADDB]; ${D4}` },
    ],
    note: "bone agent (bisphosphonate), not an antineoplastic: non-chemo infusion (96365) or push (96374) by duration; no MAC drug list found (L)",
    source: `${D4} [ADDB]`,
  },
  {
    name: "denosumab",
    aliases: ["Xgeva", "Prolia"],
    class: "therapeutic",
    codes: [
      { code: "J0897", opps: SI("K"), unit: { amount: 1, unit: "mg" }, descriptor: "Denosumab injection", source: `[ADDB]; unit ${D4}` },
    ],
    note: "bone agent (RANKL antibody), not an anti-cancer therapy: CPT 96372 SC; Independence Blue Cross also excludes J0897 from 96401-96459 [IBX-2022][REVENANT]",
    source: `${D4} [ADDB][ADDB history][IBX-2022][REVENANT]`,
  },
  {
    name: "pegfilgrastim",
    aliases: ["Neulasta", "Neulasta Onpro"],
    class: "therapeutic",
    codes: [
      {
        code: "J2505",
        unit: { amount: 6, unit: "mg" },
        descriptor: "Injection, pegfilgrastim 6mg",
        until: "2021-12-31",
        // domain.md §4 says "gone after early 2023": an artefact of the repository's cumulative
        // sample.csv before Jan 2023. The Jan 2022 workbook itself already lacks J2505.
        source:
          "[ADDB history]: last in the Oct 2021 workbook, absent from the Jan 2022 workbook (softek/CMS.HCPCS 0f9297f); Amgen notice: J2505 for dates of service through 2021-12-31 (MSHO news 2021-12-08)",
      },
      {
        code: "J2506", opps: SI("K"),
        unit: { amount: 0.5, unit: "mg" },
        descriptor: "Inj pegfilgrast ex bio 0.5mg",
        from: "2022-01-01",
        source:
          `[ADDB history]: first in the Jan 2022 workbook; ${D4} (6 mg = 12 units); Amgen notice: effective 2022-01-01 (MSHO news 2021-12-08)`,
      },
    ],
    note: "white-cell growth factor (supportive care), not an antineoplastic: SC injection 96372, on-body injector application 96377",
    source: `${D4} [ADDB][ADDB history]`,
  },
  {
    name: "filgrastim",
    aliases: ["Neupogen"],
    class: "therapeutic",
    codes: [
      { code: "J1442", opps: SI("K"), unit: { amount: 1, unit: "mcg" }, descriptor: "Inj filgrastim excl biosimil", source: `${NOT_IN_DOMAIN} "…filgrastim (G-CSF), excludes biosimilars, 1 microgram"; in force [ADDB]` },
    ],
    note: "white-cell growth factor (supportive care), not an antineoplastic: SC injection 96372",
    source: `${NOT_IN_DOMAIN}; code in force [ADDB]`,
  },
  {
    name: "magnesium sulfate",
    aliases: ["magnesium", "MgSO4", "mag sulfate"],
    class: "therapeutic",
    codes: [
      { code: "J3475", opps: SI("N"), unit: { amount: 500, unit: "mg" }, descriptor: "Inj magnesium sulfate", source: `[ADDB]; unit ${D4} [CODINGHEALTH-J3475][PABAU] (L)` },
    ],
    note: "electrolyte given as a drug: a therapeutic infusion (docs/language.md §8); under `hydrate` it is hydration. Sources conflict: some hospitals bill therapeutic electrolytes as hydration [UWHC]",
    source: `${D4}; docs/language.md §8 [ADDB][UWHC][SELECTH]`,
  },
  {
    name: "potassium chloride",
    aliases: ["KCl"],
    class: "therapeutic",
    codes: [
      { code: "J3480", opps: SI("N"), unit: { amount: 2, unit: "mEq" }, descriptor: "Inj potassium chloride", source: `[ADDB]; unit ${D4}` },
    ],
    note: "electrolyte given as a drug: a therapeutic infusion (docs/language.md §8); premixed fluid with KCl under `hydrate` is hydration",
    source: `${D4}; docs/language.md §8 [ADDB][SELECTH]`,
  },
  {
    name: "ketorolac",
    aliases: ["Toradol", "ketorolac tromethamine"],
    class: "therapeutic",
    codes: [
      { code: "J1885", opps: SI("K1"), unit: { amount: 15, unit: "mg" }, descriptor: "Ketorolac tromethamine inj", source: `[ADDB]; unit ${D4}` },
    ],
    note: "analgesic (NSAID): not chemotherapy administration",
    source: `${D4} [ADDB]`,
  },
  {
    name: "morphine",
    aliases: ["morphine sulfate"],
    class: "therapeutic",
    codes: [
      { code: "J2270", opps: SI("N"), unit: { amount: 10, unit: "mg", upTo: true }, descriptor: "Morphine sulfate injection", source: `[ADDB]; unit ${D4}` },
    ],
    note: "opioid analgesic: not chemotherapy administration",
    source: `${D4} [ADDB]`,
  },
  {
    name: "hydromorphone",
    aliases: ["Dilaudid"],
    class: "therapeutic",
    codes: [
      { code: "J1170", unit: { amount: 4, unit: "mg", upTo: true }, descriptor: "Hydromorphone injection", until: "2024-09-30", source: `[ADDB history]: last in the Jul 2024 file; ${D4}` },
      { code: "J1171", opps: SI("N"), unit: { amount: 0.1, unit: "mg" }, descriptor: "Inj, hydromorphone, 0.1 mg", from: "2024-10-01", source: `[ADDB history]: first in the Oct 2024 file; ${D4}` },
    ],
    note: "opioid analgesic: not chemotherapy administration",
    source: `${D4} [ADDB][ADDB history]`,
  },
  {
    name: "promethazine",
    aliases: ["Phenergan"],
    class: "therapeutic",
    codes: [
      { code: "J2550", opps: SI("N"), unit: { amount: 50, unit: "mg", upTo: true }, descriptor: "Promethazine hcl injection", source: `[ADDB]; unit ${D4}` },
    ],
    note: "anti-emetic/antihistamine: not chemotherapy administration (CMS CR 3631)",
    source: `${D4} [ADDB][CHEMO001]`,
  },
  {
    name: "acetaminophen",
    aliases: ["Ofirmev", "paracetamol"],
    class: "therapeutic",
    codes: [
      { code: "J0131", opps: SI("N"), unit: { amount: 10, unit: "mg" }, descriptor: "Inj, acetaminophen (nos)", source: `${NOT_IN_DOMAIN} "Injection, acetaminophen, not otherwise specified, 10 mg"; in force [ADDB]` },
    ],
    note: "analgesic/antipyretic premedication: not chemotherapy administration; J0131 is the IV form only (oral acetaminophen has no drug line)",
    source: `${NOT_IN_DOMAIN}; code in force [ADDB]`,
  },
  {
    name: "prednisone",
    aliases: [],
    class: "therapeutic",
    // J7512 (oral prednisone, 1 mg) exists but is not billed with these encounters; J7506 is gone.
    codes: [],
    oral: true,
    note: "oral corticosteroid (e.g. the P of R-CHOP): given by mouth, so no administration code ever applies",
    source: "docs/language.md §8 and §12 (R-CHOP example)",
  },

  // ================================================================ hydration fluids
  {
    name: "normal saline",
    aliases: ["NS", "saline", "sodium chloride", "normal saline solution"],
    class: "fluid",
    codes: [
      { code: "J7030", opps: SI("N"), unit: { amount: 1000, unit: "mL" }, descriptor: "Normal saline solution infus", source: `[ADDB]; unit ${D4} (1000 cc)` },
      { code: "J7040", opps: SI("N"), unit: { amount: 500, unit: "mL" }, descriptor: "Normal saline solution infus", source: `[ADDB]; unit ${D4} (500 mL = 1 unit)` },
      { code: "J7050", opps: SI("N"), unit: { amount: 250, unit: "mL" }, descriptor: "Normal saline solution infus", source: `[ADDB]; unit ${D4} (250 cc; some repos wrongly say 1000 cc)` },
    ],
    note: "0.9% sodium chloride: hydration (96360/96361) when medically necessary for more than 30 minutes; as a carrier, keep-open or flush fluid it is incidental",
    source: `${D4}, R4, R6 [ADDB]`,
  },
  {
    name: "D5W",
    aliases: ["D5-W", "dextrose in water", "dextrose 5%"],
    class: "fluid",
    codes: [
      { code: "J7060", opps: SI("N"), unit: { amount: 500, unit: "mL" }, descriptor: "5% dextrose/water", source: `[ADDB]; ${NOT_IN_DOMAIN} "5% dextrose/water (500 ml = 1 unit)"` },
      { code: "J7070", opps: SI("N"), unit: { amount: 1000, unit: "mL" }, descriptor: "D5w infusion", source: `[ADDB]; ${NOT_IN_DOMAIN} "Infusion, D5W, 1000 cc"` },
    ],
    note: "5% dextrose in water: hydration fluid",
    source: `domain.md R4; codes ${NOT_IN_DOMAIN}; in force [ADDB]`,
  },
  {
    name: "lactated Ringer's",
    aliases: ["LR", "Ringers lactate", "Ringer lactate"],
    class: "fluid",
    codes: [
      { code: "J7120", opps: SI("N"), unit: { amount: 1000, unit: "mL", upTo: true }, descriptor: "Ringers lactate infusion", source: `[ADDB]; ${NOT_IN_DOMAIN} "Ringers lactate infusion, up to 1000 cc"` },
    ],
    note: "balanced electrolyte solution: hydration fluid",
    source: `domain.md R4; code ${NOT_IN_DOMAIN}; in force [ADDB]`,
  },
  {
    name: "D5 half normal saline with potassium",
    aliases: ["D5-half-NS-KCl", "D5HalfNS-KCl", "D5-half-NS-with-KCl"],
    class: "fluid",
    // No single HCPCS code is known to us for this premix (J7042 is D5 with full-strength saline).
    codes: [],
    note: "pre-mixed dextrose, half-strength saline and potassium: CPT's own example of a hydration fluid",
    source: "domain.md R4 [AAPC-HYD-2012][SELECTH]",
  },
];

/** A product of its own before it takes its reference drug's class. */
interface ProductSpec {
  name: string;
  aliases?: string[];
  product: ProductInfo;
  codes: DrugEntry["codes"];
  source: string;
}

// Open start quarters (see the header): the bracket each code's first appearance leaves.
const SEEN_2019 = "[ADDB history]: absent from the Jan 2019 workbook, first in Jan 2020 (Apr-Oct 2019 not kept): start quarter open";
const SEEN_2020 = "[ADDB history]: absent from the Apr 2020 workbook, first in Jan 2021 (Jul-Oct 2020 not kept): start quarter open";
const BEFORE_2019 = "[ADDB history]: already in the Jan 2019 workbook, the oldest kept: start quarter open";
const TEN_MG = { amount: 10, unit: "mg" } as const;
const HALF_MG = { amount: 0.5, unit: "mg" } as const;

const RITUXIMAB_VIALS = "100 mg/10 mL and 500 mg/50 mL single-dose vials";
const PEG_SYRINGE = "6 mg/0.6 mL single-dose prefilled syringe";

/** Biosimilars and branded products with HCPCS codes of their own (docs/language.md §8). */
const PRODUCTS: readonly ProductSpec[] = [
  // ------------------------------------------------------------ rituximab (reference J9312)
  {
    name: "Truxima",
    product: { of: "rituximab", kind: "biosimilar", nonproprietary: "rituximab-abbs" },
    codes: [
      {
        code: "Q5115", opps: SI("K"), unit: TEN_MG, descriptor: "Inj truxima 10 mg",
        container: single(`${RITUXIMAB_VIALS}: truximahcp.com/supply-dosage; NDC 63459-104-50 "1 VIAL, SINGLE-USE" (ndclist.com/ndc/63459-104)`),
        source: `[ADDB]; ${SEEN_2019}; unit 10 mg in the short descriptor; truximahcp.com lists Q5115`,
      },
    ],
    source: "[ADDB]; biosimilar to Rituxan: Truxima label on DailyMed (rituximab-abbs, NDC 63459-103, -104)",
  },
  {
    name: "Ruxience",
    product: { of: "rituximab", kind: "biosimilar", nonproprietary: "rituximab-pvvr" },
    codes: [
      {
        code: "Q5119", opps: SI("K"), unit: TEN_MG, descriptor: "Inj ruxience, 10 mg",
        container: single(`${RITUXIMAB_VIALS}: label as quoted by NC Medicaid, medicaid.ncdhhs.gov/blog/2020/04/07 (rituximab-pvvr, Ruxience)`),
        source: `[ADDB]; ${SEEN_2020}; unit 10 mg in the short descriptor`,
      },
    ],
    source: "[ADDB]; rituximab-pvvr is Ruxience: Highmark policy I-38-032 (2023), BCBS Mississippi policy L.5.01.518",
  },
  {
    name: "Riabni",
    product: { of: "rituximab", kind: "biosimilar", nonproprietary: "rituximab-arrx" },
    codes: [
      {
        code: "Q5123", opps: SI("K"), unit: TEN_MG, descriptor: "Inj. riabni, 10 mg", from: "2021-07-01",
        container: single(`${RITUXIMAB_VIALS}: label as quoted by NC Medicaid, medicaid.ncdhhs.gov/blog/2021/02/09 (rituximab-arrx, Riabni)`),
        source:
          "[ADDB history]: absent from Apr 2021, first in the Oct 2021 workbook (Jul 2021 not kept); a Medicare billing article quoted at icd-faq.com/icd-10-code-for-rituximab: C9399 (Part A) / J3590 (Part B) for rituximab-arrx on dates of service 12/17/2020 through 6/30/2021, so Q5123 from 2021-07-01; unit 10 mg in the short descriptor",
      },
    ],
    source: "[ADDB]; rituximab-arrx is Riabni: Highmark policy I-38-032 (2023)",
  },

  // ------------------------------------------------------------ bevacizumab (reference J9035)
  {
    name: "Mvasi",
    product: { of: "bevacizumab", kind: "biosimilar", nonproprietary: "bevacizumab-awwb" },
    codes: [
      {
        code: "Q5107", opps: SI("K"), unit: TEN_MG, descriptor: "Inj mvasi 10 mg",
        container: single("100 mg/4 mL and 400 mg/16 mL single-dose vials: label storage and preparation, reproduced in Oncol Ther 2020 (link.springer.com/article/10.1007/s40487-020-00133-1, Table 2)"),
        source: `[ADDB]; ${BEFORE_2019}; unit 10 mg in the short descriptor`,
      },
    ],
    source: "[ADDB]; bevacizumab-awwb is Mvasi, biosimilar to Avastin: DailyMed label setid 0a562b4e",
  },
  {
    name: "Zirabev",
    product: { of: "bevacizumab", kind: "biosimilar", nonproprietary: "bevacizumab-bvzr" },
    codes: [
      { code: "Q5118", opps: SI("K"), unit: TEN_MG, descriptor: "Inj., zirabev, 10 mg", source: `[ADDB]; ${SEEN_2019}; unit 10 mg in the short descriptor` },
    ],
    source: "[ADDB]; bevacizumab-bvzr is Zirabev, biosimilar to Avastin: DailyMed label setid aa27acbd",
  },
  {
    name: "Alymsys",
    product: { of: "bevacizumab", kind: "biosimilar" },
    codes: [
      { code: "Q5126", opps: SI("K"), unit: TEN_MG, descriptor: "Inj alymsys 10 mg", from: "2023-01-01", source: `[ADDB history]: absent from Oct 2022, first in the Jan 2023 workbook; unit in the short descriptor` },
    ],
    source: `[ADDB]; ${D4} (bevacizumab biosimilar)`,
  },
  {
    name: "Vegzelma",
    product: { of: "bevacizumab", kind: "biosimilar" },
    codes: [
      { code: "Q5129", opps: SI("G"), unit: TEN_MG, descriptor: "Inj, vegzelma, 10 mg", from: "2023-04-01", source: "[ADDB history]: absent from Jan 2023, first in the Apr 2023 file; unit in the short descriptor" },
    ],
    source: "[ADDB] short descriptor (bevacizumab biosimilar)",
  },
  {
    name: "Jobevne",
    product: { of: "bevacizumab", kind: "biosimilar" },
    codes: [
      { code: "Q5160", opps: SI("G"), unit: TEN_MG, descriptor: "Inj, jobevne, 10 mg", from: "2026-01-01", source: "[ADDB history]: absent from Oct 2025, first in the Jan 2026 file; unit in the short descriptor" },
    ],
    source: "[ADDB] short descriptor (bevacizumab biosimilar)",
  },

  // ------------------------------------------------------------ trastuzumab (reference J9355)
  {
    name: "Ontruzant",
    product: { of: "trastuzumab", kind: "biosimilar" },
    codes: [
      { code: "Q5112", opps: SI("K"), unit: TEN_MG, descriptor: "Inj ontruzant 10 mg", source: `[ADDB]; ${SEEN_2019}; unit in the short descriptor` },
    ],
    source: "[ADDB] short descriptor (trastuzumab biosimilar)",
  },
  {
    name: "Herzuma",
    product: { of: "trastuzumab", kind: "biosimilar" },
    codes: [
      { code: "Q5113", opps: SI("K"), unit: TEN_MG, descriptor: "Inj herzuma 10 mg", source: `[ADDB]; ${SEEN_2019}; unit in the short descriptor` },
    ],
    source: "[ADDB] short descriptor (trastuzumab biosimilar)",
  },
  {
    name: "Ogivri",
    product: { of: "trastuzumab", kind: "biosimilar", nonproprietary: "trastuzumab-dkst" },
    codes: [
      {
        code: "Q5114", opps: SI("K"), unit: TEN_MG, descriptor: "Inj ogivri 10 mg",
        container: mixed("420 mg multiple-dose vial and 150 mg single-dose vial: label §11 (druginserts.com/lib/rx/meds/ogivri/page/6)"),
        source: `[ADDB]; ${SEEN_2019}; unit in the short descriptor`,
      },
    ],
    source: "[ADDB]; trastuzumab-dkst is Ogivri, biosimilar to Herceptin: DailyMed label setid 6b7938e6",
  },
  {
    name: "Trazimera",
    product: { of: "trastuzumab", kind: "biosimilar", nonproprietary: "trastuzumab-qyyp" },
    codes: [
      {
        code: "Q5116", opps: SI("K"), unit: TEN_MG, descriptor: "Inj., trazimera, 10 mg",
        container: mixed("420 mg multiple-dose vial: label §2.4 and §11 (copy at 120ty.net, aid=58370); a 150 mg vial is also marketed (EU leaflet), so not every strength is multiple-dose"),
        source: `[ADDB]; ${SEEN_2019}; unit in the short descriptor`,
      },
    ],
    source: "[ADDB]; trastuzumab-qyyp is Trazimera, biosimilar to Herceptin: DailyMed label setid b9c5e894",
  },
  {
    name: "Kanjinti",
    product: { of: "trastuzumab", kind: "biosimilar", nonproprietary: "trastuzumab-anns" },
    codes: [
      {
        code: "Q5117", opps: SI("K"), unit: TEN_MG, descriptor: "Inj., kanjinti, 10 mg",
        container: mixed("420 mg multiple-dose vial: US label §11 (copy at 120ty.net, aid=59709); 150 mg vial for single-dose use (SmPC copy at 120ty.net, aid=59711)"),
        source: `[ADDB]; ${SEEN_2019}; unit in the short descriptor`,
      },
    ],
    source: "[ADDB]; trastuzumab-anns is Kanjinti, biosimilar to Herceptin: DailyMed label setid 9a94f5b2",
  },
  {
    name: "Hercessi",
    product: { of: "trastuzumab", kind: "biosimilar" },
    codes: [
      { code: "Q5146", opps: SI("K"), unit: TEN_MG, descriptor: "Inj, hercessi, 10 mg", from: "2025-01-01", source: "[ADDB history]: absent from Oct 2024, first in the Jan 2025 file; unit in the short descriptor" },
    ],
    source: `[ADDB]; ${D4} (trastuzumab biosimilar)`,
  },

  // ------------------------------------------------------------ pegfilgrastim (reference J2506)
  {
    name: "Fulphila",
    product: { of: "pegfilgrastim", kind: "biosimilar", nonproprietary: "pegfilgrastim-jmdb" },
    codes: [
      {
        code: "Q5108", opps: SI("K"), unit: HALF_MG, descriptor: "Injection, fulphila",
        container: single(`${PEG_SYRINGE}: FDA SPL 3da28670 (accessdata.fda.gov), label description at edrugswiki.com/drug/fulphila`),
        source: `[ADDB]; ${BEFORE_2019}; unit 0.5 mg: not in the short descriptor; ${D4}, and the Apr 2026 payment rate ($79.50/unit) is of the order of J2506's ($127.38 per 0.5 mg), not of a 6 mg unit`,
      },
    ],
    source: "[ADDB]; pegfilgrastim-jmdb is Fulphila, biosimilar to Neulasta: FDA SPL 3da28670",
  },
  {
    name: "Udenyca",
    product: { of: "pegfilgrastim", kind: "biosimilar", nonproprietary: "pegfilgrastim-cbqv" },
    codes: [
      {
        code: "Q5111", opps: SI("K"), unit: HALF_MG, descriptor: "Injection, udenyca 0.5 mg",
        container: single(`${PEG_SYRINGE}: label §3 and §16 (copy at 120ty.net, aid=56867)`),
        source: `[ADDB]; ${BEFORE_2019}; unit 0.5 mg in the short descriptor`,
      },
    ],
    source: "[ADDB]; pegfilgrastim-cbqv is Udenyca, biosimilar to Neulasta: label (120ty.net, aid=56867)",
  },
  {
    name: "Ziextenzo",
    product: { of: "pegfilgrastim", kind: "biosimilar", nonproprietary: "pegfilgrastim-bmez" },
    codes: [
      {
        code: "Q5120", opps: SI("K"), unit: HALF_MG, descriptor: "Inj pegfilgrastim-bmez 0.5mg",
        container: single(`${PEG_SYRINGE}: iframe.ai/medical-coding/reference/Q5120 (secondary, L)`),
        source: `[ADDB]; ${SEEN_2020}; unit 0.5 mg in the short descriptor`,
      },
    ],
    source: "[ADDB]; pegfilgrastim-bmez is Ziextenzo: iframe.ai Q5120 page (L); drugs.com pegfilgrastim page lists the -bmez biosimilar",
  },
  {
    name: "Nyvepria",
    product: { of: "pegfilgrastim", kind: "biosimilar", nonproprietary: "pegfilgrastim-apgf" },
    codes: [
      {
        code: "Q5122", opps: SI("K"), unit: HALF_MG, descriptor: "Inj, nyvepria",
        source:
          "[ADDB]; [ADDB history]: absent from Apr 2020, first in the Jan 2021 workbook: start quarter open; long descriptor \"Injection, pegfilgrastim-apgf, biosimilar, (nyvepria), 0.5 mg\" and in force on 1/1/2021: National Government Services notice 2021-04-26 (ngsmedicare.com article 2438949, CR 12175)",
      },
    ],
    source: "[ADDB]; NGS notice 2021-04-26 (CR 12175)",
  },
  {
    name: "Stimufend",
    product: { of: "pegfilgrastim", kind: "biosimilar" },
    codes: [
      { code: "Q5127", opps: SI("K"), unit: HALF_MG, descriptor: "Inj, stimufend, 0.5 mg", from: "2023-04-01", source: "[ADDB history]: absent from Jan 2023, first in the Apr 2023 file; unit in the short descriptor" },
    ],
    source: "[ADDB] short descriptor (pegfilgrastim biosimilar)",
  },
  {
    name: "Fylnetra",
    product: { of: "pegfilgrastim", kind: "biosimilar" },
    codes: [
      {
        code: "Q5130", opps: SI("K"), unit: HALF_MG, descriptor: "Inj, fylnetra, 0.5 mg", from: "2023-04-01",
        container: single("single-dose prefilled syringe: label §2 \"administered subcutaneously via a single-dose prefilled syringe\" (label text at hyperqbank.com/drugs/pegfilgrastim, L)"),
        source: "[ADDB history]: absent from Jan 2023, first in the Apr 2023 file; unit in the short descriptor",
      },
    ],
    source: "[ADDB] short descriptor (pegfilgrastim biosimilar)",
  },

  // ------------------------------------------------------------ denosumab (reference J0897)
  // Named by their nonproprietary names, as Addendum B does; brand names were not verified.
  ...(["bbdz", "bmwo", "bnht", "dssb"] as const).map((suffix): ProductSpec => {
    const facts = {
      bbdz: { code: "Q5136", si: "K", descriptor: "Inj. denosumab-bbdz, 1 mg", from: "2024-10-01", seen: "absent from Jul 2024, first in the Oct 2024 file" },
      bmwo: { code: "Q5157", si: "K", descriptor: "Inj, denosumab-bmwo, 1 mg", from: "2025-10-01", seen: "absent from Jul 2025, first in the Oct 2025 file" },
      bnht: { code: "Q5158", si: "G", descriptor: "Inj, denosumab-bnht, 1 mg", from: "2025-10-01", seen: "absent from Jul 2025, first in the Oct 2025 file" },
      dssb: { code: "Q5159", si: "E2", descriptor: "Inj, denosumab-dssb, 1 mg", from: "2025-10-01", seen: "absent from Jul 2025, first in the Oct 2025 file" },
    }[suffix];
    return {
      name: `denosumab-${suffix}`,
      product: { of: "denosumab", kind: "biosimilar" },
      codes: [
        { code: facts.code, opps: SI(facts.si as OppsStatus), unit: { amount: 1, unit: "mg" }, descriptor: facts.descriptor, from: facts.from, source: `[ADDB history]: ${facts.seen}; unit in the short descriptor` },
      ],
      source: `[ADDB] short descriptor (denosumab biosimilar)`,
    };
  }),

  // ------------------------------------------------------------ branded products of other molecules
  {
    name: "Frindovyx",
    product: { of: "cyclophosphamide", kind: "product" },
    codes: [
      { code: "J9072", opps: SI("G"), unit: { amount: 5, unit: "mg" }, descriptor: "Inj cyclophos frindovyx 5 mg", from: "2024-01-01", source: "[ADDB history]: absent from Oct 2023, first in the Jan 2024 file (then worded \"dr.reddy's\"); unit in the short descriptor" },
    ],
    source: "[ADDB] short descriptor",
  },
  {
    name: "Docivyx",
    product: { of: "docetaxel", kind: "product" },
    codes: [
      { code: "J9172", opps: SI("G"), unit: { amount: 1, unit: "mg" }, descriptor: "Docetaxel (docivyx), 1 mg", from: "2024-01-01", source: `[ADDB history]: absent from Oct 2023, first in the Jan 2024 file; ${D4}` },
    ],
    source: "[ADDB] short descriptor",
  },
  {
    name: "Beizray",
    product: { of: "docetaxel", kind: "product" },
    codes: [
      { code: "J9174", opps: SI("G"), unit: { amount: 1, unit: "mg" }, descriptor: "Inj, docetaxel (beizray) 1mg", from: "2025-07-01", source: `[ADDB history]: absent from Apr 2025, first in the Jul 2025 file; ${D4}` },
    ],
    source: "[ADDB] short descriptor",
  },
  {
    name: "Boruzu",
    product: { of: "bortezomib", kind: "product" },
    codes: [
      { code: "J9054", opps: SI("G"), unit: { amount: 0.1, unit: "mg" }, descriptor: "Inj bortezomib boruzu 0.1 mg", from: "2025-04-01", source: `[ADDB history]: absent from Jan 2025, first in the Apr 2025 file; ${D4}` },
    ],
    source: "[ADDB] short descriptor",
  },
  {
    name: "Camcevi",
    product: { of: "leuprolide", kind: "product" },
    codes: [
      { code: "J1952", opps: SI("K"), unit: { amount: 1, unit: "mg" }, descriptor: "Leuprolide inj, camcevi, 1mg", from: "2022-01-01", source: `[ADDB history]: absent from Oct 2021, first in the Jan 2022 workbook; ${D4}` },
    ],
    source: "[ADDB] short descriptor",
  },
  {
    name: "Khapzory",
    product: { of: "levoleucovorin", kind: "product" },
    codes: [
      { code: "J0642", opps: SI("N"), unit: { amount: 0.5, unit: "mg" }, descriptor: "Injection, khapzory, 0.5 mg", source: "[ADDB history]: absent from Jan 2019, first in the Jan 2020 workbook: start quarter open; unit in the short descriptor" },
    ],
    source: "[ADDB] short descriptor",
  },
  {
    name: "Posfrea",
    product: { of: "palonosetron", kind: "product" },
    codes: [
      { code: "J2468", opps: SI("G"), unit: { amount: 25, unit: "mcg" }, descriptor: "Inj, palonosetron (posfrea)", from: "2024-07-01", source: `[ADDB history]: absent from Apr 2024, first in the Jul 2024 file; unit ${D4}` },
    ],
    source: "[ADDB] short descriptor",
  },
];

/** A product entry: its own names and codes, the class (and the why) of the drug it names. */
function productEntry(spec: ProductSpec, generics: ReadonlyMap<string, DrugEntry>): DrugEntry {
  const ref = generics.get(spec.product.of);
  // A data error, caught by test/data: a product must name a generic of this table.
  if (!ref) throw new Error(`drug table: ${spec.name} names unknown reference drug ${spec.product.of}`);
  const np = spec.product.nonproprietary;
  const what = spec.product.kind === "biosimilar" ? `biosimilar to ${ref.name}` : `a ${ref.name} product with its own HCPCS code`;
  return {
    name: spec.name,
    aliases: [...(np ? [np] : []), ...(spec.aliases ?? [])],
    class: ref.class,
    codes: spec.codes,
    product: spec.product,
    note: ref.note ? `${what}; ${ref.note}` : what,
    source: spec.source,
  };
}

const GENERIC_BY_NAME = new Map(GENERICS.map((g) => [g.name, g]));

export const DRUGS: readonly DrugEntry[] = [...GENERICS, ...PRODUCTS.map((p) => productEntry(p, GENERIC_BY_NAME))];
