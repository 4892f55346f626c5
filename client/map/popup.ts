/**
 * Popups for clicked features: a segment (route, chainage, pole, persons, DL demand, the serving site's
 * utilisation at the shown hour, the time of the segment's peak, unserved demand) or a site (type,
 * new or existing, range, capacity, peak utilisation and when). Built as DOM text, refreshed when the
 * slider moves while the popup is open.
 */
import * as maplibregl from 'maplibre-gl';
import { localDateTimeToMinutes } from '../../shared/index';
import { formatNumber, t } from '../i18n/index';
import { h } from '../panels/dom';
import { formatLocalDateTime, stepMinutes } from '../panels/time-format';
import { siteUtilisationSeries } from '../state/plan-view';
import { locateSegment } from '../state/time-model';
import { currentDoc, type WorkspaceState } from '../state/workspace';
import type { MapHit } from './map-view';

/** A label and its value; a long value (a name, a description) takes its direction from its own text. */
function row(label: string, value: string, long = false): HTMLElement {
  return h('tr', {}, h('th', {}, label), h('td', long ? { class: 'long', dir: 'auto' } : {}, value));
}

const utilisationCache = new WeakMap<object, Map<number, Float64Array | null>>();

function siteUtilisationAt(state: WorkspaceState, siteIndex: number): number | null {
  const { plan, timeModel } = state;
  if (!plan || !timeModel) return null;
  let perPlan = utilisationCache.get(plan);
  if (!perPlan) {
    perPlan = new Map();
    utilisationCache.set(plan, perPlan);
  }
  if (!perPlan.has(siteIndex)) perPlan.set(siteIndex, siteUtilisationSeries(plan, timeModel, siteIndex));
  const series = perPlan.get(siteIndex);
  return series ? series[state.step] : null;
}

