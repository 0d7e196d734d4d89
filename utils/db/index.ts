/** The Caseline database: open it, then use these commands and queries (background only). */
export { openCaselineDb } from './open';
export type { OpenOptions } from './open';
export { LATEST_VERSION, MIGRATIONS } from './migrations';
export * from './schema';
export * from './errors';
export * from './settings';
export * from './case-store';
export * from './outcomes';
export * from './templates';
export * from './corrections';
export * from './outbox';
export * from './checkpoints';
export * from './retention';
