export const id = 317;
export const ids = [317];
export const modules = {

/***/ 6317:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I6: () => (/* binding */ githubRequestTimeoutMs),
/* harmony export */   githubClient: () => (/* binding */ githubClient)
/* harmony export */ });
/* unused harmony exports DEFAULT_REQUEST_TIMEOUT_MS, DEFAULT_RETRY_WAIT_UNIT_MS, DEFAULT_MAX_RATE_LIMIT_WAIT_MS, GitHubTimeoutError, fetchWithTimeLimit, DEFAULT_WRITE_SPACING_MS, githubWriteSpacingMs, isGraphqlRead, isWriteRequest */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1351);
/* harmony import */ var _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7478);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6856);
/* harmony import */ var bottleneck__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2203);
/* harmony import */ var bottleneck__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(bottleneck__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _durations_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9503);
/* harmony import */ var _runner_protocol_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8447);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3643);








/**
 * GitHub stops processing a REST request after 10 seconds and answers with an error
 * ("Timeouts" in GitHub's REST API docs); 15s leaves room for the network. A request with no
 * answer by then will not get one worth waiting for.
 */
const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;
/** @octokit/plugin-retry waits 1, 4 and 9 of these before its retries. */
const DEFAULT_RETRY_WAIT_UNIT_MS = 1000;
/** A rate limit that lifts sooner than this is waited out once; a longer one fails at once. */
const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 20_000;
/**
 * The time limit of one GitHub request: FLIGHTDECK_GITHUB_TIMEOUT (a duration such as `5s`)
 * for slow Enterprise Servers and for tests, else DEFAULT_REQUEST_TIMEOUT_MS.
 */
function githubRequestTimeoutMs(env = process.env) {
    const configured = env.FLIGHTDECK_GITHUB_TIMEOUT?.trim();
    const ms = configured ? (0,_durations_js__WEBPACK_IMPORTED_MODULE_3__/* .parseDuration */ .E9)(configured) : undefined;
    return ms !== undefined && ms > 0 ? ms : DEFAULT_REQUEST_TIMEOUT_MS;
}
/** What a GitHub request that ran out of time throws (Octokit wraps it as a 500 RequestError). */
class GitHubTimeoutError extends Error {
    constructor(message) {
        super(message);
        this.name = 'TimeoutError';
    }
}
// Statuses whose responses carry no body; `new Response` refuses a body for them.
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
function describeRequest(input, init) {
    const url = typeof input === 'string' || input instanceof URL ? String(input) : input.url;
    let path = url;
    try {
        path = new URL(url).pathname;
    }
    catch {
        // Not an absolute URL: show it as it came.
    }
    return `${init?.method ?? 'GET'} ${path}`;
}
/**
 * `fetch` with a time limit on each request, answer body included: a GitHub that accepts the
 * connection and then never answers (or stalls half way through the body) cannot hang a step.
 * The caller's own signal still aborts as before.
 */
function fetchWithTimeLimit(fetch, timeoutMs) {
    return async (input, init) => {
        const timeout = AbortSignal.timeout(timeoutMs);
        const callerSignal = init?.signal ?? undefined;
        const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
        try {
            const response = await fetch(input, { ...init, signal });
            // Read the body here, under the same limit, instead of handing Octokit a stream it
            // would read with no limit.
            const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
            const buffered = new Response(body, {
                status: response.status,
                statusText: response.statusText,
                headers: new Headers([...response.headers]),
            });
            Object.defineProperty(buffered, 'url', { value: response.url });
            return buffered;
        }
        catch (err) {
            if (timeout.aborted && !callerSignal?.aborted) {
                throw new GitHubTimeoutError(`GitHub did not answer ${describeRequest(input, init)} within ${(0,_durations_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(timeoutMs)}`);
            }
            throw err;
        }
    };
}
/**
 * GitHub asks for writes (POST, PATCH, PUT, DELETE; GraphQL mutations) at least a second apart
 * ("Best practices for using the REST API"). The throttling plugin spaces every POST so, GraphQL
 * queries included: a report reading 30 pages of deployments and commits would wait 30 s for
 * nothing. So the plugin's own write group is a pass-through and `spaceWrites` spaces the real
 * writes, with the same Bottleneck the plugin uses (one group for all clients, as the plugin's).
 */
const DEFAULT_WRITE_SPACING_MS = 1000;
const unspacedGroup = new (bottleneck__WEBPACK_IMPORTED_MODULE_2___default().Group)({ maxConcurrent: null, minTime: 0 });
/** One Bottleneck group per spacing in use (in a real run only the default's). */
const writeGroups = new Map();
function writeGroup(spacingMs) {
    let group = writeGroups.get(spacingMs);
    if (!group) {
        group = new (bottleneck__WEBPACK_IMPORTED_MODULE_2___default().Group)({ maxConcurrent: 1, minTime: spacingMs });
        writeGroups.set(spacingMs, group);
    }
    return group;
}
/**
 * The least time between two writes: FLIGHTDECK_GITHUB_WRITE_SPACING (a duration; `0s` turns
 * spacing off) for test runs against a fake GitHub, which has no such limit and would make
 * every bundle run wait a second per write, else DEFAULT_WRITE_SPACING_MS.
 */
