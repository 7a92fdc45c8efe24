export * from './contract';
export type * from './types';
