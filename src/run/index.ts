export { cacheKey, diskCache, filterUncached, type ResponseCache } from './cache.js';
export { budgetPreflight, checkBudgetPricing, costOf, estimateCall, estimateCost, estimateGrading, estimateUsage } from './budget.js';
export { runSamples, type GradeTools, type RunOptions, type RunOutcome } from './execute.js';
export { Pacer, SlidingWindow, type PacerOptions } from './pacing.js';
export type * from './types.js';
export { progressLine, type ReviewProgress } from './progress.js';
