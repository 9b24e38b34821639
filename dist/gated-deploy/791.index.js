export const id = 791;
export const ids = [791,317,704];
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


/***/ }),

/***/ 8704:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  i: () => (/* binding */ DeploymentLifecycle),
  settleDeployment: () => (/* binding */ settleDeployment)
});

// UNUSED EXPORTS: DeploymentRecordingError

// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(2635);
// EXTERNAL MODULE: ./shared/durations.ts
var durations = __webpack_require__(9503);
// EXTERNAL MODULE: ./shared/runner-protocol.ts
var runner_protocol = __webpack_require__(8447);
// EXTERNAL MODULE: ./shared/github/client.ts
var client = __webpack_require__(6317);
// EXTERNAL MODULE: ./shared/sleep.ts
var shared_sleep = __webpack_require__(5045);
;// CONCATENATED MODULE: ./shared/retry.ts
// The one retry loop: an operation is tried until it succeeds, its caller's classifier calls a
// failure permanent, the attempts run out, or the caller's time would run out before the next
// attempt could start. What counts as transient, how long to wait and what to say when it
// stops are each caller's (notify's channels: shared/notify/retry.ts; GitHub Deployments:
// shared/github/deployment-lifecycle.ts); the loop and its time rules are here once.

/** Why the retries stopped without a result; `error` is the last failure (as classified). */
class RetriesStopped extends Error {
    reason;
    error;
    attempts;
    constructor(reason, error, 
    /** Attempts made. */
    attempts) {
        super(`retries stopped (${reason}) after ${attempts} attempt(s)`);
        this.reason = reason;
        this.error = error;
        this.attempts = attempts;
        this.name = 'RetriesStopped';
    }
}
function noTimeFor(left, minAttemptMs) {
    return left <= 0 || left < minAttemptMs;
}
/**
 * Runs `attempt` (given its number and the time left) under `rules`. Resolves with its value and
 * how many attempts it took; rejects with RetriesStopped saying why it gave up, or with
 * whatever `onRetry` or `sleep` threw.
 */
async function withRetries(attempt, rules) {
    const remaining = rules.remainingMs ?? (() => Number.POSITIVE_INFINITY);
    const minAttemptMs = rules.minAttemptMs ?? 0;
    const sleep = rules.sleep ?? shared_sleep/* sleep */.y;
    let lastError;
    for (let number = 1;; number++) {
        const left = remaining();
        if (noTimeFor(left, minAttemptMs))
            throw new RetriesStopped('no-time', lastError, number - 1);
        try {
            return { value: await attempt(number, left), attempts: number };
        }
        catch (err) {
            const verdict = rules.classify(err, number);
            if (!verdict.transient) {
                throw new RetriesStopped('permanent', verdict.error ?? err, number);
            }
            lastError = err;
            if (number >= rules.maxAttempts)
                throw new RetriesStopped('attempts', err, number);
            const waitMs = verdict.waitMs ?? rules.backoffMs(number);
            if (noTimeFor(remaining() - waitMs, minAttemptMs)) {
                throw new RetriesStopped('wait-too-long', err, number);
            }
            rules.onRetry?.(number, err, waitMs);
            await sleep(waitMs);
        }
    }
}

;// CONCATENATED MODULE: ./shared/github/deployment-attempts.ts
// Calls to GitHub within a time budget: a Deadline per phase of a Deployment's lifecycle (its
// AbortSignal ends every request of the phase) and the retry rules a lifecycle call follows
// (server errors, network failures and, where safe, timeouts; never a 4xx). Kept apart from
// the lifecycle so that the lifecycle reads as the states a Deployment goes through.




