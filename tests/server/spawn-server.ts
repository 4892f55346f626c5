/**
 * Starts the real server process (`node --import tsx server/main.ts`) on a free port, for the process
 * tests and the browser tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A started server: its process, its URL and everything it printed so far. */
export interface SpawnedServer {
  child: ChildProcess;
  url: string;
  output(): string;
}

/**
 * Spawns the server with `DATA_DIR=dataDir` (and `env` on top of the defaults: port 0, localhost, no
 * client build, open access); resolves once it prints its URL, rejects when it exits or is not up within
 * `startTimeoutMs`.
 */
export async function spawnServer(
  dataDir: string,
  env: Record<string, string>,
  startTimeoutMs: number,
): Promise<SpawnedServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      CLIENT_BUILD: 'never',
      API_TOKEN: '',
      READ_TOKEN: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), startTimeoutMs);
    const check = () => {
      const m = /Arbaeen planner: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}):\n${out}`));
    });
  });
  return { child, url, output: () => out };
}
