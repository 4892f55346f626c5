/**
 * Local time arithmetic for scenarios. Scenario times are local wall-clock times in a fixed-offset zone
 * (Asia/Baghdad is UTC+3 with no daylight saving), so we count minutes on a "local epoch": minutes since
 * 1970-01-01T00:00 local. Offsets only matter when showing instants to other systems.
 */

/** UTC offsets, minutes, of the zones scenarios may name (none of them observes daylight saving). */
export const utcOffsetMinutesByZone: Readonly<Record<string, number>> = {
  'Asia/Baghdad': 180,
  'Asia/Tehran': 210,
  'Asia/Riyadh': 180,
  'Asia/Kuwait': 180,
  UTC: 0,
};

const MINUTES_PER_DAY = 1440;

/** Minutes since the local epoch at local midnight of `date` (YYYY-MM-DD). */
export function localDateToMinutes(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 60_000;
}

/** Minutes since the local epoch of a local date-time `YYYY-MM-DDTHH:mm`. */
export function localDateTimeToMinutes(dateTime: string): number {
  const hh = Number(dateTime.slice(11, 13));
  const mm = Number(dateTime.slice(14, 16));
  return localDateToMinutes(dateTime.slice(0, 10)) + hh * 60 + mm;
}

/** Local date-time text `YYYY-MM-DDTHH:mm` for minutes since the local epoch. */
export function minutesToLocalDateTime(minutes: number): string {
  return new Date(minutes * 60_000).toISOString().slice(0, 16);
}

/** Local date text `YYYY-MM-DD` for minutes since the local epoch. */
export function minutesToLocalDate(minutes: number): string {
  return new Date(minutes * 60_000).toISOString().slice(0, 10);
}

/** ISO 8601 text with the zone's offset, e.g. `2025-08-14T06:00+03:00`. */
export function minutesToOffsetIso(minutes: number, utcOffsetMinutes: number): string {
  const sign = utcOffsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(utcOffsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${minutesToLocalDateTime(minutes)}${sign}${hh}:${mm}`;
}

/** Whole days from `fromDate` to `toDate` (both YYYY-MM-DD). */
export function daysBetween(fromDate: string, toDate: string): number {
  return Math.round((localDateToMinutes(toDate) - localDateToMinutes(fromDate)) / MINUTES_PER_DAY);
}

/** Local date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return minutesToLocalDate(localDateToMinutes(date) + days * MINUTES_PER_DAY);
}

/**
 * Safar day number of a local date, given the scenario's Arbaeen day (20 Safar). Returns undefined
 * outside Safar (1–30), where the Hijri month would need the moon sighting.
 */
export function safarDay(date: string, arbaeenDay: string): number | undefined {
  const day = 20 + daysBetween(arbaeenDay, date);
  return day >= 1 && day <= 30 ? day : undefined;
}