/** Waits between attempts of one call; the phase budget cuts them short. */
const RETRY_WAITS_MS = [500, 1000, 2000, 4000];
/** A phase's time budget: an AbortSignal every request of the phase runs under. */
class Deadline {
    budgetMs;
    what;
    controller = new AbortController();
    timer;
    endsAt;
    constructor(budgetMs, what) {
        this.budgetMs = budgetMs;
        this.what = what;
        this.endsAt = performance.now() + budgetMs;
        this.timer = setTimeout(() => this.controller.abort(), budgetMs);
    }
    get signal() {
        return this.controller.signal;
    }
    get expired() {
        return this.controller.signal.aborted;
    }
    remainingMs() {
        return Math.max(0, this.endsAt - performance.now());
    }
    /** The error for running out of time: says what was waited for and how long. */
    error() {
        return new Error(`GitHub did not answer within ${(0,durations/* formatDuration */.a3)(this.budgetMs)} (${this.what})`);
    }
    end() {
        clearTimeout(this.timer);
    }
}
/** Why a GitHub call failed, as far as retrying is concerned. */
function failureKind(err, deadline) {
    if (deadline.expired)
        return 'out-of-time';
    const cause = err?.cause;
    if (cause?.name === 'TimeoutError')
        return 'timeout';
    const status = err?.status;
    // Octokit reports network failures (no answer at all) as status 500 without a response.
    if (typeof status === 'number' && (status >= 500 || status === 429 || status === 408)) {
        return 'transient';
    }
    return 'refused';
}
/** A failed call in a few words: `answered 502`, `did not answer ... within 15s`, ... */
function describeFailure(err) {
    const { status, response, cause } = (err ?? {});
    if (cause?.name === 'TimeoutError')
        return (0,errors/* errorMessage */.gJ)(err);
    if (typeof status === 'number' && response)
        return `GitHub answered ${status}: ${(0,errors/* errorMessage */.gJ)(err)}`;
    return `GitHub could not be reached: ${(0,errors/* errorMessage */.gJ)(err)}`;
}
/**
 * Runs `call` through the one retry loop (shared/retry.ts) until it succeeds, GitHub refuses it
 * (4xx), the attempts run out or the phase's time is up; each wait is logged with what it waits
 * for. Throws the call's own error, or the deadline's when the phase ran out of time.
 */
async function callWithRetries(what, deadline, rules, call) {
    const attempts = RETRY_WAITS_MS.length + 1;
    try {
        const { value } = await withRetries((attempt) => call(attempt), {
            maxAttempts: attempts,
            backoffMs: (failed) => RETRY_WAITS_MS[failed - 1] ?? 0,
            classify: (err) => {
                const kind = failureKind(err, deadline);
                if (kind === 'out-of-time')
                    return { transient: false, error: deadline.error() };
                return { transient: kind === 'transient' || (kind === 'timeout' && rules.retryTimeouts) };
            },
            remainingMs: () => (deadline.expired ? 0 : deadline.remainingMs()),
            onRetry: (attempt, err, waitMs) => rules.log.info(`${describeFailure(err)} (${what}); trying again in ${(0,durations/* formatDuration */.a3)(waitMs)}, attempt ${attempt + 1} of ${attempts}, giving up ${(0,durations/* formatDuration */.a3)(deadline.remainingMs())} from now.`),
            sleep: (ms) => (0,shared_sleep/* sleep */.y)(ms, deadline.signal),
        });
        return value;
    }
    catch (err) {
        if (!(err instanceof RetriesStopped))
            throw err;
        throw err.reason === 'no-time' ? deadline.error() : err.error;
    }
}

// EXTERNAL MODULE: ./shared/github/deployments.ts
var github_deployments = __webpack_require__(9596);
// EXTERNAL MODULE: ./shared/secrets.ts
var secrets = __webpack_require__(5931);
;// CONCATENATED MODULE: ./shared/github/token.ts

// `${{ github.token }}`, `${{ secrets.X }}`: what an action.yml default or a workflow value
// looks like before the runner expands it.
const UNEXPANDED_EXPRESSION = /\$\{\{[\s\S]*?\}\}/;
/**
 * A GitHub token as an action may use it: undefined when empty, and undefined (with a
 * warning) when it arrived as an unexpanded `${{ … }}` expression. Runners always expand
 * expressions, but `@github/local-action` and other local runners pass action.yml defaults
 * such as `${{ github.token }}` through literally; sending that to GitHub as a token only buys
 * a 401 that reads like a permissions problem. `parseInputs` already reads such an input as
 * not given; this covers a token from anywhere else (an environment variable, a value read
 * without parseInputs), so every caller of the GitHub API decides the same way.
 */
