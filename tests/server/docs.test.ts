import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { makeTestApp, type TestApp } from './helpers';

let t: TestApp;
beforeAll(() => {
  t = makeTestApp();
});
afterAll(async () => {
  await t.close();
});

function refs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refs(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

describe('OpenAPI and docs', () => {
  it('serves OpenAPI 3.1 with every endpoint of the contract and resolvable references', async () => {
    const res = await request(t.app).get('/api/openapi.json').expect(200).expect('Content-Type', /json/);
    const doc = res.body;
    expect(doc.openapi).toBe('3.1.0');
    for (const e of Object.values(api)) {
      const op = doc.paths[e.path]?.[e.method];
      expect(op, `${e.method} ${e.path}`).toBeDefined();
      expect(op.operationId).toBe(e.operationId);
      for (const status of Object.keys(e.responses)) expect(op.responses[status]).toBeDefined();
    }
    for (const ref of refs(doc)) {
      const name = ref.replace('#/components/schemas/', '');
      expect(doc.components.schemas[name], ref).toBeDefined();
    }
    const put = doc.paths['/api/scenarios/{id}'].put;
    expect(put.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual([
      'path:id',
      'header:If-Match',
    ]);
    expect(put.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ScenarioInput',
    });
    expect(doc.components.schemas.ScenarioInput.properties.routes).toBeDefined();
    expect(doc.components.securitySchemes.bearerAuth.scheme).toBe('bearer');
  });

  it('serves Swagger UI from this server (no CDN)', async () => {
    const page = await request(t.app).get('/api/docs').expect(200).expect('Content-Type', /html/);
    const srcs = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(srcs.length).toBeGreaterThan(0);
    for (const src of srcs) {
      expect(src.startsWith('/')).toBe(true);
      await request(t.app).get(src).expect(200);
    }
  });

  it('sends security headers: CSP without external hosts, MapLibre workers and images allowed', async () => {
    const res = await request(t.app).get('/api/health').expect(200);
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/https?:/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
