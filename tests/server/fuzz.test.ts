import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleScenario, makeTestApp, type TestApp } from './helpers';

let t: TestApp;
beforeAll(() => {
  t = makeTestApp();
});
afterAll(async () => {
  await t.close();
});

const SEED = 20250814;

/** Any answer must be a success or a well-formed client error: never a 5xx, never a stack trace. */
function expectClean(res: request.Response): void {
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.body.error).toMatchObject({
      code: expect.any(String),
      message: expect.any(String),
      path: expect.any(String),
    });
    expect(JSON.stringify(res.body)).not.toMatch(/\.ts:\d+|node_modules|at [A-Za-z.]+ \(/);
  }
}

/** Replaces the value at a random path of the document with a random JSON value. */
function mutate(doc: unknown, path: number[], value: unknown): unknown {
  if (path.length === 0 || doc === null || typeof doc !== 'object') return value;
  const keys = Object.keys(doc as object);
  if (keys.length === 0) return value;
  const key = keys[path[0] % keys.length];
  const copy: Record<string, unknown> = Array.isArray(doc)
    ? ([...doc] as unknown as Record<string, unknown>)
    : { ...(doc as object) };
  copy[key] = mutate((doc as Record<string, unknown>)[key], path.slice(1), value);
  return copy;
}

describe('fuzzing with fast-check', () => {
  it('random JSON bodies to create: 201 or 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (body) => {
        const res = await request(t.app)
          .post('/api/scenarios')
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(body));
        expectClean(res);
      }),
      { numRuns: 150, seed: SEED },
    );
  });

  it('mutated scenarios (one field replaced anywhere): 201 or 422', async () => {
    const base = exampleScenario();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.jsonValue({ maxDepth: 2 }),
        async (path, value) => {
          const res = await request(t.app)
            .post('/api/scenarios')
            .send(mutate(base, path, value) as object);
          expectClean(res);
          expect([201, 422]).toContain(res.status);
        },
      ),
      { numRuns: 200, seed: SEED },
    );
  });

  it('random text as JSON, random If-Match, random path parameters and queries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
        expectClean(
          await request(t.app).post('/api/scenarios').set('Content-Type', 'application/json').send(text),
        );
      }),
      { numRuns: 100, seed: SEED },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 30 }), async (ifMatch) => {
        const res = await request(t.app)
          .put('/api/scenarios/hillah-karbala')
          .set('If-Match', ifMatch.replace(/[^\t\x20-\x7e]/g, ''))
          .send(exampleScenario());
        expectClean(res);
      }),
      { numRuns: 60, seed: SEED },
    );
    const segment = fc.string({ minLength: 1, maxLength: 40 }).map((s) => encodeURIComponent(s));
    await fc.assert(
      fc.asyncProperty(segment, segment, fc.string({ maxLength: 40 }), async (a, b, q) => {
        const query = `?revision=${encodeURIComponent(q)}&include=${encodeURIComponent(q)}&deleted=${encodeURIComponent(q)}`;
        for (const url of [
          `/api/scenarios/${a}`,
          `/api/scenarios/${a}/revisions/${b}`,
          `/api/scenarios/${a}/plan${query}`,
          `/api/scenarios/${a}/exports/${b}${query}`,
          `/api/plans/${a}`,
          `/api/plans/${a}/events`,
          `/api/scenarios${query}`,
        ]) {
          expectClean(await request(t.app).get(url));
        }
        expectClean(await request(t.app).post(`/api/plans/${a}/cancel`));
        expectClean(await request(t.app).post(`/api/scenarios/${a}/clone`).send({ name: q }));
      }),
      { numRuns: 60, seed: SEED },
    );
  });

  it('random files to the importers', async () => {
    const file = fc.oneof(
      fc.string({ maxLength: 500 }),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .string({ maxLength: 200 })
        .map(
          (s) =>
            `<?xml version="1.0"?><kml><Placemark><name>${s}</name><LineString><coordinates>${s}</coordinates></LineString></Placemark></kml>`,
        ),
      fc
        .string({ maxLength: 200 })
        .map(
          (s) =>
            `<gpx><trk><trkseg><trkpt lat="${s}" lon="44"/><trkpt lat="32" lon="${s}"/></trkseg></trk></gpx>`,
        ),
      fc
        .array(fc.array(fc.string({ maxLength: 12 }), { maxLength: 5 }), { maxLength: 6 })
        .map((rows) => ['name,lon,lat', ...rows.map((r) => r.join(','))].join('\n')),
    );
    await fc.assert(
      fc.asyncProperty(file, async (text) => {
        expectClean(
          await request(t.app).post('/api/imports/routes').set('Content-Type', 'text/plain').send(text),
        );
        expectClean(
          await request(t.app).post('/api/imports/sites').set('Content-Type', 'text/csv').send(text),
        );
      }),
      { numRuns: 150, seed: SEED },
    );
  });

  it('is still healthy afterwards', async () => {
    const res = await request(t.app).get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'ok' });
    const integrity = t.db.pragma('integrity_check', { simple: true });
    expect(integrity).toBe('ok');
  });
});