function token_githubTokenInput(value, inputName = 'github-token', warn = (message) => core.warning(message)) {
    const token = value?.trim();
    if (!token)
        return undefined;
    if (UNEXPANDED_EXPRESSION.test(token)) {
        warn(`\`${inputName}\` is the unexpanded expression ${token.match(UNEXPANDED_EXPRESSION)?.[0] ?? ''}: nothing expanded it (a local runner passes action.yml defaults as they are), so it is treated as missing. Pass a token explicitly to use the GitHub API.`);
        return undefined;
    }
    return token;
}

;// CONCATENATED MODULE: ./shared/github/open-deployment.ts
// A GitHub Deployment left in_progress by a job that was cancelled or killed would read as a
// deploy in progress forever (and hold up the next one at the concurrency gate). The lifecycle
// remembers an open deployment in the action's saved state until its final state is sent; the
// action's post step (post-if: always()) ends one still open as `error`.





const OPEN_DEPLOYMENT_STATE = 'open-deployment';
function rememberOpenDeployment(deployment) {
    runner_protocol/* saveState */.LZ(OPEN_DEPLOYMENT_STATE, JSON.stringify(deployment));
}
function forgetOpenDeployment() {
    runner_protocol/* saveState */.LZ(OPEN_DEPLOYMENT_STATE, '');
}
function readOpenDeployment(text) {
    if (!text.trim())
        return undefined;
    try {
        const saved = JSON.parse(text);
        if (typeof saved.id === 'number' && typeof saved.environment === 'string') {
            return { id: saved.id, environment: saved.environment };
        }
    }
    catch {
        // Not ours: nothing to end.
    }
    return undefined;
}
const UNFINISHED = new Set(['in_progress', 'queued', 'pending']);
/**
 * The post step: ends the deployment the main step left open, if any, as `error`. Reads the
 * token from the action's `github-token` input, as the main step did.
 */
async function endOpenDeployment(action) {
    const open = readOpenDeployment(core.getState(OPEN_DEPLOYMENT_STATE));
    // The main step ended its deployment itself, or made none: the usual case.
    if (!open)
        return;
    const token = githubTokenInput(core.getInput('github-token'));
    if (!token)
        return;
    maskSecret(token);
    const { githubClient } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6317));
    const { latestDeploymentStatus, setDeploymentStatus } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 9596));
    const client = githubClient(token);
    const context = runContext();
    try {
        const latest = await latestDeploymentStatus(client, context, open.id);
        if (latest && !UNFINISHED.has(latest.state))
            return;
        await setDeploymentStatus(client, context, open.id, {
            state: 'error',
            description: 'Cancelled: the job ended before the deploy finished',
        });
        core.info(`Ended GitHub deployment ${open.id} in ${open.environment} as error (cancelled).`);
    }
    catch (err) {
        core.warning(`Could not end GitHub deployment ${open.id} in ${open.environment}: ${errorMessage(err)}`, { title: `${action}: deployment left open` });
    }
}

// EXTERNAL MODULE: ./shared/github/redact.ts
var redact = __webpack_require__(6335);
;// CONCATENATED MODULE: ./shared/github/deployment-lifecycle.ts
// One GitHub Deployment from start to end: created, set in_progress, and given exactly one
// final state (success, failure or error) whatever happens in between, within a bounded time.
// The actions start one through record-deployment.ts; the retry rules and time budget of each
// phase are in deployment-attempts.ts.








/** GitHub refused or failed to record the deployment, with `onGitHubFailure: 'throw'`. */
class DeploymentRecordingError extends Error {
    constructor(message) {
        super(message);
        this.name = 'DeploymentRecordingError';
    }
}
const defaultLog = {
    info: (message) => runner_protocol/* info */.pq(message),
    warning: (message) => runner_protocol/* warning */.$e(message, { title: 'GitHub deployment not recorded' }),
};
/**
 * One GitHub Deployment. `DeploymentLifecycle.start()` returns at once and creates the
 * deployment and sets it in_progress in the background, so the deploy or rollback it records
 * never waits for GitHub; `finish()` waits for that and gives the deployment its one final
 * state. `settleDeployment()` wraps a whole flow so that a throw anywhere still ends the
 * deployment (as `error`, with the reason).
 */
