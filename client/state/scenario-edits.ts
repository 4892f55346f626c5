/**
 * Pure edits of a scenario document. Each takes the document as written (before defaults) and returns a
 * new one sharing every untouched part, so the undo history stays cheap and React-style identity checks
 * tell panels what changed. None of them validates: the workspace runs `parseScenario` after each edit
 * and shows field-path errors, so a half-finished edit is visible and fixable rather than refused.
 */
import {
  addDays,
  daysBetween,
  lineLengthKm,
  snapToRoute,
  type LonLat,
  type ScenarioInput,
} from '../../shared/index';

export type ScenarioDoc = ScenarioInput;
export type RouteDoc = ScenarioDoc['routes'][number];
export type JoinDoc = RouteDoc['joins'][number];
export type DepartureDoc = JoinDoc['departures'][number];
export type WalkingWindow = [number, number];

function mapRoute(doc: ScenarioDoc, routeId: string, fn: (route: RouteDoc) => RouteDoc): ScenarioDoc {
  let hit = false;
  const routes = doc.routes.map((r) => {
    if (r.id !== routeId) return r;
    hit = true;
    return fn(r);
  });
  return hit ? { ...doc, routes } : doc;
}

function mapJoin(
  doc: ScenarioDoc,
  routeId: string,
  joinIndex: number,
  fn: (join: JoinDoc) => JoinDoc,
): ScenarioDoc {
  return mapRoute(doc, routeId, (route) => {
    if (joinIndex < 0 || joinIndex >= route.joins.length) return route;
    return { ...route, joins: route.joins.map((j, i) => (i === joinIndex ? fn(j) : j)) };
  });
}

/** Scalar route fields the parameter panel edits. */
export type RoutePatch = Partial<
  Pick<RouteDoc, 'name' | 'speedKmh' | 'speedSpreadKmh' | 'mode' | 'destination'>
>;

/** `base` with `patch` applied: its `undefined` values remove the (optional) fields instead of setting them. */
export function withPatch<T extends object>(base: T, patch: Partial<NoInfer<T>>): T {
  const next: Record<string, unknown> = { ...base, ...patch };
  for (const [key, value] of Object.entries(patch)) if (value === undefined) delete next[key];
  return next as T;
}

/** Sets route fields; `undefined` values remove optional fields. */
export function patchRoute(doc: ScenarioDoc, routeId: string, patch: RoutePatch): ScenarioDoc {
  return mapRoute(doc, routeId, (route) => withPatch(route, patch));
}

/** Replaces a route's polyline (vertex editing). Joins keep their chainage or point. */
export function setRouteLine(doc: ScenarioDoc, routeId: string, line: LonLat[]): ScenarioDoc {
  return mapRoute(doc, routeId, (route) => ({ ...route, line: line.map(([x, y]) => [x, y] as LonLat) }));
}

export function setWalkingWindow(
  doc: ScenarioDoc,
  routeId: string,
  index: number,
  window: WalkingWindow,
): ScenarioDoc {
  return mapRoute(doc, routeId, (route) => ({
    ...route,
    walkingHours: route.walkingHours.map((w, i) =>
      i === index ? ([window[0], window[1]] as WalkingWindow) : w,
    ),
  }));
}

/** Adds a walking window after the last one (a short evening window by default). */
export function addWalkingWindow(doc: ScenarioDoc, routeId: string): ScenarioDoc {
  return mapRoute(doc, routeId, (route) => {
    const last = route.walkingHours.reduce((m, w) => Math.max(m, w[1]), 0);
    const from = Math.min(23, last);
    return {
      ...route,
      walkingHours: [...route.walkingHours, [from, Math.min(24, from + 1)] as WalkingWindow],
    };
  });
}

export function removeWalkingWindow(doc: ScenarioDoc, routeId: string, index: number): ScenarioDoc {
  return mapRoute(doc, routeId, (route) => ({
    ...route,
    walkingHours: route.walkingHours.filter((_, i) => i !== index),
  }));
}

