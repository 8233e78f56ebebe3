export const id = 577;
export const ids = [577];
export const modules = {

/***/ 60577:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GITHUB_MODELS_MODEL: () => (/* binding */ GITHUB_MODELS_MODEL),
/* harmony export */   GITHUB_MODELS_URL: () => (/* binding */ GITHUB_MODELS_URL),
/* harmony export */   errorCause: () => (/* binding */ errorCause),
/* harmony export */   exitCodeFor: () => (/* binding */ exitCodeFor)
/* harmony export */ });
// What every command shares; small, so the CLI's shell can load it at start-up.
/** Exit codes (docs/contract.md §7): 0 pass / inconclusive / skipped, 1 fail, 2 error. */
function exitCodeFor(verdict) {
    return verdict === 'fail' ? 1 : verdict === 'error' ? 2 : 0;
}
const GITHUB_MODELS_URL = 'https://models.github.ai/inference';
const GITHUB_MODELS_MODEL = 'openai/gpt-4o-mini';
/** The first reason a report ends in `error`: a stop (budget, fatal provider error), else the first failing suite's. */
function errorCause(report) {
    const stop = report.notes?.find((n) => n.startsWith('Partial: ') || n.startsWith('Refused'));
    if (stop)
        return stop.replace(/^Partial: /, '');
    const suite = report.suites.find((s) => s.verdict === 'error');
    const rule = suite?.rules.find((r) => r.verdict === 'error');
    return suite?.message ?? (rule ? `${suite.name}: ${rule.detail}` : (report.notes?.[0] ?? 'the review ended in error'));
}


/***/ })

};