class DeploymentLifecycle {
    options;
    /**
     * Settles when the deployment is created and set in_progress, or known not to be recorded.
     * Rejects (DeploymentRecordingError) only with `onGitHubFailure: 'throw'`: await it before
     * deploying when the deployment must be recorded first.
     */
    started;
    deploymentId;
    finishing;
    final;
    constructor(options) {
        this.options = options;
        this.started = options ? this.create(options) : Promise.resolve();
        // Whoever awaits `started` sees its rejection; nobody awaiting it must not crash the step.
        this.started.catch(() => undefined);
    }
    /** A lifecycle that records nothing (no environment, no token): every call is a no-op. */
    static notRecorded() {
        return new DeploymentLifecycle(undefined);
    }
    /**
     * Begins recording: creates the deployment and sets it in_progress within one phase
     * budget, without making the caller wait (see `started`). When GitHub refuses or does not
     * answer: with `onGitHubFailure: 'warn'` a warning and nothing recorded; with `throw`,
     * `started` rejects. A deployment created but not set in_progress is kept: it still gets
     * its final state.
     */
    static start(options) {
        return new DeploymentLifecycle(options);
    }
    /** GitHub's id for the deployment, once `started` has settled; undefined when not recorded. */
    get id() {
        return this.deploymentId;
    }
    async create(options) {
        const log = this.log;
        const secrets = options.secrets ?? [];
        const deadline = new Deadline(phaseBudget(options), `recording a deployment in ${options.environment}`);
        try {
            try {
                this.deploymentId = await callWithRetries(`creating a deployment in ${options.environment}`, deadline, 
                // A create that timed out may have landed: retrying could leave a second one.
                { retryTimeouts: false, log }, () => (0,github_deployments/* createDeployment */.Yy)(options.client, options.context, {
                    environment: options.environment,
                    ref: options.ref,
                    description: (0,redact/* deploymentDescription */.kj)(options.description, secrets),
                    payload: (0,redact/* redactPayload */.cy)(options.payload ?? {}, secrets),
                    task: options.task,
                    production: options.production,
                    transient: options.transient,
                }, { signal: deadline.signal, retries: 0 }));
            }
            catch (err) {
                const message = `Could not record the GitHub deployment: ${(0,errors/* errorMessage */.gJ)(err)}`;
                if (options.onGitHubFailure === 'throw')
                    throw new DeploymentRecordingError(message);
                log.warning(message);
                return;
            }
            const id = this.deploymentId;
            log.info(`Recording as GitHub deployment ${id} in ${options.environment}.`);
            // Until its final state is sent, the action's post step can end it (a cancelled job).
            rememberOpenDeployment({ id, environment: options.environment });
            try {
                await this.sendStatus('in_progress', { description: options.description, environmentUrl: options.environmentUrl }, deadline);
            }
            catch (err) {
                // Not fatal: the deployment exists, and finish() still gives it its final state.
                log.warning(`GitHub deployment ${id} could not be set in_progress: ${(0,errors/* errorMessage */.gJ)(err)}. Its final state is still recorded at the end.`);
            }
        }
        finally {
            deadline.end();
        }
    }
    /** Whether GitHub has a deployment for this lifecycle. */
    get recorded() {
        return this.id !== undefined;
    }
    /** The final state asked for first, once finish() has been called. */
    get finalState() {
        return this.final;
    }
    /**
     * Gives the deployment its final state, once `started` has settled (a lifecycle that
     * recorded nothing sends nothing). Only the first call counts: later calls return the
     * first call's outcome and send nothing, so a deployment never gets two final states. The
     * status is retried on server errors, network failures and timeouts (checking first whether
     * an earlier attempt landed after all), within one phase budget; after `success`, earlier
     * live deployments are marked inactive with what is left of it.
     */
    finish(state, finish) {
        // Claimed before any await, so two callers racing cannot both send a final state.
        if (!this.finishing) {
            this.final = state;
            this.finishing = this.sendFinal(state, finish);
        }
        return this.finishing;
    }
    /** Ends the deployment as `error` with the reason a flow stopped for. */
    fail(err, doing = 'Stopped') {
        return this.finish('error', { description: `${doing}: ${(0,errors/* errorMessage */.gJ)(err)}` });
    }
    get log() {
        return this.options?.log ?? defaultLog;
    }
    async sendFinal(state, finish) {
        await this.started;
        const options = this.options;
        const id = this.id;
        if (!options || id === undefined)
            return { recorded: false, deactivated: [] };
        const deadline = new Deadline(phaseBudget(options), `setting deployment ${id} to ${state}`);
        try {
            try {
                await this.sendStatus(state, finish, deadline, { checkEarlierAttempt: true });
                forgetOpenDeployment();
            }
            catch (err) {
                const message = `Could not set GitHub deployment ${id} to ${state}: ${(0,errors/* errorMessage */.gJ)(err)}. It may still read in_progress.`;
                if (options.onGitHubFailure === 'throw')
                    throw new DeploymentRecordingError(message);
                this.log.warning(message);
                return { recorded: false, deactivated: [] };
            }
            const deactivateEarlier = options.deactivateEarlier ?? options.production === true;
            const deactivated = state === 'success' && deactivateEarlier ? await this.deactivateEarlier(id, deadline) : [];
            return { recorded: true, deactivated };
        }
        finally {
            deadline.end();
        }
    }
    async sendStatus(state, status, deadline, { checkEarlierAttempt = false } = {}) {
        const options = this.options;
        const id = this.id;
        if (!options || id === undefined)
            return;
        const secrets = options.secrets ?? [];
        const description = (0,redact/* deploymentDescription */.kj)(status.description, secrets);
        const url = (0,redact/* environmentUrl */.fw)(status.environmentUrl, secrets);
        await callWithRetries(`setting deployment ${id} to ${state}`, deadline, { retryTimeouts: true, log: this.log }, async (attempt) => {
            // A status that failed with 5xx or timed out may have landed all the same: look
            // before sending it again, so the deployment gets one final state, not two.
            if (checkEarlierAttempt && attempt > 1) {
                const latest = await (0,github_deployments.latestDeploymentStatus)(options.client, options.context, id, {
                    signal: deadline.signal,
                    retries: 0,
                }).catch(() => undefined);
                if (latest?.state === state)
                    return;
            }
            await (0,github_deployments.setDeploymentStatus)(options.client, options.context, id, { state, description, environmentUrl: url }, { signal: deadline.signal, retries: 0 });
        });
    }
    /** Marks the environment's earlier live deployments inactive, one request each. */
    async deactivateEarlier(id, deadline) {
        const options = this.options;
        if (!options)
            return [];
        const { client, context, environment } = options;
        let live;
        try {
            const deployments = await (0,github_deployments/* environmentDeployments */.gs)(client, context, environment, {
                signal: deadline.signal,
                retries: 0,
            });
            live = (0,github_deployments/* liveEarlierDeployments */.jG)(deployments, id);
        }
        catch (err) {
            this.log.warning(`Could not read the earlier ${environment} deployments to mark them inactive: ${deadline.expired ? deadline.error().message : (0,errors/* errorMessage */.gJ)(err)}`);
            return [];
        }
        const deactivated = [];
        for (const earlier of live) {
            if (deadline.expired)
                break;
            try {
                await (0,github_deployments.setDeploymentStatus)(client, context, earlier, { state: 'inactive', description: `Replaced by deployment ${id}` }, { signal: deadline.signal, retries: 0 });
                deactivated.push(earlier);
            }
            catch (err) {
                this.log.warning(`Could not mark ${environment} deployment ${earlier} inactive: ${deadline.expired ? deadline.error().message : (0,errors/* errorMessage */.gJ)(err)}`);
            }
        }
        if (deactivated.length > 0) {
            this.log.info(`Marked earlier ${environment} deployment(s) ${deactivated.join(', ')} inactive.`);
        }
        const left = live.filter((earlier) => !deactivated.includes(earlier));
        if (left.length > 0 && deadline.expired) {
            this.log.warning(`Out of time (${(0,durations/* formatDuration */.a3)(deadline.budgetMs)}) with ${environment} deployment(s) ${left.join(', ')} still live; the next successful deployment marks them inactive.`);
        }
        return deactivated;
    }
}
function phaseBudget(options) {
    return options.phaseBudgetMs ?? 3 * (0,client/* githubRequestTimeoutMs */.I6)();
}
/**
 * Runs `flow` so that the deployment ends with exactly one final state on every path: the
 * state the flow sets itself, or `error` with the reason when the flow throws (or returns
 * without setting one). The flow's own error is what the caller sees.
 */
