"use strict";
exports.id = 358;
exports.ids = [358];
exports.modules = {

/***/ 66358:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   progressLine: () => (/* binding */ progressLine)
/* harmony export */ });
/** "123/480 samples · 40 cached · 0 failed · ETA 12s": the progress line of the CLI and the Action's log. */
function progressLine(p) {
    return `${p.done}/${p.total} samples · ${p.cached} cached · ${p.failed} failed${p.etaMs !== null ? ` · ETA ${Math.ceil(p.etaMs / 1000)}s` : ''}`;
}


/***/ })

};
;