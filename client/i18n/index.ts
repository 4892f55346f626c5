import { ar } from './ar';
import { en, type MessageKey, type Messages } from './en';
import { fa } from './fa';

export type { MessageKey, Messages };

/** The UI languages. */
export type LocaleId = 'en' | 'ar' | 'fa';

/**
 * A UI language: its catalogue, the BCP 47 tag used for number and date formatting, the `lang` set on
 * <html>, its writing direction, its name in its own language (for the switcher) and the script the map
 * labels use.
 */
export interface Locale {
  id: LocaleId;
  tag: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  nativeName: string;
  labelScript: 'latin' | 'arabic';
  messages: Messages;
}

/** Locales the app knows, in the order the switcher lists them. */
export const locales: Readonly<Record<LocaleId, Locale>> = {
  en: {
    id: 'en',
    tag: 'en-GB',
    lang: 'en',
    dir: 'ltr',
    nativeName: 'English',
    labelScript: 'latin',
    messages: en,
  },
  ar: {
    id: 'ar',
    tag: 'ar-IQ',
    lang: 'ar',
    dir: 'rtl',
    nativeName: 'العربية',
    labelScript: 'arabic',
    messages: ar,
  },
  fa: {
    id: 'fa',
    tag: 'fa-IR',
    lang: 'fa',
    dir: 'rtl',
    nativeName: 'فارسی',
    labelScript: 'arabic',
    messages: fa,
  },
};

/** Where the chosen language is remembered (localStorage). */
export const LOCALE_STORAGE_KEY = 'arbaeen-planner.locale';

let current: Locale = locales.en;
const numberFormats = new Map<string, Intl.NumberFormat>();
let digitMap: string[] | null = null;

function isLocaleId(id: string | null | undefined): id is LocaleId {
  return id === 'en' || id === 'ar' || id === 'fa';
}

/** Switches the UI language and sets `lang`/`dir` on the document (panels re-render on their own). */
export function setLocale(
  id: string,
  root: HTMLElement | null = globalThis.document?.documentElement ?? null,
): void {
  current = isLocaleId(id) ? locales[id] : locales.en;
  numberFormats.clear();
  const digits = new Intl.NumberFormat(current.tag, { useGrouping: false }).format(1234567890);
  digitMap = digits === '1234567890' ? null : [...digits.slice(-1), ...digits.slice(0, 9)];
  if (root) {
    root.lang = current.lang;
    root.dir = current.dir;
  }
}

/** The active locale. */
export function locale(): Locale {
  return current;
}

/**
 * The language to start in: `?lang=` in the address, else the one remembered from the last visit, else
 * English.
 */
export function initialLocaleId(
  search: string = globalThis.location?.search ?? '',
  storage: Pick<Storage, 'getItem'> | null = safeStorage(),
): LocaleId {
  const fromUrl = new URLSearchParams(search).get('lang');
  if (isLocaleId(fromUrl)) return fromUrl;
  const stored = storage?.getItem(LOCALE_STORAGE_KEY);
  return isLocaleId(stored) ? stored : 'en';
}

/** Remembers the chosen language for the next visit. */
export function rememberLocale(id: LocaleId, storage: Pick<Storage, 'setItem'> | null = safeStorage()): void {
  try {
    storage?.setItem(LOCALE_STORAGE_KEY, id);
  } catch {
    // Private browsing may refuse storage: the choice then lasts for this page only.
  }
}

function safeStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** ASCII digits written in the locale's digits (Arabic-Indic for Arabic, Persian for Persian). */
export function localiseDigits(text: string): string {
  const map = digitMap;
  return map ? text.replace(/[0-9]/g, (d) => map[Number(d)]) : text;
}

/**
 * The message for `key` in the active language, with `{name}` placeholders filled from `params`.
 * Numbers are formatted for the locale, and so are parameters made of digits only (revision and pole
 * numbers, days); pass preformatted text for units and precision.
 */
export function t(key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  const text = current.messages[key] ?? en[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    if (typeof v === 'number') return formatNumber(v);
    return /^[0-9]+$/.test(v) ? localiseDigits(v) : v;
  });
}

/** A number in the active locale with at most `maxDigits` fraction digits. */
export function formatNumber(value: number, maxDigits = 0, minDigits = 0): string {
  if (!Number.isFinite(value)) return '—';
  const key = `${maxDigits}:${minDigits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(current.tag, {
      maximumFractionDigits: maxDigits,
      minimumFractionDigits: Math.min(minDigits, maxDigits),
    });
    numberFormats.set(key, f);
  }
  return f.format(value);
}

/** A number with about three significant digits (1.23, 12.3, 123, 1,234), for values of any size. */
export function formatSignificant(value: number): string {
  const a = Math.abs(value);
  if (a >= 100) return formatNumber(value, 0);
  if (a >= 10) return formatNumber(value, 1);
  if (a >= 1) return formatNumber(value, 2);
  if (a === 0) return formatNumber(0);
  return formatNumber(value, 3);
}

/** A compact number (1.2k, 40k, 3M) for legends and axes. */
export function formatCompact(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(current.tag, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** A signed difference (+12, −3, ±0) in the active locale. */
export function formatSigned(value: number, maxDigits = 0): string {
  if (!Number.isFinite(value)) return '—';
  const f = new Intl.NumberFormat(current.tag, {
    maximumFractionDigits: maxDigits,
    signDisplay: 'exceptZero',
  });
  return f.format(value);
}

/** A signed relative change (0.125 → +12.5 %) in the active locale. */
export function formatSignedPercent(share: number, maxDigits = 1): string {
  if (!Number.isFinite(share)) return '—';
  return new Intl.NumberFormat(current.tag, {
    style: 'percent',
    maximumFractionDigits: maxDigits,
    signDisplay: 'exceptZero',
  }).format(share);
}

/** A share (0.125) as a percentage in the active locale (12.5 %). */
export function formatPercent(share: number, maxDigits = 1): string {
  if (!Number.isFinite(share)) return '—';
  return new Intl.NumberFormat(current.tag, { style: 'percent', maximumFractionDigits: maxDigits }).format(
    share,
  );
}

/**
 * Options that make a date format Gregorian in every locale (Persian would otherwise default to the
 * Solar Hijri calendar; scenario dates are Gregorian, with the Safar day shown beside them).
 */
export const GREGORIAN: Pick<Intl.DateTimeFormatOptions, 'calendar'> = { calendar: 'gregory' };

/** A local date `YYYY-MM-DD` written out in the active locale, Gregorian: "14 Aug 2025", "١٤ آب ٢٠٢٥". */
export function formatLocalDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(current.tag, {
    ...GREGORIAN,
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * A UTC instant (ISO 8601) as a date and time in the active locale, Gregorian, in `timeZone` (the
 * scenario's zone; Asia/Baghdad by default): for revision and plan times.
 */
export function formatInstant(iso: string, timeZone = 'Asia/Baghdad'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(current.tag, {
    ...GREGORIAN,
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}
