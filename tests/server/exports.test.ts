import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleScenario, makeTestApp, waitFor, type TestApp } from './helpers';

let t: TestApp;
beforeAll(async () => {
  t = makeTestApp();
  const start = await request(t.app).post('/api/scenarios/hillah-karbala/plans').expect(202);
  await waitFor(async () =>
    (await request(t.app).get(`/api/plans/${start.body.id}`)).body.status === 'done' ? true : undefined,
  );
});
afterAll(async () => {
  await t.close();
});

const base = '/api/scenarios/hillah-karbala/exports';

/** Reads any response body as text (supertest only does so for text/* by default). */
const asText = (res: request.Response, done: (err: Error | null, body: string) => void) => {
  let text = '';
  res.on('data', (chunk: Buffer) => (text += chunk.toString()));
  res.on('end', () => done(null, text));
};

describe('exports of a stored plan', () => {
  it('sends the sites CSV as an attachment', async () => {
    const res = await request(t.app).get(`${base}/sites.csv`).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="hillah-karbala-r1-sites.csv"');
    expect(
      res.text.startsWith('name,longitude,latitude,height_m,type,sectors,carriers,route,chainage_km'),
    ).toBe(true);
  });

  it('sends GeoJSON and KML', async () => {
    const g = await request(t.app).get(`${base}/plan.geojson`).buffer(true).parse(asText);
    expect(g.status).toBe(200);
    expect(g.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(JSON.parse(g.body as string).type).toBe('FeatureCollection');
    const k = await request(t.app).get(`${base}/plan.kml`).buffer(true).parse(asText);
    expect(k.status).toBe(200);
    expect(k.headers['content-type']).toMatch(/^application\/vnd\.google-earth\.kml\+xml/);
    expect(String(k.body)).toContain('<kml xmlns="http://www.opengis.net/kml/2.2">');
  });

  it('shows the report inline with a strict CSP', async () => {
    const res = await request(t.app).get(`${base}/report.html`).expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^inline/);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.text).toContain('<svg');
    expect(res.text).toContain('<html lang="en" dir="ltr">');
  });

  it('writes the report in Arabic or Persian, right to left, and refuses other languages', async () => {
    const ar = await request(t.app).get(`${base}/report.html?lang=ar`).expect(200);
    expect(ar.text).toContain('<html lang="ar" dir="rtl">');
    expect(ar.text).toContain('المؤشرات الرئيسية');
    const fa = await request(t.app).get(`${base}/report.html?lang=fa`).expect(200);
    expect(fa.text).toContain('<html lang="fa" dir="rtl">');
    expect(fa.text).toContain('شاخص‌های کلیدی');
    const bad = await request(t.app).get(`${base}/report.html?lang=de`).expect(400);
    expect(JSON.stringify(bad.body)).toContain('lang');
  });

  it('round-trips routes: export KML, import it back, same routes and coordinates', async () => {
    const kml = await request(t.app).get(`${base}/plan.kml`).buffer(true).parse(asText);
    const back = await request(t.app)
      .post('/api/imports/routes')
      .set('Content-Type', 'application/vnd.google-earth.kml+xml')
      .send(kml.body as string)
      .expect(200);
    const scenario = exampleScenario();
    expect(
      back.body.routes.map((r: { name: string; line: number[][] }) => ({ name: r.name, line: r.line })),
    ).toEqual(scenario.routes.map((r) => ({ name: r.name, line: r.line })));
    // And GeoJSON: the segments rebuild the route line.
    const gj = await request(t.app).get(`${base}/plan.geojson`).buffer(true).parse(asText);
    const segs = await request(t.app)
      .post('/api/imports/routes')
      .set('Content-Type', 'application/geo+json')
      .send(gj.body as string)
      .expect(200);
    expect(segs.body.routes.length).toBeGreaterThan(10);
  });

  it('answers 404 before a plan exists, 400 for unknown formats and bad revisions', async () => {
    await request(t.app)
      .put('/api/scenarios/hillah-karbala')
      .set('If-Match', '1')
      .send({ ...exampleScenario(), name: 'Changed' })
      .expect(200);
    const res = await request(t.app).get(`${base}/sites.csv`).expect(404);
    expect(res.body.error.code).toBe('not_planned');
    await request(t.app).get(`${base}/sites.csv?revision=1`).expect(200);
    await request(t.app).get(`${base}/sites.xlsx`).expect(400);
    await request(t.app).get(`${base}/sites.csv?revision=-1`).expect(400);
    await request(t.app).get(`${base}/sites.csv?revision=99`).expect(404);
    await request(t.app).get('/api/scenarios/nope/exports/sites.csv').expect(404);
  });
});
