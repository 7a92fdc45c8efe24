export { ArchiveGenerator, INJECTABLE, bsnFor } from './generator';
export type { GenerateOptions, GeneratedMessage, InjectedAnomaly } from './generator';
export { mulberry32, hashSeed } from './prng';
export type { Rng } from './prng';