/** A unique route id derived from `base` (lower-case, safe characters). */
export function uniqueRouteId(doc: ScenarioDoc, base: string): string {
  const slug =
    base
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'route';
  const taken = new Set(doc.routes.map((r) => r.id));
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n++) {
    const id = `${slug}-${n}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * Dates on which a new join's walkers set out by default: the three days before Arbaeen (clamped to the
 * horizon), equal shares that sum to exactly 1.
 */
export function defaultDepartures(doc: ScenarioDoc): DepartureDoc[] {
  const { start, end } = doc.horizon;
  const dates: string[] = [];
  for (let k = 3; k >= 1; k--) {
    const d = addDays(doc.arbaeenDay, -k);
    if (d >= start && d < end) dates.push(d);
  }
  if (dates.length === 0) dates.push(start);
  return sharesSummingToOne(dates.map(() => 1)).map((share, i) => ({ date: dates[i], share }));
}

/** Normalises weights to shares that sum to 1 exactly (the remainder lands on the largest share). */
export function sharesSummingToOne(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + Math.max(0, b), 0);
  if (!(total > 0)) return weights.map((_, i) => (i === 0 ? 1 : 0));
  const shares = weights.map((w) => Math.round((Math.max(0, w) / total) * 1e6) / 1e6);
  const sum = shares.reduce((a, b) => a + b, 0);
  let largest = 0;
  shares.forEach((s, i) => {
    if (s > shares[largest]) largest = i;
  });
  shares[largest] = Math.round((shares[largest] + (1 - sum)) * 1e6) / 1e6;
  return shares;
}

/** A new walking route along `line` with one join at its origin and the default behaviour. */
export function newRoute(doc: ScenarioDoc, line: LonLat[], name: string, walkers = 10_000): RouteDoc {
  return {
    id: uniqueRouteId(doc, name),
    name,
    line: line.map(([x, y]) => [x, y] as LonLat),
    speedKmh: 4,
    walkingHours: [
      [5, 11],
      [16, 24],
    ],
    joins: [{ atKm: 0, walkers, departures: defaultDepartures(doc) }],
  };
}

export function addRoute(doc: ScenarioDoc, route: RouteDoc): ScenarioDoc {
  return { ...doc, routes: [...doc.routes, route] };
}

export function addRoutes(doc: ScenarioDoc, routes: readonly RouteDoc[]): ScenarioDoc {
  return routes.length === 0 ? doc : { ...doc, routes: [...doc.routes, ...routes] };
}

export function removeRoute(doc: ScenarioDoc, routeId: string): ScenarioDoc {
  const routes = doc.routes.filter((r) => r.id !== routeId);
  return routes.length === doc.routes.length ? doc : { ...doc, routes };
}

/** Result of placing a join by clicking near a route. */
export type JoinPlacement = { ok: true; atKm: number; offsetKm: number } | { ok: false; offsetKm: number };

/** Snaps a clicked point to the route; refuses clicks farther than `maxOffsetKm` from it. */
export function placeJoin(line: readonly LonLat[], at: LonLat, maxOffsetKm: number): JoinPlacement {
  if (line.length < 2) return { ok: false, offsetKm: Infinity };
  const snap = snapToRoute(line as LonLat[], at);
  if (snap.offsetKm > maxOffsetKm) return { ok: false, offsetKm: snap.offsetKm };
  const lengthKm = lineLengthKm(line as LonLat[]);
  return { ok: true, atKm: Math.round(Math.min(lengthKm, snap.atKm) * 1000) / 1000, offsetKm: snap.offsetKm };
}

/** Adds a join at chainage `atKm` with the default departure profile; joins stay sorted by chainage. */
export function addJoin(doc: ScenarioDoc, routeId: string, atKm: number, walkers = 5_000): ScenarioDoc {
  return mapRoute(doc, routeId, (route) => {
    const join: JoinDoc = { atKm, walkers, departures: defaultDepartures(doc) };
    const joins = [...route.joins, join];
    return { ...route, joins };
  });
}

export function removeJoin(doc: ScenarioDoc, routeId: string, joinIndex: number): ScenarioDoc {
  return mapRoute(doc, routeId, (route) => ({
    ...route,
    joins: route.joins.filter((_, i) => i !== joinIndex),
  }));
}

export function setJoinWalkers(
  doc: ScenarioDoc,
  routeId: string,
  joinIndex: number,
  walkers: number,
): ScenarioDoc {
  return mapJoin(doc, routeId, joinIndex, (join) => ({ ...join, walkers }));
}

/**
 * Sets one date's departure share (0–1). A date not yet in the profile is added (in date order); a
 * share of 0 removes it. The other shares are left alone: the sum is the user's to balance (or
 * `normaliseDepartures`), and validation reports a sum other than 1.
 */
export function setDepartureShare(
  doc: ScenarioDoc,
  routeId: string,
  joinIndex: number,
  date: string,
  share: number,
): ScenarioDoc {
  const value = Math.round(Math.min(1, Math.max(0, share)) * 1e4) / 1e4;
  return mapJoin(doc, routeId, joinIndex, (join) => {
    const others = join.departures.filter((d) => d.date !== date);
    const departures = value > 0 ? [...others, { date, share: value }] : others;
    departures.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    return { ...join, departures };
  });
}

/** Rescales a join's departure shares to sum to exactly 1. */
export function normaliseDepartures(doc: ScenarioDoc, routeId: string, joinIndex: number): ScenarioDoc {
  return mapJoin(doc, routeId, joinIndex, (join) => {
    const shares = sharesSummingToOne(join.departures.map((d) => d.share));
    return { ...join, departures: join.departures.map((d, i) => ({ ...d, share: shares[i] })) };
  });
}

/** The local dates of the scenario horizon (end exclusive). */
export function horizonDates(doc: Pick<ScenarioDoc, 'horizon'>): string[] {
  const n = daysBetween(doc.horizon.start, doc.horizon.end);
  return Array.from({ length: Math.max(0, n) }, (_, i) => addDays(doc.horizon.start, i));
}

export type SiteTypeDoc = ScenarioDoc['siteTypes'][number];

/** Site-type fields the site-types panel edits (cost, mast, utilisation cap, range override). */
export type SiteTypePatch = Partial<Pick<SiteTypeDoc, 'capexUsd' | 'heightM' | 'maxUtilization' | 'rangeKm'>>;

/** Sets site-type fields; `undefined` values remove optional fields (a cleared range override). */
export function patchSiteType(doc: ScenarioDoc, siteTypeId: string, patch: SiteTypePatch): ScenarioDoc {
  let hit = false;
  const siteTypes = doc.siteTypes.map((t) => {
    if (t.id !== siteTypeId) return t;
    hit = true;
    return withPatch(t, patch);
  });
  return hit ? { ...doc, siteTypes } : doc;
}

/**
 * Lets the planner place a site type or not (`planning.siteTypes`, kept in the order of `siteTypes`).
 * Existing sites keep their type either way.
 */
export function setPlannedSiteType(doc: ScenarioDoc, siteTypeId: string, planned: boolean): ScenarioDoc {
  const listed = doc.planning.siteTypes.includes(siteTypeId);
  if (listed === planned || !doc.siteTypes.some((t) => t.id === siteTypeId)) return doc;
  const wanted = new Set(doc.planning.siteTypes);
  if (planned) wanted.add(siteTypeId);
  else wanted.delete(siteTypeId);
  const ordered = doc.siteTypes.map((t) => t.id).filter((id) => wanted.has(id));
  // Ids the list names without a site type stay (the validation shows them), after the known ones.
  const unknown = doc.planning.siteTypes.filter((id) => wanted.has(id) && !ordered.includes(id));
  return { ...doc, planning: { ...doc.planning, siteTypes: [...ordered, ...unknown] } };
}

export type LinkBudgetDoc = NonNullable<SiteTypeDoc['linkBudget']>;

/**
 * Sets link-budget terms of a site type; `undefined` values remove optional terms (their defaults apply
 * again). A type without a link budget (a given range) is left as it is.
 */
export function patchLinkBudget(
  doc: ScenarioDoc,
  siteTypeId: string,
  patch: Partial<LinkBudgetDoc>,
): ScenarioDoc {
  const type = doc.siteTypes.find((t) => t.id === siteTypeId);
  if (!type?.linkBudget) return doc;
  const linkBudget = withPatch(type.linkBudget, patch);
  return { ...doc, siteTypes: doc.siteTypes.map((t) => (t === type ? { ...t, linkBudget } : t)) };
}

export type ExistingSiteDoc = NonNullable<ScenarioDoc['existingSites']>[number];

/** Appends existing sites (read from a file); ids already in the scenario get a numeric suffix. */
export function addExistingSites(doc: ScenarioDoc, sites: readonly ExistingSiteDoc[]): ScenarioDoc {
  if (sites.length === 0) return doc;
  const taken = new Set((doc.existingSites ?? []).map((s) => s.id));
  const added = sites.map((site) => {
    let id = site.id;
    for (let n = 2; taken.has(id); n++) id = `${site.id}-${n}`;
    taken.add(id);
    return { ...site, id };
  });
  return { ...doc, existingSites: [...(doc.existingSites ?? []), ...added] };
}

/** Removes every existing site. */
export function removeExistingSites(doc: ScenarioDoc): ScenarioDoc {
  return (doc.existingSites ?? []).length === 0 ? doc : { ...doc, existingSites: [] };
}
