import { z } from 'zod';
import { scenarioSchema } from '../scenario/scenario';
import { lonLatSchema } from '../scenario/primitives';
import type { PlanKpis, PlannedSite, UnservedStretch } from '../plan/types';
import type { TimeGrid } from '../crowd/types';
import type { HotspotProfile, RouteProfile, RouteServiceDetail } from '../export/plan-summary';
import { REPORT_LANGUAGES } from '../export/report-strings';
import { NOTE_UNITS, NOTES_EN, type NoteKey } from '../notes';

/** UTC instant, ISO 8601 (`2025-08-14T06:00:00.000Z`). */
export const instantSchema = z.string().describe('UTC instant, ISO 8601');

/** Scenario id in a URL: letters, digits, `-`, `_`, `.`. */
export const scenarioIdSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'ids use letters, digits, "-", "_" and "." only');

/** A revision number as it appears in a path or query (decimal digits), handed on as a number. */
export const revisionTextSchema = z
  .string()
  .regex(/^[1-9]\d{0,8}$/, 'expected a revision number (1, 2, …)')
  .transform(Number);
export const revisionSchema = z.number().int().min(1).max(999_999_999);

export const jobIdSchema = z.uuid();

// ---- path parameters and queries ----

export const scenarioParamsSchema = z.object({ id: scenarioIdSchema });
export const revisionParamsSchema = z.object({ id: scenarioIdSchema, revision: revisionTextSchema });
export const jobParamsSchema = z.object({ jobId: jobIdSchema });

export const listScenariosQuerySchema = z.object({
  deleted: z
    .enum(['exclude', 'include', 'only'])
    .default('exclude')
    .describe('whether soft-deleted scenarios are listed'),
});
export const revisionQuerySchema = z.object({
  revision: revisionTextSchema.optional().describe('a revision of the scenario; the latest when omitted'),
});
export const exportQuerySchema = revisionQuerySchema.extend({
  lang: z
    .enum(REPORT_LANGUAGES)
    .optional()
    .describe(
      'language of the printable report: en (default), ar or fa (right to left); other formats ignore it',
    ),
});
export const planResultQuerySchema = revisionQuerySchema.extend({
  include: z
    .enum(['service'])
    .optional()
    .describe('`service` adds the per segment-step served/unserved arrays (large)'),
});
export const exportParamsSchema = z.object({
  id: scenarioIdSchema,
  format: z.enum(['sites.csv', 'plan.geojson', 'plan.kml', 'report.html']),
});
export const importRoutesQuerySchema = z.object({
  format: z
    .enum(['geojson', 'kml', 'gpx'])
    .optional()
    .describe('the file format; detected from the content when omitted'),
});
export const importSitesQuerySchema = z.object({
  siteType: scenarioIdSchema.optional().describe('site type id for rows without a type column'),
});
export const ifMatchHeaderSchema = z.object({
  'if-match': z
    .string()
    .regex(/^\s*(W\/)?"?[1-9]\d{0,8}"?\s*$/, 'expected the revision number, e.g. If-Match: "3"')
    .transform((v) => Number(v.replace(/[^0-9]/g, ''))),
});

// ---- request bodies ----

export const cloneBodySchema = z
  .object({
    name: z.string().min(1).max(200).optional().describe('name of the copy; "<name> (copy)" when omitted'),
    revision: revisionSchema.optional().describe('revision to copy; the latest when omitted'),
  })
  .strict();
export const startPlanBodySchema = z
  .object({ revision: revisionSchema.optional().describe('revision to plan; the latest when omitted') })
  .strict();
export const importFileBodySchema = z
  .string()
  .min(1, 'the file is empty')
  .describe('the file content as text');

// ---- responses ----

export const plannedSiteSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  lon: z.number(),
  lat: z.number(),
  siteTypeId: z.string(),
  isNew: z.boolean(),
  heightM: z.number(),
  sectors: z.number(),
  carriers: z.string(),
  capexUsd: z.number(),
  routeId: z.string().nullable(),
  chainageKm: z.number().nullable(),
  nearestPole: z.number().nullable(),
  hotspotId: z.string().nullable(),
  rangeKm: z.number(),
  usableDlMbps: z
    .number()
    .describe('most DL the site may serve with both directions within the utilisation cap'),
  capacityDlMbps: z.number(),
  capacityUlMbps: z.number(),
  peakServedDlMbps: z.number(),
  peakServedUlMbps: z.number(),
  peakUtilization: z.number().describe('utilisation of the busier direction at the peak step, 0–1'),
  limitedBy: z.enum(['DL', 'UL']).describe('the direction whose utilisation is the higher'),
  peakStep: z.number(),
  peakAt: z.string(),
});

export const unservedStretchSchema = z.object({
  routeId: z.string().nullable(),
  hotspotId: z.string().nullable(),
  fromKm: z.number().nullable(),
  toKm: z.number().nullable(),
  fromPole: z.number().nullable(),
  toPole: z.number().nullable(),
  from: z.string(),
  to: z.string(),
  peakUnservedDlMbps: z.number(),
  unservedMbpsHours: z.number(),
  reason: z.enum(['no-coverage', 'capacity']),
});

