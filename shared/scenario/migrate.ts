import { SCENARIO_VERSION } from './scenario';

/** Turns a document of version `n` into version `n + 1`. Pure; receives a deep copy it may change. */
export type ScenarioMigration = (doc: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations keyed by the version they upgrade from. Version 1 is the first public version, so the
 * table is empty; a future version 2 adds `1: (doc) => ...` here, with a test that loads a v1 file.
 */
export const scenarioMigrations: Readonly<Record<number, ScenarioMigration>> = {};

/** Outcome of bringing a document up to the current version. */
export type MigrationResult = { ok: true; doc: unknown } | { ok: false; message: string };

/**
 * Upgrades a parsed JSON document step by step to `targetVersion`. Documents without a version, of a
 * newer version, or of a version no migration chain reaches are refused with a reason.
 */
export function migrateScenario(
  doc: unknown,
  migrations: Readonly<Record<number, ScenarioMigration>> = scenarioMigrations,
  targetVersion: number = SCENARIO_VERSION,
): MigrationResult {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { ok: false, message: 'a scenario must be a JSON object' };
  }
  let current = structuredClone(doc) as Record<string, unknown>;
  let version = current.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { ok: false, message: 'missing or non-integer version' };
  }
  if (version > targetVersion) {
    return { ok: false, message: `version ${version} is newer than this planner reads (${targetVersion})` };
  }
  while (version < targetVersion) {
    const step = migrations[version];
    if (!step) return { ok: false, message: `no migration from version ${version}` };
    current = step(current);
    version += 1;
    current.version = version;
  }
  return { ok: true, doc: current };
}
