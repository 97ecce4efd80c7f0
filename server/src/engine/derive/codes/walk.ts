// What the service-codes walk remembers from one service to the next, and the service in hand.
import type { DerivationState, Service } from "../types.js";

/** Infusions of one drug in one category at one site share their minutes. */
export const groupKey = (s: Service) => `${s.site}|${s.category}|${s.drugKey}`;

const isInfusion = (s: Service) => s.category === "infusion" || s.category === "chemo-infusion";

/**
 * The walk's memory. Each list or map is made when a service first needs it: most encounters
 * have one or two kinds of service, and an empty Map or Set for every kind of every encounter was
 * a large share of what the derivation allocated (measured with a sampling heap profile).
 */
export class CodingWalk {
  /** 96368 is reported once per encounter. */
  used96368 = false;
  private infusionsByGroup?: Map<string, Service>;
  private pushes?: Map<string, Service>;
  private chemoPushes?: Set<string>;
  private chemoInfusions?: Set<Service>;
  private infusions?: Set<Service>;
  private hydratedSites?: Set<number>;
  private others?: Service[];
  private minutesByGroup?: Map<string, number>;

  constructor(readonly st: DerivationState) {}

  /** site|category|drug → the first coded infusion of that drug (later bags add their time to it). */
  get codedInfusion(): Map<string, Service> {
    return (this.infusionsByGroup ??= new Map());
  }

  /** drug → its latest IV push so far (96376 counts 30 minutes from it). */
  get lastPush(): Map<string, Service> {
    return (this.pushes ??= new Map());
  }

  get chemoPushed(): Set<string> {
    return (this.chemoPushes ??= new Set());
  }

  get codedChemoInfusions(): Set<Service> {
    return (this.chemoInfusions ??= new Set());
  }

  get codedInfusions(): Set<Service> {
    return (this.infusions ??= new Set());
  }

  /** Sites whose hydration is coded (one hydration line per site, with the site's minutes). */
  get hydrationCoded(): Set<number> {
    return (this.hydratedSites ??= new Set());
  }

  /**
   * Any other documented administration makes a port flush not the sole service, billable or not
   * (a draw from the port includes the flush: pumps-and-ports.ts).
   */
  get otherServices(): Service[] {
    return (this.others ??= this.st.services.filter((s) => s.admin.verb !== "oral" && s.admin.verb !== "flush"));
  }

  /** site|category|drug → the minutes of all its bags (infusions only: only their hours are counted this way). */
  get groupMinutes(): Map<string, number> {
    if (this.minutesByGroup) return this.minutesByGroup;
    const minutes = (this.minutesByGroup = new Map());
    for (const s of this.st.services) {
      if (!isInfusion(s)) continue;
      const key = groupKey(s);
      minutes.set(key, (minutes.get(key) ?? 0) + (s.minutes ?? 0));
    }
    return minutes;
  }
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
