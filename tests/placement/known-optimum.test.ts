import { describe, expect, it } from 'vitest';
import { solvePlacement, type PlacementInstance } from '../../shared/placement';
import { formatNote, type Note } from '../../shared/notes';
import { bruteForce, maxServed } from './brute-force';
import { positions, routeCandidates, routeUnits, syntheticInstance } from './instances';

/** The solver's notes in English. */
const texts = (notes: readonly Note[]) => notes.map((n) => formatNote(n));

const COW = { rangeKm: 2.5, usableDlMbps: 1_000, costUsd: 60_000 };

describe('single route, coverage-bound (interval structure, exact DP)', () => {
  it('20 km, range 2.5 km, ample capacity: exactly 4 sites (each reaches at most 10 of the 40 segments), gap 0', async () => {
    const units = routeUnits(20);
    const inst = syntheticInstance({
      units,
      demand: [units.map(() => 5)],
      candidates: routeCandidates(20, 0.5, COW),
    });
    const sol = await solvePlacement(inst);
    expect(sol.newSites).toBe(4);
    expect(sol.capexUsd).toBe(240_000);
    expect(sol.lowerBoundUsd).toBe(240_000);
    expect(sol.gap).toBe(0);
    expect(sol.method).toBe('route-dp');
    expect(sol.unservedMbpsHours).toBe(0);
  });

  it('21 km needs 5 sites (42 segments, at most 10 per site); the MILP agrees', async () => {
    const units = routeUnits(21);
    const inst = syntheticInstance({
      units,
      demand: [units.map(() => 5)],
      candidates: routeCandidates(21, 0.5, COW),
    });
    const dp = await solvePlacement(inst);
    const milp = await solvePlacement(inst, { method: 'milp' });
    expect(dp.newSites).toBe(5);
    expect(milp.capexUsd).toBe(dp.capexUsd);
    expect(dp.gap).toBe(0);
    expect(milp.gap).toBe(0);
  });

  it('1 km candidate spacing on the 20 km route needs 5: the first site must stand at ≤ 2 km and then reaches only 9 segments', async () => {
    // Reaching the midpoint 0.25 needs p ≤ 2.75, so p ≤ 2 (reaching 0.25..4.25); each next site reaches
    // 10 more (7 → 4.75..9.25, 12 → ..14.25, 17 → ..19.25) and 19.75 is left: 5 sites.
    const units = routeUnits(20);
    const inst = syntheticInstance({
      units,
      demand: [units.map(() => 1)],
      candidates: routeCandidates(20, 1, COW),
    });
    const sol = await solvePlacement(inst);
    expect(sol.newSites).toBe(5);
    expect(sol.gap).toBe(0);
  });

  it('two site types on a 320 km route (640 segments: windows, no whole MILP): as many cells on wheels as the one-type DP needs; gap 0', async () => {
    // Cells on wheels reach 7.7 km for US$ 60,000, macros 2.06 km for 180,000: covering costs 3,896 per km
    // with the first and 43,689 with the second, so the optimum uses cells on wheels only, and the exact
    // DP over them alone gives it. The covering rows form an interval matrix: the LP is integral, and its
    // point is the plan (windows, each deciding its own stretch, planned one site more at 100 km).
    const cow = { rangeKm: 7.7, usableDlMbps: 96.6, costUsd: 60_000, typeIndex: 0 };
    const macro = { rangeKm: 2.06, usableDlMbps: 922, costUsd: 180_000, typeIndex: 1 };
    const units = routeUnits(320);
    const demand = [units.map(() => 1), units.map((u) => 0.5 + u.x / 640)];
    const cowsOnly = await solvePlacement(
      syntheticInstance({ units, demand, candidates: routeCandidates(320, 1, cow) }),
    );
    expect(cowsOnly.method).toBe('route-dp');
    expect(cowsOnly.gap).toBe(0);
    const both = syntheticInstance({
      units,
      demand,
      candidates: [...routeCandidates(320, 1, cow), ...routeCandidates(320, 1, macro)],
    });
    const sol = await solvePlacement(both);
    expect(sol.capexUsd).toBe(cowsOnly.capexUsd);
    expect(sol.lowerBoundUsd).toBe(sol.capexUsd);
    expect(sol.gap).toBe(0);
    expect(sol.unservedMbpsHours).toBe(0);
    expect(sol.components[0].method).toBe('milp');
    expect(texts(sol.notes).join('; ')).toContain('integral');
  });
});

