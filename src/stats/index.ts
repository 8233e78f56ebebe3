export {
  DEFAULT_RESAMPLES,
  DEFAULT_SEED,
  HOLDOUT_TAG,
  flakyAtBase,
  isHoldout,
  type CaseSamples,
  type CostMeasurement,
  type GroupPassRate,
  type Interval,
  type LatencyMeasurement,
  type LatencyPercentiles,
  type MeasureOptions,
  type PassRateMeasurement,
  type TagPassRate,
  type VariantSamples,
} from './types.js';
export { normalCdf, normalQuantile, tCdf, tCritical, tQuantile } from './t-distribution.js';
export {
  PAIRED_METHOD,
  PROPORTION_METHOD,
  pairedDeltaInterval,
  proportionInterval,
  pValueBelow,
  type MeanInterval,
  type PairedDelta,
} from './intervals.js';
export { percentiles, type Percentiles } from './percentiles.js';
export {
  bootstrapInterval,
  bootstrapPValueAbove,
  clusterBootstrap,
  clusterBootstrapRatio,
  expandedConfidenceGrid,
  expandedLevel,
  expandedPercentileInterval,
  meanRatioStatistic,
  quantileRatioStatistic,
  type BootstrapOptions,
  type BootstrapRatio,
  type ConfidenceGrid,
  type ResampleStatistic,
} from './bootstrap.js';
export { holm } from './holm.js';
export { MAX_CASES_NEEDED, MAX_REPEATS_NEEDED, casesNeeded, casesNeededForRatio, repeatsNeeded } from './cases-needed.js';
export { FIELLER_METHOD, fiellerRatio, type RatioOfMeans } from './fieller.js';
export {
  MIN_LATENCY_CALLS,
  MIN_LATENCY_CASES,
  measureSuite,
  type MeasurementDetail,
  type SuiteMeasurement,
} from './measure-suite.js';
export { prepareStatistics } from './prepare.js';
