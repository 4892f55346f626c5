import Database from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleScenario } from './helpers';
import { spawnServer, type SpawnedServer } from './spawn-server';

const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Starts the server on `dataDir` (fixtures seeded, one plan worker); killed after each test. */
async function startServer(dataDir: string): Promise<SpawnedServer> {
  const server = await spawnServer(
    dataDir,
    { SCENARIOS_DIR: 'tests/server/fixtures', LOG_LEVEL: 'info', PLAN_WORKERS: '1' },
    20_000,
  );
  children.push(server.child);
  return server;
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

describe('the server process', () => {
  it('keeps every acknowledged save through a SIGKILL mid-stream', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'planner-crash-'));
    dirs.push(dataDir);
    const first = await startServer(dataDir);
    const doc = exampleScenario();
    const writers = 4;
    const ids: string[] = [];
    for (let w = 0; w < writers; w++) {
      const res = await fetch(`${first.url}/api/scenarios`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...doc, name: `writer ${w} save 1` }),
      });
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }
    const acked = new Map<string, { revision: number; name: string }[]>(ids.map((id) => [id, []]));
    let stop = false;
    const writer = async (id: string) => {
      let revision = 1;
      while (!stop) {
        const name = `${id} save ${revision + 1}`;
        try {
          const res = await fetch(`${first.url}/api/scenarios/${id}`, {
            method: 'PUT',
            headers: { 'Content-Type': 'application/json', 'If-Match': `"${revision}"` },
            body: JSON.stringify({ ...doc, name }),
          });
          if (res.status !== 200) break;
          const body = (await res.json()) as { revision: number };
          revision = body.revision;
          acked.get(id)?.push({ revision, name });
        } catch {
          break;
        }
      }
    };
    const running = ids.map(writer);
    await new Promise((r) => setTimeout(r, 1500));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(running);
    await exited(first.child);
    const total = [...acked.values()].reduce((a, l) => a + l.length, 0);
    expect(total).toBeGreaterThan(20);

    const second = await startServer(dataDir);
    for (const [id, saves] of acked) {
      const head = (await (await fetch(`${second.url}/api/scenarios/${id}`)).json()) as { revision: number };
      const last = saves.at(-1);
      expect(head.revision).toBeGreaterThanOrEqual(last?.revision ?? 1);
      for (const save of saves) {
        const res = await fetch(`${second.url}/api/scenarios/${id}/revisions/${save.revision}`);
        expect(res.status).toBe(200);
        expect(((await res.json()) as { name: string }).name).toBe(save.name);
      }
    }
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
    const db = new Database(join(dataDir, 'planner.sqlite'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('shuts down gracefully on SIGTERM: finishes, closes the database, exits 0', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'planner-stop-'));
    dirs.push(dataDir);
    const server = await startServer(dataDir);
    // A keep-alive connection stays open; shutdown must not wait for it forever.
    const res = await fetch(`${server.url}/api/scenarios`, { headers: { Connection: 'keep-alive' } });
    expect(res.status).toBe(200);
    const began = Date.now();
    server.child.kill('SIGTERM');
    expect(await exited(server.child)).toBe(0);
    expect(Date.now() - began).toBeLessThan(5000);
    expect(server.output()).toContain('"msg":"stopped"');
  });

  it('says so plainly and exits 1 when its port is in use', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'planner-port-'));
    dirs.push(dataDir);
    const first = await startServer(dataDir);
    const port = new URL(first.url).port;
    const otherDir = mkdtempSync(join(tmpdir(), 'planner-port2-'));
    dirs.push(otherDir);
    const second = spawnServer(
      otherDir,
      { SCENARIOS_DIR: 'tests/server/fixtures', PLAN_WORKERS: '1', PORT: port },
      20_000,
    );
    await expect(second).rejects.toThrow(
      new RegExp(`server exited \\(1\\):[\\s\\S]*cannot listen: 127\\.0\\.0\\.1:${port} is already in use`),
    );
    // The first one is unharmed.
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
  });
});
