import { z } from 'zod';
import { idSchema, localDateSchema, lonLatSchema, shareSchema } from './primitives';

/** One local date's share of a join's walkers. */
export const departureSchema = z.object({
  date: localDateSchema,
  share: shareSchema.describe('fraction of the join’s walkers that set out on this date'),
});

/**
 * Where walkers enter a route: at a chainage (`atKm`) or at a point snapped to the route (`at`),
 * with their count and their departure profile (shares per local date summing to 1).
 */
export const joinSchema = z
  .object({
    atKm: z.number().min(0).optional().describe('chainage of the join along the route, km'),
    at: lonLatSchema.optional().describe('a point snapped to the route'),
    name: z.string().max(200).optional(),
    walkers: z.number().min(0).max(1e9).describe('persons entering the route at this join'),
    departures: z.array(departureSchema).min(1, 'a join needs at least one departure date'),
  })
  .superRefine((join, ctx) => {
    if ((join.atKm === undefined) === (join.at === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'give exactly one of atKm or at', path: [] });
    }
    const sum = join.departures.reduce((acc, d) => acc + d.share, 0);
    if (Math.abs(sum - 1) > 1e-6) {
      ctx.addIssue({
        code: 'custom',
        path: ['departures'],
        message: `shares sum to ${Number(sum.toFixed(6))}, expected 1`,
      });
    }
    const seen = new Set<string>();
    join.departures.forEach((d, i) => {
      if (seen.has(d.date)) {
        ctx.addIssue({ code: 'custom', path: ['departures', i, 'date'], message: `date ${d.date} repeated` });
      }
      seen.add(d.date);
    });
  });

/** Pole numbering along a route ("amud"): pole `firstNumber` stands at `firstAtKm`, then every `spacingMeters`. */
export const polesSchema = z.object({
  firstNumber: z.number().int(),
  firstAtKm: z.number().min(0),
  spacingMeters: z.number().positive().max(10_000),
  lastNumber: z
    .number()
    .int()
    .optional()
    .describe('last pole; defaults to the last one that fits on the route'),
});

/** A walking window `[fromHour, toHour)` in local hours, 0 ≤ from < to ≤ 24. */
export const walkingWindowSchema = z
  .tuple([z.number().min(0).max(24), z.number().min(0).max(24)])
  .refine(([from, to]) => from < to, 'a walking window needs from < to (hours 0–24)');

/** A pilgrim route: polyline from origin to destination, speeds, walking windows, joins. */
export const routeSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1).max(200),
    line: z
      .array(lonLatSchema)
      .min(2, 'a route needs at least 2 points')
      .max(20_000)
      .describe('WGS84 polyline from origin to destination'),
    speedKmh: z.number().positive().max(130).describe('walking (or riding) speed while moving, km/h'),
    speedSpreadKmh: z.number().min(0).max(50).optional().describe('standard deviation of individual speeds'),
    mode: z
      .enum(['walk', 'vehicle'])
      .optional()
      .describe('walk (default) or vehicle: a corridor ridden by bus; persons on it are passengers'),
    walkingHours: z
      .array(walkingWindowSchema)
      .min(1, 'a route needs at least one walking window')
      .describe('local hours in which walkers move; they rest in place otherwise'),
    joins: z.array(joinSchema).min(1, 'a route needs at least one join'),
    destination: idSchema.optional().describe('hotspot id where walkers stay after the route end'),
    poles: polesSchema.optional(),
  })
  .superRefine((route, ctx) => {
    const windows = [...route.walkingHours].sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < windows.length; i++) {
      if (windows[i][0] < windows[i - 1][1]) {
        ctx.addIssue({ code: 'custom', path: ['walkingHours'], message: 'walking windows overlap' });
        break;
      }
    }
    if (route.speedSpreadKmh !== undefined && route.speedSpreadKmh >= route.speedKmh) {
      ctx.addIssue({
        code: 'custom',
        path: ['speedSpreadKmh'],
        message: `spread ${route.speedSpreadKmh} km/h must be below the speed ${route.speedKmh} km/h`,
      });
    }
  });

export type Departure = z.infer<typeof departureSchema>;
export type Join = z.infer<typeof joinSchema>;
export type Poles = z.infer<typeof polesSchema>;
export type Route = z.infer<typeof routeSchema>;
