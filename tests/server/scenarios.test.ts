import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exampleScenario, makeTestApp, type TestApp } from './helpers';

let t: TestApp;
beforeEach(() => {
  t = makeTestApp();
});
afterEach(async () => {
  await t.close();
});

const create = (body: unknown) =>
  request(t.app)
    .post('/api/scenarios')
    .send(body as object);

describe('scenarios', () => {
  it('seeds the scenario files on first start and lists them', async () => {
    const res = await request(t.app).get('/api/scenarios').expect(200);
    expect(res.body.scenarios).toHaveLength(1);
    expect(res.body.scenarios[0]).toMatchObject({
      id: 'hillah-karbala',
      name: 'Example: Hillah to Karbala, one evening window',
      revision: 1,
      deletedAt: null,
      latestPlan: null,
    });
  });

  it('creates a scenario as revision 1 with Location and ETag, and reads it back', async () => {
    const doc = { ...exampleScenario(), name: 'Created' };
    const res = await create(doc).expect(201);
    expect(res.headers.location).toBe(`/api/scenarios/${res.body.id}`);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({ name: 'Created', revision: 1 });
    expect(res.body.id).toMatch(/^created-[a-z0-9]{6}$/);
    const got = await request(t.app).get(res.headers.location).expect(200);
    // The body carries the plan state, which changes without a new revision: never cached.
    expect(got.headers['cache-control']).toBe('no-store');
    expect(got.body.scenario.routes[0].line).toEqual(doc.routes[0].line);
    expect(got.body.scenario.stepMinutes).toBe(60);
  });

  it('refuses an invalid scenario with 422 and every field path', async () => {
    const doc = exampleScenario();
    doc.routes[0].joins[0].departures[0].share = 0.05;
    (doc as Record<string, unknown>).stepMinutes = 7;
    const res = await create(doc).expect(422);
    expect(res.body.error.code).toBe('invalid_scenario');
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toContain('routes[0].joins[0].departures');
    expect(paths).toContain('stepMinutes');
    expect(res.body.error.path).toBe(res.body.error.details[0].path);
    expect(res.body.error.message).toContain(res.body.error.details[0].message);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
    const list = await request(t.app).get('/api/scenarios').expect(200);
    expect(list.body.scenarios).toHaveLength(1);
  });

  it('answers malformed JSON with 400, a wrong media type with 415, a huge body with 413', async () => {
    const bad = await request(t.app)
      .post('/api/scenarios')
      .set('Content-Type', 'application/json')
      .send('{"format": ')
      .expect(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid_json', path: '' });
    await request(t.app).post('/api/scenarios').set('Content-Type', 'text/plain').send('hello').expect(415);
    const huge = JSON.stringify({ ...exampleScenario(), description: 'x'.repeat(6 * 1024 * 1024) });
    const big = await request(t.app)
      .post('/api/scenarios')
      .set('Content-Type', 'application/json')
      .send(huge)
      .expect(413);
    expect(big.body.error.code).toBe('payload_too_large');
    const none = await request(t.app).post('/api/scenarios').expect(422);
    expect(none.body.error.code).toBe('invalid_body');
  });

  it('validates path parameters (400) and answers unknown ids with 404', async () => {
    const bad = await request(t.app).get('/api/scenarios/%20bad%20id').expect(400);
    expect(bad.body.error.path).toBe('params.id');
    const missing = await request(t.app).get('/api/scenarios/nope').expect(404);
    expect(missing.body.error).toEqual({
      code: 'not_found',
      message: 'no scenario "nope"',
      path: 'params.id',
    });
    await request(t.app).get('/api/scenarios/hillah-karbala/revisions/0').expect(400);
    await request(t.app).get('/api/scenarios/hillah-karbala/revisions/abc').expect(400);
    await request(t.app).get('/api/scenarios/hillah-karbala/revisions/9').expect(404);
    await request(t.app).get('/api/scenarios?deleted=maybe').expect(400);
    await request(t.app).get('/api/nothing-here').expect(404);
  });

  it('saves every update as a new revision and keeps the old ones', async () => {
    const doc = exampleScenario();
    const r2 = await request(t.app)
      .put('/api/scenarios/hillah-karbala')
      .set('If-Match', '"1"')
      .send({ ...doc, name: 'Second' })
      .expect(200);
    expect(r2.body).toMatchObject({ revision: 2, name: 'Second' });
    expect(r2.headers.etag).toBe('"2"');
    await request(t.app)
      .put('/api/scenarios/hillah-karbala')
      .set('If-Match', '2')
      .send({ ...doc, name: 'Third' })
      .expect(200);
    const revs = await request(t.app).get('/api/scenarios/hillah-karbala/revisions').expect(200);
    expect(
      revs.body.revisions.map((r: { revision: number; name: string; source: string }) => [
        r.revision,
        r.name,
        r.source,
      ]),
    ).toEqual([
      [3, 'Third', 'update'],
      [2, 'Second', 'update'],
      [1, 'Example: Hillah to Karbala, one evening window', 'seed'],
    ]);
    const r1 = await request(t.app).get('/api/scenarios/hillah-karbala/revisions/1').expect(200);
    expect(r1.body.scenario.name).toBe('Example: Hillah to Karbala, one evening window');
    expect(r1.headers.etag).toBe('"1"');
  });

  it('refuses a stale update with 409 and the current revision; needs If-Match (428)', async () => {
    const doc = exampleScenario();
    await request(t.app).put('/api/scenarios/hillah-karbala').set('If-Match', '1').send(doc).expect(200);
    const stale = await request(t.app)
      .put('/api/scenarios/hillah-karbala')
      .set('If-Match', '1')
      .send(doc)
      .expect(409);
    expect(stale.body.error).toMatchObject({
      code: 'revision_conflict',
      currentRevision: 2,
      path: 'headers.if-match',
    });
    const none = await request(t.app).put('/api/scenarios/hillah-karbala').send(doc).expect(428);
    expect(none.body.error.code).toBe('precondition_required');
    await request(t.app).put('/api/scenarios/hillah-karbala').set('If-Match', 'soon').send(doc).expect(400);
    await request(t.app).put('/api/scenarios/nope').set('If-Match', '1').send(doc).expect(404);
  });

  it('two updates from the same revision: one 200, one 409, nothing lost', async () => {
    const doc = exampleScenario();
    const [a, b] = await Promise.all([
      request(t.app)
        .put('/api/scenarios/hillah-karbala')
        .set('If-Match', '1')
        .send({ ...doc, name: 'Alice' }),
      request(t.app)
        .put('/api/scenarios/hillah-karbala')
        .set('If-Match', '1')
        .send({ ...doc, name: 'Bob' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 'Alice' : 'Bob';
    const loser = a.status === 200 ? b : a;
    expect(loser.body.error.currentRevision).toBe(2);
    const head = await request(t.app).get('/api/scenarios/hillah-karbala').expect(200);
    expect(head.body).toMatchObject({ revision: 2, name: winner });
    // The loser reloads and applies its change on top: both edits are in the history.
    await request(t.app)
      .put('/api/scenarios/hillah-karbala')
      .set('If-Match', '2')
      .send({ ...doc, name: winner === 'Alice' ? 'Bob' : 'Alice' })
      .expect(200);
    const revs = await request(t.app).get('/api/scenarios/hillah-karbala/revisions').expect(200);
    expect(revs.body.revisions.map((r: { name: string }) => r.name).sort()).toEqual(
      ['Alice', 'Bob', 'Example: Hillah to Karbala, one evening window'].sort(),
    );
  });

  it('soft-deletes and restores', async () => {
    const del = await request(t.app).delete('/api/scenarios/hillah-karbala').expect(200);
    expect(del.body.deletedAt).not.toBeNull();
    await request(t.app).get('/api/scenarios/hillah-karbala').expect(404);
    await request(t.app).delete('/api/scenarios/hillah-karbala').expect(404);
    expect((await request(t.app).get('/api/scenarios')).body.scenarios).toHaveLength(0);
    const only = await request(t.app).get('/api/scenarios?deleted=only').expect(200);
    expect(only.body.scenarios.map((s: { id: string }) => s.id)).toEqual(['hillah-karbala']);
    const restored = await request(t.app).post('/api/scenarios/hillah-karbala/restore').expect(200);
    expect(restored.body.deletedAt).toBeNull();
    await request(t.app).post('/api/scenarios/hillah-karbala/restore').expect(404);
    const got = await request(t.app).get('/api/scenarios/hillah-karbala').expect(200);
    expect(got.body.revision).toBe(1);
  });

  it('clones the latest or a given revision into a new scenario', async () => {
    const doc = exampleScenario();
    await request(t.app)
      .put('/api/scenarios/hillah-karbala')
      .set('If-Match', '1')
      .send({ ...doc, name: 'Edited' });
    const copy = await request(t.app).post('/api/scenarios/hillah-karbala/clone').expect(201);
    expect(copy.body).toMatchObject({ name: 'Edited (copy)', revision: 1 });
    expect(copy.body.scenario.name).toBe('Edited (copy)');
    const named = await request(t.app)
      .post('/api/scenarios/hillah-karbala/clone')
      .send({ name: '2026 +10 %', revision: 1 })
      .expect(201);
    expect(named.body.name).toBe('2026 +10 %');
    const revs = await request(t.app).get(`/api/scenarios/${named.body.id}/revisions`).expect(200);
    expect(revs.body.revisions[0].source).toBe('clone');
    await request(t.app).post('/api/scenarios/hillah-karbala/clone').send({ revision: 7 }).expect(404);
    const bad = await request(t.app)
      .post('/api/scenarios/hillah-karbala/clone')
      .send({ name: '' })
      .expect(422);
    expect(bad.body.error.path).toBe('name');
    await request(t.app).post('/api/scenarios/hillah-karbala/clone').send({ colour: 'red' }).expect(422);
    await request(t.app).post('/api/scenarios/nope/clone').expect(404);
  });
});
