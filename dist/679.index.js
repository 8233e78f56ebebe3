export const id = 679;
export const ids = [679];
export const modules = {

/***/ 11679:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runReviewEvent: () => (/* binding */ runReviewEvent)
/* harmony export */ });
/* harmony import */ var _github_event_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85015);
/* harmony import */ var _shell_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(10251);


/**
 * The review path: `pull_request`, `pull_request_target`, `merge_group`, and the pushes and dispatches that compare
 * two commits. Reads inputs and the event, starts the check run on the head, reviews the checkout, and `finish`
 * (shell.ts) writes the JSON report, the sticky comment, the check, the job summary and the outputs.
 */
async function runReviewEvent(opts) {
    const s = (0,_shell_js__WEBPACK_IMPORTED_MODULE_1__/* .newRunState */ .PG)();
    await (0,_shell_js__WEBPACK_IMPORTED_MODULE_1__/* .runAndFinish */ .O2)(s, opts, async () => {
        await (0,_shell_js__WEBPACK_IMPORTED_MODULE_1__/* .enterRun */ .ul)(s);
        const env = process.env;
        (0,_shell_js__WEBPACK_IMPORTED_MODULE_1__/* .registerSecrets */ .dg)(env);
        const inputs = (s.inputs = (0,_shell_js__WEBPACK_IMPORTED_MODULE_1__/* .readInputs */ .Ko)());
        const event = (s.event = (0,_github_event_js__WEBPACK_IMPORTED_MODULE_0__/* .parseEvent */ .wj)(env.GITHUB_EVENT_NAME ?? '', await (0,_shell_js__WEBPACK_IMPORTED_MODULE_1__/* .readEventPayload */ .N5)(env.GITHUB_EVENT_PATH), env));
        (0,_shell_js__WEBPACK_IMPORTED_MODULE_1__/* .makeClient */ .yu)(s, inputs, event.owner, event.repo);
        await (0,_shell_js__WEBPACK_IMPORTED_MODULE_1__/* .openCheck */ .Xq)(s);
        if (s.crash)
            return;
        const pr = (0,_github_event_js__WEBPACK_IMPORTED_MODULE_0__/* .pullRequestOf */ ._n)(event);
        if (pr?.isFork && pr.kind === 'pull_request' && !inputs['api-key'] && !env.OPENAI_API_KEY) {
            s.report = (0,_shell_js__WEBPACK_IMPORTED_MODULE_1__/* .forkReport */ .J$)(pr);
            return;
        }
        // A fork's head is never trusted, whatever the event: under `pull_request` a fork has secrets only where the
        // repository forwards them (a self-hosted runner's environment, "send secrets to workflows from forks"), and then
        // it is reviewed exactly as under `pull_request_target` (docs/security.md).
        const trustedSide = event.kind === 'pull_request_target' || pr?.isFork ? 'base' : 'head';
        const config = await (0,_shell_js__WEBPACK_IMPORTED_MODULE_1__/* .trustedConfig */ .av)(s, trustedSide);
        s.report = await (0,_shell_js__WEBPACK_IMPORTED_MODULE_1__/* .reviewInto */ .bg)(s, { trustedSide, config }, opts);
    });
}


/***/ })

};
