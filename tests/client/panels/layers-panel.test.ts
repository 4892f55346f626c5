import { describe, expect, it } from 'vitest';
import { labelsThatFit } from '../../../client/panels/layers-panel';

/** Extents of labels `width` wide centred at `centres` (the first starts, the last ends, there). */
function extents(centres: number[], widths: number[]) {
  return centres.map((c, i) => {
    const w = widths[i];
    if (i === 0) return { left: c, right: c + w };
    if (i === centres.length - 1) return { left: c - w, right: c };
    return { left: c - w / 2, right: c + w / 2 };
  });
}

describe('colour-ramp labels', () => {
  const centres = [0, 28, 56, 84, 112, 140, 168, 196];

  it('keeps every label when they fit', () => {
    expect(labelsThatFit(extents(centres, [6, 16, 12, 12, 16, 16, 16, 16]))).toEqual(centres.map(() => true));
  });

  it('drops the labels that would overlap a neighbour, keeping the first and the last', () => {
    // Localised labels ("٤٠ ألف") are about twice as wide as "40k".
    const keep = labelsThatFit(extents(centres, [6, 18, 26, 28, 30, 30, 30, 30]));
    expect(keep[0]).toBe(true);
    expect(keep[7]).toBe(true);
    expect(keep[6]).toBe(false);
    expect(keep.filter(Boolean).length).toBeGreaterThan(2);
    const shown = extents(centres, [6, 18, 26, 28, 30, 30, 30, 30]).filter((_, i) => keep[i]);
    for (let i = 1; i < shown.length; i++)
      expect(shown[i].left).toBeGreaterThanOrEqual(shown[i - 1].right + 4);
  });

  it('handles ramps of one or two labels', () => {
    expect(labelsThatFit([])).toEqual([]);
    expect(labelsThatFit([{ left: 0, right: 10 }])).toEqual([true]);
    expect(
      labelsThatFit([
        { left: 0, right: 10 },
        { left: 5, right: 15 },
      ]),
    ).toEqual([true, true]);
  });
});
