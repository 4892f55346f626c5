import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../shared';
import { serviceDetail } from '../../shared/export';
import { decodeService, encodeService } from '../../server/jobs/service-codec';
import { runPlan } from './fixtures/fake-planner';
import { exampleScenario } from './helpers';

describe('service arrays storage', () => {
  it('packs and unpacks the per segment-step arrays (Float32 precision)', async () => {
    const parsed = parseScenario(exampleScenario());
    if (!parsed.ok) throw new Error('fixture invalid');
    const plan = await runPlan(parsed.value);
    const decoded = await decodeService(encodeService(plan));
    const expected = serviceDetail(plan);
    expect(decoded.map((d) => [d.routeId, d.segmentCount, d.stepCount])).toEqual(
      expected.map((d) => [d.routeId, d.segmentCount, d.stepCount]),
    );
    for (let r = 0; r < expected.length; r++) {
      expect(decoded[r].coveringSite).toEqual(expected[r].coveringSite);
      expect(decoded[r].servedDlMbps).toHaveLength(expected[r].servedDlMbps.length);
      decoded[r].servedDlMbps.forEach((v, i) => expect(v).toBeCloseTo(expected[r].servedDlMbps[i], 2));
      decoded[r].unservedDlMbps.forEach((v, i) => expect(v).toBeCloseTo(expected[r].unservedDlMbps[i], 2));
    }
  });
});
