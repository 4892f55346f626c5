/**
 * LTE numerology the link budget and capacity need: resource blocks per channel bandwidth (TS 36.101
 * Table 5.6-1) and the occupied bandwidth they span (12 subcarriers × 15 kHz = 180 kHz per RB).
 */

/** Resource blocks per LTE channel bandwidth, MHz → N_RB (TS 36.101 Table 5.6-1). */
export const LTE_RESOURCE_BLOCKS: Readonly<Record<number, number>> = {
  1.4: 6,
  3: 15,
  5: 25,
  10: 50,
  15: 75,
  20: 100,
};

/** Bandwidth of one LTE resource block, Hz (12 subcarriers × 15 kHz). */
export const LTE_RESOURCE_BLOCK_HZ = 180_000;

/**
 * Number of resource blocks of an LTE channel of `bandwidthMHz` (MHz), or undefined when the bandwidth is
 * not one of 1.4/3/5/10/15/20 MHz. Why: the noise bandwidth of a full allocation is N_RB × 180 kHz, not
 * the channel bandwidth.
 */
export function lteResourceBlocks(bandwidthMHz: number): number | undefined {
  return LTE_RESOURCE_BLOCKS[bandwidthMHz];
}

/**
 * Occupied bandwidth of a full LTE allocation, Hz: N_RB × 180 kHz (e.g. 10 MHz → 50 RB → 9 MHz). Throws
 * RangeError for a bandwidth that is not an LTE channel bandwidth.
 */
export function lteOccupiedBandwidthHz(bandwidthMHz: number): number {
  const rb = lteResourceBlocks(bandwidthMHz);
  if (rb === undefined) {
    throw new RangeError(`${bandwidthMHz} MHz is not an LTE channel bandwidth (1.4, 3, 5, 10, 15 or 20 MHz)`);
  }
  return rb * LTE_RESOURCE_BLOCK_HZ;
}
