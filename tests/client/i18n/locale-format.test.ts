import { afterEach, describe, expect, it } from 'vitest';
import {
  LOCALE_STORAGE_KEY,
  formatInstant,
  formatLocalDate,
  formatNumber,
  formatPercent,
  formatSigned,
  formatSignedPercent,
  initialLocaleId,
  locale,
  localiseDigits,
  rememberLocale,
  setLocale,
  t,
} from '../../../client/i18n/index';

afterEach(() => setLocale('en', null));

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}

describe('locale formatting', () => {
  it('writes numbers with the locale’s digits and separators', () => {
    setLocale('en', null);
    expect(formatNumber(17977.45, 1)).toBe('17,977.5');
    setLocale('ar', null);
    expect(formatNumber(17977.45, 1)).toBe('١٧٬٩٧٧٫٥');
    setLocale('fa', null);
    expect(formatNumber(17977.45, 1)).toBe('۱۷٬۹۷۷٫۵');
  });

  it('signs differences and percentages', () => {
    setLocale('en', null);
    expect(formatSigned(4)).toBe('+4');
    expect(formatSigned(-3)).toBe('-3');
    expect(formatSigned(0)).toBe('0');
    expect(formatPercent(0.125)).toBe('12.5%');
    expect(formatSignedPercent(0.1)).toBe('+10%');
    setLocale('ar', null);
    expect(formatSigned(4)).toContain('٤');
    expect(formatPercent(0.5)).toContain('٥٠');
  });

  it('writes dates in the Gregorian calendar in every language', () => {
    setLocale('en', null);
    expect(formatLocalDate('2025-08-14')).toBe('14 Aug 2025');
    setLocale('ar', null);
    const ar = formatLocalDate('2025-08-14');
    expect(ar).toContain('١٤');
    expect(ar).toContain('٢٠٢٥');
    setLocale('fa', null);
    const fa = formatLocalDate('2025-08-14');
    // Gregorian 2025 (۲۰۲۵), not the Solar Hijri 1404 (۱۴۰۴) Persian dates default to.
    expect(fa).toContain('۲۰۲۵');
    expect(fa).not.toContain('۱۴۰۴');
  });

  it('shows instants in the scenario’s zone (Asia/Baghdad, UTC+3)', () => {
    setLocale('en', null);
    expect(formatInstant('2025-08-14T03:30:00.000Z')).toBe('14 Aug 2025, 06:30');
    expect(formatInstant('not a date')).toBe('not a date');
  });

  it('localises digit-only parameters (revisions, days) but not other text', () => {
    setLocale('ar', null);
    expect(t('scenario.revision', { revision: '12' })).toBe('المراجعة ١٢');
    expect(t('time.safarDay', { day: '20' })).toBe('٢٠ صفر');
    expect(t('routes.importFailed', { file: 'road-2025.kml', reason: 'x' })).toContain('road-2025.kml');
    setLocale('fa', null);
    expect(localiseDigits('r3')).toBe('r۳');
    setLocale('en', null);
    expect(localiseDigits('r3')).toBe('r3');
  });

  it('sets lang and dir, and remembers the language', () => {
    const root = { lang: '', dir: '' } as unknown as HTMLElement;
    setLocale('fa', root);
    expect(root.lang).toBe('fa');
    expect(root.dir).toBe('rtl');
    expect(locale().labelScript).toBe('arabic');
    setLocale('en', root);
    expect(root.dir).toBe('ltr');
    const storage = memoryStorage();
    expect(initialLocaleId('', storage)).toBe('en');
    rememberLocale('ar', storage);
    expect(storage.getItem(LOCALE_STORAGE_KEY)).toBe('ar');
    expect(initialLocaleId('', storage)).toBe('ar');
    expect(initialLocaleId('?lang=fa', storage)).toBe('fa');
    expect(initialLocaleId('?lang=xx', storage)).toBe('ar');
    storage.setItem(LOCALE_STORAGE_KEY, 'de');
    expect(initialLocaleId('', storage)).toBe('en');
  });
});
