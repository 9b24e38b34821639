export const id = 341;
export const ids = [341];
export const modules = {

/***/ 341:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   attemptLogger: () => (/* binding */ attemptLogger)
/* harmony export */ });
/* harmony import */ var _runner_protocol_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8447);

/** One log line per probe: `✗ URL #3 503 in 12ms: why`, `✓ URL #4 200 in 9ms`. */
function attemptLogger(threshold = 1) {
    return (attempt) => {
        const url = attempt.url;
        const status = attempt.status === undefined ? '' : ` ${attempt.status}`;
        const head = `${url} #${attempt.attempt}${status} in ${attempt.latencyMs}ms`;
        if (!attempt.passed)
            _runner_protocol_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`✗ ${head}: ${attempt.reason}`);
        else if (threshold > 1)
            _runner_protocol_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`✓ ${head} (${attempt.consecutive}/${threshold} in a row)`);
        else
            _runner_protocol_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`✓ ${head}`);
    };
}


/***/ })

};
