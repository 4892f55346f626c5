/**
 * Median path loss models: free space, Okumura–Hata (Hata 1980, as restated in the COST 231 final report
 * §4.4), COST-231 Hata, and 3GPP TR 38.901 Table 7.4.1-1 (RMa, UMa, UMi street canyon; LOS and NLOS).
 * Pure functions; see `path-loss-validity.ts` for the ranges each model was fitted over.
 */
import type { PropagationModel } from '../scenario/site-type';

/** Inputs shared by `pathLossDb` and `pathLossValidity`. */
export interface PathLossInput {
  model: PropagationModel;
  /** Carrier frequency, MHz. */
  freqMHz: number;
  /** Ground (2-D) distance between base station and mobile, km. */
  distanceKm: number;
  /** Base-station antenna height above ground, m. */
  txHeightM: number;
  /** Mobile (UE) antenna height above ground, m. */
  rxHeightM: number;
}

/**
 * Propagation velocity for the 38.901 breakpoint distances, m/s. Table 7.4.1-1 note 1 fixes c = 3.0e8 m/s
 * (not 299 792 458): using the rounded value reproduces the published UMa/UMi figures.
 */
export const SPEED_OF_LIGHT_M_PER_S = 3.0e8;

/** 38.901 RMa default average building height, m (Table 7.4.1-1 applicability column). */
export const RMA_BUILDING_HEIGHT_M = 5;
/** 38.901 RMa default average street width, m (Table 7.4.1-1 applicability column). */
export const RMA_STREET_WIDTH_M = 20;
/**
 * 38.901 UMa/UMi effective environment height hE, m. Table 7.4.1-1 note 1 makes hE = 1 m with probability
 * 1/(1 + C(d2D, hUT)) where C = 0 for hUT < 13 m; we take the deterministic hE = 1 m for every height
 * (exact for pedestrian UEs, which is what this planner models).
 */
export const ENVIRONMENT_HEIGHT_M = 1;

const log10 = Math.log10;

function assertFinite(name: string, value: number, positive: boolean): void {
  if (!Number.isFinite(value) || (positive ? value <= 0 : value < 0)) {
    throw new RangeError(`${name} must be a finite number ${positive ? '> 0' : '≥ 0'} (got ${value})`);
  }
}

function checkInput(p: PathLossInput): void {
  assertFinite('freqMHz', p.freqMHz, true);
  assertFinite('distanceKm', p.distanceKm, true);
  assertFinite('txHeightM', p.txHeightM, true);
  assertFinite('rxHeightM', p.rxHeightM, true);
}

/**
 * Free-space path loss (Friis), dB: 32.45 + 20 log f[MHz] + 20 log d[km]. Here d is the slant (3-D)
 * distance between the antennas, so that free space stays physical close to a tall mast.
 */
export function freeSpacePathLossDb(freqMHz: number, distance3dKm: number): number {
  return 32.45 + 20 * log10(freqMHz) + 20 * log10(distance3dKm);
}

/**
 * Hata mobile-antenna correction a(hm) for small and medium cities, dB (f in MHz, hm in m). Also used by
 * suburban, open and COST-231 medium-city.
 */
export function hataMobileCorrectionSmallCityDb(freqMHz: number, rxHeightM: number): number {
  const lf = log10(freqMHz);
  return (1.1 * lf - 0.7) * rxHeightM - (1.56 * lf - 0.8);
}

/**
 * Hata mobile-antenna correction a(hm) for large cities, dB. Hata gives 8.29[log(1.54 hm)]² − 1.1 for
 * f ≤ 200 MHz and 3.2[log(11.75 hm)]² − 4.97 for f ≥ 400 MHz; between the two we interpolate linearly in
 * frequency (our choice: the paper leaves the gap open, and a jump would break monotonicity in f).
 */
export function hataMobileCorrectionLargeCityDb(freqMHz: number, rxHeightM: number): number {
  const low = 8.29 * log10(1.54 * rxHeightM) ** 2 - 1.1;
  const high = 3.2 * log10(11.75 * rxHeightM) ** 2 - 4.97;
  if (freqMHz <= 200) return low;
  if (freqMHz >= 400) return high;
  const t = (freqMHz - 200) / 200;
  return low + t * (high - low);
}

