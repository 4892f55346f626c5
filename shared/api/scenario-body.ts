import { z } from 'zod';
import { parseScenario } from '../scenario/parse';

/** Turns a field path text (`routes[2].joins[0].departures`) back into path keys. */
export function pathKeys(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) keys.push(Number(m[2]));
    else keys.push(m[1]);
  }
  return keys;
}

/**
 * A scenario document in a request body, read by `parseScenario` (migrations, defaults, cross-field
 * checks). The validated, typed scenario is the parsed value; each problem keeps its field path.
 */
export const scenarioBodySchema = z.unknown().transform((value, ctx) => {
  const parsed = parseScenario(value);
  if (parsed.ok) return parsed.value;
  for (const e of parsed.errors) {
    ctx.addIssue({ code: 'custom', message: e.message, path: pathKeys(e.path), input: value });
  }
  return z.NEVER;
});
