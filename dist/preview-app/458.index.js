export const id = 458;
export const ids = [458];
export const modules = {

/***/ 4458:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   verifyHealth: () => (/* binding */ verifyHealth)
/* harmony export */ });
/**
 * The health check other actions run after changing a platform (rollback, deploy, preview):
 * the health-check action's defaults, one probe a second, verdict as soon as it is known.
 */
async function verifyHealth(check) {
    // The probe engine loads Node's network modules: only a step that checks health pays for them.
    const { pollUntilHealthy } = await __webpack_require__.e(/* import() */ 569).then(__webpack_require__.bind(__webpack_require__, 569));
    return pollUntilHealthy(check.urls.map((url) => ({
        url,
        method: 'GET',
        headers: check.headers,
        followRedirects: true,
        insecure: false,
        ipVersion: 0,
    })), check.expect, {
        timeoutMs: check.timeoutMs,
        requestTimeoutMs: Math.min(10_000, check.timeoutMs),
        gracePeriodMs: 0,
        intervalMs: 1000,
        backoff: 'fixed',
        maxIntervalMs: 30_000,
        maxAttempts: 0,
        successThreshold: 1,
        onAttempt: check.onAttempt,
    });
}


/***/ })

};
