import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from '../../../client/i18n/en';
import { formatNumber, locale, locales, setLocale, t } from '../../../client/i18n/index';

const CLIENT = fileURLToPath(new URL('../../../client/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('message catalogue', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    setLocale('en', null);
    expect(t('routes.imported', { count: '2', file: 'a.kml' })).toBe('Imported 2 route(s) from a.kml.');
    expect(t('routes.imported', { count: 3 })).toBe('Imported 3 route(s) from {file}.');
    expect(t('time.safarDay', { day: '20' })).toBe('20 Safar');
  });

  it('formats numbers for the locale', () => {
    setLocale('en', null);
    expect(formatNumber(17977.4)).toBe('17,977');
    expect(formatNumber(0.5, 2)).toBe('0.5');
    expect(formatNumber(Number.NaN)).toBe('—');
  });

  it('has every locale complete, with a writing direction', () => {
    const keys = Object.keys(en).sort();
    for (const [id, l] of Object.entries(locales)) {
      expect(Object.keys(l.messages).sort(), id).toEqual(keys);
      expect(['ltr', 'rtl']).toContain(l.dir);
    }
    setLocale('xx', null);
    expect(locale().tag).toBe('en-GB');
  });

  it('translates every message into Arabic and Persian, keeping the placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const problems: string[] = [];
    for (const id of ['ar', 'fa'] as const) {
      const messages = locales[id].messages;
      expect(locales[id].dir, id).toBe('rtl');
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        const text = messages[key];
        if (typeof text !== 'string' || text.trim() === '') problems.push(`${id} ${key}: empty`);
        else if (/\p{L}/u.test(en[key].replace(/\{\w+\}/g, '')) && !/\p{Script=Arabic}/u.test(text))
          problems.push(`${id} ${key}: not in Arabic script: ${text}`);
        else if (placeholders(text).join() !== placeholders(en[key]).join())
          problems.push(`${id} ${key}: placeholders ${placeholders(text)} ≠ ${placeholders(en[key])}`);
      }
    }
    // Persian is not Arabic: the two catalogues differ in most messages, and Persian uses its own letters.
    const same = (Object.keys(en) as (keyof typeof en)[]).filter(
      (k) => locales.ar.messages[k] === locales.fa.messages[k],
    );
    expect(same.length).toBeLessThan(Object.keys(en).length / 10);
    expect(Object.values(locales.fa.messages).join('')).not.toMatch(/[يك]/);
    expect(problems).toEqual([]);
  });

  it('defines every key the client uses, and uses every key it defines', () => {
    const used = new Set<string>();
    for (const file of sources(CLIENT)) {
      if (file.includes(`${join('client', 'i18n')}`)) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9.]+)'/g)) used.add(m[1]);
      for (const m of text.matchAll(
        /'((?:layers|legend|kpi|charts|route|routes|popup|time|plan|history|compare|exports|manager|siteTypes|linkBudget|existing|fieldRule)\.[a-zA-Z0-9.]+)'/g,
      ))
        used.add(m[1]);
    }
    const defined = new Set(Object.keys(en));
    expect([...used].filter((k) => !defined.has(k))).toEqual([]);
    const unused = [...defined].filter((k) => !used.has(k));
    expect(unused).toEqual([]);
  });
});
