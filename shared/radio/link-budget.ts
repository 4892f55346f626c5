/**
 * Link budget: thermal noise, noise figure and required SINR give the receiver sensitivity; EIRP, gains,
 * losses and margins then give the maximum allowed path loss (MAPL) in each direction. The smaller MAPL
 * limits the cell (usually the uplink: a handset has ~23 dBm against a base station's 46 dBm).
 */
import type { LinkBudgetTerms } from '../scenario/site-type';
import { LINK_BUDGET_LINE_NAMES, type LinkBudgetTermKey } from './link-budget-names';

/**
 * Thermal noise power density, dBm/Hz: kT at T0 = 290 K is −173.98 dBm/Hz; link budgets (and Holma &
 * Toskala) round it to −174.
 */
export const THERMAL_NOISE_DBM_PER_HZ = -174;

/**
 * Default base-station transmit power per carrier, dBm (40 W): the usual macro value for a 10–20 MHz LTE
 * carrier (3GPP TR 36.814 Table A.2.1.1-2 uses 46 dBm at 10 MHz; Holma & Toskala's 62 dBm EIRP is 46 dBm +
 * 18 dBi − 2 dB). It is spread evenly over the carrier, so a DL allocation gets its bandwidth share.
 */
export const DEFAULT_BS_TX_POWER_DBM = 46;

/** Default handset noise figure, dB: Holma & Toskala's LTE value (TS 36.101 conformance allows 9 dB). */
export const DEFAULT_UE_NOISE_FIGURE_DB = 7;

/**
 * Default handset antenna gain, dBi: 0 dBi (a small, roughly isotropic antenna); the head/hand effect is
 * the separate body loss term.
 */
export const DEFAULT_UE_ANTENNA_GAIN_DBI = 0;

/** Default handset height, m: a pedestrian's phone (Hata's and 38.901's reference 1.5 m). */
export const DEFAULT_UE_HEIGHT_M = 1.5;

/** One itemised line of a link budget. */
export interface LinkBudgetTerm {
  /** Stable id of the line (`LINK_BUDGET_LINE_NAMES` has its name in each language). */
  key: LinkBudgetTermKey;
  /** The line's English name. */
  name: string;
  /** The value in `unit` (dB for gains and losses, dBm for powers, dBi for antenna gains). */
  valueDb: number;
  unit: 'dB' | 'dBm' | 'dBi';
  /**
   * How the line enters the MAPL: +1 added, −1 subtracted, 0 a subtotal shown for reading (EIRP,
   * sensitivity). MAPL = Σ sign × valueDb over the lines.
   */
  sign: 1 | -1 | 0;
  note: string;
}

/** One direction of a link budget. */
export interface LinkDirectionBudget {
  /** Maximum allowed path loss, dB. */
  maplDb: number;
  /** Receiver sensitivity, dBm. */
  sensitivityDbm: number;
  /** Effective isotropic radiated power towards the receiver (after feeder/body loss), dBm. */
  eirpDbm: number;
  terms: LinkBudgetTerm[];
}

/** Result of `linkBudget`: both directions, the limiting one and its MAPL. */
export interface LinkBudgetResult {
  uplink: LinkDirectionBudget;
  downlink: LinkDirectionBudget;
  limiting: 'uplink' | 'downlink';
  /** The smaller of the two MAPLs, dB. */
  maplDb: number;
}

function checkFinite(name: string, v: number): void {
  if (!Number.isFinite(v)) throw new RangeError(`${name} must be a finite number (got ${v})`);
}

/** Thermal noise power in `bandwidthHz` (Hz), dBm: −174 + 10 log10(B). */
export function thermalNoiseDbm(bandwidthHz: number): number {
  if (!Number.isFinite(bandwidthHz) || bandwidthHz <= 0) {
    throw new RangeError(`bandwidthHz must be a finite number > 0 (got ${bandwidthHz})`);
  }
  return THERMAL_NOISE_DBM_PER_HZ + 10 * Math.log10(bandwidthHz);
}

/** Receiver sensitivity, dBm: thermal noise in `bandwidthHz` + noise figure (dB) + required SINR (dB). */
export function sensitivityDbm(p: {
  bandwidthHz: number;
  noiseFigureDb: number;
  requiredSinrDb: number;
}): number {
  checkFinite('noiseFigureDb', p.noiseFigureDb);
  checkFinite('requiredSinrDb', p.requiredSinrDb);
  return thermalNoiseDbm(p.bandwidthHz) + p.noiseFigureDb + p.requiredSinrDb;
}

/**
 * Maximum allowed path loss, dB, of one direction: EIRP (dBm) − sensitivity (dBm) + receive gains (dB) −
 * receive-side losses (dB) − margins (dB). The low-level form behind `linkBudget`, for budgets that carry
 * extra terms (e.g. Holma & Toskala's control-channel overhead as a loss).
 */
