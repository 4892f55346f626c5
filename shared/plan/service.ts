/**
 * Service per route segment and hotspot per step, and the unserved stretches (where and when demand goes
 * unserved, and why), from the placement's per-unit service.
 */
import type { CrowdResult, TimeGrid } from '../crowd/types';
import type { DemandResult } from '../demand/types';
import type { PlacementResult } from '../placement';
import type { Scenario } from '../scenario';
import { stepLocalTime } from './plan-sites-report';
import type { HotspotService, RouteService, UnservedStretch } from './types';

/** Per-unit share of demand served at each step (1 where there is no demand). */
function servedShare(placement: PlacementResult, unit: number, step: number): number {
  const { instance, solution } = placement;
  const d = instance.demandDlMbps[step * instance.unitCount + unit];
  if (!(d > 0)) return 1;
  return Math.min(1, solution.servedDlMbps[step * instance.unitCount + unit] / d);
}

/**
 * Per route: each segment's own demand split into served and unserved by its unit's served share (a
 * shared stretch's unit carries several routes; each keeps its proportion), and the nearest open site
 * covering it (index into `solution.openSites`, which is the order of the plan's site list).
 */
export function routeService(
  crowd: CrowdResult,
  demand: DemandResult,
  placement: PlacementResult,
): RouteService[] {
  const { instance, solution } = placement;
  const T = instance.stepCount;
  const siteSlot = new Map<number, number>();
  solution.openSites.forEach((j, k) => siteSlot.set(j, k));
  // Nearest open site per unit.
  const nearest = new Int32Array(instance.unitCount).fill(-1);
  const nearestKm = new Float64Array(instance.unitCount).fill(Infinity);
  for (const j of solution.openSites) {
    for (let k = instance.coverStart[j]; k < instance.coverStart[j + 1]; k++) {
      const u = instance.coverUnits[k];
      const d = instance.coverDistanceKm ? instance.coverDistanceKm[k] : 0;
      if (d < nearestKm[u]) {
        nearestKm[u] = d;
        nearest[u] = siteSlot.get(j) as number;
      }
    }
  }
  return crowd.routes.map((r, ri) => {
    const count = r.segments.count;
    const dl = demand.routes[ri].traffic.dlMbps;
    const servedDlMbps = new Float64Array(T * count);
    const unservedDlMbps = new Float64Array(T * count);
    const map = placement.routeUnit[ri];
    for (let t = 0; t < T; t++) {
      for (let i = 0; i < count; i++) {
        const d = dl[t * count + i];
        if (!(d > 0)) continue;
        const s = d * servedShare(placement, map[i], t);
        servedDlMbps[t * count + i] = s;
        unservedDlMbps[t * count + i] = d - s;
      }
    }
    const coveringSite = Int32Array.from(map, (u) => (u >= 0 ? nearest[u] : -1));
    return { routeId: r.routeId, servedDlMbps, unservedDlMbps, coveringSite };
  });
}

/** Per hotspot and step: served and unserved DL Mbps (sum over its cells). */
export function hotspotService(scenario: Scenario, placement: PlacementResult): HotspotService[] {
  const { instance, solution } = placement;
  const U = instance.unitCount;
  const T = instance.stepCount;
  return scenario.hotspots.map((h, hi) => {
    const served = new Float64Array(T);
    const unserved = new Float64Array(T);
    for (const u of placement.hotspotUnits[hi] ?? []) {
      for (let t = 0; t < T; t++) {
        const d = instance.demandDlMbps[t * U + u];
        const s = Math.min(d, solution.servedDlMbps[t * U + u]);
        served[t] += s;
        unserved[t] += d - s;
      }
    }
    return { hotspotId: h.id, servedDlMbps: served, unservedDlMbps: unserved };
  });
}

/** Unserved below this share of a unit's demand is rounding, not a shortfall. */
const UNSERVED_TOLERANCE = 1e-6;

/**
 * Where and when demand goes unserved. Route units (canonical segments; a shared stretch is reported on
 * the earliest route that runs there) with unserved demand form cells of a segment × step grid; cells of
 * the same route and reason that touch (8-neighbourhood: a walking wave moves one segment per step) form
 * one stretch: its km and pole range, its first and last step, its peak unserved Mbps and its Mbps·h.
 * Hotspots report runs of consecutive steps. Sorted by unserved Mbps·h, largest first.
 */
