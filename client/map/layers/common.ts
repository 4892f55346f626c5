import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';

/** `visible` → MapLibre's layout visibility value. */
export function visibility(visible: boolean): 'visible' | 'none' {
  return visible ? 'visible' : 'none';
}

/** A filter that hides the features of the given routes (property `routeId`), or undefined for none. */
export function hiddenRoutesFilter(hiddenRouteIds: readonly string[]): FilterSpecification | undefined {
  if (hiddenRouteIds.length === 0) return undefined;
  return ['!', ['in', ['get', 'routeId'], ['literal', [...hiddenRouteIds]]]];
}

/** A numeric feature-state value that reads as 0 until the first time step sets it. */
export function stateNumber(key: string): ExpressionSpecification {
  return ['coalesce', ['feature-state', key], 0] as ExpressionSpecification;
}

/** Adds `filter` to a layer only when there is one (MapLibre rejects `filter: undefined` in strict checks). */
export function withFilter<T extends object>(layer: T, filter: FilterSpecification | undefined): T {
  return filter === undefined ? layer : { ...layer, filter };
}
