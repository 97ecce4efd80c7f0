// What the service-codes walk remembers from one service to the next, and the service in hand.
import type { DerivationState, Service } from "../types.js";

export interface CodingWalk {
  st: DerivationState;
  /** site|category|drug → the first coded infusion of that drug (later bags add their time to it). */
  codedInfusion: Map<string, Service>;
  /** drug → its latest IV push so far (96376 counts 30 minutes from it). */
  lastPush: Map<string, Service>;
  chemoPushed: Set<string>;
  codedChemoInfusions: Service[];
  codedInfusions: Set<Service>;
  /** 96368 is reported once per encounter. */
  used96368: boolean;
  /** Sites whose hydration is coded (one hydration line per site, with the site's minutes). */
  hydrationCoded: Set<number>;
  otherServices: Service[];
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
