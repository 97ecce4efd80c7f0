// What the service-codes walk remembers from one service to the next, and the service in hand.
import type { DerivationState, Service } from "../types.js";

/** Infusions of one drug in one category at one site share their minutes. */
export const groupKey = (s: Service) => `${s.site}|${s.category}|${s.drugKey}`;

export interface CodingWalk {
  st: DerivationState;
  /** site|category|drug → the first coded infusion of that drug (later bags add their time to it). */
  codedInfusion: Map<string, Service>;
  /** drug → its latest IV push so far (96376 counts 30 minutes from it). */
  lastPush: Map<string, Service>;
  chemoPushed: Set<string>;
  codedChemoInfusions: Set<Service>;
  codedInfusions: Set<Service>;
  /** 96368 is reported once per encounter. */
  used96368: boolean;
  /** Sites whose hydration is coded (one hydration line per site, with the site's minutes). */
  hydrationCoded: Set<number>;
  otherServices: Service[];
  /** site|category|drug → the minutes of all its bags. */
  groupMinutes: Map<string, number>;
}

export interface Turn {
  s: Service;
  /** The initial service of the encounter or of a further IV site. */
  initial: boolean;
  /** The initial service of the encounter. */
  isMain: boolean;
  /** XS for the initial service of a further site. */
  xs: string[];
  /** Why it is initial, in words ("" when it is not). */
  why: string;
}
