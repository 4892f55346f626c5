import { describe, expect, it } from 'vitest';
import { validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import {
  LAYER_GROUPS,
  SOURCES,
  STATE,
  workspaceLayers,
  type LayerGroup,
  type WorkspaceLayerOptions,
} from '../../../../client/map/layers/index';
import { segmentLayers } from '../../../../client/map/layers/segments';
import { siteLayers } from '../../../../client/map/layers/sites';
import { routeBaseLayers, routeSelectionLayers } from '../../../../client/map/layers/routes';

const allVisible = Object.fromEntries(LAYER_GROUPS.map((g) => [g, true])) as Record<LayerGroup, boolean>;

function styleWith(layers: LayerSpecification[]): StyleSpecification {
  const sources = Object.fromEntries(
    Object.values(SOURCES).map((id) => [
      id,
      { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } as const,
    ]),
  );
  return {
    version: 8,
    sources,
    layers: [{ id: 'bg', type: 'background' }, ...layers],
  } as unknown as StyleSpecification;
}

function errorsOf(layers: LayerSpecification[]): string[] {
  return validateStyleMin(styleWith(layers)).map((e) => e.message);
}

const base: WorkspaceLayerOptions = {
  visible: allVisible,
  metric: 'persons',
  hiddenRouteIds: [],
  selectedRouteId: null,
  selectedSiteId: null,
};

describe('workspace layers', () => {
  const variants: [string, WorkspaceLayerOptions][] = [
    ['defaults', base],
    ['DL Mbps metric', { ...base, metric: 'dlMbps' }],
    [
      'hidden routes and selections',
      { ...base, hiddenRouteIds: ['a', 'b'], selectedRouteId: 'c', selectedSiteId: 's1' },
    ],
    [
      'everything off',
      {
        ...base,
        visible: Object.fromEntries(LAYER_GROUPS.map((g) => [g, false])) as Record<LayerGroup, boolean>,
      },
    ],
  ];
  it.each(variants)('validate against the MapLibre style spec: %s', (_name, options) => {
    expect(errorsOf(workspaceLayers(options))).toEqual([]);
  });

  it('have unique ids, all prefixed ap-, on the app sources only', () => {
    const layers = workspaceLayers(base);
    const ids = layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    const sourceIds = new Set<string>(Object.values(SOURCES));
    for (const layer of layers) {
      expect(layer.id.startsWith('ap-')).toBe(true);
      expect(sourceIds.has((layer as { source: string }).source)).toBe(true);
    }
  });

  it('hide layers by group with layout visibility, not by removing them', () => {
    const off = workspaceLayers({ ...base, visible: { ...allVisible, sites: false } });
    const on = workspaceLayers(base);
    expect(off.map((l) => l.id)).toEqual(on.map((l) => l.id));
    const site = off.find((l) => l.id === 'ap-sites');
    expect(site?.layout?.visibility).toBe('none');
  });

  it('put the crowd above the route lines and the sites on top', () => {
    const ids = workspaceLayers(base).map((l) => l.id);
    expect(ids.indexOf('ap-segments')).toBeGreaterThan(ids.indexOf('ap-routes-line'));
    expect(ids.indexOf('ap-sites')).toBe(ids.length - 1);
  });
});

describe('segment layers', () => {
  it('read the metric from feature state, so time steps only set state', () => {
    const persons = JSON.stringify(segmentLayers({ visible: true, metric: 'persons', hiddenRouteIds: [] }));
    const mbps = JSON.stringify(segmentLayers({ visible: true, metric: 'dlMbps', hiddenRouteIds: [] }));
    expect(persons).toContain(`["feature-state","${STATE.persons}"]`);
    expect(mbps).toContain(`["feature-state","${STATE.dlMbps}"]`);
    expect(persons).not.toContain(`["feature-state","${STATE.dlMbps}"]`);
  });

  it('filter out hidden routes', () => {
    const [layer] = segmentLayers({ visible: true, metric: 'persons', hiddenRouteIds: ['basra'] });
    expect((layer as { filter?: unknown }).filter).toEqual([
      '!',
      ['in', ['get', 'routeId'], ['literal', ['basra']]],
    ]);
    const [all] = segmentLayers({ visible: true, metric: 'persons', hiddenRouteIds: [] });
    expect((all as { filter?: unknown }).filter).toBeUndefined();
  });
});

describe('route and site layers', () => {
  it('show the selection outline only for a visible selected route', () => {
    const opts = { visible: true, hiddenRouteIds: ['x'], selectedRouteId: 'x' };
    expect(routeSelectionLayers(opts)[0].layout?.visibility).toBe('none');
    expect(routeSelectionLayers({ ...opts, hiddenRouteIds: [] })[0].layout?.visibility).toBe('visible');
    expect(routeBaseLayers({ ...opts, hiddenRouteIds: [] })).toHaveLength(2);
  });

  it('draw new and existing sites with different icons and colour by peak utilisation', () => {
    const layers = siteLayers({ visible: true, selectedSiteId: null });
    const json = JSON.stringify(layers.find((l) => l.id === 'ap-sites'));
    expect(json).toContain('ap-site-new');
    expect(json).toContain('ap-site-existing');
    expect(json).toContain('peakUtilization');
    // The document's existing sites: grey squares under the plan's sites, hidden with them.
    const ids = layers.map((l) => l.id);
    expect(ids.indexOf('ap-existing')).toBeLessThan(ids.indexOf('ap-sites'));
    const existing = layers.find((l) => l.id === 'ap-existing')!;
    expect(JSON.stringify(existing)).toContain('"source":"ap-existing"');
    expect(JSON.stringify(existing)).not.toContain('peakUtilization');
    const hidden = siteLayers({ visible: false, selectedSiteId: null }).find((l) => l.id === 'ap-existing')!;
    expect(hidden.layout).toMatchObject({ visibility: 'none' });
  });
});
