export { cacheKey, diskCache, type ResponseCache } from './cache.js';
export { costOf, estimateCall, estimateCost, estimateUsage } from './budget.js';
export { runSamples, type RunOptions, type RunOutcome } from './execute.js';
export { Pacer, SlidingWindow, type PacerOptions } from './pacing.js';
export type * from './types.js';