describe('single route, capacity-bound', () => {
  it('40 segments × 10 Mbps with 50 Mbps usable per site: 8 sites (400 / 50), not the 4 coverage needs; gap 0', async () => {
    const units = routeUnits(20);
    const inst = syntheticInstance({
      units,
      demand: [units.map(() => 10)],
      candidates: routeCandidates(20, 0.5, { ...COW, usableDlMbps: 50 }),
    });
    const dp = await solvePlacement(inst);
    const milp = await solvePlacement(inst, { method: 'milp' });
    expect(dp.newSites).toBe(8);
    expect(milp.newSites).toBe(8);
    expect(dp.gap).toBe(0);
    expect(milp.gap).toBe(0);
    expect(dp.unservedMbpsHours).toBe(0);
  });

  it('a local hot spot forces extra sites only where it is (exhaustive search agrees)', async () => {
    // 40 segments; segments 10..13 (km 5–7) carry 90 Mbps each, the rest 1 Mbps; 100 Mbps per site.
    // The 360 Mbps there need ≥ 4 sites reaching km 5–7 (coverage alone needs 4 on the whole route).
    const units = routeUnits(20);
    const demand = units.map((_, i) => (i >= 10 && i <= 13 ? 90 : 1));
    const inst = syntheticInstance({
      units,
      demand: [demand],
      candidates: routeCandidates(20, 1.5, { ...COW, usableDlMbps: 100 }),
    });
    const best = bruteForce(inst);
    const sol = await solvePlacement(inst);
    expect(sol.capexUsd).toBe(best.capexUsd);
    expect(sol.gap).toBe(0);
  });
});

describe('the time dimension: capacity at every step, not at peaks', () => {
  const units = positions(0, 4.5, 0.5).map((x) => ({ x }));
  const wide = [0, 2, 4].map((x) => ({ x, rangeKm: 5, usableDlMbps: 100, costUsd: 10_000 }));
  // Step 0: the first five units carry 16 Mbps each (80); step 1: the last five do (80).
  const wave = [units.map((_, i) => (i < 5 ? 16 : 0)), units.map((_, i) => (i >= 5 ? 16 : 0))];

  it('two peaks at different places and times: one site (80 ≤ 100 at each step) — summing per-segment peaks would build 2', async () => {
    const sol = await solvePlacement(syntheticInstance({ units, demand: wave, candidates: wide }));
    expect(sol.newSites).toBe(1);
    expect(sol.unservedMbpsHours).toBe(0);
    const peaks = units.map((_, i) => Math.max(wave[0][i], wave[1][i]));
    const staticPeak = await solvePlacement(syntheticInstance({ units, demand: [peaks], candidates: wide }));
    expect(staticPeak.newSites).toBe(2);
  });

  it('checking only the busiest step underbuilds: 4 sites are needed, the busiest step alone asks for 2', async () => {
    // Two places 100 km apart; A peaks at step 0 (150 Mbps), B at step 1 (140 Mbps), 100 Mbps per site.
    const two = [...positions(0, 1, 0.5), ...positions(100, 101, 0.5)].map((x) => ({ x }));
    const cands = [0, 0.5, 1, 100, 100.5, 101].map((x) => ({
      x,
      rangeKm: 2,
      usableDlMbps: 100,
      costUsd: 10_000,
    }));
    const demand = [two.map((u) => (u.x < 50 ? 50 : 0)), two.map((u) => (u.x > 50 ? 140 / 3 : 0))];
    const inst = syntheticInstance({ units: two, demand, candidates: cands, line: false });
    const sol = await solvePlacement(inst);
    expect(sol.newSites).toBe(4);
    const busiest = syntheticInstance({ units: two, demand: [demand[0]], candidates: cands, line: false });
    const under = await solvePlacement(busiest);
    expect(under.newSites).toBe(2);
    const flags = Array.from(under.open, (v) => v === 1);
    expect(maxServed(inst, flags, 1)).toBeLessThan(140 - 1);
  });

  it('a site carries split demand across steps: loads stay within capacity at every step', async () => {
    const inst = syntheticInstance({ units, demand: wave, candidates: wide });
    const sol = await solvePlacement(inst);
    const K = sol.openSites.length;
    for (let t = 0; t < inst.stepCount; t++) {
      for (let k = 0; k < K; k++) expect(sol.siteLoadDlMbps[t * K + k]).toBeLessThanOrEqual(100 + 1e-9);
    }
  });
});

