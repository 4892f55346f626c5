import { z } from 'zod';
import { idSchema, localDateSchema, type LonLat } from './primitives';
import { routeSchema } from './route';
import { hotspotSchema } from './hotspot';
import { demandSchema } from './demand';
import { existingSiteSchema, siteTypeSchema } from './site-type';
import { planningSchema } from './planning';
import { reportingAreaSchema } from './area';
import { utcOffsetMinutesByZone, localDateToMinutes, localDateTimeToMinutes } from '../time/local-time';
import { lineLengthKm, snapToRoute } from '../geo/chainage';

/** The file format's name and current version. */
export const SCENARIO_FORMAT = 'arbaeen-planner/scenario';
export const SCENARIO_VERSION = 1;

/** A join given as a point must lie within this distance of its route, km. */
export const MAX_JOIN_OFFSET_KM = 2;

const horizonSchema = z
  .object({ start: localDateSchema, end: localDateSchema })
  .refine((h) => h.start < h.end, { message: 'horizon.end must be after horizon.start', path: ['end'] })
  .refine((h) => localDateToMinutes(h.end) - localDateToMinutes(h.start) <= 120 * 1440, {
    message: 'horizon longer than 120 days',
    path: ['end'],
  });

const scenarioObjectSchema = z.object({
  format: z.literal(SCENARIO_FORMAT),
  version: z.literal(SCENARIO_VERSION),
  name: z.string().min(1).max(200),
  description: z.string().max(5000).optional(),
  timezone: z
    .string()
    .refine((tz) => tz in utcOffsetMinutesByZone, {
      message: `unknown timezone; use one of ${Object.keys(utcOffsetMinutesByZone).join(', ')}`,
    })
    .default('Asia/Baghdad'),
  arbaeenDay: localDateSchema.describe('20 Safar, local date'),
  horizon: horizonSchema.describe('start date inclusive, end date exclusive'),
  stepMinutes: z
    .number()
    .int()
    .min(5)
    .max(1440)
    .refine((m) => 1440 % m === 0, 'stepMinutes must divide a day (e.g. 15, 30, 60, 120)')
    .default(60),
  segmentMeters: z.number().min(50).max(10_000).default(500),
  routes: z.array(routeSchema).max(200),
  hotspots: z.array(hotspotSchema).max(100).default([]),
  areas: z.array(reportingAreaSchema).max(50).optional().describe('reporting areas with published figures'),
  demand: demandSchema,
  siteTypes: z.array(siteTypeSchema).min(1).max(50),
  existingSites: z.array(existingSiteSchema).max(20_000).default([]),
  planning: planningSchema,
});

type Ctx = z.core.$RefinementCtx;

function checkUniqueIds(items: readonly { id: string }[], path: string, ctx: Ctx): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id))
      ctx.addIssue({ code: 'custom', path: [path, i, 'id'], message: `id "${item.id}" repeated` });
    seen.add(item.id);
  });
}

/** Cross-field checks: references resolve, dates inside the horizon, joins on their route. */
function checkScenario(s: z.infer<typeof scenarioObjectSchema>, ctx: Ctx): void {
  checkUniqueIds(s.routes, 'routes', ctx);
  checkUniqueIds(s.hotspots, 'hotspots', ctx);
  checkUniqueIds(s.siteTypes, 'siteTypes', ctx);
  checkUniqueIds(s.existingSites, 'existingSites', ctx);
  const hotspotIds = new Set(s.hotspots.map((h) => h.id));
  const siteTypeIds = new Set(s.siteTypes.map((t) => t.id));
  const { start, end } = s.horizon;
  const inHorizon = (date: string) => date >= start && date < end;
  const horizonText = `horizon ${start} to ${end} (end exclusive)`;

  if (!inHorizon(s.arbaeenDay)) {
    ctx.addIssue({
      code: 'custom',
      path: ['arbaeenDay'],
      message: `${s.arbaeenDay} is outside the ${horizonText}`,
    });
  }
  s.routes.forEach((route, r) => {
    const lengthKm = lineLengthKm(route.line as LonLat[]);
    if (!(lengthKm > 0.01)) {
      ctx.addIssue({
        code: 'custom',
        path: ['routes', r, 'line'],
        message: 'the route has (almost) no length',
      });
    }
    if (route.destination !== undefined && !hotspotIds.has(route.destination)) {
      ctx.addIssue({
        code: 'custom',
        path: ['routes', r, 'destination'],
        message: `unknown hotspot id "${route.destination}"`,
      });
    }
    route.joins.forEach((join, j) => {
      if (join.atKm !== undefined && join.atKm > lengthKm + 1e-9) {
        ctx.addIssue({
          code: 'custom',
          path: ['routes', r, 'joins', j, 'atKm'],
          message: `join at ${join.atKm} km is beyond the route's end at ${lengthKm.toFixed(3)} km`,
        });
      }
      if (join.at !== undefined && lengthKm > 0) {
        const snap = snapToRoute(route.line as LonLat[], join.at as LonLat);
        if (snap.offsetKm > MAX_JOIN_OFFSET_KM) {
          ctx.addIssue({
            code: 'custom',
            path: ['routes', r, 'joins', j, 'at'],
            message: `point is ${snap.offsetKm.toFixed(2)} km from the route (at most ${MAX_JOIN_OFFSET_KM} km)`,
          });
        }
      }
      join.departures.forEach((d, k) => {
        if (!inHorizon(d.date)) {
          ctx.addIssue({
            code: 'custom',
            path: ['routes', r, 'joins', j, 'departures', k, 'date'],
            message: `${d.date} is outside the ${horizonText}`,
          });
        }
      });
    });
  });
  s.hotspots.forEach((h, i) => {
    (h.arrivalsByVehicle ?? []).forEach((a, k) => {
      if (!inHorizon(a.date)) {
        ctx.addIssue({
          code: 'custom',
          path: ['hotspots', i, 'arrivalsByVehicle', k, 'date'],
          message: `${a.date} is outside the ${horizonText}`,
        });
      }
    });
    if (localDateTimeToMinutes(h.dwellUntil) <= localDateToMinutes(start)) {
      ctx.addIssue({
        code: 'custom',
        path: ['hotspots', i, 'dwellUntil'],
        message: `before the ${horizonText}`,
      });
    }
  });
  s.existingSites.forEach((site, i) => {
    if (!siteTypeIds.has(site.siteType)) {
      ctx.addIssue({
        code: 'custom',
        path: ['existingSites', i, 'siteType'],
        message: `unknown site type id "${site.siteType}"`,
      });
    }
  });
  s.planning.siteTypes.forEach((id, i) => {
    if (!siteTypeIds.has(id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['planning', 'siteTypes', i],
        message: `unknown site type id "${id}"`,
      });
    }
  });
}

/** Scenario format v1: the whole document, with every cross reference checked. */
export const scenarioSchema = scenarioObjectSchema.superRefine(checkScenario);

export type Scenario = z.infer<typeof scenarioSchema>;
/** What a scenario author writes (defaults not yet applied). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export { idSchema };
