/**
 * The public surface of the pure domain code: server, CLI and client import only from here.
 * Pipeline: scenario → crowd → demand → radio → placement → plan.
 */
export * from './scenario';
export * from './time/local-time';
export * from './geo/chainage';
export * from './geo/segments';
export * from './crowd';
export * from './demand';
export * from './radio';
export * from './plan/types';
export * from './geo/segment-route';
export * from './geo/shared-stretches';
export * from './geo/footprint';
export * from './geo/polygon';
export * from './geo/line-parts';
export * from './api';
export * from './export';
export * from './placement';
export * from './notes';
export * from './plan/run-plan';
