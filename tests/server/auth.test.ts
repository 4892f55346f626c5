import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleScenario, makeTestApp, type TestApp } from './helpers';

const API = 'api-token-0123456789';
const READ = 'read-token-0123456789';
let t: TestApp;
beforeAll(() => {
  t = makeTestApp({ tokens: { apiToken: API, readToken: READ } });
});
afterAll(async () => {
  await t.close();
});

describe('bearer tokens', () => {
  it('leaves health, the OpenAPI document and the docs open', async () => {
    await request(t.app).get('/api/health').expect(200);
    await request(t.app).get('/api/openapi.json').expect(200);
    await request(t.app).get('/api/docs').expect(200);
  });

  it('answers a missing or unknown token with 401 and WWW-Authenticate', async () => {
    const none = await request(t.app).get('/api/scenarios').expect(401);
    expect(none.body.error).toMatchObject({ code: 'unauthorized', path: 'headers.authorization' });
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    await request(t.app).get('/api/scenarios').set('Authorization', 'Bearer wrong-token-000000').expect(401);
    await request(t.app).get('/api/scenarios').set('Authorization', `Basic ${API}`).expect(401);
    await request(t.app).post('/api/scenarios').send(exampleScenario()).expect(401);
  });

  it('lets the read token read and refuses its writes with 403', async () => {
    const auth = `Bearer ${READ}`;
    await request(t.app).get('/api/scenarios').set('Authorization', auth).expect(200);
    await request(t.app)
      .get('/api/scenarios/hillah-karbala/revisions')
      .set('Authorization', auth)
      .expect(200);
    const post = await request(t.app)
      .post('/api/scenarios')
      .set('Authorization', auth)
      .send(exampleScenario())
      .expect(403);
    expect(post.body.error.code).toBe('forbidden');
    await request(t.app)
      .put('/api/scenarios/hillah-karbala')
      .set('Authorization', auth)
      .set('If-Match', '1')
      .send(exampleScenario())
      .expect(403);
    await request(t.app).delete('/api/scenarios/hillah-karbala').set('Authorization', auth).expect(403);
    await request(t.app).post('/api/scenarios/hillah-karbala/plans').set('Authorization', auth).expect(403);
    // Imports change nothing: a reviewer may use them.
    await request(t.app)
      .post('/api/imports/sites')
      .set('Authorization', auth)
      .set('Content-Type', 'text/csv')
      .send('name,lon,lat\nA,44,32\n')
      .expect(200);
  });

  it('lets the API token write', async () => {
    const res = await request(t.app)
      .post('/api/scenarios')
      .set('Authorization', `Bearer ${API}`)
      .send(exampleScenario())
      .expect(201);
    expect(res.body.revision).toBe(1);
  });

  it('accepts access_token in the query for GET only (EventSource, download links)', async () => {
    await request(t.app).get(`/api/scenarios?access_token=${READ}`).expect(200);
    await request(t.app).post(`/api/scenarios?access_token=${API}`).send(exampleScenario()).expect(401);
  });

  it('checks the token before validating (no probing without a token)', async () => {
    await request(t.app).get('/api/scenarios/%20bad').expect(401);
  });
});