async function settleDeployment(deployment, flow) {
    let thrown;
    try {
        return await flow(deployment);
    }
    catch (err) {
        thrown = { error: err };
        throw err;
    }
    finally {
        if (deployment.finalState === undefined) {
            const ending = thrown
                ? deployment.fail(thrown.error)
                : deployment.finish('error', { description: 'Ended without a final state' });
            // The flow's own error matters more than a failure to record it.
            await ending.catch((err) => {
                if (!thrown)
                    throw err;
                runner_protocol/* warning */.$e((0,errors/* errorMessage */.gJ)(err));
            });
        }
    }
}


/***/ }),

/***/ 4791:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   recordDeployment: () => (/* binding */ recordDeployment)
/* harmony export */ });
/* unused harmony export isProductionEnvironment */
/* harmony import */ var _runner_protocol_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8447);
/* harmony import */ var _deployment_lifecycle_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8704);
// Recording what an action does to an environment as a GitHub Deployment, written once for
// every action that deploys, restores or previews (gated-deploy, rollback, preview-app): when
// it is recorded at all (an environment and a token), how production is named, what the
// payload and the log look like. The lifecycle itself (create, in_progress, one final state)
// is deployment-lifecycle.ts.


/**
 * Whether an environment is production by its name (`production`, `prod`, `Prod-EU`): GitHub
 * only counts `production` itself, and marks earlier deployments inactive by itself outside
 * production only, so flightdeck does that for these.
 */
