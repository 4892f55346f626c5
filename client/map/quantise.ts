/**
 * Rounds a per-km value to two significant digits (values below 0.001 become 0). The map's colours
 * cannot show finer differences, and rounding lets the slider skip the feature-state update of every
 * segment whose shown value did not change between two hours (resting crowds, empty roads, the tails
 * of the walking bands), which is most of MapLibre's per-step repaint work.
 */
export function quantise(value: number): number {
  if (!(value >= 1e-3)) return 0;
  const scale = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.round(value / scale) * scale;
}
