/**
 * Mixed-integer rounding (MIR) of a Hall row: from Σ a_j y_j ≥ 1 with binary y, and a divisor λ, the
 * inequality Σ (⌊a_j/λ⌋ + min(f_j, f)/f) y_j ≥ ⌈1/λ⌉ (f = frac(1/λ), f_j = frac(a_j/λ)) holds for every
 * integer y and cuts fractional ones: a set needing 2.3 sites' worth of capacity needs 3 sites. Columns
 * at their upper bound in the LP are complemented first (y = 1 − ȳ), the usual c-MIR step, so that an
 * open large site does not hide the rounding of the others.
 */
import type { SparseRow } from './highs';

/** Smallest violation (relative to the right-hand side) worth a row. */
const MIN_VIOLATION = 1e-3;
/** Divisors tried per row: the largest distinct coefficients of columns the LP uses. */
const MAX_DIVISORS = 6;

function mirCoefficient(alpha: number, f: number): number {
  const fl = Math.floor(alpha + 1e-12);
  const fj = Math.max(0, alpha - fl);
  return fl + Math.min(fj, f) / f;
}

/**
 * The most violated MIR cut of `row` (Σ val·y ≥ 1, binary y) at the LP point `y`, normalised to a right-hand
 * side of 1, or null when no divisor gives a violated one.
 */
export function mirCut(row: SparseRow, y: ArrayLike<number>): SparseRow | null {
  const n = row.idx.length;
  if (n < 2) return null;
  const complemented = new Uint8Array(n);
  let rhs = 1;
  const divisors = new Set<number>();
  for (let k = 0; k < n; k++) {
    const v = y[row.idx[k]];
    if (v >= 1 - 1e-9) {
      complemented[k] = 1;
      rhs -= row.val[k];
    } else if (v > 1e-9) divisors.add(row.val[k]);
  }
  if (!(rhs > 1e-9) || divisors.size === 0) return null;
  let best: SparseRow | null = null;
  let bestViolation = MIN_VIOLATION;
  const tried = [...divisors].sort((a, b) => b - a).slice(0, MAX_DIVISORS);
  for (const lambda of tried) {
    const beta = rhs / lambda;
    const f = beta - Math.floor(beta);
    if (f < 1e-6 || f > 1 - 1e-6) continue;
    const right = Math.ceil(beta);
    // In complemented space: Σ c_k x_k ≥ right with x_k = y_k, or ȳ_k = 1 − y_k for complemented columns.
    let lhs = 0;
    let shift = 0;
    const val = new Array<number>(n);
    for (let k = 0; k < n; k++) {
      const alpha = (complemented[k] ? -row.val[k] : row.val[k]) / lambda;
      const c = mirCoefficient(alpha, f);
      if (complemented[k]) {
        // c·(1 − y) → −c·y, constant c moves right.
        val[k] = -c;
        shift += c;
        lhs += c * (1 - y[row.idx[k]]);
      } else {
        val[k] = c;
        lhs += c * y[row.idx[k]];
      }
    }
    const newRhs = right - shift;
    if (!(newRhs > 1e-9)) continue;
    const violation = (right - lhs) / right;
    if (violation > bestViolation) {
      bestViolation = violation;
      best = { idx: row.idx.slice(), val: val.map((v) => v / newRhs) };
    }
  }
  return best;
}
