export * from './types';
export * from './simulate-crowd';
export * from './walking-time';
export * from './speed-classes';
export * from './combined-occupancy';