function githubWriteSpacingMs(env = process.env) {
    const configured = env.FLIGHTDECK_GITHUB_WRITE_SPACING?.trim();
    const ms = configured ? (0,_durations_js__WEBPACK_IMPORTED_MODULE_3__/* .parseDuration */ .E9)(configured) : undefined;
    return ms !== undefined ? ms : DEFAULT_WRITE_SPACING_MS;
}
/** A GraphQL document whose (first) operation is a query: a read, however it is sent. */
function isGraphqlRead(query) {
    if (typeof query !== 'string')
        return false;
    // Comments and white space may come first; `{ … }` alone is a query too.
    const start = query.replace(/^(?:\s+|#[^\n]*\n?)+/, '');
    return start.startsWith('{') || /^query\b/.test(start);
}
/** Is this request a write GitHub wants spaced? */
function isWriteRequest(options) {
    const method = (options.method ?? 'GET').toUpperCase();
    if (method === 'GET' || method === 'HEAD')
        return false;
    const path = new URL(options.url ?? '/', 'http://github.test').pathname;
    if (/\/graphql$/.test(path))
        return !isGraphqlRead(options.query);
    return true;
}
/** Octokit plugin: every write waits for its turn, `spacingMs` after the previous one. */
function spaceWrites(spacingMs) {
    return (octokit) => {
        octokit.hook.wrap('request', async (request, options) => {
            if (spacingMs > 0 && isWriteRequest(options)) {
                await writeGroup(spacingMs)
                    .key('flightdeck')
                    .schedule(() => Promise.resolve());
            }
            return request(options);
        });
    };
}
/**
 * An Octokit for the run's API (GitHub Enterprise Server and local fakes included) that
 * retries server errors, network failures and timeouts a few times, waits out short rate
 * limits (secondary ones included) once, and gives every request a time limit.
 */
function githubClient(token, options = {}) {
    const requestTimeoutMs = options.requestTimeoutMs ?? githubRequestTimeoutMs();
    const maxWaitMs = options.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS;
    const writeSpacingMs = options.writeSpacingMs ?? githubWriteSpacingMs();
    // @actions/github's defaults carry a fetch that honours the runner's proxy settings
    // (HTTPS_PROXY, NO_PROXY); Octokit replaces `request` as a whole, so keep it explicitly.
    const proxyFetch = _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__/* .defaults */ .NT.request?.fetch ?? globalThis.fetch;
    const waitOutRateLimit = (kind) => (retryAfterSeconds, request, _octokit, retryCount) => {
        const what = `${request.method ?? 'GET'} ${request.url ?? ''}`;
        const waitMs = retryAfterSeconds * 1000;
        if (retryCount >= 1 || waitMs > maxWaitMs || request.request?.signal?.aborted) {
            _runner_protocol_js__WEBPACK_IMPORTED_MODULE_4__/* .info */ .pq(`GitHub's ${kind} refused ${what}; it lifts in ${(0,_durations_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(waitMs)}, longer than flightdeck waits (${(0,_durations_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(maxWaitMs)}, once).`);
            return false;
        }
        _runner_protocol_js__WEBPACK_IMPORTED_MODULE_4__/* .info */ .pq(`GitHub's ${kind}: waiting ${(0,_durations_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(waitMs)} to retry ${what}.`);
        return true;
    };
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, {
        baseUrl: options.apiUrl ?? (0,_context_js__WEBPACK_IMPORTED_MODULE_5__/* .runContext */ .p)().apiUrl,
        request: {
            fetch: fetchWithTimeLimit(proxyFetch, requestTimeoutMs),
            agent: _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__/* .defaults */ .NT.request?.agent,
            retries: options.retries ?? 3,
        },
        retry: { retryAfterBaseValue: options.retryWaitUnitMs ?? DEFAULT_RETRY_WAIT_UNIT_MS },
        throttle: {
            // Writes are spaced by spaceWrites, which knows a GraphQL query from a mutation.
            write: unspacedGroup,
            onRateLimit: waitOutRateLimit('rate limit'),
            onSecondaryRateLimit: waitOutRateLimit('secondary rate limit'),
        },
        // Octokit's own notices (deprecations, plugin trouble) go through the runner protocol,
        // not to stderr.
        log: {
            debug: (message) => _runner_protocol_js__WEBPACK_IMPORTED_MODULE_4__/* .debug */ .Yz(message),
            info: (message) => _runner_protocol_js__WEBPACK_IMPORTED_MODULE_4__/* .debug */ .Yz(message),
            warn: (message) => _runner_protocol_js__WEBPACK_IMPORTED_MODULE_4__/* .warning */ .$e(message),
            error: (message) => _runner_protocol_js__WEBPACK_IMPORTED_MODULE_4__/* .warning */ .$e(message),
        },
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_6__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_7__/* .throttling */ .A, spaceWrites(writeSpacingMs));
}


/***/ })

};
