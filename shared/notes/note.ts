/**
 * Notes the models and the optimiser attach to a plan (model-validity warnings, solver notes), kept as a
 * key and its values so that the app and the report can write them in the reader's language
 * (`formatNote`, catalogues in `catalog.ts`). The English text is what the CLI and the API's `warnings`
 * carry.
 */
import type { NoteKey } from './catalog';

/** A physical quantity in a note: the number in the unit given, written with the language's unit word. */
export interface NoteQuantity {
  value: number;
  unit: NoteUnit;
}

/** A range of quantities ("150–1500 MHz", "10 m–5 km"). */
export interface NoteRange {
  from: NoteQuantity;
  to: NoteQuantity;
}

/** Units notes write quantities in. */
export const NOTE_UNITS = ['MHz', 'GHz', 'm', 'km'] as const;
export type NoteUnit = (typeof NOTE_UNITS)[number];

/** A value in a note: text as it is, a number (grouped, whole), a quantity, a range, or a note inside it. */
export type NoteParam = string | number | NoteQuantity | NoteRange | Note;

/** One note: which sentence, and the values to fill in. */
export interface Note {
  key: NoteKey;
  params?: Readonly<Record<string, NoteParam>>;
}

/** A note with its values (a shorthand for the object literal). */
export function note(key: NoteKey, params?: Readonly<Record<string, NoteParam>>): Note {
  return params ? { key, params } : { key };
}

/** The notes without repeats (the same sentence with the same values), in first-seen order. */
export function uniqueNotes(notes: readonly Note[]): Note[] {
  const seen = new Set<string>();
  return notes.filter((n) => {
    const id = JSON.stringify(n);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
