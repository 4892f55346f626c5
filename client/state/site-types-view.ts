/**
 * What the site-types panel shows for each site type of the open document: its editable fields and what
 * the radio models make of them (range and what bounds it, DL/UL capacity, model validity), computed with
 * the same shared functions the planner uses, so the panel shows the range the plan will use.
 */
import {
  siteCapacityMbps,
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
  /** DL Mbps the planner may load the site with (DL × maxUtilization). */
  usableDlMbps: number;
  maxUtilization: number;
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
  return doc.siteTypes.map((type, index) => ({
    index,
    type,
    planned: planned.has(type.id),
    existingSites: (doc.existingSites ?? []).filter((s) => s.siteType === type.id).length,
    radio: radioOf(type),
  }));
}

function radioOf(type: SiteTypeDoc): SiteTypeRadio | null {
  const parsed = siteTypeSchema.safeParse(type);
  if (!parsed.success) return null;
  try {
    const range = siteRangeKm(parsed.data);
    const capacity = siteCapacityMbps(parsed.data);
    return {
      rangeKm: range.rangeKm,
      boundBy: range.boundBy,
      limiting: range.limiting,
      maplDb: range.maplDb,
      freqMHz: range.freqMHz,
      dlMbps: capacity.dlMbps,
      ulMbps: capacity.ulMbps,
      usableDlMbps: capacity.dlMbps * parsed.data.maxUtilization,
      maxUtilization: parsed.data.maxUtilization,
      validity: range.validity.notes,
      linkBudget: range.linkBudget,
    };
  } catch {
    // A link budget the models cannot evaluate (RangeError): shown as "no range" until fixed.
    return null;
  }
}
