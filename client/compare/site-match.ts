/**
 * Which sites two plans share: a site of plan B is "the same" as a site of plan A when both have the same
 * site type and stand within a tolerance (50 m by default) of each other. Pairs are taken closest first
 * and each site is used once, so two COWs 30 m apart in A and one in B give one kept and one removed.
 */
import { distanceKm } from '../state/plan-view';

/** What a comparison needs of a planned (or existing) site. */
export interface MatchableSite {
  id: string;
  lon: number;
  lat: number;
  siteTypeId: string;
  isNew: boolean;
}

export type SiteChange = 'added' | 'removed' | 'kept';

export interface KeptPair<A extends MatchableSite, B extends MatchableSite> {
  a: A;
  b: B;
  /** Distance between the two positions, metres. */
  distanceM: number;
}

export interface SiteDiff<A extends MatchableSite, B extends MatchableSite> {
  /** In both plans (same type, within the tolerance). */
  kept: KeptPair<A, B>[];
  /** Only in plan A. */
  removed: A[];
  /** Only in plan B. */
  added: B[];
}

export interface MatchOptions {
  /** Largest distance at which two sites of one type count as the same site, metres (default 50). */
  toleranceM?: number;
}

/** Default matching tolerance, metres: a COW moved along the road by less than this is the same site. */
export const DEFAULT_MATCH_TOLERANCE_M = 50;

/**
 * Matches the sites of two plans. Every site of `a` ends up in `kept` or `removed`, every site of `b` in
 * `kept` or `added`. Greedy closest-pair-first is exact here: with a 50 m tolerance and sites hundreds of
 * metres apart there is at most one candidate per site; where there are several, nearer pairs win.
 */
export function matchSites<A extends MatchableSite, B extends MatchableSite>(
  a: readonly A[],
  b: readonly B[],
  options: MatchOptions = {},
): SiteDiff<A, B> {
  const toleranceM = options.toleranceM ?? DEFAULT_MATCH_TOLERANCE_M;
  // A latitude band cuts the pairs to check: 1° of latitude is ~111 km everywhere.
  const bandDeg = toleranceM / 111_000 + 1e-9;
  const order = b.map((_, j) => j).sort((x, y) => b[x].lat - b[y].lat);
  const candidates: { i: number; j: number; d: number }[] = [];
  for (let i = 0; i < a.length; i++) {
    const s = a[i];
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (b[order[mid]].lat < s.lat - bandDeg) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < order.length && b[order[k]].lat <= s.lat + bandDeg; k++) {
      const t = b[order[k]];
      if (t.siteTypeId !== s.siteTypeId) continue;
      const d = distanceKm(s.lon, s.lat, t.lon, t.lat) * 1000;
      if (d <= toleranceM) candidates.push({ i, j: order[k], d });
    }
  }
  candidates.sort((x, y) => x.d - y.d || x.i - y.i || x.j - y.j);
  const usedA = new Uint8Array(a.length);
  const usedB = new Uint8Array(b.length);
  const pairs: { i: number; pair: KeptPair<A, B> }[] = [];
  for (const c of candidates) {
    if (usedA[c.i] || usedB[c.j]) continue;
    usedA[c.i] = 1;
    usedB[c.j] = 1;
    pairs.push({ i: c.i, pair: { a: a[c.i], b: b[c.j], distanceM: c.d } });
  }
  pairs.sort((x, y) => x.i - y.i);
  return {
    kept: pairs.map((p) => p.pair),
    removed: a.filter((_, i) => !usedA[i]),
    added: b.filter((_, j) => !usedB[j]),
  };
}

/** Counts of a diff, split into new sites and existing ones. */
export interface SiteDiffCounts {
  added: number;
  removed: number;
  kept: number;
  addedNew: number;
  removedNew: number;
  keptNew: number;
}

export function diffCounts<A extends MatchableSite, B extends MatchableSite>(
  diff: SiteDiff<A, B>,
): SiteDiffCounts {
  return {
    added: diff.added.length,
    removed: diff.removed.length,
    kept: diff.kept.length,
    addedNew: diff.added.filter((s) => s.isNew).length,
    removedNew: diff.removed.filter((s) => s.isNew).length,
    keptNew: diff.kept.filter((p) => p.b.isNew).length,
  };
}
