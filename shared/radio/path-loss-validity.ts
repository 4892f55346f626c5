/**
 * Validity ranges of the path-loss models: each model was fitted (or specified) over a range of frequency,
 * antenna heights and distance; outside it we still compute, but say so in words the UI and reports show.
 */
import type { PropagationModel } from '../scenario/site-type';
import type { PathLossInput } from './path-loss';
import { formatNote, note, type Note, type NoteQuantity } from '../notes';

/** Result of `pathLossValidity`: `valid` is false when any input is outside the model's range. */
export interface PathLossValidity {
  valid: boolean;
  /** One human-readable sentence per input outside the range, e.g. "Hata: 3500 MHz is outside …". */
  warnings: string[];
  /** The same, as notes the app and the report write in the reader's language. */
  notes: Note[];
}

/** A closed range [min, max]. */
interface Range {
  min: number;
  max: number;
}

interface ModelRanges {
  label: string;
  freqMHz?: Range;
  /** Frequencies shown in GHz in warnings (38.901) rather than MHz (Hata family). */
  freqInGHz?: boolean;
  txHeightM?: Range;
  /** The single base height the model was derived for (38.901 UMa 25 m, UMi 10 m). */
  txHeightExactM?: number;
  rxHeightM?: Range;
  distanceKm?: Range;
}

const HATA_COMMON = {
  txHeightM: { min: 30, max: 200 },
  rxHeightM: { min: 1, max: 10 },
  distanceKm: { min: 1, max: 20 },
};

/** Ranges per model (Hata 1980; COST 231 final report §4.4; 3GPP TR 38.901 Table 7.4.1-1 and §7.4.1). */
const RANGES: Record<PropagationModel, ModelRanges> = {
  fspl: { label: 'Free space' },
  'hata-urban-small': {
    label: 'Hata urban (small/medium city)',
    freqMHz: { min: 150, max: 1500 },
    ...HATA_COMMON,
  },
  'hata-urban-large': { label: 'Hata urban (large city)', freqMHz: { min: 150, max: 1500 }, ...HATA_COMMON },
  'hata-suburban': { label: 'Hata suburban', freqMHz: { min: 150, max: 1500 }, ...HATA_COMMON },
  'hata-open': { label: 'Hata open area', freqMHz: { min: 150, max: 1500 }, ...HATA_COMMON },
  'cost231-medium': {
    label: 'COST-231 Hata (medium city)',
    freqMHz: { min: 1500, max: 2000 },
    ...HATA_COMMON,
  },
  'cost231-metro': {
    label: 'COST-231 Hata (metropolitan)',
    freqMHz: { min: 1500, max: 2000 },
    ...HATA_COMMON,
  },
  // 38.901 §7.4.1: RMa is specified for 0.5–30 GHz (measurements up to 24 GHz); hBS 10–150 m, hUT 1–10 m.
  'rma-los': {
    label: '38.901 RMa LOS',
    freqMHz: { min: 500, max: 30_000 },
    freqInGHz: true,
    txHeightM: { min: 10, max: 150 },
    rxHeightM: { min: 1, max: 10 },
    distanceKm: { min: 0.01, max: 10 },
  },
  'rma-nlos': {
    label: '38.901 RMa NLOS',
    freqMHz: { min: 500, max: 30_000 },
    freqInGHz: true,
    txHeightM: { min: 10, max: 150 },
    rxHeightM: { min: 1, max: 10 },
    distanceKm: { min: 0.01, max: 5 },
  },
  'uma-los': {
    label: '38.901 UMa LOS',
    freqMHz: { min: 500, max: 100_000 },
    freqInGHz: true,
    txHeightExactM: 25,
    rxHeightM: { min: 1.5, max: 22.5 },
    distanceKm: { min: 0.01, max: 5 },
  },
  'uma-nlos': {
    label: '38.901 UMa NLOS',
    freqMHz: { min: 500, max: 100_000 },
    freqInGHz: true,
    txHeightExactM: 25,
    rxHeightM: { min: 1.5, max: 22.5 },
    distanceKm: { min: 0.01, max: 5 },
  },
  'umi-los': {
    label: '38.901 UMi LOS',
    freqMHz: { min: 500, max: 100_000 },
    freqInGHz: true,
    txHeightExactM: 10,
    rxHeightM: { min: 1.5, max: 22.5 },
    distanceKm: { min: 0.01, max: 5 },
  },
  'umi-nlos': {
    label: '38.901 UMi NLOS',
    freqMHz: { min: 500, max: 100_000 },
    freqInGHz: true,
    txHeightExactM: 10,
    rxHeightM: { min: 1.5, max: 22.5 },
    distanceKm: { min: 0.01, max: 5 },
  },
};

function outside(r: Range, x: number): boolean {
  return x < r.min || x > r.max;
}

function freq(mhz: number, inGHz: boolean): NoteQuantity {
  return inGHz ? { value: mhz / 1000, unit: 'GHz' } : { value: mhz, unit: 'MHz' };
}

function distance(km: number): NoteQuantity {
  return km >= 1 || km === 0 ? { value: km, unit: 'km' } : { value: km * 1000, unit: 'm' };
}

function metres(m: number): NoteQuantity {
  return { value: m, unit: 'm' };
}

/**
 * Says whether `model` is being used inside the range it was fitted over (frequency in MHz, ground distance
 * in km, antenna heights in m) and, for each input outside it, returns a sentence such as
 * "Hata urban (small/medium city): 3500 MHz is outside 150–1500 MHz; extrapolating". Free space has no
 * range. Throws RangeError on negative or non-finite inputs.
 */
export function pathLossValidity(p: PathLossInput): PathLossValidity {
  for (const [name, v] of [
    ['freqMHz', p.freqMHz],
    ['distanceKm', p.distanceKm],
    ['txHeightM', p.txHeightM],
    ['rxHeightM', p.rxHeightM],
  ] as const) {
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`${name} must be a finite number ≥ 0 (got ${v})`);
  }
  const r = RANGES[p.model];
  if (r === undefined) throw new RangeError(`unknown propagation model ${String(p.model)}`);
  const notes: Note[] = [];
  const model = r.label;
  const ghz = r.freqInGHz === true;
  if (r.freqMHz && outside(r.freqMHz, p.freqMHz)) {
    const range = { from: freq(r.freqMHz.min, ghz), to: freq(r.freqMHz.max, ghz) };
    notes.push(note('outsideFreq', { model, value: freq(p.freqMHz, ghz), range }));
  }
  if (r.txHeightM && outside(r.txHeightM, p.txHeightM)) {
    const range = { from: metres(r.txHeightM.min), to: metres(r.txHeightM.max) };
    notes.push(note('outsideTxHeight', { model, value: metres(p.txHeightM), range }));
  }
  if (r.txHeightExactM !== undefined && p.txHeightM !== r.txHeightExactM) {
    notes.push(
      note('otherTxHeight', { model, value: metres(p.txHeightM), expected: metres(r.txHeightExactM) }),
    );
  }
  if (r.rxHeightM && outside(r.rxHeightM, p.rxHeightM)) {
    const range = { from: metres(r.rxHeightM.min), to: metres(r.rxHeightM.max) };
    notes.push(note('outsideRxHeight', { model, value: metres(p.rxHeightM), range }));
  }
  if (r.distanceKm && outside(r.distanceKm, p.distanceKm)) {
    const range = { from: distance(r.distanceKm.min), to: distance(r.distanceKm.max) };
    notes.push(note('outsideDistance', { model, value: distance(p.distanceKm), range }));
  }
  return { valid: notes.length === 0, warnings: notes.map((n) => formatNote(n)), notes };
}
