import { z } from 'zod';
import { idSchema } from './primitives';

/** The propagation models `pathLossDb` knows. */
export const propagationModels = [
  'fspl',
  'hata-urban-small',
  'hata-urban-large',
  'hata-suburban',
  'hata-open',
  'cost231-medium',
  'cost231-metro',
  'rma-los',
  'rma-nlos',
  'uma-los',
  'uma-nlos',
  'umi-los',
  'umi-nlos',
] as const;
export const propagationModelSchema = z.enum(propagationModels);
export type PropagationModel = z.infer<typeof propagationModelSchema>;

/** One radio carrier of a site type. */
export const carrierSchema = z.object({
  tech: z.enum(['LTE', 'NR']),
  freqMHz: z.number().min(100).max(100_000),
  bandwidthMHz: z.number().positive().max(400),
  spectralEfficiency: z
    .number()
    .positive()
    .max(30)
    .describe('loaded DL spectral efficiency per cell, b/s/Hz'),
  dlFraction: z.number().gt(0).max(1).describe('share of time used for downlink (TDD); 1 for FDD'),
  ulSpectralEfficiency: z
    .number()
    .positive()
    .max(30)
    .optional()
    .describe(
      'loaded UL spectral efficiency per cell, b/s/Hz (default: half the DL value on FDD carriers, the DL value in the UL time of TDD carriers)',
    ),
});

/**
 * Link budget terms (uplink first: it usually limits). Optional downlink terms default as documented in
 * shared/radio/link-budget.ts.
 */
export const linkBudgetSchema = z.object({
  ueTxPowerDbm: z.number().min(-20).max(40),
  bsNoiseFigureDb: z.number().min(0).max(20),
  requiredSinrDb: z.number().min(-30).max(40),
  bandwidthKHz: z.number().positive().max(400_000),
  bsAntennaGainDbi: z.number().min(-10).max(30),
  feederLossDb: z.number().min(0).max(20),
  bodyLossDb: z.number().min(0).max(20),
  interferenceMarginDb: z.number().min(0).max(30),
  shadowMarginDb: z.number().min(0).max(30),
  penetrationLossDb: z.number().min(0).max(40),
  ueAntennaGainDbi: z.number().min(-10).max(10).optional(),
  ueHeightM: z.number().min(0.5).max(20).optional(),
  bsTxPowerDbm: z.number().min(0).max(70).optional(),
  ueNoiseFigureDb: z.number().min(0).max(20).optional(),
  dlRequiredSinrDb: z.number().min(-30).max(40).optional(),
  dlBandwidthKHz: z.number().positive().max(400_000).optional(),
});
export type LinkBudgetTerms = z.infer<typeof linkBudgetSchema>;

/** Share of a site's capacity the planner may load when the site type does not say. */
export const DEFAULT_MAX_UTILIZATION = 0.7;

/** A kind of site the planner can place (or that exists): radio, capacity, cost. */
export const siteTypeSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1).max(200),
    sectors: z.number().int().min(1).max(12),
    heightM: z.number().positive().max(300),
    capexUsd: z.number().min(0).max(1e9),
    maxUtilization: z.number().gt(0).max(1).default(DEFAULT_MAX_UTILIZATION),
    propagation: propagationModelSchema,
    carriers: z.array(carrierSchema).min(1, 'a site type needs at least one carrier'),
    linkBudget: linkBudgetSchema.optional(),
    rangeKm: z.number().positive().max(100).optional().describe('overrides the link-budget range'),
  })
  .superRefine((t, ctx) => {
    if (t.linkBudget === undefined && t.rangeKm === undefined) {
      ctx.addIssue({ code: 'custom', path: [], message: 'give a linkBudget or a rangeKm' });
    }
  });

export type Carrier = z.infer<typeof carrierSchema>;
export type SiteType = z.infer<typeof siteTypeSchema>;

/** A site already on air: free, used first. */
export const existingSiteSchema = z.object({
  id: idSchema,
  name: z.string().max(200).optional(),
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  siteType: idSchema,
});
export type ExistingSite = z.infer<typeof existingSiteSchema>;