function isProductionEnvironment(environment) {
    return /^prod/i.test(environment);
}
/**
 * Starts the GitHub Deployment of an action's change (see DeploymentLifecycle.start: it does
 * not wait for GitHub), or a lifecycle that records nothing without an environment or token.
 * Everything masked so far is kept out of what GitHub stores.
 */
function recordDeployment(options) {
    const { client, context, environment } = options;
    if (!environment)
        return _deployment_lifecycle_js__WEBPACK_IMPORTED_MODULE_1__/* .DeploymentLifecycle */ .i.notRecorded();
    if (!client) {
        if (options.withoutToken) {
            const { message, title } = options.withoutToken;
            _runner_protocol_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(message, title ? { title } : undefined);
        }
        return _deployment_lifecycle_js__WEBPACK_IMPORTED_MODULE_1__/* .DeploymentLifecycle */ .i.notRecorded();
    }
    const preview = options.kind === 'preview';
    const production = !preview && isProductionEnvironment(environment);
    return _deployment_lifecycle_js__WEBPACK_IMPORTED_MODULE_1__/* .DeploymentLifecycle */ .i.start({
        client,
        context,
        environment,
        ref: options.ref ?? (context.sha || context.ref),
        description: options.description,
        payload: { flightdeck: { action: options.action, ...options.payload } },
        production,
        ...(preview ? { transient: true } : { deactivateEarlier: production }),
        secrets: _runner_protocol_js__WEBPACK_IMPORTED_MODULE_0__/* .registeredSecrets */ .wW(),
        ...(options.environmentUrl !== undefined ? { environmentUrl: options.environmentUrl } : {}),
        onGitHubFailure: options.onGitHubFailure,
        log: {
            info: (message) => _runner_protocol_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(message),
            warning: (message) => _runner_protocol_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(message, { title: options.warningTitle }),
        },
    });
}


/***/ })

};