export function maplDb(p: {
  eirpDbm: number;
  bandwidthHz: number;
  noiseFigureDb: number;
  requiredSinrDb: number;
  rxGainDb?: number;
  lossesDb?: number;
  marginsDb?: number;
}): number {
  const { rxGainDb = 0, lossesDb = 0, marginsDb = 0 } = p;
  checkFinite('eirpDbm', p.eirpDbm);
  checkFinite('rxGainDb', rxGainDb);
  checkFinite('lossesDb', lossesDb);
  checkFinite('marginsDb', marginsDb);
  return p.eirpDbm - sensitivityDbm(p) + rxGainDb - lossesDb - marginsDb;
}

function term(
  key: LinkBudgetTermKey,
  valueDb: number,
  unit: LinkBudgetTerm['unit'],
  sign: 1 | -1 | 0,
  note: string,
) {
  return { key, name: LINK_BUDGET_LINE_NAMES.en[key], valueDb, unit, sign, note } satisfies LinkBudgetTerm;
}

/** Σ sign × value over itemised lines, dB: equals the direction's MAPL (reports can show the sum). */
export function sumLinkBudgetTerms(terms: readonly LinkBudgetTerm[]): number {
  return terms.reduce((s, t) => s + t.sign * t.valueDb, 0);
}

function marginTerms(t: LinkBudgetTerms): LinkBudgetTerm[] {
  return [
    term('interferenceMargin', t.interferenceMarginDb, 'dB', -1, 'noise rise from other cells and users'),
    term('shadowMargin', t.shadowMarginDb, 'dB', -1, 'z·σ for the target cell-edge coverage probability'),
    term('penetrationLoss', t.penetrationLossDb, 'dB', -1, 'building or vehicle entry loss (0 outdoors)'),
  ];
}

/**
 * Itemised uplink and downlink link budgets of a site type, MAPL in dB. Uplink: UE power and antenna gain
 * minus body loss → EIRP; thermal noise over `bandwidthKHz` + BS noise figure + required SINR →
 * sensitivity; + BS antenna gain − feeder loss − interference/shadow margins − penetration loss.
 * Downlink: `bsTxPowerDbm` (default 46 dBm per carrier) spread evenly over `carrierBandwidthMHz` (MHz), of
 * which the DL allocation `dlBandwidthKHz` (default: the UL bandwidth, so both directions carry the edge
 * rate over the same spectrum) gets its share; + BS gain − feeder loss; UE noise figure (default 7 dB),
 * DL SINR (default: the UL requirement), UE antenna gain (default 0 dBi) and the same body loss, margins and
 * penetration loss. Without `carrierBandwidthMHz` the whole BS power goes to the DL allocation. Using the
 * channel rather than the occupied bandwidth for the share is conservative by ≤ 0.5 dB.
 */
