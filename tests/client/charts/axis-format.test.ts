import { afterEach, describe, expect, it } from 'vitest';
import {
  digitsLabel,
  incrementDigits,
  numberAxisValues,
  timeAxisValues,
} from '../../../client/charts/axis-format';
import { setLocale } from '../../../client/i18n/index';

afterEach(() => setLocale('en', null));

/** Local-epoch seconds of a local date and hour. */
const at = (date: string, hour = 0) => Date.parse(`${date}T00:00:00Z`) / 1000 + hour * 3600;
const DAY = 86_400;

describe('chart axis labels', () => {
  it('writes day ticks as day and month, with the year under the first', () => {
    setLocale('en', null);
    expect(timeAxisValues([at('2025-07-26'), at('2025-08-02'), at('2025-08-09')], 7 * DAY)).toEqual([
      '26 Jul\n2025',
      '2 Aug',
      '9 Aug',
    ]);
  });

  it('writes hour ticks as 24-hour times, with the date under the first tick of each day', () => {
    setLocale('en', null);
    expect(
      timeAxisValues(
        [at('2025-08-11', 12), at('2025-08-11', 18), at('2025-08-12'), at('2025-08-12', 6)],
        6 * 3600,
      ),
    ).toEqual(['12:00\n11 Aug', '18:00', '00:00\n12 Aug', '06:00']);
  });

  it('uses the language’s digits and month names, Gregorian, in Arabic and Persian', () => {
    setLocale('ar', null);
    expect(timeAxisValues([at('2025-08-11'), at('2025-08-13')], 2 * DAY)).toEqual(['١١ آب\n٢٠٢٥', '١٣ آب']);
    expect(timeAxisValues([at('2025-08-11', 6)], 3600)).toEqual(['٠٦:٠٠\n١١ آب']);
    setLocale('fa', null);
    const fa = timeAxisValues([at('2025-08-11'), at('2025-08-13')], 2 * DAY);
    expect(fa[1]).toBe('۱۳ اوت');
    expect(fa.join('')).not.toMatch(/[0-9]/);
    // Not the Solar Hijri calendar (1404).
    expect(fa[0]).toContain('۲۰۲۵');
  });

  it('formats numeric ticks with the increment’s fraction digits in the language’s digits', () => {
    expect(incrementDigits(20)).toBe(0);
    expect(incrementDigits(0.5)).toBe(1);
    expect(incrementDigits(0.25)).toBe(2);
    expect(incrementDigits(0.1 + 0.2)).toBe(1);
    setLocale('en', null);
    expect(numberAxisValues([0, 20, 40, 1000], 20)).toEqual(['0', '20', '40', '1,000']);
    expect(numberAxisValues([0, 0.5, 1], 0.5)).toEqual(['0.0', '0.5', '1.0']);
    setLocale('ar', null);
    expect(numberAxisValues([0, 20, 40], 20)).toEqual(['٠', '٢٠', '٤٠']);
    setLocale('fa', null);
    expect(numberAxisValues([50, 100], 50)).toEqual(['۵۰', '۱۰۰']);
  });

  it('writes pole numbers in the language’s digits without grouping', () => {
    setLocale('en', null);
    expect(digitsLabel(1448)).toBe('1448');
    setLocale('fa', null);
    expect(digitsLabel(1448)).toBe('۱۴۴۸');
    setLocale('ar', null);
    expect(digitsLabel(1219)).toBe('١٢١٩');
  });
});
