import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';

/** Newest modification time (ms) of the files under `dir`, skipping node_modules and dot folders. */
function newestMtimeMs(dir: string): number {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtimeMs(path));
    else if (e.isFile()) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Makes sure the browser app is built and returns the folder to serve (dist/client), or null to serve
 * the API alone. Builds with Vite (in this process) when dist/client/index.html is missing or older than
 * the sources it is built from (client/, shared/, vite.config.ts), or always/never as `mode` says. If
 * client/index.html does not exist there is no app to build: the API is served alone and that is logged.
 */
export async function prepareClient(
  root: string,
  logger: Logger,
  mode: 'auto' | 'always' | 'never' = 'auto',
): Promise<string | null> {
  const source = join(root, 'client');
  const outDir = join(root, 'dist', 'client');
  const builtIndex = join(outDir, 'index.html');
  if (!existsSync(join(source, 'index.html'))) {
    logger.warn(
      { expected: join(source, 'index.html') },
      'no browser app yet (client/index.html missing): serving the API only',
    );
    return null;
  }
  const built = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
  const newest = Math.max(
    newestMtimeMs(source),
    newestMtimeMs(join(root, 'shared')),
    statSync(join(root, 'vite.config.ts')).mtimeMs,
  );
  const stale = built === 0 || built < newest;
  if (mode === 'never' || (mode === 'auto' && !stale)) {
    if (built === 0) {
      logger.warn('the browser app is not built (CLIENT_BUILD=never): serving the API only');
      return null;
    }
    return outDir;
  }
  logger.info(
    { reason: built === 0 ? 'missing' : mode === 'always' ? 'always' : 'sources changed' },
    'building the browser app',
  );
  const started = Date.now();
  try {
    const { build } = await import('vite');
    await build({
      configFile: join(root, 'vite.config.ts'),
      root: source,
      logLevel: 'warn',
      mode: 'production',
    });
    logger.info({ ms: Date.now() - started, outDir }, 'browser app built');
    return outDir;
  } catch (e) {
    logger.error({ err: (e as Error).message }, 'building the browser app failed');
    return existsSync(builtIndex) ? outDir : null;
  }
}
