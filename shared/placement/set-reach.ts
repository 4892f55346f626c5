/**
 * The terms of a strengthened Hall row, shared by the row generators (hall.ts, capped.ts): the demand of
 * a unit set A at a step, the part of it each site reaches, what open (or fractionally open) sites can
 * give A, and the row's site coefficients min(U_j, d(A ∩ reach of j), R) / R with existing sites' share
 * moved into the need R.
 */

/** Demand of unit sets by the sites reaching them, over one component's local units and sites. */
export class SetReach {
  /** After `of`: per local site of the returned reach, the demand of the set it reaches. */
  readonly reachDemand: Float64Array;
  private readonly seen: Int32Array;
  private stamp = 0;

  /**
   * @param unitSites per local unit, the local sites reaching it
   * @param siteCount number of local sites
   * @param demand demand per step and local unit, [s * units + k]
   */
  constructor(
    private readonly unitSites: readonly ArrayLike<number>[],
    siteCount: number,
    private readonly demand: Float64Array,
  ) {
    this.reachDemand = new Float64Array(siteCount);
    this.seen = new Int32Array(siteCount);
  }

  /** Demand of unit set A at step s, and the sites reaching it (their share in `reachDemand`). */
  of(A: readonly number[], s: number): { demand: number; reach: number[] } {
    const base = s * this.unitSites.length;
    const stamp = ++this.stamp;
    let demand = 0;
    const reach: number[] = [];
    for (const k of A) {
      const dk = this.demand[base + k];
      demand += dk;
      const sites = this.unitSites[k];
      for (let i = 0; i < sites.length; i++) {
        const q = sites[i];
        if (this.seen[q] !== stamp) {
          this.seen[q] = stamp;
          this.reachDemand[q] = 0;
          reach.push(q);
        }
        this.reachDemand[q] += dk;
      }
    }
    return { demand, reach };
  }

  /** What the sites of the last `of` give the set: Σ min(capY_q, scaleY_q · its reached demand). */
  give(reach: readonly number[], capY: ArrayLike<number>, scaleY: ArrayLike<number>): number {
    let give = 0;
    for (const q of reach) give += Math.min(capY[q], scaleY[q] * this.reachDemand[q]);
    return give;
  }

  /**
   * The row's need R (the set's demand less what existing sites give it) and, in `reach` order, the
   * columns and coefficients min(U_q, reached demand, R) / R of the new sites; null when R is nil.
   */
  siteTerms(
    demand: number,
    reach: readonly number[],
    capacity: ArrayLike<number>,
    isExisting: ArrayLike<number>,
    column: ArrayLike<number>,
  ): { need: number; idx: number[]; val: number[] } | null {
    let need = demand;
    for (const q of reach) if (isExisting[q]) need -= Math.min(capacity[q], this.reachDemand[q]);
    if (!(need > 1e-9 * (1 + demand))) return null;
    const idx: number[] = [];
    const val: number[] = [];
    for (const q of reach) {
      if (isExisting[q]) continue;
      const a = Math.min(capacity[q], this.reachDemand[q], need);
      if (!(a > 1e-12 * need)) continue;
      idx.push(column[q]);
      val.push(a / need);
    }
    return { need, idx, val };
  }
}
