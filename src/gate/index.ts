export { evaluateGate, worstVerdict, type GateOptions, type GateResult, type GateSuiteInput, type GateSuiteResult } from './evaluate.js';
export { checkConclusion, type CheckConclusion } from './conclusion.js';
export { ChangeKindSchema, RuleResultSchema, VerdictSchema, type ChangeKind, type RuleResult, type Verdict } from './verdict.js';
