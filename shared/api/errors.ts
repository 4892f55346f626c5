import { z } from 'zod';

/** Error codes the API answers with, and the HTTP status each goes with. */
export const apiErrorStatus = {
  bad_request: 400,
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  revision_conflict: 409,
  job_finished: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_body: 422,
  invalid_scenario: 422,
  invalid_file: 422,
  not_planned: 404,
  precondition_required: 428,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;
export type ApiErrorCode = keyof typeof apiErrorStatus;

/** One problem at one place: `path` is the field path (`routes[2].joins[0].departures`, `query.revision`). */
export const fieldProblemSchema = z.object({ path: z.string(), message: z.string() });

/**
 * Every error response: `{ error: { code, message, path } }`. `path` names the field at fault (scenario
 * paths as in the scenario file, `params.*`, `query.*`, `headers.*` for the rest), or is empty when the
 * error is not about one field. Validation errors list every problem in `details`.
 */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(apiErrorStatus) as [ApiErrorCode, ...ApiErrorCode[]]),
    message: z.string(),
    path: z.string(),
    details: z.array(fieldProblemSchema).optional(),
    currentRevision: z
      .number()
      .int()
      .optional()
      .describe('on revision_conflict: the revision the scenario is at now'),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;
