/**
 * The link-budget terms of a site type a planner edits (site-types panel) and reviewers compare (compare
 * view), with their labels and units.
 */
import { LINK_BUDGET_LINE_NAMES, type LinkBudgetTermKey } from '../../shared/index';
import { locale, t, type MessageKey } from '../i18n/index';
import type { LinkBudgetDoc } from './scenario-edits';

/**
 * The link-budget terms a planner edits, labelled by the budget line they set (or their own message), in
 * the budget's order. Optional terms left empty take their defaults (the table below shows the value used).
 */
export const BUDGET_INPUTS: {
  field: keyof LinkBudgetDoc;
  label: LinkBudgetTermKey | MessageKey;
  unit: 'dB' | 'dBm' | 'dBi' | 'kHz' | 'm';
  step: number;
  optional?: true;
}[] = [
  { field: 'ueTxPowerDbm', label: 'ueTxPower', unit: 'dBm', step: 1 },
  { field: 'ueAntennaGainDbi', label: 'ueAntennaGain', unit: 'dBi', step: 1, optional: true },
  { field: 'bodyLossDb', label: 'bodyLoss', unit: 'dB', step: 0.5 },
  { field: 'bandwidthKHz', label: 'linkBudget.ulBandwidth', unit: 'kHz', step: 180 },
  { field: 'bsNoiseFigureDb', label: 'bsNoiseFigure', unit: 'dB', step: 0.5 },
  { field: 'requiredSinrDb', label: 'requiredSinrUl', unit: 'dB', step: 0.5 },
  { field: 'bsAntennaGainDbi', label: 'bsAntennaGain', unit: 'dBi', step: 0.5 },
  { field: 'feederLossDb', label: 'feederLoss', unit: 'dB', step: 0.5 },
  { field: 'interferenceMarginDb', label: 'interferenceMargin', unit: 'dB', step: 0.5 },
  { field: 'shadowMarginDb', label: 'shadowMargin', unit: 'dB', step: 0.5 },
  { field: 'penetrationLossDb', label: 'penetrationLoss', unit: 'dB', step: 1 },
  { field: 'bsTxPowerDbm', label: 'bsTxPower', unit: 'dBm', step: 1, optional: true },
  { field: 'ueNoiseFigureDb', label: 'ueNoiseFigure', unit: 'dB', step: 0.5, optional: true },
  { field: 'dlRequiredSinrDb', label: 'requiredSinrDl', unit: 'dB', step: 0.5, optional: true },
  { field: 'dlBandwidthKHz', label: 'linkBudget.dlBandwidth', unit: 'kHz', step: 180, optional: true },
  { field: 'ueHeightM', label: 'linkBudget.ueHeight', unit: 'm', step: 0.5, optional: true },
];

/** The field's label in the active language. */
export function budgetInputLabel(label: LinkBudgetTermKey | MessageKey): string {
  return label in LINK_BUDGET_LINE_NAMES.en
    ? LINK_BUDGET_LINE_NAMES[locale().id][label as LinkBudgetTermKey]
    : t(label as MessageKey);
}
