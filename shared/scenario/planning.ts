import { z } from 'zod';
import { idSchema, polygonSchema, type Polygon } from './primitives';

/** An area where no site may be placed: a bare GeoJSON Polygon or a named one. */
export const exclusionZoneSchema = z.union([
  polygonSchema,
  z.object({ name: z.string().max(200).optional(), area: polygonSchema }),
]);
export type ExclusionZone = z.infer<typeof exclusionZoneSchema>;

/** The exclusion zone's polygon, whichever form it was given in. */
export function exclusionPolygon(zone: ExclusionZone): Polygon {
  return 'area' in zone ? zone.area : zone;
}

/** What the optimiser may place and under which limits. */
export const planningSchema = z.object({
  candidateSpacingMeters: z.number().min(10).max(50_000).describe('spacing of candidate sites along routes'),
  hotspotGridMeters: z
    .number()
    .min(10)
    .max(5_000)
    .optional()
    .describe('candidate grid spacing inside hotspots'),
  siteTypes: z.array(idSchema).min(1, 'name at least one site type the planner may place'),
  budgetUsd: z.number().min(0).optional(),
  maxNewSites: z.number().int().min(0).optional(),
  exclusionZones: z.array(exclusionZoneSchema).optional(),
  timeLimitSeconds: z.number().positive().max(3600).optional().describe('MILP time limit'),
});
export type Planning = z.infer<typeof planningSchema>;
