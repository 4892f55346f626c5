import { createHash, randomBytes } from 'node:crypto';
import type { PlanKpis, Scenario } from '../../shared';
import type { RevisionDocument, RevisionSummary, ScenarioDocument, ScenarioSummary } from '../../shared/api';
import type { PlanSummary } from '../../shared/export';
import type { Db } from './database';

/** How a revision came to be. */
export type RevisionSource = 'seed' | 'create' | 'update' | 'clone';

interface ScenarioRow {
  id: string;
  name: string;
  head_revision: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

interface RevisionRow {
  scenario_id: string;
  revision: number;
  name: string;
  body: string;
  hash: string;
  source: string;
  created_at: string;
}

/** A revision with its scenario, ready to plan or export. */
export interface ResolvedRevision {
  scenarioId: string;
  revision: number;
  hash: string;
  scenario: Scenario;
}

/** A stored plan with the revision it belongs to. */
export interface StoredPlan {
  summary: PlanSummary;
  createdAt: string;
}

export type UpdateOutcome =
  | { kind: 'ok'; document: ScenarioDocument }
  | { kind: 'not-found' }
  | { kind: 'conflict'; currentRevision: number };

/** Content hash of a scenario document (its canonical JSON as stored). */
export function scenarioHash(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

/** A readable, unique-enough id from a name: `hillah-to-karbala-3kq9xz`. */
export function newScenarioId(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  const suffix = randomBytes(4).readUInt32BE(0).toString(36).padStart(6, '0').slice(-6);
  return `${slug || 'scenario'}-${suffix}`;
}

const now = () => new Date().toISOString();

/**
 * Scenarios with revisions in SQLite. Every save appends a revision (nothing is overwritten); each write
 * is one transaction; a stale expected revision is refused. Plans are cached per scenario content hash and
 * model fingerprint, so every revision with the same content shares one stored plan.
 */
export class ScenarioStore {
  private readonly q;

  /** @param model fingerprint of the planning code: plans made by other code are not reused. */
  constructor(
    private readonly db: Db,
    readonly model: string,
  ) {
    this.q = {
      scenario: db.prepare<[string], ScenarioRow>('SELECT * FROM scenarios WHERE id = ?'),
      list: db.prepare<[], ScenarioRow>('SELECT * FROM scenarios ORDER BY updated_at DESC, id'),
      insertScenario: db.prepare(
        'INSERT INTO scenarios (id, name, head_revision, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, NULL)',
      ),
      moveHead: db.prepare('UPDATE scenarios SET name = ?, head_revision = ?, updated_at = ? WHERE id = ?'),
      setDeleted: db.prepare('UPDATE scenarios SET deleted_at = ?, updated_at = ? WHERE id = ?'),
      insertRevision: db.prepare(
        'INSERT INTO revisions (scenario_id, revision, name, body, hash, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      revision: db.prepare<[string, number], RevisionRow>(
        'SELECT * FROM revisions WHERE scenario_id = ? AND revision = ?',
      ),
      revisions: db.prepare<[string], RevisionRow>(
        "SELECT scenario_id, revision, name, hash, source, created_at, '' AS body FROM revisions WHERE scenario_id = ? ORDER BY revision DESC",
      ),
      latestPlan: db.prepare<[string, string], { revision: number; created_at: string; kpis: string }>(
        `SELECT r.revision AS revision, p.created_at AS created_at, p.kpis AS kpis
           FROM revisions r JOIN plans p ON p.hash = r.hash AND p.model = ?
          WHERE r.scenario_id = ? ORDER BY r.revision DESC LIMIT 1`,
      ),
      planned: db.prepare<[string, string], { hash: string }>(
        'SELECT hash FROM plans WHERE hash = ? AND model = ?',
      ),
      plan: db.prepare<[string, string], { summary: string; created_at: string }>(
        'SELECT summary, created_at FROM plans WHERE hash = ? AND model = ?',
      ),
      planService: db.prepare<[string, string], { service: Buffer | null }>(
        'SELECT service FROM plans WHERE hash = ? AND model = ?',
      ),
      savePlan: db.prepare(
        'INSERT OR REPLACE INTO plans (hash, model, summary, kpis, service, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      meta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      setMeta: db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
      ping: db.prepare('SELECT 1 AS ok'),
    };
  }

  private summary(row: ScenarioRow): ScenarioSummary {
    const plan = this.q.latestPlan.get(this.model, row.id);
    return {
      id: row.id,
      name: row.name,
      revision: row.head_revision,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      deletedAt: row.deleted_at,
      latestPlan: plan
        ? { revision: plan.revision, createdAt: plan.created_at, kpis: JSON.parse(plan.kpis) as PlanKpis }
        : null,
    };
  }

  private live(id: string): ScenarioRow | undefined {
    const row = this.q.scenario.get(id);
    return row && row.deleted_at === null ? row : undefined;
  }

  private appendRevision(
    id: string,
    revision: number,
    scenario: Scenario,
    source: RevisionSource,
    at: string,
  ): void {
    const body = JSON.stringify(scenario);
    this.q.insertRevision.run(id, revision, scenario.name, body, scenarioHash(body), source, at);
  }

  /** Scenarios, most recently updated first. */
  list(deleted: 'exclude' | 'include' | 'only' = 'exclude'): ScenarioSummary[] {
    return this.q.list
      .all()
      .filter((r) =>
        deleted === 'include' ? true : deleted === 'only' ? r.deleted_at !== null : r.deleted_at === null,
      )
      .map((r) => this.summary(r));
  }

  /** True when a scenario with this id exists, deleted or not. */
  exists(id: string): boolean {
    return this.q.scenario.get(id) !== undefined;
  }

  /** The latest revision of a live scenario. */
  get(id: string): ScenarioDocument | undefined {
    const row = this.live(id);
    if (!row) return undefined;
    const rev = this.q.revision.get(id, row.head_revision) as RevisionRow;
    return { ...this.summary(row), scenario: JSON.parse(rev.body) as Scenario };
  }

  /** Stores a new scenario as revision 1. */
  create(
    scenario: Scenario,
    source: RevisionSource = 'create',
    id = newScenarioId(scenario.name),
  ): ScenarioDocument {
    const at = now();
    this.db
      .transaction(() => {
        this.q.insertScenario.run(id, scenario.name, 1, at, at);
        this.appendRevision(id, 1, scenario, source, at);
      })
      .immediate();
    return this.get(id) as ScenarioDocument;
  }

  /** Appends a revision if `expectedRevision` is still the latest; otherwise reports the conflict. */
  update(id: string, expectedRevision: number, scenario: Scenario): UpdateOutcome {
    const outcome = this.db
      .transaction((): UpdateOutcome | null => {
        const row = this.live(id);
        if (!row) return { kind: 'not-found' };
        if (row.head_revision !== expectedRevision)
          return { kind: 'conflict', currentRevision: row.head_revision };
        const at = now();
        const next = row.head_revision + 1;
        this.appendRevision(id, next, scenario, 'update', at);
        this.q.moveHead.run(scenario.name, next, at, id);
        return null;
      })
      .immediate();
    return outcome ?? { kind: 'ok', document: this.get(id) as ScenarioDocument };
  }

  /** Marks a live scenario deleted (its revisions stay). */
  softDelete(id: string): ScenarioSummary | undefined {
    const row = this.db
      .transaction(() => {
        const r = this.live(id);
        if (!r) return undefined;
        const at = now();
        this.q.setDeleted.run(at, at, id);
        return this.q.scenario.get(id);
      })
      .immediate();
    return row ? this.summary(row) : undefined;
  }

  /** Brings a deleted scenario back. */
  restore(id: string): ScenarioSummary | undefined {
    const row = this.db
      .transaction(() => {
        const r = this.q.scenario.get(id);
        if (!r || r.deleted_at === null) return undefined;
        this.q.setDeleted.run(null, now(), id);
        return this.q.scenario.get(id);
      })
      .immediate();
    return row ? this.summary(row) : undefined;
  }

  /** Revisions of a live scenario, newest first. */
  listRevisions(id: string): RevisionSummary[] | undefined {
    if (!this.live(id)) return undefined;
    return this.q.revisions.all(id).map((r) => this.revisionSummary(r));
  }

  private revisionSummary(r: RevisionRow): RevisionSummary {
    return {
      revision: r.revision,
      name: r.name,
      createdAt: r.created_at,
      source: r.source,
      planned: this.q.planned.get(r.hash, this.model) !== undefined,
    };
  }

  /** One revision of a live scenario. */
  getRevision(id: string, revision: number): RevisionDocument | undefined {
    if (!this.live(id)) return undefined;
    const r = this.q.revision.get(id, revision);
    if (!r) return undefined;
    return { ...this.revisionSummary(r), scenarioId: id, scenario: JSON.parse(r.body) as Scenario };
  }

  /** The given (or latest) revision of a live scenario, with its content hash. */
  resolve(id: string, revision?: number): ResolvedRevision | undefined {
    const row = this.live(id);
    if (!row) return undefined;
    const r = this.q.revision.get(id, revision ?? row.head_revision);
    if (!r) return undefined;
    return { scenarioId: id, revision: r.revision, hash: r.hash, scenario: JSON.parse(r.body) as Scenario };
  }

  /** Copies a revision into a new scenario (revision 1 of the copy). */
  clone(id: string, options: { name?: string; revision?: number }): ScenarioDocument | undefined {
    const source = this.resolve(id, options.revision);
    if (!source) return undefined;
    const name = options.name ?? `${source.scenario.name} (copy)`.slice(0, 200);
    return this.create({ ...source.scenario, name }, 'clone');
  }

  /** The stored plan for a content hash, made by this model. */
  plan(hash: string): StoredPlan | undefined {
    const row = this.q.plan.get(hash, this.model);
    return row ? { summary: JSON.parse(row.summary) as PlanSummary, createdAt: row.created_at } : undefined;
  }

  /** Whether a plan of this content hash, made by this model, is stored (cheap: no parsing). */
  hasPlan(hash: string): boolean {
    return this.q.planned.get(hash, this.model) !== undefined;
  }

  /** The stored plan summary as JSON text (to send without parsing), with its creation time. */
  planText(hash: string): { summaryJson: string; createdAt: string } | undefined {
    const row = this.q.plan.get(hash, this.model);
    return row ? { summaryJson: row.summary, createdAt: row.created_at } : undefined;
  }

  /** Packed per segment-step service arrays of a stored plan. */
  planService(hash: string): Buffer | undefined {
    return this.q.planService.get(hash, this.model)?.service ?? undefined;
  }

  /** Stores (or replaces) the plan of a content hash. */
  savePlan(hash: string, summary: PlanSummary, serviceGz: Uint8Array | null): void {
    this.q.savePlan.run(
      hash,
      this.model,
      JSON.stringify(summary),
      JSON.stringify(summary.kpis),
      serviceGz ? Buffer.from(serviceGz) : null,
      now(),
    );
  }

  getMeta(key: string): string | undefined {
    return this.q.meta.get(key)?.value;
  }

  setMeta(key: string, value: string): void {
    this.q.setMeta.run(key, value);
  }

  /** Runs `fn` in one write transaction. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /** Whether the database answers. */
  healthy(): boolean {
    if (!this.db.open) return false;
    return this.q.ping.get() !== undefined;
  }
}
