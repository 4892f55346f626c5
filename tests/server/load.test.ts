import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTable, runLoad } from '../../server/load/load-run';
import { listen, makeTestApp, waitFor, type TestApp } from './helpers';

let t: TestApp;
let server: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  t = makeTestApp();
  const start = await request(t.app).post('/api/scenarios/hillah-karbala/plans').expect(202);
  await waitFor(async () =>
    (await request(t.app).get(`/api/plans/${start.body.id}`)).body.status === 'done' ? true : undefined,
  );
  server = await listen(t.app);
});
afterAll(async () => {
  await server.close();
  await t.close();
});

describe('under load', () => {
  it('answers reads, plan starts and health without errors, health staying fast', async () => {
    const stats = await runLoad({
      baseUrl: server.url,
      concurrency: 8,
      seconds: 1.5,
      targets: [
        { name: '/api/health', method: 'GET', path: '/api/health' },
        { name: '/api/scenarios', method: 'GET', path: '/api/scenarios' },
        { name: '/api/scenarios/{id}/plan', method: 'GET', path: '/api/scenarios/hillah-karbala/plan' },
        { name: '/api/scenarios/{id}/plans', method: 'POST', path: '/api/scenarios/hillah-karbala/plans' },
      ],
    });
    for (const s of stats) {
      expect(s.errors, s.name).toBe(0);
      expect(s.requests, s.name).toBeGreaterThan(20);
    }
    // Loose bound: the load generator shares this process and the machine has 2 cores.
    expect(stats[0].p50Ms).toBeLessThan(50);
    const table = formatTable(stats);
    expect(table.split('\n')[0]).toMatch(
      /^\| endpoint +\| requests \| errors \| req\/s \| p50 ms \| p99 ms \| max ms \|$/,
    );
    expect(table).toContain('GET /api/health');
  });

  it('refuses to target anything but loopback', async () => {
    await expect(
      runLoad({ baseUrl: 'http://192.0.2.1:80', concurrency: 1, seconds: 0.1, targets: [] }),
    ).rejects.toThrow(/loopback/);
  });
});