/** Okumura–Hata urban path loss, dB, with the given mobile correction a(hm). d is the ground distance, km. */
function hataUrbanDb(freqMHz: number, distanceKm: number, txHeightM: number, aHmDb: number): number {
  const lhb = log10(txHeightM);
  return 69.55 + 26.16 * log10(freqMHz) - 13.82 * lhb - aHmDb + (44.9 - 6.55 * lhb) * log10(distanceKm);
}

/** COST-231 Hata, dB: 46.3 + 33.9 log f − 13.82 log hb − a(hm) + (44.9 − 6.55 log hb) log d + Cm. */
function cost231Db(freqMHz: number, distanceKm: number, txHeightM: number, aHmDb: number, cmDb: number) {
  const lhb = log10(txHeightM);
  return 46.3 + 33.9 * log10(freqMHz) - 13.82 * lhb - aHmDb + (44.9 - 6.55 * lhb) * log10(distanceKm) + cmDb;
}

/**
 * 38.901 RMa breakpoint distance, m: dBP = 2π hBS hUT fc / c (actual antenna heights, fc in Hz).
 * Exported because the validity check and tests need it.
 */
export function rmaBreakpointM(freqMHz: number, txHeightM: number, rxHeightM: number): number {
  return (2 * Math.PI * txHeightM * rxHeightM * freqMHz * 1e6) / SPEED_OF_LIGHT_M_PER_S;
}

/**
 * 38.901 UMa/UMi breakpoint distance, m: d'BP = 4 h'BS h'UT fc / c with h' = h − hE, hE = 1 m. Clamped
 * at 0 when an antenna is at or below hE (then the far branch PL2 applies everywhere).
 */
export function urbanBreakpointM(freqMHz: number, txHeightM: number, rxHeightM: number): number {
  const hb = Math.max(0, txHeightM - ENVIRONMENT_HEIGHT_M);
  const hu = Math.max(0, rxHeightM - ENVIRONMENT_HEIGHT_M);
  return (4 * hb * hu * freqMHz * 1e6) / SPEED_OF_LIGHT_M_PER_S;
}

function rmaPl1(fcGHz: number, d3dM: number): number {
  const h = RMA_BUILDING_HEIGHT_M;
  return (
    20 * log10((40 * Math.PI * d3dM * fcGHz) / 3) +
    Math.min(0.03 * h ** 1.72, 10) * log10(d3dM) -
    Math.min(0.044 * h ** 1.72, 14.77) +
    0.002 * log10(h) * d3dM
  );
}

function rmaLosDb(fcGHz: number, d2dM: number, d3dM: number, hBs: number, hUt: number): number {
  const dBp = rmaBreakpointM(fcGHz * 1000, hBs, hUt);
  if (d2dM <= dBp) return rmaPl1(fcGHz, d3dM);
  return rmaPl1(fcGHz, dBp) + 40 * log10(d3dM / dBp);
}

function rmaNlosPrimeDb(fcGHz: number, d3dM: number, hBs: number, hUt: number): number {
  const h = RMA_BUILDING_HEIGHT_M;
  const w = RMA_STREET_WIDTH_M;
  return (
    161.04 -
    7.1 * log10(w) +
    7.5 * log10(h) -
    (24.37 - 3.7 * (h / hBs) ** 2) * log10(hBs) +
    (43.42 - 3.1 * log10(hBs)) * (log10(d3dM) - 3) +
    20 * log10(fcGHz) -
    (3.2 * log10(11.75 * hUt) ** 2 - 4.97)
  );
}

function umaLosDb(fcGHz: number, d2dM: number, d3dM: number, hBs: number, hUt: number): number {
  const dBp = urbanBreakpointM(fcGHz * 1000, hBs, hUt);
  const ref = dBp ** 2 + (hBs - hUt) ** 2;
  // ref = 0 only when both antennas sit at hE and at the same height: PL2 is undefined there, keep PL1.
  if (d2dM <= dBp || ref === 0) return 28.0 + 22 * log10(d3dM) + 20 * log10(fcGHz);
  return 28.0 + 40 * log10(d3dM) + 20 * log10(fcGHz) - 9 * log10(ref);
}

function umaNlosPrimeDb(fcGHz: number, d3dM: number, hUt: number): number {
  return 13.54 + 39.08 * log10(d3dM) + 20 * log10(fcGHz) - 0.6 * (hUt - 1.5);
}

