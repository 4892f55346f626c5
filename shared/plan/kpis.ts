/** Headline figures of a plan. */
import type { PlacementResult } from '../placement';
import type { PlanKpis, PlannedSite, UnservedStretch } from './types';

/** KPIs from the placement and the plan's site list and unserved stretches. */
export function planKpis(
  placement: PlacementResult,
  sites: readonly PlannedSite[],
  unserved: readonly UnservedStretch[],
  computeMs: number,
  stageMs: Record<string, number>,
): PlanKpis {
  const { solution, instance } = placement;
  const newSitesByType: Record<string, number> = {};
  for (const s of sites) if (s.isNew) newSitesByType[s.siteTypeId] = (newSitesByType[s.siteTypeId] ?? 0) + 1;
  let peakDlMbps = 0;
  for (let t = 0; t < instance.stepCount; t++) {
    let x = 0;
    for (let u = 0; u < instance.unitCount; u++) x += instance.demandDlMbps[t * instance.unitCount + u];
    if (x > peakDlMbps) peakDlMbps = x;
  }
  let noCoverage = 0;
  let capacity = 0;
  for (const u of unserved) {
    if (u.reason === 'no-coverage') noCoverage += u.unservedMbpsHours;
    else capacity += u.unservedMbpsHours;
  }
  return {
    newSites: solution.newSites,
    newSitesByType,
    existingSitesUsed: sites.filter((s) => !s.isNew && s.peakServedDlMbps > 0).length,
    capexUsd: solution.capexUsd,
    lowerBoundUsd: solution.lowerBoundUsd,
    gap: solution.gap,
    unservedMbpsHours: solution.unservedMbpsHours,
    servedShare: solution.demandMbpsHours > 0 ? solution.servedMbpsHours / solution.demandMbpsHours : 1,
    peakDlMbps,
    computeMs,
    method: solution.method,
    capped: solution.capped,
    lpRelaxationUsd: solution.lpRelaxationUsd,
    demandMbpsHours: solution.demandMbpsHours,
    servedMbpsHours: solution.servedMbpsHours,
    unservedNoCoverageMbpsHours: noCoverage,
    unservedCapacityMbpsHours: capacity,
    stageMs,
  };
}
