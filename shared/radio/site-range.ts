/**
 * Range of a site type: its explicit `rangeKm` if given, otherwise link budget → MAPL → inverse of its
 * propagation model, with the validity of the model at that range.
 */
import type { SiteType } from '../scenario/site-type';
import { DEFAULT_UE_HEIGHT_M, linkBudget, type LinkBudgetResult } from './link-budget';
import { pathLossValidity, type PathLossValidity } from './path-loss-validity';
import { maxRangeKm, type RangeBound } from './range';

/** Result of `siteRangeKm`. */
export interface SiteRange {
  /** Cell range, km. */
  rangeKm: number;
  /** 'override' when the site type gives `rangeKm` itself. */
  boundBy: RangeBound | 'override';
  /** Limiting MAPL, dB (absent for an override). */
  maplDb?: number;
  /** Which link direction limits (absent for an override). */
  limiting?: 'uplink' | 'downlink';
  /** Carrier frequency the range was computed at (the lowest of the type), MHz (absent for an override). */
  freqMHz?: number;
  /** Validity of the propagation model at the computed range (always valid for an override). */
  validity: PathLossValidity;
  /** The itemised link budget at that carrier (absent for an override). */
  linkBudget?: LinkBudgetResult;
}

/**
 * Cell range of a site type, km. The type's `rangeKm` wins when given. Otherwise: the link budget (DL power
 * spread over the lowest-frequency carrier's bandwidth) gives the limiting MAPL; the type's propagation
 * model is inverted at the lowest carrier frequency (it reaches farthest and carries coverage) with base
 * height `heightM` and UE height `linkBudget.ueHeightM` (default 1.5 m); the result is capped at the
 * radio horizon and the PRACH limit. `validity` tells whether the model was used inside its range there.
 */
export function siteRangeKm(siteType: SiteType): SiteRange {
  if (siteType.rangeKm !== undefined) {
    return {
      rangeKm: siteType.rangeKm,
      boundBy: 'override',
      validity: { valid: true, warnings: [], notes: [] },
    };
  }
  const terms = siteType.linkBudget;
  if (terms === undefined) {
    throw new RangeError(`site type ${siteType.id} has neither a linkBudget nor a rangeKm`);
  }
  if (siteType.carriers.length === 0) throw new RangeError(`site type ${siteType.id} has no carrier`);
  const carrier = siteType.carriers.reduce((a, c) => (c.freqMHz < a.freqMHz ? c : a));
  const budget = linkBudget({ terms, carrierBandwidthMHz: carrier.bandwidthMHz });
  const rxHeightM = terms.ueHeightM ?? DEFAULT_UE_HEIGHT_M;
  const r = maxRangeKm({
    model: siteType.propagation,
    maplDb: budget.maplDb,
    freqMHz: carrier.freqMHz,
    txHeightM: siteType.heightM,
    rxHeightM,
  });
  const validity = pathLossValidity({
    model: siteType.propagation,
    freqMHz: carrier.freqMHz,
    distanceKm: r.rangeKm,
    txHeightM: siteType.heightM,
    rxHeightM,
  });
  return {
    rangeKm: r.rangeKm,
    boundBy: r.boundBy,
    maplDb: budget.maplDb,
    limiting: budget.limiting,
    freqMHz: carrier.freqMHz,
    validity,
    linkBudget: budget,
  };
}