function umiLosDb(fcGHz: number, d2dM: number, d3dM: number, hBs: number, hUt: number): number {
  const dBp = urbanBreakpointM(fcGHz * 1000, hBs, hUt);
  const ref = dBp ** 2 + (hBs - hUt) ** 2;
  if (d2dM <= dBp || ref === 0) return 32.4 + 21 * log10(d3dM) + 20 * log10(fcGHz);
  return 32.4 + 40 * log10(d3dM) + 20 * log10(fcGHz) - 9.5 * log10(ref);
}

function umiNlosPrimeDb(fcGHz: number, d3dM: number, hUt: number): number {
  return 35.3 * log10(d3dM) + 22.4 + 21.3 * log10(fcGHz) - 0.3 * (hUt - 1.5);
}

/** Slant (3-D) distance between the antennas, km, from the ground distance and both heights. */
export function distance3dKm(distanceKm: number, txHeightM: number, rxHeightM: number): number {
  const dhKm = (txHeightM - rxHeightM) / 1000;
  return Math.hypot(distanceKm, dhKm);
}

/**
 * Median path loss, dB, of `model` at ground distance `distanceKm` (km), carrier `freqMHz` (MHz), base
 * antenna `txHeightM` and mobile antenna `rxHeightM` (m). Hata/COST-231 take d as the ground distance;
 * 38.901 and free space use the slant distance computed from the heights. Outside a model's validity range
 * the formula is extrapolated: ask `pathLossValidity` for the warnings. Throws RangeError on non-positive
 * or non-finite inputs.
 */
export function pathLossDb(p: PathLossInput): number {
  checkInput(p);
  const { model, freqMHz, distanceKm, txHeightM, rxHeightM } = p;
  const fcGHz = freqMHz / 1000;
  const d2dM = distanceKm * 1000;
  const d3dM = distance3dKm(distanceKm, txHeightM, rxHeightM) * 1000;
  switch (model) {
    case 'fspl':
      return freeSpacePathLossDb(freqMHz, d3dM / 1000);
    case 'hata-urban-small':
      return hataUrbanDb(freqMHz, distanceKm, txHeightM, hataMobileCorrectionSmallCityDb(freqMHz, rxHeightM));
    case 'hata-urban-large':
      return hataUrbanDb(freqMHz, distanceKm, txHeightM, hataMobileCorrectionLargeCityDb(freqMHz, rxHeightM));
    case 'hata-suburban': {
      const urban = hataUrbanDb(
        freqMHz,
        distanceKm,
        txHeightM,
        hataMobileCorrectionSmallCityDb(freqMHz, rxHeightM),
      );
      return urban - 2 * log10(freqMHz / 28) ** 2 - 5.4;
    }
    case 'hata-open': {
      const urban = hataUrbanDb(
        freqMHz,
        distanceKm,
        txHeightM,
        hataMobileCorrectionSmallCityDb(freqMHz, rxHeightM),
      );
      const lf = log10(freqMHz);
      return urban - 4.78 * lf ** 2 + 18.33 * lf - 40.94;
    }
    case 'cost231-medium':
      return cost231Db(
        freqMHz,
        distanceKm,
        txHeightM,
        hataMobileCorrectionSmallCityDb(freqMHz, rxHeightM),
        0,
      );
    case 'cost231-metro':
      return cost231Db(
        freqMHz,
        distanceKm,
        txHeightM,
        hataMobileCorrectionLargeCityDb(freqMHz, rxHeightM),
        3,
      );
    case 'rma-los':
      return rmaLosDb(fcGHz, d2dM, d3dM, txHeightM, rxHeightM);
    case 'rma-nlos':
      return Math.max(
        rmaLosDb(fcGHz, d2dM, d3dM, txHeightM, rxHeightM),
        rmaNlosPrimeDb(fcGHz, d3dM, txHeightM, rxHeightM),
      );
    case 'uma-los':
      return umaLosDb(fcGHz, d2dM, d3dM, txHeightM, rxHeightM);
    case 'uma-nlos':
      return Math.max(
        umaLosDb(fcGHz, d2dM, d3dM, txHeightM, rxHeightM),
        umaNlosPrimeDb(fcGHz, d3dM, rxHeightM),
      );
    case 'umi-los':
      return umiLosDb(fcGHz, d2dM, d3dM, txHeightM, rxHeightM);
    case 'umi-nlos':
      return Math.max(
        umiLosDb(fcGHz, d2dM, d3dM, txHeightM, rxHeightM),
        umiNlosPrimeDb(fcGHz, d3dM, rxHeightM),
      );
    default: {
      const never: never = model;
      throw new RangeError(`unknown propagation model ${String(never)}`);
    }
  }
}
