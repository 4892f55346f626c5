/** Placement: candidates, exact route DP, MILP (HiGHS) with its LP bound, greedy baseline. */
export * from './types';
export * from './instance';
export * from './prepare';
export * from './steps';
export * from './route-dp';
export * from './milp';
export * from './capped';
export * from './greedy';
export * from './flow';
export * from './solve';
export * from './plan-sites';
export { haversineKm, gridInPolygon } from './geometry';
export * from './servable';
export * from './hall';
export * from './repair';
export * from './decompose';
export * from './local-search';
export * from './cap-check';
