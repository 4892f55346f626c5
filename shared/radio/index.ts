/** Radio models: path loss and its validity, link budget, range, Erlang B/C, site capacity and range. */
export * from './path-loss';
export * from './path-loss-validity';
export * from './link-budget';
export * from './link-budget-names';
export * from './lte';
export * from './range';
export * from './erlang';
export * from './site-capacity';
export * from './site-range';
