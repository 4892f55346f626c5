import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { kml as kmlToGeoJson } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const cli = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'server/cli/plan.ts', ...args], {
    cwd: root,
    maxBuffer: 1 << 26,
  });

describe('npm run plan (CLI)', () => {
  const out = mkdtempSync(join(tmpdir(), 'plan-cli-'));
  const done = cli('data/scenarios/najaf-karbala-mini.json', '--out', out, '--occupancy');

  it('writes summary.json with peaks, calibration and the plan', async () => {
    await done;
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.routes[0]).toMatchObject({ routeId: expect.any(String), peakPersons: expect.any(Number) });
    expect(summary.routes[0].peakPersonsPerKm).toMatchObject({
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
    });
    expect(summary.plan).toMatchObject({
      newSites: expect.any(Object),
      capexUsd: expect.any(Number),
      lowerBoundUsd: expect.any(Number),
      gap: expect.any(Number),
      unservedMbpsHours: expect.any(Number),
      computeMs: expect.any(Number),
    });
    expect(summary.plan.lowerBoundUsd).toBeLessThanOrEqual(summary.plan.capexUsd);
  });

  it('writes occupancy.csv with one row per segment per step', async () => {
    await done;
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const csv = Papa.parse<Record<string, string>>(readFileSync(join(out, 'occupancy.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    });
    expect(csv.meta.fields).toEqual([
      'route',
      'segment',
      'start_km',
      'end_km',
      'pole',
      'step_start',
      'persons',
      'dl_mbps',
      'ul_mbps',
      'erlangs',
    ]);
    const segments = summary.routes.reduce(
      (a: number, r: { lengthKm: number }) => a + Math.ceil(r.lengthKm / 0.5 - 1e-9),
      0,
    );
    expect(csv.data.length).toBe(segments * summary.horizon.steps);
    expect(csv.data[0].step_start).toBe(`${summary.horizon.start}T00:00`);
    const persons = csv.data.reduce((a, row) => a + Number(row.persons), 0);
    expect(persons).toBeGreaterThan(0);
  });

  it('writes sites.csv, plan.geojson and plan.kml that other tools read', async () => {
    await done;
    const sites = Papa.parse<Record<string, string>>(readFileSync(join(out, 'sites.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    });
    expect(sites.meta.fields!.slice(0, 7)).toEqual([
      'name',
      'longitude',
      'latitude',
      'height_m',
      'type',
      'sectors',
      'carriers',
    ]);
    expect(sites.data.length).toBeGreaterThan(0);
    for (const row of sites.data) expect(row.name).not.toMatch(/^[=+\-@]/);
    const geo = JSON.parse(readFileSync(join(out, 'plan.geojson'), 'utf8'));
    expect(geo.type).toBe('FeatureCollection');
    const kinds = new Set(geo.features.map((f: { geometry: { type: string } }) => f.geometry.type));
    expect(kinds).toEqual(new Set(['Point', 'Polygon', 'LineString']));
    const kmlDoc = new DOMParser().parseFromString(readFileSync(join(out, 'plan.kml'), 'utf8'), 'text/xml');
    const back = kmlToGeoJson(kmlDoc as unknown as Document);
    expect(back.features.filter((f) => f.geometry?.type === 'Point').length).toBe(sites.data.length);
  });

  it('refuses a bad file with field-path errors on stderr and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-cli-bad-'));
    const bad = JSON.parse(readFileSync(join(root, 'data/scenarios/najaf-karbala-mini.json'), 'utf8'));
    bad.routes[0].joins[0].departures[0].share = 0.9;
    bad.routes[0].line = [[44.3, 32]];
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
    const target = join(dir, 'out');
    const error = await cli(join(dir, 'bad.json'), '--out', target).catch((e) => e);
    expect(error.code).toBe(1);
    expect(error.stderr).toMatch(/routes\[0\]\.line: a route needs at least 2 points/);
    expect(error.stderr).toMatch(/routes\[0\]\.joins\[0\]\.departures: shares sum to/);
    expect(error.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(target)).toBe(false);
  });

  it('explains its usage', async () => {
    const error = await cli('only-a-file.json').catch((e) => e);
    expect(error.code).toBe(2);
    expect(error.stderr).toMatch(/usage: npm run plan/);
  });
});
