import Papa from 'papaparse';
import type { ImportSitesResponse, SiteCandidate } from '../../shared/api';
import { ApiError } from '../middleware/api-error';
import { parseCoordinate } from './coordinates';

type Field = 'id' | 'name' | 'lon' | 'lat' | 'siteType';

/**
 * Most rows one import reads: an operator's site list along the pilgrim roads is hundreds of rows, a
 * national one some thousands. Beyond it the file is refused at once (a 5 MB body holds ~600,000 rows).
 */
export const MAX_SITE_ROWS = 20_000;

/** Header aliases, compared lower-case with spaces, `_` and `-` removed. */
const ALIASES: Record<Field, readonly string[]> = {
  id: ['id', 'siteid', 'code', 'sitecode', 'ref'],
  name: ['name', 'sitename', 'site', 'title', 'label'],
  lon: ['lon', 'longitude', 'lng', 'long', 'x', 'londeg', 'longitudedeg', 'easting'],
  lat: ['lat', 'latitude', 'y', 'latdeg', 'latitudedeg', 'northing'],
  siteType: ['type', 'sitetype', 'kind', 'class', 'category'],
};

const norm = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s_\-.()]/g, '');

/** A valid id from free text: letters, digits, `-`, `_`, `.`, starting with a letter or digit. */
function toId(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/-+$/, '')
    .slice(0, 80);
}

/**
 * Reads existing sites from CSV: columns found by header name (case-insensitive aliases: name/id,
 * lon/longitude/lng, lat/latitude, type/siteType), coordinates in decimal degrees or DMS. Rows that cannot
 * be read are listed in `problems` with their row number and column; ids are made unique.
 */
export function readSitesCsv(text: string, defaultSiteType?: string): ImportSitesResponse {
  const seen = new Set<string>();
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    // One row more than allowed is enough to refuse the file; the rest is not parsed.
    preview: MAX_SITE_ROWS + 1,
    // Unique header names (a repeated header keeps its first use; later ones get their column number).
    transformHeader: (h, index) => {
      const name = seen.has(h.trim()) ? `${h.trim()} (${index + 1})` : h.trim();
      seen.add(name);
      return name;
    },
  });
  const headers = parsed.meta.fields ?? [];
  const columns: Record<Field, string | null> = {
    id: null,
    name: null,
    lon: null,
    lat: null,
    siteType: null,
  };
  for (const field of Object.keys(ALIASES) as Field[]) {
    columns[field] = headers.find((h) => ALIASES[field].includes(norm(h))) ?? null;
  }
  if (!columns.lon || !columns.lat) {
    throw new ApiError(
      'invalid_file',
      `no ${!columns.lon ? 'longitude' : 'latitude'} column; headers found: ${headers.join(', ') || '(none)'}`,
      '',
    );
  }
  if (parsed.data.length > MAX_SITE_ROWS) {
    throw new ApiError(
      'invalid_file',
      `more than ${MAX_SITE_ROWS.toLocaleString('en-US')} rows; import the sites near the routes, or split the file`,
      '',
    );
  }
  const sites: SiteCandidate[] = [];
  const problems: ImportSitesResponse['problems'] = [];
  const used = new Set<string>();
  /** Per id, the next suffix to try: repeated names cost one lookup each, not one per earlier repeat. */
  const nextSuffix = new Map<string, number>();
  parsed.data.forEach((record, i) => {
    const row = i + 1;
    const get = (f: Field) => (columns[f] ? String(record[columns[f] as string] ?? '').trim() : '');
    const lon = parseCoordinate(get('lon'), 'lon');
    const lat = parseCoordinate(get('lat'), 'lat');
    for (const [c, column] of [
      [lon, columns.lon],
      [lat, columns.lat],
    ] as const) {
      if (!c.ok)
        problems.push({ row, path: column as string, message: c.message, code: c.code, params: c.params });
    }
    if (!lon.ok || !lat.ok) return;
    const name = (get('name') || get('id') || `Site ${row}`).slice(0, 200);
    let id = toId(get('id') || get('name')) || `site-${row}`;
    if (used.has(id)) {
      let k = nextSuffix.get(id) ?? 2;
      while (used.has(`${id}-${k}`)) k++;
      nextSuffix.set(id, k + 1);
      id = `${id}-${k}`;
    }
    used.add(id);
    const type = get('siteType');
    sites.push({
      row,
      id,
      name,
      lon: lon.value,
      lat: lat.value,
      siteType: type ? toId(type) || null : (defaultSiteType ?? null),
    });
  });
  for (const e of parsed.errors) {
    if (e.code === 'UndetectableDelimiter') continue;
    // Papaparse counts quote errors' rows with the header as row 0, field-count errors' rows from the
    // first data row as 0; both become our 1-based data row.
    const row = e.type === 'Quotes' ? (e.row ?? 0) : (e.row ?? -1) + 1;
    const record = parsed.data[row - 1] as Record<string, unknown> | undefined;
    problems.push({ row, path: '', message: e.message, ...syntaxProblem(e.code, headers.length, record) });
  }
  // By row (stable: within a row, in the order found; syntax problems were found after the rest).
  problems.sort((a, b) => a.row - b.row);
  return { sites, problems, columns };
}

/** The code and values of a papaparse error, for the app to word in its language. */
function syntaxProblem(
  code: Papa.ParseError['code'],
  expected: number,
  record: Record<string, unknown> | undefined,
): Pick<ImportSitesResponse['problems'][number], 'code' | 'params'> {
  if (code === 'MissingQuotes') return { code: 'quoteNotClosed' };
  if (code === 'InvalidQuotes') return { code: 'badQuotes' };
  if ((code === 'TooFewFields' || code === 'TooManyFields') && record) {
    // Papaparse keeps a row's fields beyond the header under __parsed_extra.
    const extra = record.__parsed_extra;
    const fields =
      Object.keys(record).filter((k) => k !== '__parsed_extra').length +
      (Array.isArray(extra) ? extra.length : 0);
    return {
      code: code === 'TooFewFields' ? 'tooFewFields' : 'tooManyFields',
      params: { expected, parsed: fields },
    };
  }
  return {};
}
