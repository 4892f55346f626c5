import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LonLat } from '../../../shared/index';
import {
  addRoute,
  newRoute,
  patchRoute,
  setDepartureShare,
  type ScenarioDoc,
} from '../../../client/state/scenario-edits';
import {
  createWorkspace,
  currentDoc,
  edit,
  importRoutes,
  isDirty,
  loadScenario,
  redoEdit,
  sealEdits,
  setStep,
  toggleRoute,
  undoEdit,
} from '../../../client/state/workspace';

const fixture: ScenarioDoc = JSON.parse(
  readFileSync(new URL('../fixtures/small-scenario.json', import.meta.url), 'utf8'),
);
const ROUTE = 'hillah-karbala';

describe('workspace', () => {
  it('starts valid, clean, with nothing to undo', () => {
    const store = createWorkspace(fixture);
    const s = store.get();
    expect(s.errors).toEqual([]);
    expect(s.scenario?.routes[0].id).toBe(ROUTE);
    expect(isDirty(s)).toBe(false);
    expect(undoEdit(store)).toBe(false);
  });

  it('edits, undoes and redoes the document, re-validating each time', () => {
    const store = createWorkspace(fixture);
    edit(store, (d) => patchRoute(d, ROUTE, { speedKmh: 5 }));
    edit(store, (d) => patchRoute(d, ROUTE, { speedKmh: 6 }));
    expect(currentDoc(store.get()).routes[0].speedKmh).toBe(6);
    expect(store.get().scenario?.routes[0].speedKmh).toBe(6);
    expect(isDirty(store.get())).toBe(true);
    undoEdit(store);
    expect(currentDoc(store.get()).routes[0].speedKmh).toBe(5);
    undoEdit(store);
    expect(currentDoc(store.get())).toBe(fixture);
    expect(isDirty(store.get())).toBe(false);
    redoEdit(store);
    redoEdit(store);
    expect(currentDoc(store.get()).routes[0].speedKmh).toBe(6);
  });

  it('keeps the last valid scenario while the document has field-path errors', () => {
    const store = createWorkspace(fixture);
    const valid = store.get().scenario;
    const errors = edit(store, (d) => patchRoute(d, ROUTE, { speedKmh: -1 }));
    expect(errors.map((e) => e.path)).toContain('routes[0].speedKmh');
    expect(store.get().scenario).toBe(valid);
    undoEdit(store);
    expect(store.get().errors).toEqual([]);
  });

  it('undoes a whole drag of departure bars at once', () => {
    const store = createWorkspace(fixture);
    for (const share of [0.1, 0.2, 0.3]) {
      edit(store, (d) => setDepartureShare(d, ROUTE, 0, '2025-08-11', share), 'dep');
    }
    sealEdits(store);
    expect(currentDoc(store.get()).routes[0].joins[0].departures[0].share).toBe(0.3);
    undoEdit(store);
    expect(currentDoc(store.get())).toBe(fixture);
  });

  it('clears the selection when undo removes the selected route', () => {
    const store = createWorkspace(fixture);
    const line: LonLat[] = [
      [44.1, 32.3],
      [44.2, 32.35],
    ];
    const route = newRoute(fixture, line, 'Drawn');
    edit(store, (d) => addRoute(d, route));
    store.set({ selectedRouteId: route.id });
    undoEdit(store);
    expect(store.get().selectedRouteId).toBeNull();
  });

  it('imports valid routes as one undo step and refuses routes that would be invalid, changing nothing', () => {
    const store = createWorkspace(fixture);
    const good = importRoutes(store, (d) =>
      addRoute(
        addRoute(
          d,
          newRoute(
            d,
            [
              [44.1, 32.3],
              [44.2, 32.35],
            ],
            'A',
          ),
        ),
        newRoute(
          d,
          [
            [44.3, 32.3],
            [44.4, 32.35],
          ],
          'B',
        ),
      ),
    );
    expect(good).toEqual({ ok: true, added: ['a', 'b'] });
    expect(currentDoc(store.get()).routes).toHaveLength(3);
    undoEdit(store);
    expect(currentDoc(store.get()).routes).toHaveLength(1);

    const before = store.get();
    const bad = importRoutes(store, (d) =>
      addRoute(
        d,
        newRoute(
          d,
          [
            [44.1, 32.3],
            [44.1, 32.3],
          ],
          'Zero length',
        ),
      ),
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0].path).toBe('routes[1].line');
    expect(store.get()).toBe(before);
  });

  it('toggles route visibility outside the undo history', () => {
    const store = createWorkspace(fixture);
    toggleRoute(store, ROUTE, false);
    expect(store.get().hiddenRoutes).toEqual([ROUTE]);
    toggleRoute(store, ROUTE, true);
    expect(store.get().hiddenRoutes).toEqual([]);
    expect(undoEdit(store)).toBe(false);
  });

  it('clamps the time step to the horizon', () => {
    const store = createWorkspace(fixture);
    setStep(store, 5);
    expect(store.get().step).toBe(0);
  });

  it('starts a fresh history when another scenario is loaded, keeping view preferences', () => {
    const store = createWorkspace(fixture);
    edit(store, (d) => patchRoute(d, ROUTE, { speedKmh: 5 }));
    store.set({ metric: 'dlMbps' });
    loadScenario(store, fixture, { id: 'x', revision: 3 });
    expect(store.get().history.past).toHaveLength(0);
    expect(store.get().saved).toEqual({ id: 'x', revision: 3 });
    expect(store.get().metric).toBe('dlMbps');
  });

  it('notifies listeners only on real changes, with the previous state', () => {
    const store = createWorkspace(fixture);
    const seen: number[] = [];
    store.subscribe((s, p) => seen.push(p.step, s.step));
    store.set({ step: 0 });
    store.set({ metric: 'persons' });
    expect(seen).toEqual([]);
    store.set({ timeModel: { grid: { stepCount: 10 } } as never });
    setStep(store, 3);
    expect(seen).toEqual([0, 0, 0, 3]);
  });
});
