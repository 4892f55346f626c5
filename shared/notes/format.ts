/** Writes a note in one of the app's languages: the sentence with its values in that language's numbers. */
import { NOTE_CATALOGUES, type NoteCatalogue, type NoteLanguage } from './catalog';
import type { Note, NoteParam, NoteQuantity, NoteRange } from './note';

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(tag: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${tag} ${JSON.stringify(options)}`;
  let f = formats.get(id);
  if (!f) {
    f = new Intl.NumberFormat(tag, options);
    formats.set(id, f);
  }
  return f;
}

function isQuantity(p: NoteParam): p is NoteQuantity {
  return typeof p === 'object' && 'unit' in p;
}

function isRange(p: NoteParam): p is NoteRange {
  return typeof p === 'object' && 'from' in p;
}

/** A count or an amount: grouped, up to three decimals (as `toLocaleString` writes it). */
function plainNumber(c: NoteCatalogue, x: number): string {
  return numberFormat(c.tag, { maximumFractionDigits: 3 }).format(x);
}

/** A measured value: four significant digits, whole above 1000, no grouping ("3500", "1.5", "0.02"). */
function measuredNumber(c: NoteCatalogue, x: number): string {
  return Math.abs(x) >= 1000
    ? numberFormat(c.tag, { useGrouping: false, maximumFractionDigits: 0 }).format(x)
    : numberFormat(c.tag, { useGrouping: false, maximumSignificantDigits: 4 }).format(x);
}

function quantity(c: NoteCatalogue, q: NoteQuantity): string {
  return `${measuredNumber(c, q.value)} ${c.units[q.unit]}`;
}

function param(c: NoteCatalogue, p: NoteParam): string {
  if (typeof p === 'string') return p;
  if (typeof p === 'number') return plainNumber(c, p);
  if (isQuantity(p)) return quantity(c, p);
  if (isRange(p)) {
    return p.from.unit === p.to.unit
      ? `${measuredNumber(c, p.from.value)}–${measuredNumber(c, p.to.value)} ${c.units[p.to.unit]}`
      : `${quantity(c, p.from)}–${quantity(c, p.to)}`;
  }
  return write(c, p);
}

function write(c: NoteCatalogue, n: Note): string {
  const params = n.params ?? {};
  return c.sentences[n.key].replace(
    /\{(\w+)(?::([^|}]*)\|([^}]*))?\}/g,
    (whole, name: string, one, other) => {
      const v = params[name];
      if (v === undefined) return whole;
      if (one === undefined || typeof v !== 'number') return param(c, v);
      const noun = new Intl.PluralRules(c.tag).select(v) === 'one' ? (one as string) : (other as string);
      return `${plainNumber(c, v)} ${noun}`;
    },
  );
}

/** The note as a sentence in `lang` (English by default). */
export function formatNote(n: Note, lang: NoteLanguage = 'en'): string {
  return write(NOTE_CATALOGUES[lang], n);
}