export const planKpisSchema = z.object({
  newSites: z.number(),
  newSitesByType: z.record(z.string(), z.number()),
  existingSitesUsed: z.number(),
  capexUsd: z.number(),
  lowerBoundUsd: z.number(),
  gap: z.number(),
  unservedMbpsHours: z.number(),
  servedShare: z.number(),
  peakDlMbps: z.number(),
  computeMs: z.number(),
  method: z.string(),
  capped: z.boolean(),
  lpRelaxationUsd: z.number().optional().describe('LP relaxation value, USD (absent when not computed)'),
  demandMbpsHours: z.number().optional(),
  servedMbpsHours: z.number().optional(),
  unservedNoCoverageMbpsHours: z.number().optional(),
  unservedCapacityMbpsHours: z.number().optional(),
  stageMs: z.record(z.string(), z.number()).optional().describe('milliseconds per pipeline stage'),
});

export const timeGridSchema = z.object({
  startMinutes: z.number(),
  stepMinutes: z.number(),
  stepCount: z.number(),
  utcOffsetMinutes: z.number(),
});

export const routeProfileSchema = z.object({
  routeId: z.string(),
  lengthKm: z.number(),
  segmentCount: z.number(),
  edgesKm: z.array(z.number()),
  nearestPole: z.array(z.number().nullable()).nullable(),
  peakPersons: z.array(z.number()),
  peakDlMbps: z.array(z.number()),
  unservedMbpsHours: z.array(z.number()),
  coveringSite: z.array(z.number()),
  personsByStep: z.array(z.number()),
  dlMbpsByStep: z.array(z.number()),
  unservedDlMbpsByStep: z.array(z.number()),
});

export const hotspotProfileSchema = z.object({
  hotspotId: z.string(),
  peakPersons: z.number(),
  peakDlMbps: z.number(),
  peakAt: z.string(),
  peakUnservedDlMbps: z.number(),
  unservedMbpsHours: z.number(),
});

export const routeServiceDetailSchema = z.object({
  routeId: z.string(),
  segmentCount: z.number(),
  stepCount: z.number(),
  servedDlMbps: z.array(z.number()),
  unservedDlMbps: z.array(z.number()),
  coveringSite: z.array(z.number()),
});

const noteQuantitySchema = z.object({ value: z.number(), unit: z.enum(NOTE_UNITS) });

/** A plan note: the sentence's key and its values (text, number, quantity, range or a note inside). */
export const noteSchema = z
  .object({
    key: z.enum(Object.keys(NOTES_EN) as [NoteKey, ...NoteKey[]]),
    get params() {
      return z
        .record(
          z.string(),
          z.union([
            z.string(),
            z.number(),
            noteQuantitySchema,
            z.object({ from: noteQuantitySchema, to: noteQuantitySchema }),
            noteSchema,
          ]),
        )
        .optional();
    },
  })
  .describe('a note as a sentence key and its values; `warnings` has the same notes in English');

/** A stored plan of one scenario revision: sites, KPIs, unserved demand, warnings, service summary. */
export const planResultResponseSchema = z.object({
  scenarioId: z.string(),
  revision: z.number(),
  createdAt: instantSchema,
  scenarioName: z.string(),
  grid: timeGridSchema,
  sites: z.array(plannedSiteSchema),
  kpis: planKpisSchema,
  unserved: z.array(unservedStretchSchema),
  warnings: z.array(z.string()).describe('model-validity warnings and solver notes, in English'),
  notes: z.array(noteSchema),
  routes: z.array(routeProfileSchema).describe('per route: peaks per segment, totals per step'),
  hotspots: z.array(hotspotProfileSchema),
  service: z.array(routeServiceDetailSchema).optional().describe('only with include=service'),
});

export const latestPlanSchema = z
  .object({ revision: z.number(), createdAt: instantSchema, kpis: planKpisSchema })
  .nullable()
  .describe('KPIs of the most recent plan of any revision, or null');

export const scenarioSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  revision: z.number().describe('the latest revision'),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  deletedAt: instantSchema.nullable(),
  latestPlan: latestPlanSchema,
});
export const scenarioListSchema = z.object({ scenarios: z.array(scenarioSummarySchema) });

export const scenarioDocumentSchema = scenarioSummarySchema.extend({ scenario: scenarioSchema });

export const revisionSummarySchema = z.object({
  revision: z.number(),
  name: z.string(),
  createdAt: instantSchema,
  source: z.string().describe('how the revision came to be: seed, create, update, clone'),
  planned: z.boolean().describe('a plan of this revision is stored'),
});
export const revisionListSchema = z.object({
  scenarioId: z.string(),
  revisions: z.array(revisionSummarySchema),
});
export const revisionDocumentSchema = revisionSummarySchema.extend({
  scenarioId: z.string(),
  scenario: scenarioSchema,
});

