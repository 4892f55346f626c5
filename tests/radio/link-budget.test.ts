import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_BS_TX_POWER_DBM,
  DEFAULT_UE_NOISE_FIGURE_DB,
  linkBudget,
  maplDb,
  sensitivityDbm,
  sumLinkBudgetTerms,
  thermalNoiseDbm,
} from '../../shared/radio/link-budget';
import { LINK_BUDGET_LINE_NAMES, LINK_BUDGET_TERM_KEYS } from '../../shared/radio/link-budget-names';
import { lteOccupiedBandwidthHz, lteResourceBlocks } from '../../shared/radio/lte';
import type { LinkBudgetTerms } from '../../shared/scenario/site-type';

/** A hand-checkable uplink: 23 dBm UE, 2 RB (360 kHz), BS NF 2 dB, SINR −7 dB, 18 dBi, 2 dB feeder. */
const terms: LinkBudgetTerms = {
  ueTxPowerDbm: 23,
  bsNoiseFigureDb: 2,
  requiredSinrDb: -7,
  bandwidthKHz: 360,
  bsAntennaGainDbi: 18,
  feederLossDb: 2,
  bodyLossDb: 3,
  interferenceMarginDb: 2,
  shadowMarginDb: 8,
  penetrationLossDb: 0,
};

describe('Holma & Toskala check (LTE DL 1 Mbps, 10 MHz)', () => {
  it('MAPL 165.5 dB (±0.1)', () => {
    // 10 MHz carries 50 RB = 9 MHz of noise bandwidth: −174 + 10·log10(9e6) = −104.46 dBm; + NF 7 = −97.46;
    // + SINR −10 = −107.46 dBm sensitivity; 62 + 107.46 − 3 (interference) − 1 (control overhead) = 165.46
    const bandwidthHz = lteOccupiedBandwidthHz(10);
    expect(bandwidthHz).toBe(9e6);
    const v = maplDb({
      eirpDbm: 62,
      bandwidthHz,
      noiseFigureDb: 7,
      requiredSinrDb: -10,
      rxGainDb: 0,
      lossesDb: 1,
      marginsDb: 3,
    });
    expect(Math.abs(v - 165.5)).toBeLessThanOrEqual(0.1);
    expect(v).toBeCloseTo(165.4576, 3);
  });
  it('the same budget through linkBudget (46 dBm + 18 dBi − 2 dB = 62 dBm EIRP) is 1 dB higher without the control overhead', () => {
    const r = linkBudget({
      terms: {
        ...terms,
        bsTxPowerDbm: 46,
        bsAntennaGainDbi: 18,
        feederLossDb: 2,
        ueNoiseFigureDb: 7,
        dlRequiredSinrDb: -10,
        dlBandwidthKHz: 9000,
        ueAntennaGainDbi: 0,
        bodyLossDb: 0,
        interferenceMarginDb: 3,
        shadowMarginDb: 0,
        penetrationLossDb: 0,
      },
    });
    expect(r.downlink.eirpDbm).toBeCloseTo(62, 12);
    expect(r.downlink.maplDb).toBeCloseTo(166.4576, 3);
  });
});

describe('building blocks', () => {
  it('thermal noise: 1 Hz → −174 dBm, 1 MHz → −114 dBm, 180 kHz → −121.45 dBm', () => {
    expect(thermalNoiseDbm(1)).toBe(-174);
    expect(thermalNoiseDbm(1e6)).toBeCloseTo(-114, 12);
    // 10·log10(180000) = 52.5527
    expect(thermalNoiseDbm(180e3)).toBeCloseTo(-121.4473, 4);
  });
  it('sensitivity = noise + NF + SINR', () => {
    expect(sensitivityDbm({ bandwidthHz: 1e6, noiseFigureDb: 5, requiredSinrDb: 3 })).toBeCloseTo(-106, 12);
  });
  it('LTE resource blocks per TS 36.101', () => {
    expect([1.4, 3, 5, 10, 15, 20].map(lteResourceBlocks)).toEqual([6, 15, 25, 50, 75, 100]);
    expect(lteResourceBlocks(7)).toBeUndefined();
    expect(() => lteOccupiedBandwidthHz(7)).toThrow(RangeError);
  });
  it('rejects a non-positive bandwidth', () => {
    expect(() => thermalNoiseDbm(0)).toThrow(RangeError);
    expect(() => thermalNoiseDbm(Number.NaN)).toThrow(RangeError);
    expect(() => linkBudget({ terms, carrierBandwidthMHz: 0 })).toThrow(RangeError);
  });
});

