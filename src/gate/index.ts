export { evaluateGate, worstVerdict, type GateResult, type GateSuiteInput, type GateSuiteResult } from './evaluate.js';
