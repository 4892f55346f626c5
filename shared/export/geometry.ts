/** Rounds a coordinate to 7 decimals (about 1 cm), enough for any export. */
export function roundCoord(value: number): number {
  return Math.round(value * 1e7) / 1e7;
}
