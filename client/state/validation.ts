import { parseScenario, type FieldError, type Scenario } from '../../shared/index';
import type { ScenarioDoc } from './scenario-edits';

/** A document's validation: the parsed scenario when valid, else the field-path errors. */
export interface Validation {
  scenario: Scenario | null;
  errors: FieldError[];
}

/** Runs the scenario format's own parser (the same the server uses), never throws. */
export function validateDoc(doc: ScenarioDoc): Validation {
  const result = parseScenario(doc);
  return result.ok ? { scenario: result.value, errors: [] } : { scenario: null, errors: result.errors };
}

/** The index of the route a field path points into (`routes[3].joins[0]` → 3), or null. */
export function routeIndexOfPath(path: string): number | null {
  const m = /^routes\[(\d+)\]/.exec(path);
  return m ? Number(m[1]) : null;
}