describe('hotspot (planar, mixed types): MILP against brute force', () => {
  it('3 × 3 cells, small cells (0.5 km, 30 Mbps) and a macro (2 km, 60 Mbps), two steps', async () => {
    const cells = [];
    for (let y = 0; y < 3; y++) for (let x = 0; x < 3; x++) cells.push({ x: x * 0.5, y: y * 0.5 });
    const small = cells.map((c) => ({ ...c, rangeKm: 0.5, usableDlMbps: 30, costUsd: 10_000, typeIndex: 0 }));
    const macro = [
      { x: 0.5, y: 0.5, rangeKm: 2, usableDlMbps: 60, costUsd: 25_000, typeIndex: 1 },
      { x: 0, y: 1, rangeKm: 2, usableDlMbps: 60, costUsd: 25_000, typeIndex: 1 },
    ];
    const demand = [
      cells.map((_, i) => [12, 8, 3, 9, 14, 2, 0, 5, 7][i]),
      cells.map((_, i) => [2, 6, 15, 4, 10, 11, 9, 1, 3][i]),
    ];
    const inst: PlacementInstance = syntheticInstance({
      units: cells,
      demand,
      candidates: [...small, ...macro],
    });
    const best = bruteForce(inst);
    const sol = await solvePlacement(inst);
    expect(sol.capexUsd).toBe(best.capexUsd);
    expect(sol.servedMbpsHours).toBeCloseTo(best.servedMbpsHours, 6);
    expect(sol.method).toBe('milp');
    expect(sol.gap).toBe(0);
  });
});

