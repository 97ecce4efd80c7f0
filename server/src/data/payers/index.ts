// Built-in payer profiles. Each profile is a JSON file (format: README.md in this folder);
// users can add their own files of the same shape.

import type { PayerProfile } from "../types.js";
import medicare from "./medicare.json";
import ibx from "./ibx.json";

// JSON imports widen string literals ("office" becomes string), hence the casts.
export const PAYERS: readonly PayerProfile[] = [medicare as PayerProfile, ibx as PayerProfile];
