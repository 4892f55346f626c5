import { z } from 'zod';
import { formatPath } from '../shared';

const optionalText = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());

/** The environment the server reads at boot; anything invalid stops the start with a clear message. */
export const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('./var'),
    API_TOKEN: optionalText.pipe(z.string().min(12, 'use at least 12 characters').optional()),
    READ_TOKEN: optionalText.pipe(z.string().min(12, 'use at least 12 characters').optional()),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    PLAN_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
    PLAN_RUNS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
    BODY_LIMIT_MB: z.coerce.number().positive().max(100).default(5),
    SCENARIOS_DIR: z.string().min(1).default('data/scenarios'),
    MAP_STYLE: optionalText.pipe(
      z
        .url({ protocol: /^https?$/, error: 'MAP_STYLE must be an http(s) URL of a MapLibre style' })
        .optional(),
    ),
    CLIENT_BUILD: z
      .enum(['auto', 'always', 'never'])
      .default('auto')
      .describe('auto: build dist/client when missing or older than its sources'),
  })
  .superRefine((env, ctx) => {
    if (env.READ_TOKEN && !env.API_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['READ_TOKEN'],
        message: 'READ_TOKEN needs API_TOKEN (without it the API is open)',
      });
    }
    if (env.READ_TOKEN && env.READ_TOKEN === env.API_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['READ_TOKEN'],
        message: 'READ_TOKEN must differ from API_TOKEN',
      });
    }
  });
export type Env = z.infer<typeof envSchema>;

/** Parses the environment; throws an Error naming every bad variable. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const r = envSchema.safeParse(source);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
    throw new Error(`invalid environment:\n  ${lines.join('\n  ')}`);
  }
  return r.data;
}