export function linkBudget({
  terms: t,
  carrierBandwidthMHz,
}: {
  terms: LinkBudgetTerms;
  carrierBandwidthMHz?: number;
}): LinkBudgetResult {
  if (
    carrierBandwidthMHz !== undefined &&
    !(Number.isFinite(carrierBandwidthMHz) && carrierBandwidthMHz > 0)
  ) {
    throw new RangeError(`carrierBandwidthMHz must be a finite number > 0 (got ${carrierBandwidthMHz})`);
  }
  const ueGain = t.ueAntennaGainDbi ?? DEFAULT_UE_ANTENNA_GAIN_DBI;

  // Uplink
  const ulBandwidthHz = t.bandwidthKHz * 1000;
  const ulNoise = thermalNoiseDbm(ulBandwidthHz);
  const ulEirp = t.ueTxPowerDbm + ueGain - t.bodyLossDb;
  const ulSens = ulNoise + t.bsNoiseFigureDb + t.requiredSinrDb;
  const ulTerms: LinkBudgetTerm[] = [
    term('ueTxPower', t.ueTxPowerDbm, 'dBm', 1, 'handset maximum power'),
    term(
      'ueAntennaGain',
      ueGain,
      'dBi',
      1,
      t.ueAntennaGainDbi === undefined ? `default ${DEFAULT_UE_ANTENNA_GAIN_DBI} dBi` : 'handset antenna',
    ),
    term('bodyLoss', t.bodyLossDb, 'dB', -1, 'head and hand of the user'),
    term('ueEirp', ulEirp, 'dBm', 0, 'power + antenna gain − body loss'),
    term('thermalNoise', ulNoise, 'dBm', -1, `−174 dBm/Hz + 10·log10(${ulBandwidthHz} Hz)`),
    term('bsNoiseFigure', t.bsNoiseFigureDb, 'dB', -1, 'base-station receiver'),
    term('requiredSinrUl', t.requiredSinrDb, 'dB', -1, 'for the cell-edge uplink rate'),
    term('bsSensitivity', ulSens, 'dBm', 0, 'thermal noise + noise figure + SINR'),
    term('bsAntennaGain', t.bsAntennaGainDbi, 'dBi', 1, 'sector antenna'),
    term('feederLoss', t.feederLossDb, 'dB', -1, 'cables and connectors between antenna and receiver'),
    ...marginTerms(t),
  ];
  const ulMapl = maplDb({
    eirpDbm: ulEirp,
    bandwidthHz: ulBandwidthHz,
    noiseFigureDb: t.bsNoiseFigureDb,
    requiredSinrDb: t.requiredSinrDb,
    rxGainDb: t.bsAntennaGainDbi,
    lossesDb: t.feederLossDb,
    marginsDb: t.interferenceMarginDb + t.shadowMarginDb + t.penetrationLossDb,
  });

  // Downlink
  const bsPower = t.bsTxPowerDbm ?? DEFAULT_BS_TX_POWER_DBM;
  const dlBandwidthHz = (t.dlBandwidthKHz ?? t.bandwidthKHz) * 1000;
  const share =
    carrierBandwidthMHz === undefined ? 1 : Math.min(1, dlBandwidthHz / (carrierBandwidthMHz * 1e6));
  const shareDb = 10 * Math.log10(share);
  const ueNf = t.ueNoiseFigureDb ?? DEFAULT_UE_NOISE_FIGURE_DB;
  const dlSinr = t.dlRequiredSinrDb ?? t.requiredSinrDb;
  const dlNoise = thermalNoiseDbm(dlBandwidthHz);
  const dlEirp = bsPower + shareDb + t.bsAntennaGainDbi - t.feederLossDb;
  const dlSens = dlNoise + ueNf + dlSinr;
  const dlTerms: LinkBudgetTerm[] = [
    term(
      'bsTxPower',
      bsPower,
      'dBm',
      1,
      t.bsTxPowerDbm === undefined ? `default ${DEFAULT_BS_TX_POWER_DBM} dBm` : 'per carrier',
    ),
    term(
      'dlPowerShare',
      shareDb,
      'dB',
      1,
      carrierBandwidthMHz === undefined
        ? 'carrier bandwidth not given: all power on the DL allocation'
        : `10·log10(${dlBandwidthHz / 1e6} MHz of ${carrierBandwidthMHz} MHz), power spread evenly`,
    ),
    term('bsAntennaGain', t.bsAntennaGainDbi, 'dBi', 1, 'sector antenna'),
    term('feederLoss', t.feederLossDb, 'dB', -1, 'cables and connectors between transmitter and antenna'),
    term('bsEirp', dlEirp, 'dBm', 0, 'power share + antenna gain − feeder loss'),
    term('thermalNoise', dlNoise, 'dBm', -1, `−174 dBm/Hz + 10·log10(${dlBandwidthHz} Hz)`),
    term(
      'ueNoiseFigure',
      ueNf,
      'dB',
      -1,
      t.ueNoiseFigureDb === undefined ? `default ${DEFAULT_UE_NOISE_FIGURE_DB} dB` : 'handset receiver',
    ),
    term(
      'requiredSinrDl',
      dlSinr,
      'dB',
      -1,
      t.dlRequiredSinrDb === undefined
        ? 'default: the uplink requirement'
        : 'for the cell-edge downlink rate',
    ),
    term('ueSensitivity', dlSens, 'dBm', 0, 'thermal noise + noise figure + SINR'),
    term(
      'ueAntennaGain',
      ueGain,
      'dBi',
      1,
      t.ueAntennaGainDbi === undefined ? `default ${DEFAULT_UE_ANTENNA_GAIN_DBI} dBi` : 'handset antenna',
    ),
    term('bodyLoss', t.bodyLossDb, 'dB', -1, 'head and hand of the user'),
    ...marginTerms(t),
  ];
  const dlMapl = maplDb({
    eirpDbm: dlEirp,
    bandwidthHz: dlBandwidthHz,
    noiseFigureDb: ueNf,
    requiredSinrDb: dlSinr,
    rxGainDb: ueGain,
    lossesDb: t.bodyLossDb,
    marginsDb: t.interferenceMarginDb + t.shadowMarginDb + t.penetrationLossDb,
  });

  const uplink = { maplDb: ulMapl, sensitivityDbm: ulSens, eirpDbm: ulEirp, terms: ulTerms };
  const downlink = { maplDb: dlMapl, sensitivityDbm: dlSens, eirpDbm: dlEirp, terms: dlTerms };
  const limiting = dlMapl < ulMapl ? 'downlink' : 'uplink';
  return { uplink, downlink, limiting, maplDb: Math.min(ulMapl, dlMapl) };
}
