import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCoordinate } from '../../server/imports/coordinates';
import { MULTI_PART_ROADS } from '../fixtures/multi-part-roads';
import { makeTestApp, type TestApp } from './helpers';

let t: TestApp;
beforeAll(() => {
  t = makeTestApp();
});
afterAll(async () => {
  await t.close();
});

const GEOJSON = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: 'Najaf → Karbala' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [44.33, 32.0, 30],
          [44.2, 32.3, 31],
          [44.03, 32.6, 32],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { title: 'Two parts' },
      geometry: {
        type: 'MultiLineString',
        coordinates: [
          [
            [44.0, 32.0],
            [44.1, 32.1],
          ],
          [
            [44.1, 32.1],
            [44.2, 32.2],
          ],
        ],
      },
    },
    { type: 'Feature', properties: { name: 'A point' }, geometry: { type: 'Point', coordinates: [44, 32] } },
  ],
});

const KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>Basra road &amp; co</name><LineString><coordinates>47.78,30.5,0 46.3,31.0,0 44.03,32.6,0</coordinates></LineString></Placemark>
<Placemark><name>Pole</name><Point><coordinates>44,32,0</coordinates></Point></Placemark>
</Document></kml>`;

const GPX = `<?xml version="1.0"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
<trk><name>Walk</name>
<trkseg><trkpt lat="32.0" lon="44.3"><ele>30</ele></trkpt><trkpt lat="32.1" lon="44.25"/></trkseg>
<trkseg><trkpt lat="32.2" lon="44.2"/><trkpt lat="32.3" lon="44.15"/></trkseg>
</trk>
<rte><name>Bus</name><rtept lat="32.5" lon="44.1"/><rtept lat="32.6" lon="44.03"/></rte>
</gpx>`;

describe('route imports', () => {
  it('lists every line of a GeoJSON file with name, points and length; skips points', async () => {
    const res = await request(t.app)
      .post('/api/imports/routes')
      .set('Content-Type', 'application/geo+json')
      .send(GEOJSON)
      .expect(200);
    expect(res.body.format).toBe('geojson');
    expect(res.body.routes.map((r: { name: string }) => r.name)).toEqual(['Najaf → Karbala', 'Two parts']);
    expect(res.body.routes[0]).toMatchObject({ index: 0, geometryType: 'LineString', pointCount: 3 });
    expect(res.body.routes[0].line[0]).toEqual([44.33, 32]);
    expect(res.body.routes[0].lengthKm).toBeGreaterThan(60);
    expect(res.body.routes[1]).toMatchObject({ geometryType: 'MultiLineString', pointCount: 3 });
    expect(res.body.skipped).toEqual([{ name: 'A point', reason: 'Point is not a line' }]);
  });

  it('accepts GeoJSON sent as application/json too', async () => {
    const res = await request(t.app)
      .post('/api/imports/routes')
      .set('Content-Type', 'application/json')
      .send(GEOJSON)
      .expect(200);
    expect(res.body.routes).toHaveLength(2);
  });

  it('reads KML (names unescaped) and GPX tracks and routes', async () => {
    const k = await request(t.app)
      .post('/api/imports/routes')
      .set('Content-Type', 'application/vnd.google-earth.kml+xml')
      .send(KML)
      .expect(200);
    expect(k.body).toMatchObject({ format: 'kml', routes: [{ name: 'Basra road & co', pointCount: 3 }] });
    const g = await request(t.app)
      .post('/api/imports/routes?format=gpx')
      .set('Content-Type', 'application/gpx+xml')
      .send(GPX)
      .expect(200);
    // The track's two segments are 12 km apart: two lines, not one with a straight jump across the gap.
    expect(g.body.routes.map((r: { name: string; pointCount: number }) => [r.name, r.pointCount])).toEqual([
      ['Walk (1)', 2],
      ['Walk (2)', 2],
      ['Bus', 2],
    ]);
    expect(g.body.routes[0].lengthKm + g.body.routes[1].lengthKm).toBeLessThan(26);
  });

  it('joins a multi-part line where its parts meet (within 1 km) and splits it where they do not', async () => {
    const res = await request(t.app)
      .post('/api/imports/routes')
      .set('Content-Type', 'application/geo+json')
      .send(MULTI_PART_ROADS)
      .expect(200);
    expect(res.body.routes.map((r: { name: string; pointCount: number }) => [r.name, r.pointCount])).toEqual([
      ['Roads (1)', 4],
      ['Roads (2)', 2],
    ]);
  });

  it('refuses unreadable files and files without lines with 422', async () => {
    const bad = await request(t.app)
      .post('/api/imports/routes')
      .set('Content-Type', 'application/xml')
      .send('<kml><Placemark>')
      .expect(422);
    expect(bad.body.error.code).toBe('invalid_file');
    // The parser's sentence, not its reporting internals.
    expect(bad.body.error.message).toBe('not well-formed XML: unclosed xml tag(s): kml, Placemark');
    await request(t.app)
      .post('/api/imports/routes')
      .set('Content-Type', 'text/plain')
      .send('hello')
      .expect(422);
    await request(t.app)
      .post('/api/imports/routes?format=gpx')
      .set('Content-Type', 'application/xml')
      .send(KML)
      .expect(422);
    const none = await request(t.app)
      .post('/api/imports/routes')
      .send(
        JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [1, 2] } }),
      )
      .set('Content-Type', 'application/json')
      .expect(422);
    expect(none.body.error.message).toMatch(/no line/);
    await request(t.app).post('/api/imports/routes?format=shp').send('x').expect(400);
    await request(t.app).post('/api/imports/routes').set('Content-Type', 'text/plain').send('').expect(422);
  });
});

describe('site imports', () => {
  it('finds columns by header aliases and reads decimal and DMS coordinates', async () => {
    const csv = [
      'Site_Name,Code,Latitude,LNG,Site Type',
      `Hindiyah macro,HND-1,"32°32'52.8""N","44°13'44.4""E",cow-lte`,
      'Karbala east,KRB 2,32.6160,44.0250,nr-small',
      'Bad row,X,95,44,cow-lte',
      'Swapped,Y,44°E,32°N,cow-lte',
      '',
    ].join('\n');
    const res = await request(t.app)
      .post('/api/imports/sites')
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(200);
    expect(res.body.columns).toEqual({
      id: 'Code',
      name: 'Site_Name',
      lon: 'LNG',
      lat: 'Latitude',
      siteType: 'Site Type',
    });
    expect(res.body.sites).toEqual([
      { row: 1, id: 'HND-1', name: 'Hindiyah macro', lon: 44.229, lat: 32.548, siteType: 'cow-lte' },
      { row: 2, id: 'KRB-2', name: 'Karbala east', lon: 44.025, lat: 32.616, siteType: 'nr-small' },
    ]);
    expect(res.body.problems.map((p: { row: number; path: string }) => [p.row, p.path])).toEqual([
      [3, 'Latitude'],
      [4, 'LNG'],
      [4, 'Latitude'],
    ]);
    // Each with a code and values the app words in its language, and the English sentence.
    expect(res.body.problems.map((p: { code: string; params: object }) => [p.code, p.params])).toEqual([
      ['outsideRange', { raw: '95', limit: 90 }],
      ['wrongHemisphere', { raw: '32°N', letter: 'N' }],
      ['wrongHemisphere', { raw: '44°E', letter: 'E' }],
    ]);
    expect(res.body.problems[0].message).toBe('"95" is outside ±90°');
  });

  it('uses the given site type when there is no type column, and makes ids unique', async () => {
    const res = await request(t.app)
      .post('/api/imports/sites?siteType=cow-lte')
      .set('Content-Type', 'text/csv')
      .send('name,lon,lat\nA,44,32\nA,44.1,32.1\n')
      .expect(200);
    expect(res.body.sites.map((s: { id: string; siteType: string }) => [s.id, s.siteType])).toEqual([
      ['A', 'cow-lte'],
      ['A-2', 'cow-lte'],
    ]);
  });

  it('gives CSV syntax problems a code and values too; a row with one field too many is still read', async () => {
    const res = await request(t.app)
      .post('/api/imports/sites?siteType=cow-lte')
      .set('Content-Type', 'text/csv')
      .send('name,lon,lat\nA,44,32,extra\nB,44\n"C,44,32\n')
      .expect(200);
    expect(res.body.sites.map((s: { row: number; id: string }) => [s.row, s.id])).toEqual([[1, 'A']]);
    const syntax = res.body.problems.filter((p: { path: string }) => p.path === '');
    expect(
      syntax.map((p: { row: number; code: string; params?: object }) => [p.row, p.code, p.params]),
    ).toEqual([
      [1, 'tooManyFields', { expected: 3, parsed: 4 }],
      [2, 'tooFewFields', { expected: 3, parsed: 2 }],
      // The open quote took the rest of the file into C's name field.
      [3, 'quoteNotClosed', undefined],
      [3, 'tooFewFields', { expected: 3, parsed: 1 }],
    ]);
    expect(syntax[0].message).toBe('Too many fields: expected 3 fields but parsed 4');
  });

  it('makes repeated names unique in one pass, also next to a name that already carries a suffix', async () => {
    const rows = ['Tower-3,44,32', ...Array.from({ length: 5000 }, () => 'Tower,44,32')];
    const res = await request(t.app)
      .post('/api/imports/sites?siteType=cow-lte')
      .set('Content-Type', 'text/csv')
      .send(`name,lon,lat\n${rows.join('\n')}\n`)
      .expect(200);
    const ids: string[] = res.body.sites.map((s: { id: string }) => s.id);
    expect(new Set(ids).size).toBe(5001);
    expect(ids.slice(0, 5)).toEqual(['Tower-3', 'Tower', 'Tower-2', 'Tower-4', 'Tower-5']);
    expect(ids.at(-1)).toBe('Tower-5001');
  });

  it('refuses a file of more than 20,000 rows at once, without reading it all', async () => {
    const res = await request(t.app)
      .post('/api/imports/sites')
      .set('Content-Type', 'text/csv')
      .send(`name,lon,lat\n${'A,44,32\n'.repeat(20_001)}`)
      .expect(422);
    expect(res.body.error.message).toMatch(/more than 20,000 rows/);
  });

  it('says a cell without any digit ("NaN") is not a coordinate', async () => {
    const res = await request(t.app)
      .post('/api/imports/sites')
      .set('Content-Type', 'text/csv')
      .send('name,lon,lat\nA,NaN,32\n')
      .expect(200);
    expect(res.body.problems.map((p: { code: string; params: object }) => [p.code, p.params])).toEqual([
      ['notCoordinate', { raw: 'NaN' }],
    ]);
  });

  it('refuses a CSV without coordinate columns with 422', async () => {
    const res = await request(t.app)
      .post('/api/imports/sites')
      .set('Content-Type', 'text/csv')
      .send('name,x_pos\nA,1\n')
      .expect(422);
    expect(res.body.error.message).toMatch(/longitude/);
  });

  it('limits the body size (413)', async () => {
    const big = `name,lon,lat\n${'A,44,32\n'.repeat(800_000)}`;
    const res = await request(t.app)
      .post('/api/imports/sites')
      .set('Content-Type', 'text/csv')
      .send(big)
      .expect(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });
});

describe('parseCoordinate', () => {
  it.each([
    ['32.6160', 'lat', 32.616],
    ['-0.5', 'lon', -0.5],
    ['32,616', 'lat', 32.616],
    [`32°36'57.7"N`, 'lat', 32.6160278],
    [`44°01'29"E`, 'lon', 44.0247222],
    [`N 32 36 57.7`, 'lat', 32.6160278],
    [`32°36.5'S`, 'lat', -32.6083333],
    [`44º 1′ 29″ W`, 'lon', -44.0247222],
    ['32.5N', 'lat', 32.5],
  ] as const)('%s → %d', (text, axis, value) => {
    const r = parseCoordinate(text, axis);
    expect(r.ok && r.value).toBeCloseTo(value, 6);
  });

  it.each([
    ['', 'lat'],
    ['abc', 'lat'],
    ['91', 'lat'],
    ['181', 'lon'],
    ['32N', 'lon'],
    [`32°61'N`, 'lat'],
    ['-32N', 'lat'],
  ] as const)('refuses %s as %s', (text, axis) => {
    expect(parseCoordinate(text, axis).ok).toBe(false);
  });
});
