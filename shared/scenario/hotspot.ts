import { z } from 'zod';
import { idSchema, localDateSchema, localDateTimeSchema, polygonSchema } from './primitives';

/** Persons arriving at a hotspot by vehicle on a local date (spread uniformly over that date). */
export const vehicleArrivalSchema = z.object({
  date: localDateSchema,
  persons: z.number().min(0).max(1e9),
});

/**
 * A place where pilgrims gather (Karbala's old city, Najaf): route arrivals stay until `dwellUntil`,
 * plus arrivals by vehicle and residents.
 */
export const hotspotSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(200),
  area: polygonSchema,
  dwellUntil: localDateTimeSchema.describe('arrivals stay in the hotspot until this local time'),
  dwellHours: z
    .number()
    .positive()
    .max(24 * 60)
    .optional()
    .describe('each arrival stays this many hours (never past dwellUntil); without it, until dwellUntil'),
  residents: z.number().min(0).max(1e8).optional().describe('persons present at every step'),
  arrivalsByVehicle: z.array(vehicleArrivalSchema).optional(),
});

export type VehicleArrival = z.infer<typeof vehicleArrivalSchema>;
export type Hotspot = z.infer<typeof hotspotSchema>;
