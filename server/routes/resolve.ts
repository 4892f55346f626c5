import { ApiError } from '../middleware/api-error';
import type { ResolvedRevision, ScenarioStore } from '../store/scenario-store';

/** The requested (or latest) revision of a live scenario, or a 404 naming what is missing. */
export function resolveRevision(
  store: ScenarioStore,
  id: string,
  revision: number | undefined,
  where: string,
): ResolvedRevision {
  const target = store.resolve(id, revision);
  if (target) return target;
  if (!store.get(id)) throw new ApiError('not_found', `no scenario "${id}"`, 'params.id');
  throw new ApiError('not_found', `scenario "${id}" has no revision ${revision}`, where);
}
