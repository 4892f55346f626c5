import type { PlannedSite } from '../plan/types';
import type { RouteProfile } from './plan-summary';
import { segmentLengthKm } from './segment-service';
import { REPORT_STRINGS } from './report-strings';
import { escapeXml } from './xml';

/** A "nice" axis maximum (1, 2, 2.5, 5 × 10^k) at or above `value`. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= value) return m * p;
  return 10 * p;
}

function fmt(value: number): string {
  if (value >= 1e6) return `${Number((value / 1e6).toPrecision(3))}M`;
  if (value >= 1e3) return `${Number((value / 1e3).toPrecision(3))}k`;
  return String(Number(value.toPrecision(3)));
}

/** The chart's axis labels. */
export interface ProfileLabels {
  persons: string;
  dl: string;
  chainage: string;
}

/**
 * A route's profile along its chainage as inline SVG (no script, prints well): peak persons/km as a filled
 * area (left axis), peak DL Mbps/km as a line (right axis), sites as markers (new ▲ red, existing ● blue)
 * and stretches with unserved demand as a red band under the axis.
 */
export function routeProfileSvg(
  route: RouteProfile,
  sites: readonly PlannedSite[],
  title: string,
  labels: ProfileLabels = REPORT_STRINGS.en.chart,
): string {
  const W = 900;
  const H = 240;
  const left = 56;
  const right = 60;
  const top = 24;
  const bottom = 44;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const lengthKm = Math.max(route.lengthKm, 1e-6);
  const x = (km: number) => left + (km / lengthKm) * plotW;
  const n = route.segmentCount;
  const personsPerKm = Array.from({ length: n }, (_, i) => route.peakPersons[i] / segmentLengthKm(route, i));
  const dlPerKm = Array.from({ length: n }, (_, i) => route.peakDlMbps[i] / segmentLengthKm(route, i));
  const maxP = niceCeiling(Math.max(0, ...personsPerKm));
  const maxD = niceCeiling(Math.max(0, ...dlPerKm));
  const yP = (v: number) => top + plotH - (v / maxP) * plotH;
  const yD = (v: number) => top + plotH - (v / maxD) * plotH;
  const r1 = (v: number) => Math.round(v * 10) / 10;

  const area: string[] = [`M${r1(x(0))},${r1(yP(0))}`];
  const line: string[] = [];
  for (let i = 0; i < n; i++) {
    const x0 = r1(x(route.edgesKm[i]));
    const x1 = r1(x(route.edgesKm[i + 1]));
    area.push(`L${x0},${r1(yP(personsPerKm[i]))}`, `L${x1},${r1(yP(personsPerKm[i]))}`);
    line.push(`${i === 0 ? 'M' : 'L'}${r1((x0 + x1) / 2)},${r1(yD(dlPerKm[i]))}`);
  }
  area.push(`L${r1(x(lengthKm))},${r1(yP(0))}Z`);

  const ticks: string[] = [];
  for (let k = 0; k <= 4; k++) {
    const f = k / 4;
    const y = r1(top + plotH - f * plotH);
    ticks.push(
      `<line x1="${left}" x2="${left + plotW}" y1="${y}" y2="${y}" class="grid"/>`,
      `<text x="${left - 6}" y="${y + 4}" text-anchor="end">${fmt(maxP * f)}</text>`,
      `<text x="${left + plotW + 6}" y="${y + 4}">${fmt(maxD * f)}</text>`,
    );
  }
  const kmStep = niceCeiling(lengthKm / 8);
  for (let km = 0; km <= lengthKm + 1e-9; km += kmStep) {
    ticks.push(`<text x="${r1(x(km))}" y="${top + plotH + 16}" text-anchor="middle">${fmt(km)}</text>`);
  }
  const unserved: string[] = [];
  for (let i = 0; i < n; i++) {
    if (route.unservedMbpsHours[i] > 1e-6) {
      const x0 = r1(x(route.edgesKm[i]));
      const w = Math.max(r1(x(route.edgesKm[i + 1]) - x0), 1);
      unserved.push(`<rect x="${x0}" y="${top + plotH + 2}" width="${w}" height="4" class="unserved"/>`);
    }
  }
  const markers = sites
    .filter((s) => s.chainageKm !== null)
    .map((s) => {
      const cx = r1(x(s.chainageKm as number));
      const cy = top + plotH;
      const label = escapeXml(`${s.name} (${s.siteTypeId}, km ${(s.chainageKm as number).toFixed(2)})`);
      return s.isNew
        ? `<path d="M${cx},${cy - 9}L${cx - 5},${cy}L${cx + 5},${cy}Z" class="site-new"><title>${label}</title></path>`
        : `<circle cx="${cx}" cy="${cy - 5}" r="4" class="site-existing"><title>${label}</title></circle>`;
    });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeXml(title)}" class="profile">
<title>${escapeXml(title)}</title>
${ticks.join('\n')}
<path d="${area.join('')}" class="persons"/>
<path d="${line.join('')}" class="dl"/>
${unserved.join('\n')}
${markers.join('\n')}
<line x1="${left}" x2="${left + plotW}" y1="${top + plotH}" y2="${top + plotH}" class="axis"/>
<text x="${left}" y="${top - 8}" class="persons-label">${escapeXml(labels.persons)}</text>
<text x="${left + plotW}" y="${top - 8}" text-anchor="end" class="dl-label">${escapeXml(labels.dl)}</text>
<text x="${left + plotW / 2}" y="${H - 6}" text-anchor="middle">${escapeXml(labels.chainage)}</text>
</svg>`;
}