describe('linkBudget', () => {
  const r = linkBudget({ terms, carrierBandwidthMHz: 10 });
  it('uplink by hand: 149.437 dB', () => {
    // N = −174 + 10·log10(360e3) = −174 + 55.5630 = −118.4370 dBm; sensitivity = −118.4370 + 2 − 7 = −123.4370
    // EIRP = 23 + 0 − 3 (body) = 20 dBm; MAPL = 20 + 123.4370 + 18 − 2 − 2 − 8 − 0 = 149.4370
    expect(r.uplink.eirpDbm).toBe(20);
    expect(r.uplink.sensitivityDbm).toBeCloseTo(-123.437, 3);
    expect(r.uplink.maplDb).toBeCloseTo(149.437, 3);
  });
  it('downlink by hand with the defaults: 153.000 dB', () => {
    // share of 46 dBm on 360 kHz of 10 MHz: 10·log10(0.036) = −14.4370 → EIRP 46 − 14.4370 + 18 − 2 = 47.5630
    // sensitivity −118.4370 + 7 (UE NF) − 7 (SINR = UL's) = −118.4370; + 0 dBi − 3 body − 2 − 8 − 0
    // MAPL = 47.5630 + 118.4370 − 3 − 10 = 153.0000
    expect(DEFAULT_BS_TX_POWER_DBM).toBe(46);
    expect(DEFAULT_UE_NOISE_FIGURE_DB).toBe(7);
    expect(r.downlink.eirpDbm).toBeCloseTo(47.563, 3);
    expect(r.downlink.maplDb).toBeCloseTo(153, 9);
  });
  it('the uplink limits and the site MAPL is the smaller one', () => {
    expect(r.limiting).toBe('uplink');
    expect(r.maplDb).toBe(r.uplink.maplDb);
    const weakDl = linkBudget({ terms: { ...terms, bsTxPowerDbm: 30 }, carrierBandwidthMHz: 10 });
    expect(weakDl.limiting).toBe('downlink');
    expect(weakDl.maplDb).toBeCloseTo(137, 9);
  });
  it('itemises every term, and the signed terms add up to the MAPL', () => {
    const names = r.uplink.terms.map((t) => t.name);
    for (const n of [
      'UE transmit power',
      'UE antenna gain',
      'Body loss',
      'UE EIRP',
      'Thermal noise',
      'BS noise figure',
      'Required SINR (UL)',
      'BS receiver sensitivity',
      'BS antenna gain',
      'Feeder loss',
      'Interference margin',
      'Shadow-fading margin',
      'Penetration loss',
    ]) {
      expect(names).toContain(n);
    }
    expect(r.downlink.terms.map((t) => t.name)).toContain('UE noise figure');
    expect(r.downlink.terms.map((t) => t.name)).toContain('Power share of the DL allocation');
    expect(sumLinkBudgetTerms(r.uplink.terms)).toBeCloseTo(r.uplink.maplDb, 9);
    expect(sumLinkBudgetTerms(r.downlink.terms)).toBeCloseTo(r.downlink.maplDb, 9);
    for (const t of [...r.uplink.terms, ...r.downlink.terms]) expect(t.note.length).toBeGreaterThan(0);
    // Each line has a stable id (the app translates line names by it), once per direction.
    for (const d of [r.uplink, r.downlink]) {
      const keys = d.terms.map((t) => t.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const k of keys) expect(LINK_BUDGET_TERM_KEYS).toContain(k);
    }
  });
  it('names every line in Arabic and Persian (Arabic script; acronyms stay Latin)', () => {
    for (const key of LINK_BUDGET_TERM_KEYS) {
      for (const lang of ['ar', 'fa'] as const) {
        const name = LINK_BUDGET_LINE_NAMES[lang][key];
        expect(name, `${lang} ${key}`).toMatch(/\p{Script=Arabic}/u);
        expect(name, `${lang} ${key}`).not.toBe(LINK_BUDGET_LINE_NAMES.en[key]);
      }
      expect(LINK_BUDGET_LINE_NAMES.ar[key], key).not.toBe(LINK_BUDGET_LINE_NAMES.fa[key]);
    }
  });
  it('property: the signed terms always add up to the MAPL; each margin dB costs 1 dB of MAPL', () => {
    fc.assert(
      fc.property(
        fc.record({
          ueTxPowerDbm: fc.double({ min: -20, max: 40, noNaN: true }),
          bsNoiseFigureDb: fc.double({ min: 0, max: 20, noNaN: true }),
          requiredSinrDb: fc.double({ min: -30, max: 40, noNaN: true }),
          bandwidthKHz: fc.double({ min: 15, max: 100_000, noNaN: true }),
          bsAntennaGainDbi: fc.double({ min: -10, max: 30, noNaN: true }),
          feederLossDb: fc.double({ min: 0, max: 20, noNaN: true }),
          bodyLossDb: fc.double({ min: 0, max: 20, noNaN: true }),
          interferenceMarginDb: fc.double({ min: 0, max: 30, noNaN: true }),
          shadowMarginDb: fc.double({ min: 0, max: 30, noNaN: true }),
          penetrationLossDb: fc.double({ min: 0, max: 40, noNaN: true }),
        }),
        fc.double({ min: 1, max: 400, noNaN: true }),
        (t, carrier) => {
          const a = linkBudget({ terms: t, carrierBandwidthMHz: carrier });
          const b = linkBudget({
            terms: { ...t, shadowMarginDb: t.shadowMarginDb + 1 },
            carrierBandwidthMHz: carrier,
          });
          return (
            Math.abs(sumLinkBudgetTerms(a.uplink.terms) - a.uplink.maplDb) < 1e-9 &&
            Math.abs(sumLinkBudgetTerms(a.downlink.terms) - a.downlink.maplDb) < 1e-9 &&
            Math.abs(a.maplDb - b.maplDb - 1) < 1e-9
          );
        },
      ),
    );
  });
  it('property: with power spread over the carrier, the DL MAPL does not depend on the allocation width', () => {
    fc.assert(
      fc.property(fc.double({ min: 180, max: 10_000, noNaN: true }), (khz) => {
        const a = linkBudget({ terms: { ...terms, dlBandwidthKHz: khz }, carrierBandwidthMHz: 10 });
        return Math.abs(a.downlink.maplDb - 153) < 1e-9;
      }),
    );
  });
});
