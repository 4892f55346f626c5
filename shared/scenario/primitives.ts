import { z } from 'zod';

/** A finite number (zod rejects NaN and ±Infinity). */
export const finiteNumber = z.number();

/** WGS84 position `[lon, lat]` in degrees. */
export const lonLatSchema = z
  .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])
  .describe('WGS84 position [longitude, latitude] in decimal degrees');
export type LonLat = z.infer<typeof lonLatSchema>;

function isRealDate(text: string): boolean {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Local calendar date `YYYY-MM-DD`. */
export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a local date YYYY-MM-DD')
  .refine(isRealDate, 'not a calendar date')
  .describe('local date YYYY-MM-DD');

/** Local date-time `YYYY-MM-DDTHH:mm` (no offset: the scenario's timezone applies). */
export const localDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, 'expected a local time YYYY-MM-DDTHH:mm')
  .refine(isRealDate, 'not a calendar date')
  .describe('local date-time YYYY-MM-DDTHH:mm');

/** Identifier used for cross references (routes, hotspots, site types, sites). */
export const idSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'ids use letters, digits, "-", "_" and "." only');

/** A GeoJSON Polygon (outer ring first, rings closed, at least 4 positions each). */
export const polygonSchema = z
  .object({
    type: z.literal('Polygon'),
    coordinates: z
      .array(
        z
          .array(lonLatSchema)
          .min(4, 'a polygon ring needs at least 4 positions')
          .refine((ring) => {
            const a = ring[0];
            const b = ring[ring.length - 1];
            return a[0] === b[0] && a[1] === b[1];
          }, 'a polygon ring must be closed (first position = last position)'),
      )
      .min(1, 'a polygon needs an outer ring'),
  })
  .describe('GeoJSON Polygon in WGS84');
export type Polygon = z.infer<typeof polygonSchema>;

export const shareSchema = z.number().min(0).max(1);
