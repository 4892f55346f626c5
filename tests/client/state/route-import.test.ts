import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { detectFormat, readRouteFile, type XmlParser } from '../../../client/state/route-import';
import { MULTI_PART_ROADS } from '../../fixtures/multi-part-roads';

/** xmldom stands in for the browser's DOMParser (it reports malformed XML by throwing or by errors). */
const parser: XmlParser = {
  parseFromString: (text, type) =>
    new DOMParser({ onError: () => undefined }).parseFromString(text, type) as unknown as Document,
};

const geojson = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: 'Road A' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [44, 32, 30],
          [44.1, 32.1, 31],
          [44.1, 32.1, 31],
        ],
      },
    },
    {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'MultiLineString',
        coordinates: [
          [
            [44.2, 32],
            [44.3, 32.1],
          ],
          [
            [44.3, 32.1],
            [44.4, 32.2],
          ],
        ],
      },
    },
    { type: 'Feature', properties: { name: 'A point' }, geometry: { type: 'Point', coordinates: [44, 32] } },
  ],
});

const kml = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
  <Placemark><name>Najaf road</name><LineString><coordinates>44.31,32.0,0 44.2,32.4,0 44.03,32.61,0</coordinates></LineString></Placemark>
  <Placemark><name>Shrine</name><Point><coordinates>44.03,32.61,0</coordinates></Point></Placemark>
</Document></kml>`;

const gpx = `<?xml version="1.0"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
  <trk><name>Walk</name><trkseg><trkpt lat="32.46" lon="44.42"></trkpt><trkpt lat="32.55" lon="44.23"></trkpt></trkseg></trk>
</gpx>`;

describe('route file import', () => {
  it('detects the format by extension, then by content', () => {
    expect(detectFormat('a.GeoJSON', '')).toBe('geojson');
    expect(detectFormat('roads.kml', '')).toBe('kml');
    expect(detectFormat('walk.gpx', '')).toBe('gpx');
    expect(detectFormat('data.txt', '  {"type":"Feature"}')).toBe('geojson');
    expect(detectFormat('data.xml', '<?xml version="1.0"?><kml>')).toBe('kml');
    expect(detectFormat('notes.txt', 'hello')).toBeNull();
  });

  it('reads GeoJSON lines, joins multi-line parts, drops elevation, repeats and non-lines', () => {
    const r = readRouteFile('roads.geojson', geojson, parser);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lines.map((l) => l.name)).toEqual(['Road A', 'roads 2']);
    expect(r.lines[0].line).toEqual([
      [44, 32],
      [44.1, 32.1],
    ]);
    expect(r.lines[1].line).toHaveLength(3);
  });

  it('reads KML placemark lines with their names', () => {
    const r = readRouteFile('roads.kml', kml, parser);
    expect(r).toMatchObject({ ok: true, format: 'kml', lines: [{ name: 'Najaf road' }] });
    if (r.ok) expect(r.lines[0].line).toHaveLength(3);
  });

  it('reads GPX tracks', () => {
    const r = readRouteFile('walk.gpx', gpx, parser);
    expect(r).toMatchObject({
      ok: true,
      format: 'gpx',
      lines: [
        {
          name: 'Walk',
          line: [
            [44.42, 32.46],
            [44.23, 32.55],
          ],
        },
      ],
    });
  });

  it('explains broken files instead of importing part of them', () => {
    expect(
      readRouteFile('broken.geojson', '{"type": "FeatureCollection", "features": [', parser),
    ).toMatchObject({ ok: false, reason: 'invalidJson' });
    expect(readRouteFile('broken.kml', '<kml><Document><Placemark>', parser)).toMatchObject({
      ok: false,
      reason: 'invalidXml',
    });
    expect(readRouteFile('not-kml.kml', '<html><body/></html>', parser)).toMatchObject({
      ok: false,
      reason: 'invalidXml',
    });
    expect(
      readRouteFile('points.geojson', JSON.stringify({ type: 'Point', coordinates: [1, 2] }), parser),
    ).toMatchObject({ ok: false, reason: 'noLines' });
    expect(readRouteFile('photo.png', '\u0089PNG', parser)).toMatchObject({
      ok: false,
      reason: 'unknownType',
    });
  });

  it('skips positions outside WGS84 and lines left with fewer than two points', () => {
    const text = JSON.stringify({
      type: 'LineString',
      coordinates: [
        [44, 32],
        [400, 32],
      ],
    });
    expect(readRouteFile('bad.geojson', text, parser)).toMatchObject({ ok: false, reason: 'noLines' });
  });

  it('splits a multi-part line where its parts are more than 1 km apart (two roads, not one)', () => {
    const text = JSON.stringify(MULTI_PART_ROADS);
    const r = readRouteFile('roads.geojson', text, parser);
    expect(r.ok && r.lines.map((l) => l.line.length)).toEqual([4, 2]);
  });
});
