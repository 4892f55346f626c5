import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { minutesToLocalDateTime, type CrowdResult, type DemandResult } from '../../shared';

export const OCCUPANCY_COLUMNS = [
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
] as const;

/** Trims a number to `digits` decimals without trailing zeros. */
function num(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

/**
 * Streams `occupancy.csv`: one row per route segment per step, ordered by route, segment, step;
 * `step_start` as local time YYYY-MM-DDTHH:mm; `pole` empty where the route has no pole numbering.
 * Route ids are restricted to [A-Za-z0-9_.-] by the scenario schema, so no cell needs quoting.
 */
export async function writeOccupancyCsv(
  path: string,
  crowd: CrowdResult,
  demand: DemandResult,
  onProgress: (fraction: number) => void = () => {},
): Promise<void> {
  const out = createWriteStream(path);
  const { grid } = crowd;
  const stepStart = Array.from({ length: grid.stepCount }, (_, n) =>
    minutesToLocalDateTime(grid.startMinutes + n * grid.stepMinutes),
  );
  out.write(`${OCCUPANCY_COLUMNS.join(',')}\n`);
  const totalSegments = crowd.routes.reduce((a, r) => a + r.segments.count, 0);
  let done = 0;
  for (let ri = 0; ri < crowd.routes.length; ri++) {
    const r = crowd.routes[ri];
    const t = demand.routes[ri].traffic;
    const { count, edgesKm, nearestPole } = r.segments;
    for (let i = 0; i < count; i++) {
      const head = `${r.routeId},${i},${num(edgesKm[i], 3)},${num(edgesKm[i + 1], 3)},${nearestPole?.[i] ?? ''},`;
      let chunk = '';
      for (let n = 0; n < grid.stepCount; n++) {
        const k = n * count + i;
        chunk += `${head}${stepStart[n]},${num(r.personsBySegmentStep[k], 3)},${num(t.dlMbps[k], 4)},${num(t.ulMbps[k], 4)},${num(t.erlangs[k], 4)}\n`;
      }
      if (!out.write(chunk)) await once(out, 'drain');
      onProgress(++done / totalSegments);
    }
  }
  out.end();
  await once(out, 'finish');
}
