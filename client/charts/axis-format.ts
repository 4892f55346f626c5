/**
 * Axis tick labels in the active language: numbers through the app's number formatting (Arabic-Indic
 * digits in Arabic, Persian digits in Persian) and dates as the language writes them ("11 Aug",
 * "١١ آب", "۱۱ اوت"), Gregorian, instead of uPlot's defaults (Latin digits, US month/day).
 */
import { formatNumber, GREGORIAN, locale, localiseDigits } from '../i18n/index';

const DAY_S = 86_400;

interface TimeFormats {
  tag: string;
  dayMonth: Intl.DateTimeFormat;
  monthYear: Intl.DateTimeFormat;
  year: Intl.DateTimeFormat;
  time: Intl.DateTimeFormat;
}

let formats: TimeFormats | null = null;

function timeFormats(): TimeFormats {
  const tag = locale().tag;
  if (formats?.tag !== tag) {
    // Local-epoch seconds hold local wall time: formatted as UTC, as the charts draw them.
    const base = { ...GREGORIAN, timeZone: 'UTC' } as const;
    formats = {
      tag,
      dayMonth: new Intl.DateTimeFormat(tag, { ...base, day: 'numeric', month: 'short' }),
      monthYear: new Intl.DateTimeFormat(tag, { ...base, month: 'short', year: 'numeric' }),
      year: new Intl.DateTimeFormat(tag, { ...base, year: 'numeric' }),
      time: new Intl.DateTimeFormat(tag, { ...base, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    };
  }
  return formats;
}

/**
 * Labels of a time axis whose splits are local-epoch seconds `incr` seconds apart: hours and minutes
 * below a day, with the date under the first tick of each day; day and month from a day up, with the
 * year under the first tick; month and year from a month up.
 */
export function timeAxisValues(splits: readonly number[], incr: number): string[] {
  const f = timeFormats();
  let lastDay = '';
  return splits.map((s, i) => {
    if (s == null) return '';
    const date = new Date(s * 1000);
    if (incr >= 28 * DAY_S) return f.monthYear.format(date);
    const day = f.dayMonth.format(date);
    if (incr >= DAY_S) return i === 0 ? `${day}\n${f.year.format(date)}` : day;
    const time = f.time.format(date);
    const label = day !== lastDay ? `${time}\n${day}` : time;
    lastDay = day;
    return label;
  });
}

/** Fraction digits of a tick increment (0.25 → 2, 5 → 0). */
export function incrementDigits(incr: number): number {
  if (!Number.isFinite(incr) || incr <= 0) return 0;
  const fraction = String(Number(incr.toPrecision(6))).split('.')[1] ?? '';
  return Math.min(6, fraction.includes('e') ? 6 : fraction.length);
}

/** Labels of a numeric axis, with as many fraction digits as the tick increment has. */
export function numberAxisValues(splits: readonly number[], incr: number): string[] {
  const digits = incrementDigits(incr);
  return splits.map((v) => (v == null ? '' : formatNumber(v, digits, digits)));
}

/** An identifier made of digits (a pole number), in the language's digits without grouping. */
export function digitsLabel(n: number): string {
  return localiseDigits(String(n));
}
