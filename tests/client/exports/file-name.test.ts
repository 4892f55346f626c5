import { describe, expect, it } from 'vitest';
import { exportFileName, isoDay, slugify } from '../../../client/exports/file-name';

describe('export file names', () => {
  it('slugs scenario names: lower case, accents dropped, one dash between words', () => {
    expect(slugify('Arbaeen 2025')).toBe('arbaeen-2025');
    expect(slugify('Mini: Najaf → Karbala, 17–20 Safar 2025')).toBe('mini-najaf-karbala-17-20-safar-2025');
    expect(slugify('  2026 +10 % pilgrims, 5G layer (copy) ')).toBe('2026-10-pilgrims-5g-layer-copy');
    expect(slugify('Café Kūfa')).toBe('cafe-kufa');
  });

  it('keeps Arabic and Persian names readable and never returns an empty slug', () => {
    expect(slugify('زيارة الأربعين ٢٠٢٥')).toBe('زيارة-الأربعين-٢٠٢٥');
    expect(slugify('مسیر نجف - کربلا')).toBe('مسیر-نجف-کربلا');
    expect(slugify('***')).toBe('scenario');
    expect(slugify('')).toBe('scenario');
  });

  it('cuts long names without leaving a trailing dash', () => {
    const slug = slugify(`${'word '.repeat(40)}end`);
    expect(Array.from(slug).length).toBeLessThanOrEqual(60);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('names files <slug>_r<revision>_<YYYY-MM-DD>.<ext>', () => {
    const day = new Date(2025, 7, 14, 23, 30);
    expect(isoDay(day)).toBe('2025-08-14');
    expect(exportFileName('Arbaeen 2025', 7, 'csv', day)).toBe('arbaeen-2025_r7_2025-08-14.csv');
    expect(exportFileName('Arbaeen 2025', 7, '.kml', day)).toBe('arbaeen-2025_r7_2025-08-14.kml');
    expect(exportFileName('Local draft', null, 'json', day)).toBe('local-draft_2025-08-14.json');
  });
});
