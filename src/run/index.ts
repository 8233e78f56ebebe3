export { cacheKey, diskCache, type ResponseCache } from './cache.js';
export { costOf, estimateCall, estimateCost } from './budget.js';
export { runSamples, type RunOptions, type RunOutcome } from './execute.js';
export type * from './types.js';
