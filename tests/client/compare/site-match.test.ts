import { describe, expect, it } from 'vitest';
import { diffCounts, matchSites, type MatchableSite } from '../../../client/compare/site-match';

/** A site `dxM` metres east and `dyM` metres north of 44.0 E, 32.0 N. */
function site(id: string, dxM: number, dyM: number, siteTypeId = 'cow', isNew = true): MatchableSite {
  const lat = 32 + dyM / 111_195;
  const lon = 44 + dxM / (111_195 * Math.cos((32 * Math.PI) / 180));
  return { id, lon, lat, siteTypeId, isNew };
}

describe('matching the sites of two plans', () => {
  it('keeps a site moved by less than the tolerance, and reports what was added and removed', () => {
    const a = [site('a1', 0, 0), site('a2', 1000, 0), site('a3', 5000, 0)];
    const b = [site('b1', 30, 10), site('b3', 5000, 0), site('b4', 9000, 0)];
    const diff = matchSites(a, b);
    expect(diff.kept.map((p) => [p.a.id, p.b.id])).toEqual([
      ['a1', 'b1'],
      ['a3', 'b3'],
    ]);
    expect(diff.kept[0].distanceM).toBeCloseTo(Math.hypot(30, 10), 0);
    expect(diff.removed.map((s) => s.id)).toEqual(['a2']);
    expect(diff.added.map((s) => s.id)).toEqual(['b4']);
  });

  it('does not match sites of different types at the same place', () => {
    const diff = matchSites([site('a', 0, 0, 'cow')], [site('b', 0, 0, 'small-cell')]);
    expect(diff.kept).toEqual([]);
    expect(diff.removed.map((s) => s.id)).toEqual(['a']);
    expect(diff.added.map((s) => s.id)).toEqual(['b']);
  });

  it('uses the tolerance inclusively (50 m by default) and accepts another one', () => {
    const a = [site('a', 0, 0)];
    expect(matchSites(a, [site('b', 49, 0)]).kept).toHaveLength(1);
    expect(matchSites(a, [site('b', 51, 0)]).kept).toHaveLength(0);
    expect(matchSites(a, [site('b', 51, 0)], { toleranceM: 100 }).kept).toHaveLength(1);
  });

  it('pairs closest first and uses every site once', () => {
    // Two sites of A 40 m apart, one site of B 10 m from the second: the nearer pair wins.
    const a = [site('a1', 0, 0), site('a2', 40, 0)];
    const b = [site('b1', 45, 0)];
    const diff = matchSites(a, b);
    expect(diff.kept.map((p) => p.a.id)).toEqual(['a2']);
    expect(diff.removed.map((s) => s.id)).toEqual(['a1']);
    expect(diff.added).toEqual([]);
  });

  it('puts every site of either plan in exactly one group', () => {
    const a = Array.from({ length: 60 }, (_, i) =>
      site(`a${i}`, i * 400, (i % 3) * 20, i % 2 ? 'cow' : 'nr'),
    );
    const b = Array.from({ length: 55 }, (_, i) => site(`b${i}`, i * 430 + 15, 0, i % 2 ? 'cow' : 'nr'));
    const diff = matchSites(a, b);
    const ids = (xs: { id: string }[]) => xs.map((s) => s.id);
    expect(new Set([...diff.kept.map((p) => p.a.id), ...ids(diff.removed)]).size).toBe(a.length);
    expect(diff.kept.length + diff.removed.length).toBe(a.length);
    expect(new Set([...diff.kept.map((p) => p.b.id), ...ids(diff.added)]).size).toBe(b.length);
    expect(diff.kept.length + diff.added.length).toBe(b.length);
    for (const p of diff.kept) {
      expect(p.a.siteTypeId).toBe(p.b.siteTypeId);
      expect(p.distanceM).toBeLessThanOrEqual(50);
    }
  });

  it('counts new and existing sites apart', () => {
    const a = [site('e', 0, 0, 'cow', false), site('n1', 2000, 0), site('n2', 4000, 0)];
    const b = [site('e', 0, 0, 'cow', false), site('n1', 2000, 0), site('n3', 7000, 0)];
    expect(diffCounts(matchSites(a, b))).toEqual({
      added: 1,
      removed: 1,
      kept: 2,
      addedNew: 1,
      removedNew: 1,
      keptNew: 1,
    });
  });
});
