/**
 * What differs in the inputs of two scenarios (or two revisions of one): demand parameters, what the
 * planner may place and spend, the time grid, site types (added, removed, each field and link-budget
 * term), routes (added, removed, walkers, length), hotspots and existing sites. Pure: the compare view
 * labels and formats the rows; the tests check what is found.
 */
import { lineLengthKm, type LonLat } from '../../shared/index';
import { BUDGET_INPUTS } from '../state/link-budget-fields';
import type { LinkBudgetDoc, ScenarioDoc, SiteTypeDoc } from '../state/scenario-edits';

/** How a value is shown. */
export type InputUnit =
  | 'percent'
  | 'mb'
  | 'm'
  | 'km'
  | 'usd'
  | 'count'
  | 'persons'
  | 'minutes'
  | 'dB'
  | 'dBm'
  | 'dBi'
  | 'kHz'
  | 'text'
  | 'presence';

/** A value of one side: a number in `unit`, text, or null when the input is absent (its default applies). */
export type InputValue = number | string | null;

/** One input that differs. */
export interface InputChange {
  group: 'demand' | 'planning' | 'grid' | 'siteType' | 'route' | 'hotspot' | 'existingSites';
  /** The field within the group (`capexUsd`, `linkBudget.penetrationLossDb`, `present` …). */
  field: string;
  /** The site type, route or hotspot it belongs to (its name, from B where both have it). */
  subject?: string;
  unit: InputUnit;
  a: InputValue;
  b: InputValue;
}

type Field<T> = [field: keyof T & string, unit: InputUnit];

const DEMAND: Field<ScenarioDoc['demand']>[] = [
  ['phoneShare', 'percent'],
  ['operatorShare', 'percent'],
  ['dailyMB', 'mb'],
  ['uplinkShare', 'percent'],
  ['voiceMilliErlang', 'count'],
  ['voiceBlocking', 'percent'],
];

const PLANNING: Field<ScenarioDoc['planning']>[] = [
  ['candidateSpacingMeters', 'm'],
  ['hotspotGridMeters', 'm'],
  ['budgetUsd', 'usd'],
  ['maxNewSites', 'count'],
];

const SITE_TYPE: Field<SiteTypeDoc>[] = [
  ['capexUsd', 'usd'],
  ['heightM', 'm'],
  ['maxUtilization', 'percent'],
  ['sectors', 'count'],
  ['rangeKm', 'km'],
  ['propagation', 'text'],
];

/** Every link-budget term the site-types panel edits, with its unit. */
const LINK_BUDGET: Field<LinkBudgetDoc>[] = BUDGET_INPUTS.map((f) => [f.field, f.unit]);

function value(v: unknown): InputValue {
  return typeof v === 'number' || typeof v === 'string' ? v : null;
}

function same(a: InputValue, b: InputValue): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return a === b;
}

/** The carriers of a site type in one line ("LTE 800/10, NR 3500/100"), for a changed-or-not check. */
function carriersText(t: SiteTypeDoc): string {
  return t.carriers
    .map(
      (c) =>
        `${c.tech} ${c.freqMHz}/${c.bandwidthMHz}×${c.spectralEfficiency}` +
        (c.dlFraction < 1 ? ` DL ${c.dlFraction}` : '') +
        (c.ulSpectralEfficiency !== undefined ? ` UL×${c.ulSpectralEfficiency}` : ''),
    )
    .join(', ');
}

/** The items of both lists matched by id (A's order, then B's new ones), with the name B gives them. */
function pairs<T extends { id: string; name: string }>(
  xs: readonly T[],
  ys: readonly T[],
): { x: T | undefined; y: T | undefined; subject: string }[] {
  const inA = new Map(xs.map((v) => [v.id, v]));
  const inB = new Map(ys.map((v) => [v.id, v]));
  return [...new Set([...inA.keys(), ...inB.keys()])].map((id) => {
    const x = inA.get(id);
    const y = inB.get(id);
    return { x, y, subject: (y ?? x)!.name };
  });
}

/** A row saying an item is only on one side. */
function presence(group: InputChange['group'], subject: string, x: unknown, y: unknown): InputChange {
  return { group, field: 'present', subject, unit: 'presence', a: x ? 1 : 0, b: y ? 1 : 0 };
}

/** Every input of `b` that differs from `a`, grouped and in the documents' order. */
export function inputDiff(a: ScenarioDoc, b: ScenarioDoc): InputChange[] {
  const out: InputChange[] = [];
  const push = (c: InputChange) => {
    if (!same(c.a, c.b)) out.push(c);
  };
  const fields = <T>(
    group: InputChange['group'],
    x: T,
    y: T,
    list: Field<T>[],
    subject?: string,
    prefix = '',
  ) => {
    for (const [field, unit] of list)
      push({ group, field: prefix + field, subject, unit, a: value(x[field]), b: value(y[field]) });
  };

  push({
    group: 'grid',
    field: 'horizon',
    unit: 'text',
    a: `${a.horizon.start} – ${a.horizon.end}`,
    b: `${b.horizon.start} – ${b.horizon.end}`,
  });
  push({
    group: 'grid',
    field: 'stepMinutes',
    unit: 'minutes',
    a: value(a.stepMinutes),
    b: value(b.stepMinutes),
  });
  push({
    group: 'grid',
    field: 'segmentMeters',
    unit: 'm',
    a: value(a.segmentMeters),
    b: value(b.segmentMeters),
  });
  fields('demand', a.demand, b.demand, DEMAND);
  fields('planning', a.planning, b.planning, PLANNING);
  push({
    group: 'planning',
    field: 'siteTypes',
    unit: 'text',
    a: a.planning.siteTypes.join(', '),
    b: b.planning.siteTypes.join(', '),
  });

  for (const { x, y, subject } of pairs(a.siteTypes, b.siteTypes)) {
    if (!x || !y) {
      push(presence('siteType', subject, x, y));
      continue;
    }
    fields('siteType', x, y, SITE_TYPE, subject);
    push({
      group: 'siteType',
      field: 'carriers',
      subject,
      unit: 'text',
      a: carriersText(x),
      b: carriersText(y),
    });
    if (x.linkBudget && y.linkBudget)
      fields('siteType', x.linkBudget, y.linkBudget, LINK_BUDGET, subject, 'linkBudget.');
  }

  const walkers = (r: ScenarioDoc['routes'][number]) => r.joins.reduce((s, j) => s + j.walkers, 0);
  const lengthKm = (r: ScenarioDoc['routes'][number]) =>
    Math.round(lineLengthKm(r.line as LonLat[]) * 100) / 100;
  for (const { x, y, subject } of pairs(a.routes, b.routes)) {
    if (!x || !y) {
      push(presence('route', subject, x, y));
      continue;
    }
    push({ group: 'route', field: 'walkers', subject, unit: 'persons', a: walkers(x), b: walkers(y) });
    push({ group: 'route', field: 'lengthKm', subject, unit: 'km', a: lengthKm(x), b: lengthKm(y) });
  }
  for (const { x, y, subject } of pairs(a.hotspots ?? [], b.hotspots ?? [])) {
    if (!x || !y) push(presence('hotspot', subject, x, y));
  }
  push({
    group: 'existingSites',
    field: 'count',
    unit: 'count',
    a: (a.existingSites ?? []).length,
    b: (b.existingSites ?? []).length,
  });
  return out;
}
