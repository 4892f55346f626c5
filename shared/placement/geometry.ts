/**
 * Ground distances and point sets for placement: haversine on Turf's earth radius, a grid index for
 * "everything within r km", hotspot grids and polygon tests (Turf, through shared/geo).
 */
import { pointInPolygon, polygonBounds, polygonCentroid } from '../geo/polygon';
import type { Polygon } from '../scenario';

/** Turf's mean earth radius, km. */
export const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE = (EARTH_RADIUS_KM * Math.PI) / 180;
const RAD = Math.PI / 180;

/** Great-circle distance, km. */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** A bucket grid over points (lon/lat) for radius queries. */
export class PointIndex {
  private readonly cellLat: number;
  private readonly cellLon: number;
  private readonly buckets = new Map<string, number[]>();
  constructor(
    private readonly lon: ArrayLike<number>,
    private readonly lat: ArrayLike<number>,
    cellKm: number,
  ) {
    let maxAbsLat = 0;
    for (let i = 0; i < lat.length; i++) maxAbsLat = Math.max(maxAbsLat, Math.abs(lat[i]));
    this.cellLat = cellKm / KM_PER_DEGREE;
    this.cellLon = cellKm / (KM_PER_DEGREE * Math.max(0.05, Math.cos(Math.min(89, maxAbsLat + 1) * RAD)));
    for (let i = 0; i < lon.length; i++) {
      const key = `${Math.floor(lon[i] / this.cellLon)},${Math.floor(lat[i] / this.cellLat)}`;
      const list = this.buckets.get(key);
      if (list) list.push(i);
      else this.buckets.set(key, [i]);
    }
  }

  /** Points within `radiusKm` of (lon, lat), ascending, with their distances. */
  within(lon: number, lat: number, radiusKm: number): { index: number[]; distanceKm: number[] } {
    const reachLat = Math.ceil(radiusKm / KM_PER_DEGREE / this.cellLat);
    const cosLat = Math.max(0.05, Math.cos(Math.min(89, Math.abs(lat) + radiusKm / KM_PER_DEGREE) * RAD));
    const reachLon = Math.ceil(radiusKm / (KM_PER_DEGREE * cosLat) / this.cellLon);
    const cx = Math.floor(lon / this.cellLon);
    const cy = Math.floor(lat / this.cellLat);
    const hits: { i: number; d: number }[] = [];
    for (let x = cx - reachLon; x <= cx + reachLon; x++) {
      for (let y = cy - reachLat; y <= cy + reachLat; y++) {
        const list = this.buckets.get(`${x},${y}`);
        if (!list) continue;
        for (const i of list) {
          const d = haversineKm(lon, lat, this.lon[i], this.lat[i]);
          if (d <= radiusKm) hits.push({ i, d });
        }
      }
    }
    hits.sort((a, b) => a.i - b.i);
    return { index: hits.map((h) => h.i), distanceKm: hits.map((h) => h.d) };
  }
}

/** Whether a point lies inside (or on the edge of) a polygon. */
export function insidePolygon(lon: number, lat: number, polygon: Polygon): boolean {
  return pointInPolygon([lon, lat], polygon);
}

/**
 * Points of a square grid of `spacingM` metres inside a polygon (cell centres, aligned on the polygon's
 * bounding box). A polygon too small for any grid point gets its centroid.
 */
export function gridInPolygon(polygon: Polygon, spacingM: number): [number, number][] {
  const [w, s, e, n] = polygonBounds(polygon);
  const midLat = (s + n) / 2;
  const dLat = spacingM / 1000 / KM_PER_DEGREE;
  const dLon = spacingM / 1000 / (KM_PER_DEGREE * Math.max(0.05, Math.cos(midLat * RAD)));
  const nx = Math.max(1, Math.round((e - w) / dLon));
  const ny = Math.max(1, Math.round((n - s) / dLat));
  const x0 = (w + e) / 2 - ((nx - 1) / 2) * dLon;
  const y0 = (s + n) / 2 - ((ny - 1) / 2) * dLat;
  const out: [number, number][] = [];
  for (let y = 0; y < ny; y++) {
    for (let x = 0; x < nx; x++) {
      const p: [number, number] = [x0 + x * dLon, y0 + y * dLat];
      if (insidePolygon(p[0], p[1], polygon)) out.push(p);
    }
  }
  if (out.length === 0) {
    out.push(polygonCentroid(polygon));
  }
  return out;
}