export const jobStatusSchema = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);
export const planJobSchema = z.object({
  id: jobIdSchema,
  scenarioId: z.string(),
  revision: z.number(),
  status: jobStatusSchema,
  stage: z.string().nullable().describe('pipeline stage being computed'),
  fraction: z.number().min(0).max(1).describe('overall progress 0–1'),
  cached: z.boolean().describe('the result was already stored for this revision'),
  createdAt: instantSchema,
  startedAt: instantSchema.nullable(),
  finishedAt: instantSchema.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  links: z.object({ self: z.string(), events: z.string(), result: z.string() }),
});

export const routeCandidateSchema = z.object({
  index: z.number().describe('position in the file, for picking'),
  name: z.string(),
  geometryType: z.enum(['LineString', 'MultiLineString']),
  pointCount: z.number(),
  lengthKm: z.number(),
  line: z.array(lonLatSchema).describe('WGS84 [lon, lat]; elevations dropped; parts joined in order'),
});
export const importRoutesResponseSchema = z.object({
  format: z.enum(['geojson', 'kml', 'gpx']),
  routes: z.array(routeCandidateSchema),
  skipped: z.array(z.object({ name: z.string(), reason: z.string() })),
});

export const siteCandidateSchema = z.object({
  row: z.number().describe('1-based data row (the header is row 0)'),
  id: z.string(),
  name: z.string(),
  lon: z.number(),
  lat: z.number(),
  siteType: z.string().nullable(),
});
/** Why a CSV cell is not a coordinate (the app words each in its language; `message` is the English). */
export const COORDINATE_PROBLEM_CODES = [
  'empty',
  'wrongHemisphere',
  'negativeWithHemisphere',
  'notCoordinate',
  'minutesSeconds',
  'outsideRange',
] as const;
export type CoordinateProblemCode = (typeof COORDINATE_PROBLEM_CODES)[number];
/** Why a CSV row could not be split into the header's fields (a quote left open, a field too many…). */
export const CSV_SYNTAX_PROBLEM_CODES = [
  'quoteNotClosed',
  'badQuotes',
  'tooFewFields',
  'tooManyFields',
] as const;
/** Every reason a sites CSV row is listed as unreadable. */
export type SiteImportProblemCode = CoordinateProblemCode | (typeof CSV_SYNTAX_PROBLEM_CODES)[number];

export const importSitesResponseSchema = z.object({
  sites: z.array(siteCandidateSchema),
  problems: z.array(
    z.object({
      row: z.number(),
      path: z.string(),
      message: z.string(),
      code: z
        .enum([...COORDINATE_PROBLEM_CODES, ...CSV_SYNTAX_PROBLEM_CODES])
        .optional()
        .describe('why, for the app to word in its language (absent only for an unforeseen parser error)'),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  ),
  columns: z
    .object({
      id: z.string().nullable(),
      name: z.string().nullable(),
      lon: z.string().nullable(),
      lat: z.string().nullable(),
      siteType: z.string().nullable(),
    })
    .describe('the header each field was read from'),
});

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']).describe('degraded (503) when the database does not answer'),
  uptimeSeconds: z.number(),
  database: z.enum(['ok', 'closed']),
  workers: z.object({ size: z.number(), busy: z.number(), queued: z.number() }),
  time: instantSchema,
});

export type ScenarioSummary = z.infer<typeof scenarioSummarySchema>;
export type ScenarioDocument = z.infer<typeof scenarioDocumentSchema>;
export type RevisionSummary = z.infer<typeof revisionSummarySchema>;
export type RevisionDocument = z.infer<typeof revisionDocumentSchema>;
export type PlanJob = z.infer<typeof planJobSchema>;
export type PlanJobStatus = z.infer<typeof jobStatusSchema>;
export type PlanResultResponse = z.infer<typeof planResultResponseSchema>;
export type RouteCandidate = z.infer<typeof routeCandidateSchema>;
export type ImportRoutesResponse = z.infer<typeof importRoutesResponseSchema>;
export type SiteCandidate = z.infer<typeof siteCandidateSchema>;
export type ImportSitesResponse = z.infer<typeof importSitesResponseSchema>;
export type Health = z.infer<typeof healthSchema>;

// Compile-time checks: the response schemas describe the domain types exactly.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const schemasMatchDomainTypes: [
  Same<z.infer<typeof plannedSiteSchema>, PlannedSite>,
  Same<z.infer<typeof unservedStretchSchema>, UnservedStretch>,
  Same<z.infer<typeof planKpisSchema>, PlanKpis>,
  Same<z.infer<typeof timeGridSchema>, TimeGrid>,
  Same<z.infer<typeof routeProfileSchema>, RouteProfile>,
  Same<z.infer<typeof hotspotProfileSchema>, HotspotProfile>,
  Same<z.infer<typeof routeServiceDetailSchema>, RouteServiceDetail>,
] = [true, true, true, true, true, true, true];
