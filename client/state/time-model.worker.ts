/**
 * Runs the crowd and demand models off the main thread: the full default scenario takes a good part of
 * a second, which would freeze the map after every edit. Replies to each request with its id so the
 * caller can drop answers to edits that were superseded.
 */
import { calibrateAreas, estimateDemand, simulateCrowd, type Scenario } from '../../shared/index';
import { buildTimeModel, transferablesOf, type TimeModel } from './time-model';

export interface TimeModelRequest {
  id: number;
  scenario: Scenario;
}

export type TimeModelReply = { id: number; model: TimeModel; ms: number } | { id: number; error: string };

/** The whole computation, shared with the main-thread fallback. */
export function computeTimeModel(scenario: Scenario): TimeModel {
  const crowd = simulateCrowd(scenario);
  const demand = estimateDemand(scenario, crowd);
  const volumes = calibrateAreas(scenario, crowd, demand).map((c) => ({
    areaId: c.areaId,
    name: c.name,
    fromDate: c.fromDate,
    toDate: c.toDate,
    modelledTB: c.modelledTB,
    publishedTB: c.publishedTB,
    source: c.source,
  }));
  return buildTimeModel(scenario, crowd, demand, volumes);
}

if (
  typeof self !== 'undefined' &&
  typeof (self as { importScripts?: unknown }).importScripts === 'function'
) {
  self.onmessage = (event: MessageEvent<TimeModelRequest>) => {
    const { id, scenario } = event.data;
    const t0 = performance.now();
    try {
      const model = computeTimeModel(scenario);
      const reply: TimeModelReply = { id, model, ms: performance.now() - t0 };
      self.postMessage(reply, { transfer: transferablesOf(model) });
    } catch (e) {
      const reply: TimeModelReply = { id, error: e instanceof Error ? e.message : String(e) };
      self.postMessage(reply);
    }
  };
}
