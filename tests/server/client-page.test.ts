import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTestApp } from './helpers';

function clientDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'client-'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><title>App</title></head><body></body></html>',
  );
  writeFileSync(join(dir, 'app.js'), 'console.log(1)');
  return dir;
}

describe('the browser app page', () => {
  const plain = makeTestApp({ clientDir: clientDir() });
  const online = makeTestApp({
    clientDir: clientDir(),
    mapStyleUrl: 'https://tiles.example.org/style.json?a=1&b="2"',
  });
  afterAll(async () => {
    await plain.close();
    await online.close();
  });

  it('serves the offline app without any style hint, for / and for deep links', async () => {
    const root = await request(plain.app).get('/').expect(200);
    expect(root.text).toContain('<title>App</title>');
    expect(root.text).not.toContain('map-style');
    const deep = await request(plain.app).get('/some/view').set('Accept', 'text/html').expect(200);
    expect(deep.text).toContain('<title>App</title>');
    await request(plain.app).get('/app.js').expect(200);
  });

  it('hands MAP_STYLE to the app as an escaped meta tag', async () => {
    const res = await request(online.app).get('/').expect(200);
    expect(res.text).toContain(
      '<meta name="map-style" content="https://tiles.example.org/style.json?a=1&amp;b=&quot;2&quot;">',
    );
    expect(res.headers['cache-control']).toBe('no-cache');
    // Only with an online style may the map fetch over https.
    expect(res.headers['content-security-policy']).toMatch(/connect-src 'self' blob: data: https:/);
    const offline = await request(plain.app).get('/').expect(200);
    expect(offline.headers['content-security-policy']).not.toMatch(/https:/);
  });
});