export function unservedStretches(
  scenario: Scenario,
  crowd: CrowdResult,
  grid: TimeGrid,
  placement: PlacementResult,
): UnservedStretch[] {
  const { instance, solution, units } = placement;
  const U = instance.unitCount;
  const T = instance.stepCount;
  const h = instance.stepHours;
  const out: UnservedStretch[] = [];
  const unservedAt = (u: number, t: number): number => {
    const d = instance.demandDlMbps[t * U + u];
    const gap = d - solution.servedDlMbps[t * U + u];
    return gap > UNSERVED_TOLERANCE * d && gap > 1e-9 ? gap : 0;
  };
  const reasonOf = (u: number): UnservedStretch['reason'] =>
    solution.unitCovered[u] ? 'capacity' : 'no-coverage';

  crowd.routes.forEach((r, ri) => {
    const count = r.segments.count;
    const unitOf = placement.routeUnit[ri];
    // Only segments this route owns (shared ones are reported on their owner).
    const owned: number[] = [];
    for (let i = 0; i < count; i++) {
      const u = unitOf[i];
      if (u >= 0 && units[u].routeIndex === ri && units[u].segment === i) owned.push(i);
    }
    if (owned.length === 0) return;
    const visited = new Uint8Array(count * T);
    const cell = (i: number, t: number) => t * count + i;
    const ownedSet = new Uint8Array(count);
    for (const i of owned) ownedSet[i] = 1;
    for (const i0 of owned) {
      for (let t0 = 0; t0 < T; t0++) {
        if (visited[cell(i0, t0)] || unservedAt(unitOf[i0], t0) === 0) continue;
        const reason = reasonOf(unitOf[i0]);
        const stack: [number, number][] = [[i0, t0]];
        visited[cell(i0, t0)] = 1;
        let minI = i0;
        let maxI = i0;
        let minT = t0;
        let maxT = t0;
        const perStep = new Map<number, number>();
        let total = 0;
        while (stack.length) {
          const [i, t] = stack.pop() as [number, number];
          const x = unservedAt(unitOf[i], t);
          total += x * h;
          perStep.set(t, (perStep.get(t) ?? 0) + x);
          minI = Math.min(minI, i);
          maxI = Math.max(maxI, i);
          minT = Math.min(minT, t);
          maxT = Math.max(maxT, t);
          for (let di = -1; di <= 1; di++) {
            for (let dt = -1; dt <= 1; dt++) {
              const i2 = i + di;
              const t2 = t + dt;
              if (i2 < 0 || i2 >= count || t2 < 0 || t2 >= T || !ownedSet[i2]) continue;
              if (visited[cell(i2, t2)]) continue;
              if (unservedAt(unitOf[i2], t2) === 0 || reasonOf(unitOf[i2]) !== reason) continue;
              visited[cell(i2, t2)] = 1;
              stack.push([i2, t2]);
            }
          }
        }
        const seg = r.segments;
        out.push({
          routeId: r.routeId,
          hotspotId: null,
          fromKm: seg.edgesKm[minI],
          toKm: seg.edgesKm[maxI + 1],
          fromPole: seg.nearestPole ? seg.nearestPole[minI] : null,
          toPole: seg.nearestPole ? seg.nearestPole[maxI] : null,
          from: stepLocalTime(grid, minT),
          to: stepLocalTime(grid, maxT),
          peakUnservedDlMbps: Math.max(...perStep.values()),
          unservedMbpsHours: total,
          reason,
        });
      }
    }
  });

  scenario.hotspots.forEach((hs, hi) => {
    const cells = placement.hotspotUnits[hi] ?? [];
    for (const reason of ['no-coverage', 'capacity'] as const) {
      let runStart = -1;
      let peak = 0;
      let total = 0;
      const flush = (end: number) => {
        if (runStart < 0) return;
        out.push({
          routeId: null,
          hotspotId: hs.id,
          fromKm: null,
          toKm: null,
          fromPole: null,
          toPole: null,
          from: stepLocalTime(grid, runStart),
          to: stepLocalTime(grid, end),
          peakUnservedDlMbps: peak,
          unservedMbpsHours: total,
          reason,
        });
        runStart = -1;
        peak = 0;
        total = 0;
      };
      for (let t = 0; t < T; t++) {
        let x = 0;
        for (const u of cells) if (reasonOf(u) === reason) x += unservedAt(u, t);
        if (x > 0) {
          if (runStart < 0) runStart = t;
          peak = Math.max(peak, x);
          total += x * h;
        } else flush(t - 1);
      }
      flush(T - 1);
    }
  });
  return out.sort((a, b) => b.unservedMbpsHours - a.unservedMbpsHours);
}
