/**
 * The data behind the comparison's route profile: per segment of each side's plan, peak persons per km
 * and peak DL demand per km at the segment's mid chainage, merged onto one x axis. Pure (no uPlot).
 */
import type { RouteProfile } from '../../shared/export/index';

/** uPlot's aligned data: x values, then one array per series (null: no value there). */
export type AlignedSeries = [number[], ...(number | null)[][]];

/** Per segment of a route profile: mid chainage, peak persons per km, peak DL Mbps per km. */
export function perKmSeries(profile: RouteProfile): { x: number[]; persons: number[]; dl: number[] } {
  const x: number[] = [];
  const persons: number[] = [];
  const dl: number[] = [];
  for (let i = 0; i < profile.segmentCount; i++) {
    const from = profile.edgesKm[i];
    const to = profile.edgesKm[i + 1];
    const len = to - from;
    if (!(len > 0)) continue;
    x.push((from + to) / 2);
    persons.push(profile.peakPersons[i] / len);
    dl.push(profile.peakDlMbps[i] / len);
  }
  return { x, persons, dl };
}

/**
 * Aligned data for uPlot: [x, persons A, DL A, persons B, DL B], x the union of both sides' chainages,
 * null where a side has no value (or no such route).
 */
export function compareProfileData(a: RouteProfile | null, b: RouteProfile | null): AlignedSeries {
  const sa = a ? perKmSeries(a) : { x: [], persons: [], dl: [] };
  const sb = b ? perKmSeries(b) : { x: [], persons: [], dl: [] };
  const xs = [...new Set([...sa.x, ...sb.x])].sort((p, q) => p - q);
  const index = new Map(xs.map((x, i) => [x, i]));
  const col = () => new Array<number | null>(xs.length).fill(null);
  const pa = col();
  const da = col();
  const pb = col();
  const db = col();
  sa.x.forEach((x, i) => {
    pa[index.get(x)!] = sa.persons[i];
    da[index.get(x)!] = sa.dl[i];
  });
  sb.x.forEach((x, i) => {
    pb[index.get(x)!] = sb.persons[i];
    db[index.get(x)!] = sb.dl[i];
  });
  return [xs, pa, da, pb, db];
}
