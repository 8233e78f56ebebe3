"use strict";
exports.id = 992;
exports.ids = [992];
exports.modules = {

/***/ 48992:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ clip)
/* harmony export */ });
/* unused harmony export sliceUnits */
/**
 * Cutting text to a length. Lengths are UTF-16 code units (JavaScript's `length`), and a cut never splits a
 * surrogate pair, so an emoji in a model's output is kept whole or left out, never half-shown.
 */
/** At most `n` code units. */
function sliceUnits(text, n) {
    if (text.length <= n)
        return text;
    const end = n > 0 && /[\uD800-\uDBFF]/.test(text[n - 1]) ? n - 1 : n;
    return text.slice(0, end);
}
/** Shortened to `max` code units, with "…" when cut. */
function clip(text, max) {
    if (text.length <= max)
        return text;
    if (max <= 0)
        return '';
    return sliceUnits(text, max - 1) + '…';
}


/***/ })

};
;