/** The popup content for a hit, or null when the hit has nothing to show. */
export function popupContent(hit: MapHit, state: WorkspaceState): HTMLElement | null {
  const model = state.timeModel;
  if (hit.kind === 'segment' && model) {
    const loc = locateSegment(model, hit.segment);
    if (!loc) return null;
    const { route, index } = loc;
    const fromKm = route.segments.edgesKm[index];
    const toKm = route.segments.edgesKm[index + 1];
    const lengthKm = toKm - fromKm;
    const k = state.step * model.segmentCount + hit.segment;
    const perKm = model.personsPerKm[k];
    const dlPerKm = model.dlMbpsPerKm[k];
    const pole = route.segments.nearestPole ? route.segments.nearestPole[index] : null;
    const plan = state.plan;
    const siteIndex = plan ? plan.coveringSite[hit.segment] : -1;
    const utilisation = siteIndex >= 0 ? siteUtilisationAt(state, siteIndex) : null;
    const unserved = plan?.unservedBySegment ? plan.unservedBySegment[k] : null;
    const peak = model.peakStep[hit.segment];
    return h(
      'div',
      { class: 'popup', 'data-testid': 'popup' },
      h('h4', {}, `${t('popup.segment')} · ${route.name}`),
      h(
        'table',
        {},
        row(
          t('popup.chainage'),
          t('units.kmRange', { from: formatNumber(fromKm, 2), to: formatNumber(toKm, 2) }),
        ),
        pole !== null ? row(t('popup.pole'), String(pole)) : null,
        row(t('popup.persons'), formatNumber(perKm * lengthKm)),
        row(t('popup.personsPerKm'), formatNumber(perKm)),
        row(t('popup.dlMbps'), t('units.mbps', { v: formatNumber(dlPerKm * lengthKm, 2) })),
        utilisation !== null
          ? row(t('popup.utilisation'), t('units.percent', { v: formatNumber(utilisation * 100, 1) }))
          : null,
        unserved !== null && unserved !== undefined
          ? row(t('popup.unserved'), t('units.mbps', { v: formatNumber(unserved, 2) }))
          : null,
        row(t('popup.peakAt'), formatLocalDateTime(stepMinutes(model.grid, peak))),
      ),
    );
  }
  if (hit.kind === 'site' && state.plan) {
    const site = state.plan.sites[hit.index];
    if (!site) return null;
    const typeName =
      currentDoc(state).siteTypes.find((s) => s.id === site.siteTypeId)?.name ?? site.siteTypeId;
    const now = siteUtilisationAt(state, hit.index);
    return h(
      'div',
      { class: 'popup', 'data-testid': 'popup' },
      h('h4', {}, `${t('popup.site')} · ${site.id}`),
      h(
        'table',
        {},
        site.name !== site.id ? row(t('popup.name'), site.name, true) : null,
        // The description starts with the type's name and says where the site stands.
        row(t('popup.siteType'), site.description || typeName, true),
        row(t('popup.status'), site.isNew ? t('popup.new') : t('popup.existing')),
        site.nearestPole !== null ? row(t('popup.pole'), String(site.nearestPole)) : null,
        site.chainageKm !== null
          ? row(t('popup.chainage'), t('units.km', { v: formatNumber(site.chainageKm, 2) }))
          : null,
        row(t('popup.range'), t('units.km', { v: formatNumber(site.rangeKm, 2) })),
        row(t('popup.capacity'), t('units.mbps', { v: formatNumber(site.usableDlMbps, 0) })),
        now !== null
          ? row(t('popup.utilisation'), t('units.percent', { v: formatNumber(now * 100, 1) }))
          : null,
        row(
          t('popup.peakLoad'),
          t('popup.peakLoadValue', {
            dl: t('units.mbps', { v: formatNumber(site.peakServedDlMbps, 0) }),
            ul: t('units.mbps', { v: formatNumber(site.peakServedUlMbps, 0) }),
          }),
        ),
        row(
          t('popup.peakUtilisation'),
          t('popup.peakUtilisationValue', {
            v: t('units.percent', { v: formatNumber(site.peakUtilization * 100, 1) }),
            link: t(site.limitedBy === 'UL' ? 'popup.uplink' : 'popup.downlink'),
          }),
        ),
        row(t('popup.peakAt'), formatLocalDateTime(localDateTimeToMinutes(site.peakAt))),
        site.isNew ? row(t('popup.capex'), t('units.usd', { v: formatNumber(site.capexUsd) })) : null,
      ),
    );
  }
  if (hit.kind === 'hotspot' && model) {
    const doc = currentDoc(state);
    const hotspot = doc.hotspots?.[hit.index];
    const k = model.hotspotIds.indexOf(hotspot?.id ?? '');
    if (!hotspot || k < 0) return null;
    const n = model.hotspotIds.length;
    return h(
      'div',
      { class: 'popup', 'data-testid': 'popup' },
      h('h4', {}, `${t('popup.hotspot')} · ${hotspot.name}`),
      h(
        'table',
        {},
        row(t('popup.personsPresent'), formatNumber(model.hotspotPersons[state.step * n + k])),
        row(
          t('popup.dlMbps'),
          t('units.mbps', { v: formatNumber(model.hotspotDlMbps[state.step * n + k], 0) }),
        ),
      ),
    );
  }
  return null;
}

/** One popup at a time, refreshed on demand (slider moves). */
export class PopupController {
  private popup: maplibregl.Popup | null = null;
  private hit: MapHit | null = null;

  constructor(private readonly map: maplibregl.Map) {}

  show(hit: MapHit, state: WorkspaceState): void {
    const content = popupContent(hit, state);
    this.close();
    if (!content) return;
    this.hit = hit;
    this.popup = new maplibregl.Popup({ closeButton: true, maxWidth: '360px', className: 'ap-popup' })
      .setLngLat(hit.lngLat)
      .setDOMContent(content)
      .addTo(this.map);
    this.popup.on('close', () => {
      this.popup = null;
      this.hit = null;
    });
  }

  refresh(state: WorkspaceState): void {
    if (!this.popup || !this.hit) return;
    const content = popupContent(this.hit, state);
    if (content) this.popup.setDOMContent(content);
  }

  close(): void {
    this.popup?.remove();
    this.popup = null;
    this.hit = null;
  }
}