describe('caps, existing sites, determinism', () => {
  it('budget for 2 of the 4 sites: serves the most Mbps·h, reports the rest unserved', async () => {
    const units = routeUnits(20);
    // Demand grows along the route: the best 2 sites go to the busiest end.
    const inst = syntheticInstance({
      units,
      demand: [units.map((_, i) => 1 + i), units.map((_, i) => 2 + i)],
      candidates: routeCandidates(20, 0.5, COW),
      budgetUsd: 120_000,
    });
    const sol = await solvePlacement(inst);
    expect(sol.newSites).toBe(2);
    expect(sol.capped).toBe(true);
    // The two sites cover the 20 busiest segments (km 10–20): served = their demand.
    let served = 0;
    for (let t = 0; t < 2; t++) for (let i = 20; i < 40; i++) served += inst.demandDlMbps[t * 40 + i];
    expect(sol.servedMbpsHours).toBeCloseTo(served, 6);
    for (let i = 0; i < 20; i++) expect(sol.unitCovered[i]).toBe(0);
    // Both objectives proven: no plan within the budget serves more, none serving as much costs less.
    expect(sol.lowerBoundUsd).toBe(120_000);
    expect(sol.gap).toBe(0);
    expect(texts(sol.notes).join(' ')).toContain('no plan within it serves more (proven)');
  });

  it('a site cap greedy spends badly: the capped MILP serves more and proves no plan serves more', async () => {
    // A crowd moving along a 30 km route, four new sites allowed: greedy by Mbps per dollar takes four
    // small cows (977 Mbps·h left unserved); four macros leave 773.
    const units = routeUnits(30);
    const demand = [0, 1, 2, 3].map((t) =>
      units.map((u) => 2 + 60 * Math.exp(-(((u.x - 6 - 6 * t) / 2) ** 2))),
    );
    const candidates = [
      ...routeCandidates(30, 1, { rangeKm: 5, usableDlMbps: 100, costUsd: 60_000, typeIndex: 0 }),
      ...routeCandidates(30, 1, { rangeKm: 1.5, usableDlMbps: 900, costUsd: 180_000, typeIndex: 1 }),
    ];
    const inst = syntheticInstance({ units, demand, candidates, maxNewSites: 4 });
    const greedy = await solvePlacement(inst, { method: 'greedy' });
    const sol = await solvePlacement(inst, { timeLimitSeconds: 20 });
    expect(sol.capped).toBe(true);
    expect(sol.newSites).toBeLessThanOrEqual(4);
    expect(sol.unservedMbpsHours).toBeLessThan(0.9 * greedy.unservedMbpsHours);
    expect(texts(sol.notes)).toContain('no plan within it serves more (proven)');
    expect(sol.lowerBoundUsd).toBe(sol.capexUsd);
    expect(sol.gap).toBe(0);
  });

  it('a cap that surely binds is known before any solve: 400 Mbps need 8 sites of 50, five are allowed', async () => {
    const units = routeUnits(20);
    const inst = syntheticInstance({
      units,
      demand: [units.map(() => 10)],
      candidates: routeCandidates(20, 0.5, { ...COW, usableDlMbps: 50 }),
      maxNewSites: 5,
    });
    const sol = await solvePlacement(inst);
    expect(texts(sol.notes)).toContain(
      'the cap binds: serving all the servable demand needs at least US$ 480,000 and 8 new sites',
    );
    // Five sites carry 250 of the 400 Mbps for the one-hour step: 150 Mbps·h stay unserved, no fewer.
    expect(sol.capped).toBe(true);
    expect(sol.newSites).toBe(5);
    expect(sol.unservedMbpsHours).toBeCloseTo(150, 6);
    expect(texts(sol.notes)).toContain('no plan within it serves more (proven)');
    // Greedy has no bound of its own; capacity per dollar gives one, here exact: 5 × 50 of 400 Mbps.
    const greedy = await solvePlacement(inst, { method: 'greedy' });
    expect(texts(greedy.notes).join('; ')).toContain(
      'a plan within it could leave at best 150 Mbps·h unserved (proven bound from capacity per dollar)',
    );
  });

  it('a two-type route the MILP does not prove plans the same with 20 s or 60 s allowed (work limits)', async () => {
    // 60 km, a crowd wave over 12 hours, cows and macros every km: 120 units, the whole MILP stops at its
    // node limit; the windows run too and the cheaper plan is kept.
    const units = routeUnits(60);
    const demand = Array.from({ length: 12 }, (_, t) =>
      units.map((u) => {
        const diurnal = 0.4 + 0.6 * Math.sin((Math.PI * (t % 24)) / 24) ** 2;
        return diurnal * (1 + 300 * Math.exp(-(((u.x - ((t * 4) % 100) + 20) / 8) ** 2)));
      }),
    );
    const candidates = [
      ...routeCandidates(60, 1, { rangeKm: 7.7, usableDlMbps: 96.6, costUsd: 60_000, typeIndex: 0 }),
      ...routeCandidates(60, 1, { rangeKm: 2.06, usableDlMbps: 922, costUsd: 180_000, typeIndex: 1 }),
    ];
    const inst = syntheticInstance({ units, demand, candidates });
    const short = await solvePlacement(inst, { timeLimitSeconds: 20 });
    const long = await solvePlacement(inst, { timeLimitSeconds: 60 });
    expect(short.gap).toBeGreaterThan(0);
    expect(texts(short.notes)).toContain('MILP stopped at its node limit');
    expect(Array.from(long.open)).toEqual(Array.from(short.open));
    expect(long.lowerBoundUsd).toBe(short.lowerBoundUsd);
    expect(short.unservedMbpsHours).toBe(0);
  }, 120_000);

  it('a cap that does not bind changes nothing and is not reported as binding', async () => {
    const units = routeUnits(20);
    const inst = syntheticInstance({
      units,
      demand: [units.map(() => 5)],
      candidates: routeCandidates(20, 0.5, COW),
    });
    const free = await solvePlacement(inst);
    const roomy = await solvePlacement({ ...inst, maxNewSites: free.newSites, budgetUsd: free.capexUsd });
    expect(roomy.capped).toBe(false);
    expect(Array.from(roomy.open)).toEqual(Array.from(free.open));
    expect(texts(roomy.notes).some((n) => n.startsWith('the cap binds'))).toBe(false);
  });

  it('an existing site is free and used first', async () => {
    const units = routeUnits(20);
    const cands = [...routeCandidates(20, 0.5, COW), { x: 2.5, ...COW, existing: true }];
    const inst = syntheticInstance({ units, demand: [units.map(() => 5)], candidates: cands });
    const sol = await solvePlacement(inst);
    expect(sol.newSites).toBe(3);
    expect(sol.capexUsd).toBe(180_000);
    const k = Array.from(sol.openSites).indexOf(cands.length - 1);
    expect(k).toBeGreaterThanOrEqual(0);
    expect(sol.siteLoadDlMbps[k]).toBeGreaterThan(0);
  });

  it('same input twice gives identical output', async () => {
    const units = routeUnits(12);
    const mk = () =>
      syntheticInstance({
        units,
        demand: [units.map((_, i) => (i * 7) % 11), units.map((_, i) => (i * 5) % 13)],
        candidates: [
          ...routeCandidates(12, 0.5, { rangeKm: 1.2, usableDlMbps: 20, costUsd: 20_000, typeIndex: 0 }),
          ...routeCandidates(12, 1, { rangeKm: 3, usableDlMbps: 45, costUsd: 50_000, typeIndex: 1 }),
        ],
      });
    const a = await solvePlacement(mk(), { method: 'milp' });
    const b = await solvePlacement(mk(), { method: 'milp' });
    expect(Array.from(b.openSites)).toEqual(Array.from(a.openSites));
    expect(Array.from(b.servedDlMbps)).toEqual(Array.from(a.servedDlMbps));
    expect(Array.from(b.siteLoadDlMbps)).toEqual(Array.from(a.siteLoadDlMbps));
    expect(b.capexUsd).toBe(a.capexUsd);
    expect(b.lowerBoundUsd).toBe(a.lowerBoundUsd);
  });
});

