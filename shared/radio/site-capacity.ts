/**
 * Site throughput: Σ over carriers of bandwidth × loaded spectral efficiency × sectors, split between
 * downlink and uplink by the TDD DL fraction (or, for FDD, an UL/DL efficiency ratio).
 */
import type { Carrier, SiteType } from '../scenario/site-type';

/**
 * Uplink/downlink spectral-efficiency ratio assumed on FDD carriers (the scenario gives only the DL
 * efficiency). 0.5 because the UL has one handset transmit chain (no spatial multiplexing, against 2–4
 * layers in the DL), is power-limited at 23 dBm, and tops out at a lower modulation order; loaded LTE
 * planning values are ~1.6 b/s/Hz DL against ~0.8 UL, and ITU-R M.2410 sets rural targets of 3.3 DL /
 * 1.6 UL b/s/Hz (0.48). Dense-urban NR targets are closer (7.8 / 5.4), so 0.5 is the conservative end.
 */
export const FDD_UL_TO_DL_SPECTRAL_EFFICIENCY_RATIO = 0.5;

/** Capacity of one carrier of a site (all sectors). */
export interface CarrierCapacity {
  tech: Carrier['tech'];
  freqMHz: number;
  bandwidthMHz: number;
  /** Downlink throughput, Mbps, all sectors. */
  dlMbps: number;
  /** Uplink throughput, Mbps, all sectors. */
  ulMbps: number;
  /** How the UL was derived: TDD time split (1 − dlFraction) or the FDD efficiency ratio. */
  duplex: 'TDD' | 'FDD';
}

/** Result of `siteCapacityMbps`, before any utilisation cap. */
export interface SiteCapacity {
  dlMbps: number;
  ulMbps: number;
  perCarrier: CarrierCapacity[];
}

/**
 * Peak loaded throughput of a site, Mbps, before the utilisation cap. DL = Σ carriers bandwidth (MHz) ×
 * spectral efficiency (b/s/Hz) × sectors × dlFraction. UL = Σ bandwidth × UL spectral efficiency × sectors,
 * × (1 − dlFraction) on TDD carriers (dlFraction < 1); FDD carriers (dlFraction = 1) have their own paired
 * band. The UL efficiency is the carrier's `ulSpectralEfficiency` when given, else the DL's on TDD and
 * FDD_UL_TO_DL_SPECTRAL_EFFICIENCY_RATIO × the DL's on FDD.
 */
export function siteCapacityMbps(siteType: SiteType): SiteCapacity {
  const { sectors } = siteType;
  if (!Number.isFinite(sectors) || sectors < 0) {
    throw new RangeError(`sectors must be a finite number ≥ 0 (got ${sectors})`);
  }
  const perCarrier = siteType.carriers.map((c): CarrierCapacity => {
    const full = c.bandwidthMHz * c.spectralEfficiency * sectors;
    if (!Number.isFinite(full) || full < 0 || !(c.dlFraction > 0 && c.dlFraction <= 1)) {
      throw new RangeError(`invalid carrier ${c.tech} ${c.freqMHz} MHz of site type ${siteType.id}`);
    }
    const fdd = c.dlFraction === 1;
    // The carrier's UL throughput with all the time (FDD: its own paired band) or all of its UL time.
    const ulFull =
      c.ulSpectralEfficiency !== undefined
        ? c.bandwidthMHz * c.ulSpectralEfficiency * sectors
        : fdd
          ? full * FDD_UL_TO_DL_SPECTRAL_EFFICIENCY_RATIO
          : full;
    return {
      tech: c.tech,
      freqMHz: c.freqMHz,
      bandwidthMHz: c.bandwidthMHz,
      dlMbps: full * c.dlFraction,
      ulMbps: fdd ? ulFull : ulFull * (1 - c.dlFraction),
      duplex: fdd ? 'FDD' : 'TDD',
    };
  });
  return {
    dlMbps: perCarrier.reduce((s, c) => s + c.dlMbps, 0),
    ulMbps: perCarrier.reduce((s, c) => s + c.ulMbps, 0),
    perCarrier,
  };
}

/** Result of `siteLoadLimit`. */
export interface SiteLoadLimit {
  /** Capacities before the utilisation cap, Mbps. */
  capacityDlMbps: number;
  capacityUlMbps: number;
  /** Uplink Mbps that come with each downlink Mbps served: uplinkShare / (1 − uplinkShare). */
  ulPerDlMbps: number;
  /**
   * Utilisation of the busier direction per DL Mbps served: max(1 / DL capacity, UL per DL / UL
   * capacity). A site serving L Mbps DL is loaded to L × this.
   */
  utilizationPerDlMbps: number;
  /** The most DL a site may serve with both directions within maxUtilization, Mbps. */
  usableDlMbps: number;
  /** The direction that reaches maxUtilization first. */
  limitedBy: 'DL' | 'UL';
}

/**
 * The load a site may carry with both directions within its utilisation cap (maxUtilization, default 0.7
 * in the schema: processor-sharing throughput per user falls as C·(1 − ρ), so busy-hour load is kept under
 * 0.7–0.8). Every device's uplink and
 * downlink go through the same site and the scenario splits every segment's volume by the same
 * `uplinkShare`, so a site serving L Mbps DL serves L × u/(1 − u) Mbps UL at every step: the uplink cap
 * is a cap on the DL load too, and the tighter of the two is the site's usable load (exact, not a
 * heuristic). With the default types the DL binds; a TDD carrier with a small UL share, or a large
 * `uplinkShare` (live video), makes the UL bind.
 */
export function siteLoadLimit({
  siteType,
  uplinkShare,
}: {
  siteType: SiteType;
  uplinkShare: number;
}): SiteLoadLimit {
  const u = siteType.maxUtilization;
  if (!(u > 0 && u <= 1)) throw new RangeError(`maxUtilization must be in (0, 1] (got ${u})`);
  if (!(uplinkShare >= 0 && uplinkShare < 1)) {
    throw new RangeError(`uplinkShare must be in [0, 1) (got ${uplinkShare})`);
  }
  const { dlMbps, ulMbps } = siteCapacityMbps(siteType);
  const ulPerDlMbps = uplinkShare / (1 - uplinkShare);
  const perDl = dlMbps > 0 ? 1 / dlMbps : Infinity;
  const perUl = ulPerDlMbps === 0 ? 0 : ulMbps > 0 ? ulPerDlMbps / ulMbps : Infinity;
  const limitedBy = perUl > perDl ? 'UL' : 'DL';
  return {
    capacityDlMbps: dlMbps,
    capacityUlMbps: ulMbps,
    ulPerDlMbps,
    utilizationPerDlMbps: Math.max(perDl, perUl),
    usableDlMbps: limitedBy === 'DL' ? u * dlMbps : (u * ulMbps) / ulPerDlMbps,
    limitedBy,
  };
}
