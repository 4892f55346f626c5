import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Logger } from 'pino';
import { parseScenario } from '../../shared';
import type { ScenarioStore } from './scenario-store';

/**
 * Loads the scenario files of `dir` (data/scenarios/*.json) that this database has not loaded before: each
 * is validated with `parseScenario` and stored as revision 1 under its file name (`arbaeen-2025.json` →
 * id `arbaeen-2025`). A file is loaded once, so a seeded scenario the user deletes stays deleted; files
 * that fail validation are logged with their field errors and skipped.
 */
export function seedScenarios(store: ScenarioStore, dir: string, logger: Logger): string[] {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch {
    logger.info({ dir }, 'no seed scenario folder');
    return [];
  }
  const loaded: string[] = [];
  for (const file of files) {
    const key = `seed:${file}`;
    if (store.getMeta(key) !== undefined) continue;
    const id =
      basename(file, '.json')
        .replace(/[^A-Za-z0-9_.-]/g, '-')
        .replace(/^[^A-Za-z0-9]+/, '') || 'scenario';
    let text: string;
    try {
      text = readFileSync(join(dir, file), 'utf8');
    } catch (e) {
      logger.warn({ file, err: (e as Error).message }, 'seed scenario unreadable');
      continue;
    }
    const parsed = parseScenario(text);
    if (!parsed.ok) {
      logger.warn({ file, errors: parsed.errors.slice(0, 10) }, 'seed scenario invalid; skipped');
      continue;
    }
    store.transaction(() => {
      if (!store.exists(id)) {
        store.create(parsed.value, 'seed', id);
        loaded.push(id);
      }
      store.setMeta(key, new Date().toISOString());
    });
  }
  if (loaded.length > 0) logger.info({ scenarios: loaded }, 'seed scenarios loaded');
  return loaded;
}
