import { z } from 'zod';
import { idSchema, localDateSchema, polygonSchema } from './primitives';

/**
 * A reporting area (a governorate-sized polygon) with optional published figures to calibrate against,
 * e.g. the regulator's data volume for Karbala governorate over 1–20 Safar.
 */
export const reportingAreaSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(200),
  area: polygonSchema,
  residents: z
    .number()
    .min(0)
    .max(1e8)
    .optional()
    .describe(
      'persons living in the area, served by the existing network: counted in its volume, not planned for',
    ),
  published: z
    .object({
      from: localDateSchema.describe('first date of the published period (inclusive)'),
      to: localDateSchema.describe('last date of the published period (inclusive)'),
      dataTB: z.number().min(0).optional(),
      entries: z.number().min(0).optional().describe('persons counted entering the area'),
      source: z.string().max(500),
    })
    .optional(),
});
export type ReportingArea = z.infer<typeof reportingAreaSchema>;
