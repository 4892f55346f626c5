/**
 * A minimum cut's source side is often several unrelated shortages at once (a crowd at two ends of a
 * route). Pieces that share no site have independent Hall rows, each violated on its own whenever the
 * union is by its share, and each much sparser — so the row generators (hall.ts, capped.ts) add the
 * pieces instead of the union.
 */

/** Splits unit sets into pieces linked by shared sites (union–find over each site's units). */
export class CutPieces {
  private readonly parent: Int32Array;
  private readonly inSet: Int32Array;
  private readonly seenSite: Int32Array;
  private stamp = 0;

  /**
   * @param unitSites per local unit, the local sites reaching it
   * @param siteUnits per local site, the local units it reaches
   */
  constructor(
    private readonly unitSites: ArrayLike<ArrayLike<number>>,
    private readonly siteUnits: ArrayLike<ArrayLike<number>>,
  ) {
    this.parent = new Int32Array(unitSites.length);
    this.inSet = new Int32Array(unitSites.length);
    this.seenSite = new Int32Array(siteUnits.length);
  }

  private find(x: number): number {
    const parent = this.parent;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  /** The pieces of unit set A (local units), each in A's order. */
  split(A: readonly number[]): number[][] {
    const stamp = ++this.stamp;
    for (const k of A) {
      this.inSet[k] = stamp;
      this.parent[k] = k;
    }
    for (const k of A) {
      const sites = this.unitSites[k];
      for (let s = 0; s < sites.length; s++) {
        const q = sites[s];
        if (this.seenSite[q] === stamp) continue;
        this.seenSite[q] = stamp;
        const units = this.siteUnits[q];
        let first = -1;
        for (let u = 0; u < units.length; u++) {
          const k2 = units[u];
          if (this.inSet[k2] !== stamp) continue;
          if (first < 0) first = k2;
          else {
            const a = this.find(first);
            const b = this.find(k2);
            if (a !== b) this.parent[Math.max(a, b)] = Math.min(a, b);
          }
        }
      }
    }
    const pieces = new Map<number, number[]>();
    for (const k of A) {
      const root = this.find(k);
      const list = pieces.get(root);
      if (list) list.push(k);
      else pieces.set(root, [k]);
    }
    return [...pieces.values()];
  }
}