describe('large components (window decomposition)', () => {
  const units = routeUnits(100);
  // A crowd wave: heavy around km 30 at step 0 and around km 70 at step 1.
  const wave = (centre: number) => units.map((u) => 2 + 60 * Math.exp(-(((u.x - centre) / 6) ** 2)));
  const mixedRoute = () =>
    syntheticInstance({
      units,
      demand: [wave(30), wave(70)],
      candidates: [
        ...routeCandidates(100, 1, { rangeKm: 6, usableDlMbps: 100, costUsd: 60_000, typeIndex: 0 }),
        ...routeCandidates(100, 1, { rangeKm: 2, usableDlMbps: 900, costUsd: 180_000, typeIndex: 1 }),
      ],
    });

  it('a hotspot above the window threshold with few candidates: the whole MILP proves its optimum', async () => {
    // 15 × 10 cells 100 m apart (150 units), two site types on a 300 m grid (40 candidates).
    const cells = Array.from({ length: 150 }, (_, i) => ({ x: (i % 15) * 0.1, y: Math.floor(i / 15) * 0.1 }));
    const busy = (c: { x: number; y: number }, cx: number) =>
      4 + 30 * Math.exp(-((c.x - cx) ** 2 + (c.y - 0.45) ** 2) / 0.05);
    const candidates = Array.from({ length: 20 }, (_, k) => ({
      x: (k % 5) * 0.3 + 0.1,
      y: Math.floor(k / 5) * 0.3,
    })).flatMap((p) => [
      { ...p, rangeKm: 0.45, usableDlMbps: 120, costUsd: 60_000, typeIndex: 0 },
      { ...p, rangeKm: 0.2, usableDlMbps: 260, costUsd: 25_000, typeIndex: 1 },
    ]);
    const inst = syntheticInstance({
      units: cells,
      demand: [cells.map((c) => busy(c, 0.3)), cells.map((c) => busy(c, 1.1))],
      candidates,
    });
    const sol = await solvePlacement(inst, { timeLimitSeconds: 30 });
    expect(inst.unitCount).toBeGreaterThan(120);
    expect(sol.method).toBe('milp');
    expect(sol.unservedMbpsHours).toBe(0);
    expect(sol.components.every((c) => c.optimal)).toBe(true);
    expect(sol.gap).toBe(0);
  });

  it('one lightly loaded 100 km route with two site types: the whole MILP at its root proves the optimum', async () => {
    // A crowd wave 8 km wide walks the route over 48 hourly steps, at most 21 Mbps per segment: coverage
    // and a little capacity bind. Windows, each deciding its own stretch, planned US$ 1.14 M here (bound
    // 1.02 M); the root of the whole MILP finds 1.02 M and proves it.
    const units = routeUnits(100);
    const demand = Array.from({ length: 48 }, (_, t) => {
      const centre = ((t * 4) % 140) - 20;
      const diurnal = 0.4 + 0.6 * Math.sin((Math.PI * (t % 24)) / 24) ** 2;
      return units.map((u) => diurnal * (1 + 20 * Math.exp(-(((u.x - centre) / 8) ** 2))));
    });
    const inst = syntheticInstance({
      units,
      demand,
      candidates: [
        ...routeCandidates(100, 1, { rangeKm: 7.7, usableDlMbps: 96.6, costUsd: 60_000, typeIndex: 0 }),
        ...routeCandidates(100, 1, { rangeKm: 2.06, usableDlMbps: 922, costUsd: 180_000, typeIndex: 1 }),
      ],
    });
    const sol = await solvePlacement(inst);
    expect(inst.unitCount).toBe(200);
    expect(sol.method).toBe('milp');
    expect(sol.unservedMbpsHours).toBe(0);
    expect(sol.capexUsd).toBe(1_020_000);
    expect(sol.gap).toBe(0);
  });

  it('work limits, not the clock, decide the plan: same output with a 10 s or a 60 s limit', async () => {
    const a = await solvePlacement(mixedRoute(), { timeLimitSeconds: 10 });
    const b = await solvePlacement(mixedRoute(), { timeLimitSeconds: 60 });
    expect(b.method).toBe(a.method);
    expect(Array.from(b.openSites)).toEqual(Array.from(a.openSites));
    expect(b.capexUsd).toBe(a.capexUsd);
    expect(b.lowerBoundUsd).toBe(a.lowerBoundUsd);
  });

  it('a 100 km mixed-type route: serves everything within capacity, bound ≤ capex, gap reported', async () => {
    const inst = mixedRoute();
    const sol = await solvePlacement(inst, { timeLimitSeconds: 10 });
    // One route of 200 segments: the whole MILP at its root plans no dearer than the windows.
    expect(sol.method).toBe('milp');
    expect(sol.unservedMbpsHours).toBe(0);
    expect(sol.lowerBoundUsd).toBeGreaterThan(0);
    expect(sol.lowerBoundUsd).toBeLessThanOrEqual(sol.capexUsd);
    expect(sol.gap).toBeCloseTo((sol.capexUsd - sol.lowerBoundUsd) / sol.capexUsd, 12);
    const K = sol.openSites.length;
    for (let t = 0; t < inst.stepCount; t++) {
      for (let k = 0; k < K; k++) {
        expect(sol.siteLoadDlMbps[t * K + k]).toBeLessThanOrEqual(
          inst.usableDlMbps[sol.openSites[k]] * (1 + 1e-9),
        );
      }
    }
  });
});
