export const id = 408;
export const ids = [408];
export const modules = {

/***/ 41408:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runMonitorAction: () => (/* binding */ runMonitorAction)
/* harmony export */ });
/**
 * The Action on `schedule`, `workflow_dispatch` and `push` to the default branch: drift monitoring (and warming the
 * response cache for pull requests). Loaded only for those events.
 */
async function runMonitorAction(_opts = {}) {
    throw new Error('monitor mode is not available in this build');
}


/***/ })

};
