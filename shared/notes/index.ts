export * from './note';
export * from './catalog';
export * from './format';
