export * from './types';
export * from './estimate-demand';
export * from './volume';
export * from './summary';
