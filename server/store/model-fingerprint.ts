import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Folders of shared/ whose code does not change a plan's numbers. */
const NOT_MODEL = new Set(['api', 'export']);

/**
 * A fingerprint of the planning code (shared/**\/*.ts except the API contract and the exporters). Stored
 * plans carry it, so a plan computed by older code is recomputed instead of being served from the cache.
 */
export function modelFingerprint(sharedDir: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      return;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (!(depth === 0 && NOT_MODEL.has(e.name))) walk(path, depth + 1);
      } else if (e.name.endsWith('.ts')) {
        hash.update(path.slice(sharedDir.length)).update('\0').update(readFileSync(path)).update('\0');
      }
    }
  };
  walk(sharedDir, 0);
  return hash.digest('hex').slice(0, 16);
}
