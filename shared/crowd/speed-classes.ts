/** Number of equal-probability speed classes used to represent a speed spread. */
export const SPEED_CLASS_COUNT = 9;

/** Individual speeds are truncated to mean ± this many standard deviations (and at least 20 % of the mean). */
export const SPEED_TRUNCATION_SIGMAS = 3;

function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 via erf; absolute error < 1.5e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.928510446969, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - pl) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/** A speed class: walkers of weight `share` all moving at `speedKmh`. */
export interface SpeedClass {
  speedKmh: number;
  share: number;
}

/**
 * Represents a normal spread of individual speeds (truncated to mean ± 3σ, and to ≥ 20 % of the mean)
 * by equal-probability classes, each at the conditional mean speed of its slice, so the mean speed is
 * kept exactly. Without a spread: one class at the route speed.
 */
export function speedClasses(speedKmh: number, spreadKmh = 0, count = SPEED_CLASS_COUNT): SpeedClass[] {
  if (!(spreadKmh > 0)) return [{ speedKmh, share: 1 }];
  const lo = Math.max(-SPEED_TRUNCATION_SIGMAS, (0.2 * speedKmh - speedKmh) / spreadKmh);
  const hi = SPEED_TRUNCATION_SIGMAS;
  const pLo = normalCdf(lo);
  const pHi = normalCdf(hi);
  const classes: SpeedClass[] = [];
  for (let k = 0; k < count; k++) {
    const za = k === 0 ? lo : normalQuantile(pLo + ((pHi - pLo) * k) / count);
    const zb = k === count - 1 ? hi : normalQuantile(pLo + ((pHi - pLo) * (k + 1)) / count);
    const mass = (pHi - pLo) / count;
    const zMean = (normalPdf(za) - normalPdf(zb)) / mass;
    classes.push({ speedKmh: speedKmh + spreadKmh * zMean, share: 1 / count });
  }
  return classes;
}
