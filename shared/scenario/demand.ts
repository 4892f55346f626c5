import { z } from 'zod';
import { shareSchema } from './primitives';

/** How persons turn into devices and traffic. */
export const demandSchema = z
  .object({
    phoneShare: shareSchema.describe('fraction of persons carrying an active phone'),
    operatorShare: shareSchema.describe('fraction of those phones on the planned operator'),
    dailyMB: z.number().min(0).max(1e6).describe('data per device per day, MB (DL + UL)'),
    hourlyProfile: z
      .array(z.number().min(0))
      .length(24, 'hourlyProfile needs 24 values, one per local hour')
      .describe('share of the daily volume in each local hour; sums to 1'),
    uplinkShare: z
      .number()
      .min(0)
      .lt(1, 'uplinkShare must be below 1: sites are dimensioned by the downlink each device also uses')
      .describe('fraction of the volume that is uplink (below 1)'),
    voiceMilliErlang: z.number().min(0).max(1000).describe('busy-hour voice traffic per device, mErl'),
    voiceBlocking: z.number().gt(0).lt(1).describe('target blocking probability for Erlang B'),
  })
  .superRefine((demand, ctx) => {
    const sum = demand.hourlyProfile.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > 1e-3) {
      ctx.addIssue({
        code: 'custom',
        path: ['hourlyProfile'],
        message: `hourly shares sum to ${Number(sum.toFixed(6))}, expected 1`,
      });
    }
  });

export type Demand = z.infer<typeof demandSchema>;
