/**
 * File names of everything the app exports: `<scenario-name-slug>_r<revision>_<YYYY-MM-DD>.<ext>`, so a
 * folder of downloads sorts by scenario, then revision, then day, and a file says where it came from.
 */

/** Longest slug kept (file systems allow 255 bytes; Arabic letters take two bytes each in UTF-8). */
const MAX_SLUG_CHARS = 60;

/**
 * A file-name-safe form of a scenario name: lower case, accents of Latin letters dropped, any run of characters other than
 * letters and digits (of any script: Arabic and Persian names stay readable) turned into one `-`.
 * `"Arbaeen 2025 — +10 % pilgrims"` → `"arbaeen-2025-10-pilgrims"`; an empty result becomes `scenario`.
 */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    // Accents of Latin letters go (é → e); Arabic marks such as the hamza of أ stay.
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const cut = Array.from(slug).slice(0, MAX_SLUG_CHARS).join('').replace(/-+$/, '');
  return cut || 'scenario';
}

/** `YYYY-MM-DD` of a date in the user's own time zone (the day the file was made). */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * `<slug>_r<revision>_<YYYY-MM-DD>.<ext>`; without a revision (a scenario never saved) the `_r…` part is
 * left out. `ext` is given without the dot (`csv`, `geojson`, `kml`, `html`, `png`, `json`).
 */
export function exportFileName(
  scenarioName: string,
  revision: number | null,
  ext: string,
  made: Date = new Date(),
): string {
  const rev = revision === null ? '' : `_r${revision}`;
  return `${slugify(scenarioName)}${rev}_${isoDay(made)}.${ext.replace(/^\./, '')}`;
}
