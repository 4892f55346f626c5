import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleScenario, listen, makeTestApp, readEvents, waitFor, type TestApp } from './helpers';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function withDescription(app: TestApp, description: string): Promise<string> {
  const res = await request(app.app)
    .post('/api/scenarios')
    .send({ ...exampleScenario(), name: description, description })
    .expect(201);
  return res.body.id as string;
}

async function finished(app: TestApp, jobId: string) {
  return waitFor(async () => {
    const res = await request(app.app).get(`/api/plans/${jobId}`).expect(200);
    return ['done', 'failed', 'cancelled'].includes(res.body.status) ? res.body : undefined;
  });
}

describe('plan jobs', () => {
  it('plans in a worker, stores the result per revision and serves it', async () => {
    t = makeTestApp();
    const start = await request(t.app).post('/api/scenarios/hillah-karbala/plans').expect(202);
    expect(start.body).toMatchObject({ scenarioId: 'hillah-karbala', revision: 1, cached: false });
    expect(['queued', 'running']).toContain(start.body.status);
    expect(start.headers.location).toBe(`/api/plans/${start.body.id}`);
    const job = await finished(t, start.body.id);
    expect(job).toMatchObject({ status: 'done', fraction: 1, error: null });

    const result = await request(t.app).get(job.links.result).expect(200);
    expect(result.body).toMatchObject({
      scenarioId: 'hillah-karbala',
      revision: 1,
      scenarioName: expect.any(String),
    });
    expect(result.body.sites.length).toBeGreaterThan(0);
    expect(result.body.kpis.method).toBe('fake');
    expect(result.body.routes[0].peakPersons.length).toBe(result.body.routes[0].segmentCount);
    expect(result.body.service).toBeUndefined();
    const withService = await request(t.app)
      .get('/api/scenarios/hillah-karbala/plan?include=service')
      .expect(200);
    const s = withService.body.service[0];
    expect(s.servedDlMbps).toHaveLength(s.segmentCount * s.stepCount);
    expect(Array.isArray(s.coveringSite)).toBe(true);

    const again = await request(t.app)
      .post('/api/scenarios/hillah-karbala/plans')
      .send({ revision: 1 })
      .expect(200);
    expect(again.body).toMatchObject({ status: 'done', cached: true });
    const list = await request(t.app).get('/api/scenarios').expect(200);
    expect(list.body.scenarios[0].latestPlan).toMatchObject({ revision: 1, kpis: { method: 'fake' } });
    const revs = await request(t.app).get('/api/scenarios/hillah-karbala/revisions').expect(200);
    expect(revs.body.revisions[0].planned).toBe(true);
  });

  it('answers unplanned revisions and unknown jobs with 404, bad ids and queries with 400', async () => {
    t = makeTestApp();
    const res = await request(t.app).get('/api/scenarios/hillah-karbala/plan').expect(404);
    expect(res.body.error.code).toBe('not_planned');
    await request(t.app).get('/api/scenarios/hillah-karbala/plan?revision=5').expect(404);
    await request(t.app).get('/api/scenarios/hillah-karbala/plan?include=everything').expect(400);
    await request(t.app).get('/api/plans/not-a-uuid').expect(400);
    await request(t.app).get('/api/plans/9b2f8c1e-4a5d-4e7f-8a9b-0c1d2e3f4a5b').expect(404);
    await request(t.app).post('/api/plans/9b2f8c1e-4a5d-4e7f-8a9b-0c1d2e3f4a5b/cancel').expect(404);
    await request(t.app).post('/api/scenarios/nope/plans').expect(404);
    await request(t.app).post('/api/scenarios/hillah-karbala/plans').send({ revision: 3 }).expect(404);
    await request(t.app).post('/api/scenarios/hillah-karbala/plans').send({ revision: 'x' }).expect(422);
  });

  it('streams progress and the final job as server-sent events', async () => {
    t = makeTestApp();
    const id = await withDescription(t, 'fake-planner: wait 400');
    const { url, close } = await listen(t.app);
    try {
      const start = await request(t.app).post(`/api/scenarios/${id}/plans`).expect(202);
      const events = await readEvents(`${url}${start.body.links.events}`);
      const names = events.map((e) => e.event);
      expect(names[0]).toBe('progress');
      expect(names.at(-1)).toBe('done');
      const stages = events
        .filter((e) => e.event === 'progress')
        .map((e) => (e.data as { stage: string }).stage);
      expect(stages).toContain('placement');
      const fractions = events
        .filter((e) => e.event === 'progress')
        .map((e) => (e.data as { fraction: number }).fraction);
      expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
      // A finished job's stream sends its state and ends at once.
      const replay = await readEvents(`${url}${start.body.links.events}`);
      expect(replay.map((e) => e.event)).toEqual(['progress', 'done']);
    } finally {
      await close();
    }
  });

  it('reports a failing plan as an error event and a failed job', async () => {
    t = makeTestApp();
    const id = await withDescription(t, 'fake-planner: fail');
    const { url, close } = await listen(t.app);
    try {
      const start = await request(t.app).post(`/api/scenarios/${id}/plans`).expect(202);
      const events = await readEvents(`${url}${start.body.links.events}`);
      const last = events.at(-1) as { event: string; data: { error: { message: string } } };
      expect(last.event).toBe('error');
      expect(last.data.error.message).toContain('fake planner failure');
      const job = await finished(t, start.body.id);
      expect(job).toMatchObject({ status: 'failed', error: { code: 'plan_failed' } });
      await request(t.app).get(`/api/scenarios/${id}/plan`).expect(404);
    } finally {
      await close();
    }
  });

  it('cancels a running plan (cooperative) and a queued one; a finished job cannot be cancelled', async () => {
    t = makeTestApp({ workers: 1 });
    const slow = await withDescription(t, 'fake-planner: wait 5000');
    const other = await withDescription(t, 'fake-planner: wait 10');
    const running = await request(t.app).post(`/api/scenarios/${slow}/plans`).expect(202);
    const queued = await request(t.app).post(`/api/scenarios/${other}/plans`).expect(202);
    expect(queued.body.status).toBe('queued');
    const c1 = await request(t.app).post(`/api/plans/${queued.body.id}/cancel`).expect(200);
    expect(c1.body.status).toBe('cancelled');
    await waitFor(async () =>
      (await request(t!.app).get(`/api/plans/${running.body.id}`)).body.status === 'running'
        ? true
        : undefined,
    );
    const c2 = await request(t.app).post(`/api/plans/${running.body.id}/cancel`).expect(200);
    expect(c2.body.status).toBe('cancelled');
    const again = await request(t.app).post(`/api/plans/${running.body.id}/cancel`).expect(409);
    expect(again.body.error.code).toBe('job_finished');
    // The worker is free again: a new plan runs to the end.
    await waitFor(() => (t!.pool.stats().busy === 0 ? true : undefined));
    const next = await request(t.app).post(`/api/scenarios/${other}/plans`).expect(202);
    expect((await finished(t, next.body.id)).status).toBe('done');
  });

  it('terminates a worker whose plan ignores the cancel, and recovers', async () => {
    t = makeTestApp({ workers: 1, cancelGraceMs: 200 });
    const stuck = await withDescription(t, 'fake-planner: spin 4000');
    const start = await request(t.app).post(`/api/scenarios/${stuck}/plans`).expect(202);
    await waitFor(() => (t!.pool.stats().busy === 1 ? true : undefined));
    const began = Date.now();
    await request(t.app).post(`/api/plans/${start.body.id}/cancel`).expect(200);
    await waitFor(() => (t!.pool.stats().busy === 0 ? true : undefined));
    expect(Date.now() - began).toBeLessThan(2000);
    const next = await request(t.app).post('/api/scenarios/hillah-karbala/plans').expect(202);
    expect((await finished(t, next.body.id)).status).toBe('done');
  });

  it('joins a second start of a revision that is still running', async () => {
    t = makeTestApp();
    const id = await withDescription(t, 'fake-planner: wait 300');
    const a = await request(t.app).post(`/api/scenarios/${id}/plans`).expect(202);
    const b = await request(t.app).post(`/api/scenarios/${id}/plans`).expect(202);
    expect(b.body.id).toBe(a.body.id);
    await finished(t, a.body.id);
  });

  it('keeps stored plans across a restart', async () => {
    t = makeTestApp();
    const start = await request(t.app).post('/api/scenarios/hillah-karbala/plans').expect(202);
    await finished(t, start.body.id);
    const dataDir = t.dataDir;
    await t.close({ keepData: true });
    t = makeTestApp({ dataDir });
    const result = await request(t.app).get('/api/scenarios/hillah-karbala/plan').expect(200);
    expect(result.body.kpis.method).toBe('fake');
    const again = await request(t.app).post('/api/scenarios/hillah-karbala/plans').expect(200);
    expect(again.body.cached).toBe(true);
    // Plans made by other planning code are not reused.
    await t.close({ keepData: true });
    t = makeTestApp({ dataDir, model: 'another-model' });
    await request(t.app).get('/api/scenarios/hillah-karbala/plan').expect(404);
  });

  it('rate-limits plan runs with 429', async () => {
    t = makeTestApp({ planRateLimit: { limit: 2, windowMs: 60_000 } });
    await request(t.app).post('/api/scenarios/hillah-karbala/plans').expect(202);
    await request(t.app).post('/api/scenarios/hillah-karbala/plans');
    const limited = await request(t.app).post('/api/scenarios/hillah-karbala/plans').expect(429);
    expect(limited.body.error.code).toBe('rate_limited');
    await request(t.app).get('/api/scenarios').expect(200);
  });

  it('answers health within 50 ms while every worker is busy', async () => {
    t = makeTestApp({ workers: 2 });
    const a = await withDescription(t, 'fake-planner: spin 2500');
    const b = await withDescription(t, 'fake-planner: spin 2501');
    await request(t.app).post(`/api/scenarios/${a}/plans`).expect(202);
    await request(t.app).post(`/api/scenarios/${b}/plans`).expect(202);
    await waitFor(() => (t!.pool.stats().busy === 2 ? true : undefined));
    const { url, close } = await listen(t.app);
    try {
      const times: number[] = [];
      for (let i = 0; i < 30; i++) {
        const began = performance.now();
        const res = await fetch(`${url}/api/health`);
        const body = (await res.json()) as { workers: { busy: number } };
        times.push(performance.now() - began);
        expect(body.workers.busy).toBe(2);
      }
      times.sort((x, y) => x - y);
      expect(times[Math.floor(times.length * 0.9)]).toBeLessThan(50);
    } finally {
      await close();
    }
  });
});
