/**
 * Cell range from a maximum allowed path loss: solve PL(R) = MAPL on the chosen model by bisection, then
 * cap by the radio horizon and by the LTE PRACH timing limit.
 */
import type { PropagationModel } from '../scenario/site-type';
import { pathLossDb } from './path-loss';

/**
 * Largest cell radius LTE random access supports with PRACH preamble format 0, km: its guard time of
 * 2976 Ts = 96.9 µs covers a round trip of c·GT/2 ≈ 14.5 km (TS 36.211 Table 5.7.1-1). NR's long format 0
 * has the same limit. Beyond it a UE cannot attach to the cell, whatever the path loss.
 */
export const PRACH_FORMAT0_MAX_RANGE_KM = 14.5;

/**
 * Radio-horizon coefficient, km per √m: with the 4/3 effective Earth radius (standard refraction),
 * d = √(2·(4/3)·6371 km·h) = 4.12·√h[m] km per antenna.
 */
export const RADIO_HORIZON_KM_PER_SQRT_M = 4.12;

/** Shortest distance the range search considers, km (1 m): below it the models are meaningless. */
export const MIN_SEARCH_RANGE_KM = 0.001;
/** Longest distance the range search considers, km: far past any horizon of a ≤ 300 m mast. */
export const MAX_SEARCH_RANGE_KM = 1000;

/** What limits the range. */
export type RangeBound = 'path-loss' | 'radio-horizon' | 'prach';

/** Result of `maxRangeKm`. */
export interface MaxRange {
  /** Cell range, km: the smallest of the path-loss range, the radio horizon and the PRACH limit. */
  rangeKm: number;
  boundBy: RangeBound;
  /** Radio horizon 4.12(√h_BS + √h_UE), km. */
  horizonKm: number;
  /**
   * Ground distance where the path loss reaches the MAPL, km (0 when even 1 m exceeds it,
   * MAX_SEARCH_RANGE_KM when even that distance does not).
   */
  pathLossRangeKm: number;
}

/** Radio horizon between antennas at `txHeightM` and `rxHeightM` (m) over a smooth 4/3 Earth, km. */
export function radioHorizonKm(txHeightM: number, rxHeightM: number): number {
  if (!(txHeightM >= 0) || !(rxHeightM >= 0) || !Number.isFinite(txHeightM + rxHeightM)) {
    throw new RangeError(`antenna heights must be finite numbers ≥ 0 (got ${txHeightM}, ${rxHeightM})`);
  }
  return RADIO_HORIZON_KM_PER_SQRT_M * (Math.sqrt(txHeightM) + Math.sqrt(rxHeightM));
}

/**
 * Maximum cell range, km, for a maximum allowed path loss `maplDb` (dB) on `model` at `freqMHz` (MHz) with
 * base and mobile heights `txHeightM`, `rxHeightM` (m). The model is inverted by bisection on log distance
 * (path loss is non-decreasing in distance for every model, including across the 38.901 breakpoints and the
 * NLOS max), keeping the largest distance whose loss stays within the MAPL; the result is then capped at the
 * radio horizon and at `prachLimitKm` (default PRACH_FORMAT0_MAX_RANGE_KM), and `boundBy` says which bound.
 */
export function maxRangeKm(p: {
  model: PropagationModel;
  maplDb: number;
  freqMHz: number;
  txHeightM: number;
  rxHeightM: number;
  prachLimitKm?: number;
}): MaxRange {
  const { model, maplDb, freqMHz, txHeightM, rxHeightM } = p;
  const prachLimitKm = p.prachLimitKm ?? PRACH_FORMAT0_MAX_RANGE_KM;
  if (!Number.isFinite(maplDb)) throw new RangeError(`maplDb must be a finite number (got ${maplDb})`);
  if (!(prachLimitKm > 0)) throw new RangeError(`prachLimitKm must be > 0 (got ${prachLimitKm})`);
  const pl = (d: number) => pathLossDb({ model, freqMHz, distanceKm: d, txHeightM, rxHeightM });
  const horizonKm = radioHorizonKm(txHeightM, rxHeightM);

  let pathLossRangeKm: number;
  if (pl(MIN_SEARCH_RANGE_KM) > maplDb) {
    pathLossRangeKm = 0;
  } else if (pl(MAX_SEARCH_RANGE_KM) <= maplDb) {
    pathLossRangeKm = MAX_SEARCH_RANGE_KM;
  } else {
    // invariant: pl(lo) ≤ MAPL < pl(hi); halve the interval in log distance
    let lo = Math.log(MIN_SEARCH_RANGE_KM);
    let hi = Math.log(MAX_SEARCH_RANGE_KM);
    for (let i = 0; i < 200 && hi - lo > 1e-13; i++) {
      const mid = (lo + hi) / 2;
      if (pl(Math.exp(mid)) <= maplDb) lo = mid;
      else hi = mid;
    }
    pathLossRangeKm = Math.exp(lo);
  }

  let rangeKm = pathLossRangeKm;
  let boundBy: RangeBound = 'path-loss';
  if (horizonKm < rangeKm) {
    rangeKm = horizonKm;
    boundBy = 'radio-horizon';
  }
  if (prachLimitKm < rangeKm) {
    rangeKm = prachLimitKm;
    boundBy = 'prach';
  }
  return { rangeKm, boundBy, horizonKm, pathLossRangeKm };
}
