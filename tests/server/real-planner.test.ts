import { kml as kmlToGeoJson } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleScenario, listen, makeTestApp, readEvents, type TestApp } from './helpers';

const RUN_PLAN = new URL('../../shared/plan/run-plan.ts', import.meta.url);
const available = existsSync(fileURLToPath(RUN_PLAN));

describe.skipIf(!available)(
  'end to end with the real planner (worker thread under tsx)',
  { timeout: 180_000 },
  () => {
    let t: TestApp;
    beforeAll(() => {
      t = makeTestApp({ plannerModule: RUN_PLAN.href });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('plans the example in a worker, streams progress, stores and exports the plan', async () => {
      const { url, close } = await listen(t.app);
      try {
        const start = await request(t.app).post('/api/scenarios/hillah-karbala/plans').expect(202);
        const events = await readEvents(`${url}${start.body.links.events}`);
        const last = events.at(-1);
        expect(last?.event, JSON.stringify(last?.data)).toBe('done');
        expect(events.filter((e) => e.event === 'progress').length).toBeGreaterThan(1);
      } finally {
        await close();
      }
      const result = await request(t.app).get('/api/scenarios/hillah-karbala/plan').expect(200);
      const plan = result.body;
      expect(plan.kpis.newSites + plan.kpis.existingSitesUsed).toBe(plan.sites.length);
      expect(plan.kpis.capexUsd).toBeGreaterThanOrEqual(plan.kpis.lowerBoundUsd - 1e-6);
      expect(plan.routes[0].routeId).toBe('hillah-karbala');
      expect(plan.routes[0].peakPersons).toHaveLength(plan.routes[0].segmentCount);
      expect(Math.max(...plan.routes[0].peakPersons)).toBeGreaterThan(0);
      expect(JSON.stringify(plan).length).toBeLessThan(2_000_000);

      const withService = await request(t.app)
        .get('/api/scenarios/hillah-karbala/plan?include=service')
        .expect(200);
      expect(withService.body.service.length).toBeGreaterThan(0);

      const csv = await request(t.app).get('/api/scenarios/hillah-karbala/exports/sites.csv').expect(200);
      expect(csv.text.split('\r\n').filter((l) => l !== '')).toHaveLength(plan.sites.length + 1);
      const kml = await request(t.app)
        .get('/api/scenarios/hillah-karbala/exports/plan.kml')
        .buffer(true)
        .parse((res, done) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => done(null, text));
        })
        .expect(200);
      const doc = new DOMParser({
        onError: (level, msg) => {
          if (level !== 'warning') throw new Error(msg);
        },
      }).parseFromString(kml.body as string, 'text/xml');
      const fc = kmlToGeoJson(doc);
      expect(fc.features.filter((f) => f.geometry?.type === 'Point')).toHaveLength(plan.sites.length);
      const back = await request(t.app)
        .post('/api/imports/routes')
        .set('Content-Type', 'application/vnd.google-earth.kml+xml')
        .send(kml.body as string)
        .expect(200);
      expect(back.body.routes[0].line).toEqual(exampleScenario().routes[0].line);
      const report = await request(t.app)
        .get('/api/scenarios/hillah-karbala/exports/report.html')
        .expect(200);
      expect(report.text).toContain(plan.kpis.method);
    });
  },
);
