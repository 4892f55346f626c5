/**
 * Closed-form integrals for a uniform band of walkers sliding along a line. A cohort that sets out
 * uniformly over walking times [a, b] at speed v from chainage x0 occupies, at walking time w, the
 * interval [x0 + v(w − b), x0 + v(w − a)] with uniform density. Step averages of its overlap with a
 * segment follow from ramp functions, so no time sub-sampling is needed and conservation is exact.
 */

/** Ramp max(z, 0). */
export function ramp(z: number): number {
  return z > 0 ? z : 0;
}

/** Antiderivative of the ramp: max(z, 0)² / 2. */
export function ramp2(z: number): number {
  return z > 0 ? 0.5 * z * z : 0;
}

/** Length of the overlap of [lo, hi] with [c, d] (lo ≤ hi, c ≤ d). */
export function overlapLength(lo: number, hi: number, c: number, d: number): number {
  return ramp(hi - c) - ramp(hi - d) - ramp(lo - c) + ramp(lo - d);
}

/**
 * ∫ overlap([lo0 + u, hi0 + u], [c, d]) du for u from u0 to u1: the band shifted by u.
 */
export function shiftedOverlapIntegral(
  lo0: number,
  hi0: number,
  c: number,
  d: number,
  u0: number,
  u1: number,
): number {
  // Written out (no inner closure): this is the simulation's innermost loop.
  const at1 = ramp2(hi0 + u1 - c) - ramp2(hi0 + u1 - d) - ramp2(lo0 + u1 - c) + ramp2(lo0 + u1 - d);
  const at0 = ramp2(hi0 + u0 - c) - ramp2(hi0 + u0 - d) - ramp2(lo0 + u0 - c) + ramp2(lo0 + u0 - d);
  return at1 - at0;
}

/** clamp(z, 0, 1). */
export function unitClamp(z: number): number {
  return z <= 0 ? 0 : z >= 1 ? 1 : z;
}

/** ∫ clamp(z, 0, 1) dz from z0 to z1. */
export function unitClampIntegral(z0: number, z1: number): number {
  return ramp2(z1) - ramp2(z1 - 1) - (ramp2(z0) - ramp2(z0 - 1));
}
