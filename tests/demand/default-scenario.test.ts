import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  estimateDemand,
  parseScenario,
  poleChainageKm,
  simulateCrowd,
  summarizeDemand,
  type DemandSummary,
} from '../../shared';

const scenarioFile = new URL('../../data/scenarios/arbaeen-2025.json', import.meta.url);
const goldenFile = new URL('../fixtures/golden/arbaeen-2025-summary.json', import.meta.url);

/** Rounds every number to 6 significant digits so the golden file survives harmless float noise. */
function rounded(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (_k, v) => (typeof v === 'number' ? Number(v.toPrecision(6)) : v));
}

describe('the default Arbaeen 2025 scenario', () => {
  const parsed = parseScenario(readFileSync(scenarioFile, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const scenario = parsed.value;
  const crowd = simulateCrowd(scenario);
  const demand = estimateDemand(scenario, crowd);
  const summary: DemandSummary = summarizeDemand(scenario, crowd, demand);

  it('lands within ±25 % of the regulator’s 17,977 TB for Karbala governorate over 1–20 Safar', () => {
    const karbala = summary.calibration.find((c) => c.publishedTB === 17_977);
    expect(karbala).toBeDefined();
    expect(karbala!.fromDate).toBe('2025-07-26');
    expect(karbala!.toDate).toBe('2025-08-14');
    expect(Math.abs(karbala!.volumeError!)).toBeLessThan(0.25);
  });

  it('models entries into Karbala of the order of the 21.1 M counted', () => {
    const karbala = summary.calibration.find((c) => c.publishedEntries === 21_103_524);
    expect(karbala!.entriesRatio!).toBeGreaterThan(0.5);
    expect(karbala!.entriesRatio!).toBeLessThan(1.5);
  });

  it('numbers the Najaf–Karbala road with poles 1–1452, the last at the route end', () => {
    const nk = crowd.routes.find((r) => r.routeId === 'najaf-karbala')!;
    const poles = nk.segments.nearestPole!.filter((p): p is number => p !== null);
    // Segment midpoints are 500 m apart (10 poles): the first and last labelled ones lie within 10 poles of the ends.
    expect(Math.min(...poles)).toBeLessThanOrEqual(11);
    expect(Math.max(...poles)).toBeGreaterThanOrEqual(1442);
    expect(poleChainageKm(nk.segments.poles!, 1)).toBeGreaterThan(5); // pole 1 is about 10 km out of Najaf
    expect(poleChainageKm(nk.segments.poles!, 1452)).toBeCloseTo(nk.segments.lengthKm, 2);
  });

  it('adds up occupancy where the southern road runs on the Najaf road', () => {
    expect(summary.networkPeakPersonsPerKm!.value).toBeGreaterThan(
      summary.routes.find((r) => r.routeId === 'najaf-karbala')!.peakPersonsPerKm.value,
    );
  });

  it('matches the golden summary (regenerate with UPDATE_GOLDEN=1 after a deliberate change)', () => {
    const actual = rounded(summary);
    if (process.env.UPDATE_GOLDEN) writeFileSync(goldenFile, `${JSON.stringify(actual, null, 2)}\n`);
    expect(
      existsSync(goldenFile),
      'golden file missing: run UPDATE_GOLDEN=1 npx vitest run tests/demand',
    ).toBe(true);
    expect(actual).toEqual(JSON.parse(readFileSync(goldenFile, 'utf8')));
  });
});
