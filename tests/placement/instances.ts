/**
 * Hand-made placement instances for tests and benchmarks: units and candidates on a straight line (km) or
 * in a plane (km coordinates), coverage by distance ≤ range, demand given per step.
 */
import type { PlacementInstance } from '../../shared/placement';

/** A candidate of a synthetic instance. */
export interface SyntheticCandidate {
  x: number;
  y?: number;
  rangeKm: number;
  usableDlMbps: number;
  costUsd: number;
  existing?: boolean;
  typeIndex?: number;
}

/** Options of `syntheticInstance`. */
export interface SyntheticSpec {
  /** Unit positions, km (y defaults to 0: a line). */
  units: { x: number; y?: number }[];
  /** Demand per step per unit, Mbps: demand[step][unit]. */
  demand: number[][];
  candidates: SyntheticCandidate[];
  /** Units on one line (enables the exact route DP); default true when every y is 0. */
  line?: boolean;
  stepHours?: number;
  budgetUsd?: number;
  maxNewSites?: number;
}

/** Builds a `PlacementInstance` with coverage by planar distance ≤ range (1e-9 km tolerance). */
export function syntheticInstance(spec: SyntheticSpec): PlacementInstance {
  const U = spec.units.length;
  const T = spec.demand.length;
  const demandDlMbps = new Float64Array(T * U);
  spec.demand.forEach((row, t) => row.forEach((d, i) => (demandDlMbps[t * U + i] = d)));
  const onLine = spec.line ?? spec.units.every((u) => (u.y ?? 0) === 0);
  const C = spec.candidates.length;
  const coverStart = new Int32Array(C + 1);
  const coverUnits: number[] = [];
  const coverDistance: number[] = [];
  spec.candidates.forEach((c, j) => {
    spec.units.forEach((u, i) => {
      const d = Math.hypot(u.x - c.x, (u.y ?? 0) - (c.y ?? 0));
      if (d <= c.rangeKm + 1e-9) {
        coverUnits.push(i);
        coverDistance.push(d);
      }
    });
    coverStart[j + 1] = coverUnits.length;
  });
  return {
    stepCount: T,
    stepHours: spec.stepHours ?? 1,
    unitCount: U,
    demandDlMbps,
    unitLine: Int32Array.from(spec.units, () => (onLine ? 0 : -1)),
    unitChainageKm: Float64Array.from(spec.units, (u) => u.x),
    candidateCount: C,
    costUsd: Float64Array.from(spec.candidates, (c) => (c.existing ? 0 : c.costUsd)),
    usableDlMbps: Float64Array.from(spec.candidates, (c) => c.usableDlMbps),
    existing: Uint8Array.from(spec.candidates, (c) => (c.existing ? 1 : 0)),
    typeIndex: Int32Array.from(spec.candidates, (c) => c.typeIndex ?? 0),
    coverStart,
    coverUnits: Int32Array.from(coverUnits),
    coverDistanceKm: Float64Array.from(coverDistance),
    ...(spec.budgetUsd !== undefined ? { budgetUsd: spec.budgetUsd } : {}),
    ...(spec.maxNewSites !== undefined ? { maxNewSites: spec.maxNewSites } : {}),
  };
}

/** Evenly spaced positions from `from` to `to` km (inclusive) every `step` km. */
export function positions(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let k = 0; from + k * step <= to + 1e-9; k++) out.push(Number((from + k * step).toFixed(9)));
  return out;
}

/** Segments of a straight route: 0.5 km bins, midpoints 0.25, 0.75, … (km). */
export function routeUnits(lengthKm: number) {
  return positions(0.25, lengthKm - 0.25, 0.5).map((x) => ({ x }));
}

/** Candidates of one type every `spacingKm` along a straight route, from km 0 to its end. */
export function routeCandidates(lengthKm: number, spacingKm: number, type: Omit<SyntheticCandidate, 'x'>) {
  return positions(0, lengthKm, spacingKm).map((x) => ({ x, ...type }));
}

/**
 * A two-type route (6 km / 100 Mbps sites at US$ 60,000 and 2 km / 900 Mbps ones at US$ 180,000, every km)
 * with a crowd wave moving 7 km per step from `firstCentreKm`: its Hall LP needs several rounds.
 */
export function twoTypeWaveRoute(lengthKm: number, steps: number, firstCentreKm: number): PlacementInstance {
  const units = routeUnits(lengthKm);
  const wave = (centre: number) => units.map((u) => 2 + 60 * Math.exp(-(((u.x - centre) / 6) ** 2)));
  return syntheticInstance({
    units,
    demand: Array.from({ length: steps }, (_, t) => wave(firstCentreKm + 7 * t)),
    candidates: [
      ...routeCandidates(lengthKm, 1, { rangeKm: 6, usableDlMbps: 100, costUsd: 60_000, typeIndex: 0 }),
      ...routeCandidates(lengthKm, 1, { rangeKm: 2, usableDlMbps: 900, costUsd: 180_000, typeIndex: 1 }),
    ],
  });
}
