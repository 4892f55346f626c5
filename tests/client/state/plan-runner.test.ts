import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseScenario } from '../../../shared/index';
import { runPlan, saveScenario } from '../../../client/state/plan-runner';
import { patchRoute, type ScenarioDoc } from '../../../client/state/scenario-edits';
import { createWorkspace, edit, isDirty, type PlanStatus } from '../../../client/state/workspace';

/** Only the network is faked: fetch and EventSource answer like the server's contract says. */
const fixture: ScenarioDoc = JSON.parse(
  readFileSync(new URL('../fixtures/small-scenario.json', import.meta.url), 'utf8'),
);
const parsed = parseScenario(fixture);
if (!parsed.ok) throw new Error('fixture invalid');

const now = '2025-01-01T00:00:00.000Z';
const document = (revision: number) => ({
  id: 'hk',
  name: fixture.name,
  revision,
  createdAt: now,
  updatedAt: now,
  deletedAt: null,
  latestPlan: null,
  scenario: parsed.value,
});
const job = (status: string) => ({
  id: '7c7d3a52-3f3e-4a55-9a59-64f1b0a6f0a1',
  scenarioId: 'hk',
  revision: 4,
  status,
  stage: null,
  fraction: 0,
  cached: false,
  createdAt: now,
  startedAt: now,
  finishedAt: status === 'done' ? now : null,
  error: null,
  links: { self: '/api/plans/x', events: '/api/plans/x/events', result: '/api/scenarios/hk/plan?revision=4' },
});

function reply(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('save', () => {
  it('saves an edited scenario as the next revision with If-Match', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return reply(200, document(4));
    });
    const store = createWorkspace(fixture, { id: 'hk', revision: 3 });
    edit(store, (d) => patchRoute(d, 'hillah-karbala', { speedKmh: 4 }));
    expect(await saveScenario(store)).toEqual({ id: 'hk', revision: 4 });
    expect(calls[0].url).toBe('/api/scenarios/hk');
    expect(calls[0].init.method).toBe('PUT');
    expect((calls[0].init.headers as Record<string, string>)['If-Match']).toBe('"3"');
    expect(isDirty(store.get())).toBe(false);
    expect(store.get().notice?.text).toMatch(/revision 4/);
  });

  it('refuses a stale revision and says so, keeping the edits', async () => {
    vi.stubGlobal('fetch', async () =>
      reply(409, {
        error: {
          code: 'revision_conflict',
          message: 'moved on',
          path: 'headers.if-match',
          currentRevision: 5,
        },
      }),
    );
    const store = createWorkspace(fixture, { id: 'hk', revision: 3 });
    edit(store, (d) => patchRoute(d, 'hillah-karbala', { speedKmh: 4 }));
    expect(await saveScenario(store)).toBeNull();
    expect(store.get().notice).toMatchObject({ kind: 'error' });
    expect(store.get().notice?.text).toMatch(/revision 5/);
    expect(store.get().saved).toEqual({ id: 'hk', revision: 3 });
    expect(isDirty(store.get())).toBe(true);
  });

  it('does not send an invalid scenario', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const store = createWorkspace(fixture, { id: 'hk', revision: 3 });
    edit(store, (d) => patchRoute(d, 'hillah-karbala', { speedKmh: -2 }));
    expect(await saveScenario(store)).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('plan', () => {
  it('saves, starts the job, follows its event stream and loads the stored plan', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      urls.push(`${init.method} ${url}`);
      if (init.method === 'PUT') return reply(200, document(4));
      if (init.method === 'POST') return reply(202, job('running'));
      return reply(200, {
        scenarioId: 'hk',
        revision: 4,
        sites: [],
        kpis: { capexUsd: 0, computeMs: 12 },
        routes: [],
      });
    });
    class FakeEventSource {
      private listeners = new Map<string, (e: MessageEvent) => void>();
      constructor(readonly url: string) {
        setTimeout(() => {
          this.emit('progress', { stage: 'placement', fraction: 0.4 });
          this.emit('done', job('done'));
        }, 5);
      }
      addEventListener(type: string, fn: (e: MessageEvent) => void) {
        this.listeners.set(type, fn);
      }
      emit(type: string, data: unknown) {
        this.listeners.get(type)?.({ data: JSON.stringify(data) } as MessageEvent);
      }
      close() {}
    }
    vi.stubGlobal('EventSource', FakeEventSource);
    const store = createWorkspace(fixture, { id: 'hk', revision: 3 });
    edit(store, (d) => patchRoute(d, 'hillah-karbala', { speedKmh: 4 }));
    const seen: PlanStatus[] = [];
    store.subscribe((s, p) => {
      if (s.planStatus !== p.planStatus) seen.push(s.planStatus);
    });
    expect(await runPlan(store)).toBe(true);
    expect(urls).toEqual([
      'PUT /api/scenarios/hk',
      'POST /api/scenarios/hk/plans',
      'GET /api/scenarios/hk/plan?revision=4&include=service',
    ]);
    expect(seen).toContainEqual({ kind: 'running', progress: 0.4, stage: 'placement' });
    expect(store.get().planStatus).toEqual({ kind: 'done', ms: 12 });
    expect(store.get().planResult?.revision).toBe(4);
  });
});
