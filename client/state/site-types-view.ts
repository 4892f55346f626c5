/**
 * What the site-types panel shows for each site type of the open document: its editable fields and what
 * the radio models make of them (range and what bounds it, DL/UL capacity, model validity), computed with
 * the same shared functions the planner uses, so the panel shows the range the plan will use.
 */
import {
  siteLoadLimit,
  siteRangeKm,
  siteTypeSchema,
  type LinkBudgetResult,
  type Note,
  type SiteRange,
} from '../../shared/index';
import type { ScenarioDoc, SiteTypeDoc } from './scenario-edits';

/** The radio figures of a valid site type. */
export interface SiteTypeRadio {
  rangeKm: number;
  boundBy: SiteRange['boundBy'];
  limiting?: 'uplink' | 'downlink';
  maplDb?: number;
  /** Carrier the range is computed at (the lowest), MHz. */
  freqMHz?: number;
  dlMbps: number;
  ulMbps: number;
  /**
   * DL Mbps the planner may load the site with: DL × maxUtilization, or less where the uplink that comes
   * with it at the scenario's uplink share reaches maxUtilization first (`limitedBy` 'UL').
   */
  usableDlMbps: number;
  maxUtilization: number;
  limitedBy: 'DL' | 'UL';
  /** The uplink share the load limit was computed at. */
  uplinkShare: number;
  /** Inputs outside the propagation model's validity range (empty when inside). */
  validity: Note[];
  /** The itemised UL and DL budgets the range comes from (absent for a given range). */
  linkBudget?: LinkBudgetResult;
}

/** One row of the panel. */
export interface SiteTypeRow {
  index: number;
  type: SiteTypeDoc;
  /** The planner may place it (`planning.siteTypes`). */
  planned: boolean;
  /** Existing sites of this type. */
  existingSites: number;
  /** Null while the type's fields are invalid (the validation panel says why). */
  radio: SiteTypeRadio | null;
}

/** The rows of the site-types panel, in the document's order. */
export function siteTypeRows(doc: ScenarioDoc): SiteTypeRow[] {
  const planned = new Set(doc.planning.siteTypes);
  // An uplink share outside [0, 1) is the demand panel's field error; the cards count the downlink alone.
  const share = doc.demand.uplinkShare;
  const uplinkShare = share >= 0 && share < 1 ? share : 0;
  return doc.siteTypes.map((type, index) => ({
    index,
    type,
    planned: planned.has(type.id),
    existingSites: (doc.existingSites ?? []).filter((s) => s.siteType === type.id).length,
    radio: radioOf(type, uplinkShare),
  }));
}

function radioOf(type: SiteTypeDoc, uplinkShare: number): SiteTypeRadio | null {
  const parsed = siteTypeSchema.safeParse(type);
  if (!parsed.success) return null;
  try {
    const range = siteRangeKm(parsed.data);
    const load = siteLoadLimit({ siteType: parsed.data, uplinkShare });
    return {
      rangeKm: range.rangeKm,
      boundBy: range.boundBy,
      limiting: range.limiting,
      maplDb: range.maplDb,
      freqMHz: range.freqMHz,
      dlMbps: load.capacityDlMbps,
      ulMbps: load.capacityUlMbps,
      usableDlMbps: load.usableDlMbps,
      maxUtilization: parsed.data.maxUtilization,
      limitedBy: load.limitedBy,
      uplinkShare,
      validity: range.validity.notes,
      linkBudget: range.linkBudget,
    };
  } catch {
    // A link budget the models cannot evaluate (RangeError): shown as "no range" until fixed.
    return null;
  }
}
