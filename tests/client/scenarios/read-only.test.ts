import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ScenarioDoc } from '../../../client/state/scenario-edits';
import { createWorkspace, edit, importRoutes, isDirty } from '../../../client/state/workspace';

const doc = JSON.parse(
  readFileSync(new URL('../fixtures/small-scenario.json', import.meta.url), 'utf8'),
) as ScenarioDoc;

describe('a read-only revision', () => {
  it('refuses edits and imports while shown, and accepts them again afterwards', () => {
    const store = createWorkspace(doc, { id: 'x', revision: 1 });
    store.set({ readOnly: { revision: 1, latestRevision: 3 } });
    const before = store.get().history;
    edit(store, (d) => ({ ...d, name: 'changed' }));
    expect(store.get().history).toBe(before);
    expect(isDirty(store.get())).toBe(false);
    const imported = importRoutes(store, (d) => ({ ...d, routes: [...d.routes] }));
    expect(imported.ok).toBe(false);
    expect(store.get().history).toBe(before);
    store.set({ readOnly: null });
    edit(store, (d) => ({ ...d, name: 'changed' }));
    expect(store.get().history.present.name).toBe('changed');
    expect(isDirty(store.get())).toBe(true);
  });
});
