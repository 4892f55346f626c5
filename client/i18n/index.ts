import { en, type MessageKey, type Messages } from './en';

export type { MessageKey, Messages };

/** A UI language: its catalogue, BCP 47 tag for number/date formatting and writing direction. */
export interface Locale {
  tag: string;
  dir: 'ltr' | 'rtl';
  messages: Messages;
}

/** Locales the app knows. Arabic and Persian slot in here with their own catalogues and `dir: 'rtl'`. */
export const locales: Readonly<Record<string, Locale>> = {
  en: { tag: 'en-GB', dir: 'ltr', messages: en },
};

let current: Locale = locales.en;
const numberFormats = new Map<string, Intl.NumberFormat>();

/** Switches the UI language and sets `lang`/`dir` on the document (panels re-render on their own). */
export function setLocale(
  id: string,
  root: HTMLElement | null = globalThis.document?.documentElement ?? null,
): void {
  current = locales[id] ?? locales.en;
  numberFormats.clear();
  if (root) {
    root.lang = current.tag;
    root.dir = current.dir;
  }
}

/** The active locale. */
export function locale(): Locale {
  return current;
}

/**
 * The message for `key` in the active language, with `{name}` placeholders filled from `params`
 * (numbers are formatted for the locale; pass preformatted text for units and precision).
 */
export function t(key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  const text = current.messages[key] ?? en[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? formatNumber(v) : v;
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
