import type { z } from 'zod';
import { scenarioSchema, type Scenario } from './scenario';
import { migrateScenario, scenarioMigrations, type ScenarioMigration } from './migrate';

/** One problem with a scenario: where (`routes[2].joins[0].departures`) and why. */
export interface FieldError {
  path: string;
  message: string;
  /** The rule a number broke, when it is one of these: what an app words in its own language. */
  rule?: FieldRule;
}

/** A number's bound (`limit` in the field's own unit) or type that a value did not meet. */
export type FieldRule =
  | { kind: 'atMost' | 'below' | 'atLeast' | 'above'; limit: number }
  | { kind: 'number' | 'wholeNumber' | 'required' };

/** The rule of a zod issue on a number, if it is a bound or a type. */
function numberRule(issue: z.core.$ZodIssue): FieldRule | undefined {
  if ((issue.code === 'too_big' || issue.code === 'too_small') && issue.origin === 'number') {
    const limit = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
    if (!Number.isFinite(limit)) return undefined;
    const inclusive = issue.inclusive !== false;
    if (issue.code === 'too_big') return { kind: inclusive ? 'atMost' : 'below', limit };
    return { kind: inclusive ? 'atLeast' : 'above', limit };
  }
  if (issue.code === 'invalid_type') {
    if (issue.message.endsWith('received undefined')) return { kind: 'required' };
    if (issue.expected === 'int') return { kind: 'wholeNumber' };
    if (issue.expected === 'number') return { kind: 'number' };
  }
  return undefined;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Formats a zod issue path as `routes[2].joins[0].departures`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Field errors from a zod error, in document order, one per issue. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const rule = numberRule(issue);
    return {
      path: formatPath(issue.path),
      message:
        issue.code === 'invalid_type' && issue.message.endsWith('received undefined')
          ? `required: ${issue.message.replace(/^Invalid input: /, '').replace(/, received undefined$/, '')}`
          : issue.message,
      ...(rule ? { rule } : {}),
    };
  });
}

/**
 * Reads a scenario from JSON text or an already parsed value: migrates older versions, validates every
 * field and cross reference, applies defaults. Never throws; returns the typed scenario or the list of
 * field-path errors.
 */
export function parseScenario(
  input: unknown,
  migrations: Readonly<Record<number, ScenarioMigration>> = scenarioMigrations,
): ParseResult<Scenario> {
  let doc = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch (e) {
      return { ok: false, errors: [{ path: '', message: `not valid JSON: ${(e as Error).message}` }] };
    }
  }
  const migrated = migrateScenario(doc, migrations);
  if (!migrated.ok) {
    const versionError = { path: 'version', message: migrated.message };
    // Without a usable version, still list every other problem the current format would find.
    const others = scenarioSchema.safeParse(doc);
    const rest = others.success ? [] : fieldErrors(others.error).filter((e) => e.path !== 'version');
    return { ok: false, errors: [versionError, ...rest] };
  }
  const parsed = scenarioSchema.safeParse(migrated.doc);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  return { ok: true, value: parsed.data };
}

/** The scenario format as JSON Schema (draft 2020-12), for people who write scenarios by hand. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...scenarioSchema.toJSONSchema({ io: 'input', unrepresentable: 'any' }),
    title: 'Arbaeen planner scenario v1',
  };
}
