import { describe, expect, it } from 'vitest';
import {
  NOTE_CATALOGUES,
  NOTES_EN,
  formatNote,
  noteSchema,
  pathLossValidity,
  type NoteKey,
} from '../../shared';

/** The value names a sentence fills in ({name} and {name:one|other}), sorted. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)(?::[^}]*)?\}/g)].map((m) => m[1]).sort();
}

describe('plan notes in three languages', () => {
  it('every sentence fills the same values in Arabic and Persian as in English', () => {
    for (const key of Object.keys(NOTES_EN) as NoteKey[]) {
      const en = placeholders(NOTES_EN[key]);
      expect(placeholders(NOTE_CATALOGUES.ar.sentences[key]), `ar ${key}`).toEqual(en);
      expect(placeholders(NOTE_CATALOGUES.fa.sentences[key]), `fa ${key}`).toEqual(en);
      // Translated: unless the sentence is only values and punctuation ('{name} ({id}): {note}').
      if (/[a-z]/.test(NOTES_EN[key].replace(/\{[^}]*\}/g, ''))) {
        expect(NOTE_CATALOGUES.ar.sentences[key], `ar ${key}`).not.toBe(NOTES_EN[key]);
        expect(NOTE_CATALOGUES.fa.sentences[key], `fa ${key}`).not.toBe(NOTES_EN[key]);
      }
    }
  });

  it('writes counts grouped in the language’s digits, and the English noun in the number’s form', () => {
    const lost = { key: 'lostDemand', params: { mbpsHours: 27596 } } as const;
    expect(formatNote(lost)).toBe(
      '27,596 Mbps·h exceed what every candidate together can serve; the plan serves the rest',
    );
    expect(formatNote(lost, 'ar')).toBe(
      '٢٧٬٥٩٦ ميغابت/ث·ساعة تتجاوز ما تستطيع المواقع المرشحة كلها معاً خدمته؛ الخطة تخدم الباقي',
    );
    expect(formatNote(lost, 'fa')).toMatch(/^۲۷٬۵۹۶ مگابیت/);
    const again = (solved: number) =>
      formatNote({ key: 'reoptimised', params: { solved, improved: 1, savedUsd: 765000 } });
    expect(again(1)).toBe('re-optimised 1 window with the plan around them, 1 cheaper (US$ 765,000 less)');
    expect(again(99)).toMatch(/^re-optimised 99 windows with/);
  });

  it('writes quantities and ranges with the language’s unit words, and notes inside notes', () => {
    const validity = pathLossValidity({
      model: 'hata-urban-small',
      freqMHz: 3500,
      distanceKm: 0.5,
      txHeightM: 30,
      rxHeightM: 1.5,
    });
    expect(validity.warnings).toEqual([
      'Hata urban (small/medium city): 3500 MHz is outside 150–1500 MHz; extrapolating',
      'Hata urban (small/medium city): distance 500 m is outside 1–20 km; extrapolating',
    ]);
    const cow = { key: 'siteType', params: { name: 'COW', id: 'cow', note: validity.notes[0] } } as const;
    expect(formatNote(cow, 'ar')).toBe(
      'COW (cow): Hata urban (small/medium city): ٣٥٠٠ ميغاهرتز خارج المجال ١٥٠–١٥٠٠ ميغاهرتز؛ استقراء',
    );
    expect(formatNote({ ...validity.notes[1] }, 'fa')).toBe(
      'Hata urban (small/medium city): فاصلهٔ ۵۰۰ متر بیرون از بازهٔ ۱–۲۰ کیلومتر است؛ برون‌یابی',
    );
    const fallback = { key: 'greedyFallback', params: { reason: { key: 'milpNoPlan' } } } as const;
    expect(formatNote(fallback)).toBe('greedy fallback: the MILP found no plan');
    expect(formatNote(fallback, 'ar')).toBe('البديل الجشع (greedy): لم يجد MILP أي خطة');
  });

  it('the API schema takes every shape of note and refuses an unknown key', () => {
    const validity = pathLossValidity({
      model: 'uma-los',
      freqMHz: 800,
      distanceKm: 2,
      txHeightM: 15,
      rxHeightM: 1.5,
    });
    const nested = { key: 'siteType', params: { name: 'Macro', id: 'macro', note: validity.notes[0] } };
    expect(noteSchema.parse(nested)).toEqual(nested);
    expect(noteSchema.safeParse({ key: 'no-such-note' }).success).toBe(false);
    expect(noteSchema.safeParse({ key: 'lostDemand', params: { mbpsHours: [1] } }).success).toBe(false);
  });
});
