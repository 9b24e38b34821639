export const id = 322;
export const ids = [322];
export const modules = {

/***/ 8322:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pollUntilHealthy: () => (/* binding */ pollUntilHealthy)
});

// UNUSED EXPORTS: nextInterval, sleep

// EXTERNAL MODULE: ./shared/durations.ts
var durations = __webpack_require__(9503);
;// CONCATENATED MODULE: ./shared/text.ts
/** `1 attempt`, `3 attempts`. */
function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
/** The value when it is an http(s) URL: links in messages never carry another scheme. */
function httpUrlOrUndefined(value) {
    if (typeof value !== 'string')
        return undefined;
    try {
        const url = new URL(value);
        return url.protocol === 'https:' || url.protocol === 'http:' ? value : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Text on one line: every line break and other control character (C0, DEL, C1 such as U+0085,
 * U+2028/U+2029), with the white space around it, becomes one space.
 */
function oneLine(text) {
    return text.replace(/\s*[\p{Cc}\u2028\u2029]+\s*/gu, ' ').trim();
}
/** At most `max` characters (UTF-16 units), ending with `…` when cut; surrogate pairs kept whole. */
function clip(text, max) {
    if (text.length <= max)
        return text;
    let cut = text.slice(0, Math.max(0, max - 1));
    if (/[\ud800-\udbff]$/.test(cut))
        cut = cut.slice(0, -1);
    return `${cut}…`;
}

// EXTERNAL MODULE: external "node:vm"
var external_node_vm_ = __webpack_require__(714);
;// CONCATENATED MODULE: ./shared/http/bounded-regex.ts


/** How long one match of a user's pattern may run: a pattern that backtracks badly stops here. */
const REGEX_TIME_LIMIT_MS = 1000;
/**
 * Whether `pattern` matches `text`, run where V8 can interrupt it: a user's regular expression
 * (`body-matches`) with nested quantifiers can take exponential time on a hostile body, and a
 * plain `RegExp.test` cannot be stopped. Throws with a reason when it runs past the limit.
 */
function boundedTest(pattern, text, limitMs = REGEX_TIME_LIMIT_MS) {
    const context = (0,external_node_vm_.createContext)({ pattern, text });
    try {
        pattern.lastIndex = 0;
        return (0,external_node_vm_.runInContext)('pattern.test(text)', context, { timeout: limitMs }) === true;
    }
    catch (err) {
        if (err.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
            throw new Error(`matching ${String(pattern)} took longer than ${(0,durations/* formatDuration */.a3)(limitMs)} on a ${text.length}-character body; simplify the pattern (nested quantifiers such as (a+)+ backtrack without end)`);
        }
        throw err;
    }
}

// EXTERNAL MODULE: ./shared/http/json-assertions.ts
var json_assertions = __webpack_require__(1563);
// EXTERNAL MODULE: ./shared/http/status.ts
var http_status = __webpack_require__(7845);
;// CONCATENATED MODULE: ./shared/http/expectations.ts




/**
 * One assertion's verdict, whatever the body holds: checkAssertion is written to cope with any
 * JSON, and should it still throw, that is this probe failing with a reason, not the poller
 * (and with it the step's outputs and summary) crashing.
 */
function checkSafely(document, assertion) {
    try {
        return (0,json_assertions/* checkAssertion */.nD)(document, assertion);
    }
    catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        return `${assertion.path} could not be checked (${why})`;
    }
}
/** Why a response is not healthy, or undefined when it is. */
function unmetExpectation(response, expect) {
    if (!(0,http_status/* statusMatches */.W)(expect.statuses, response.status)) {
        return `status ${response.status} not in ${expect.statuses.text}`;
    }
    if (expect.maxLatencyMs !== undefined && response.latencyMs > expect.maxLatencyMs) {
        return `latency ${response.latencyMs}ms over ${(0,durations/* formatDuration */.a3)(expect.maxLatencyMs)}`;
    }
    if (expect.bodyContains !== undefined && !response.body.includes(expect.bodyContains)) {
        return `body does not contain ${JSON.stringify(expect.bodyContains)}`;
    }
    if (expect.bodyMatches) {
        let matched;
        try {
            matched = boundedTest(expect.bodyMatches, response.body);
        }
        catch (err) {
            return err instanceof Error ? err.message : String(err);
        }
        if (!matched)
            return `body does not match ${String(expect.bodyMatches)}`;
    }
    if (expect.jsonAssertions.length > 0) {
        let document;
        try {
            document = JSON.parse(response.body);
        }
        catch (err) {
            const why = err instanceof Error ? err.message : String(err);
            const cut = response.truncated ? ', cut at 1 MiB' : '';
            return `body is not JSON (${why}${cut})`;
        }
        const failures = expect.jsonAssertions
            .map((assertion) => checkSafely(document, assertion))
            .filter((failure) => failure !== undefined);
        if (failures.length > 0)
            return failures.join('; ');
    }
    return undefined;
}

// EXTERNAL MODULE: ./shared/sleep.ts
var sleep = __webpack_require__(5045);
// EXTERNAL MODULE: ./shared/secrets.ts
var secrets = __webpack_require__(5931);
;// CONCATENATED MODULE: ./shared/http/limits.ts
// Bounds of the probe engine, in a module of their own so input schemas can name them without
// loading the network code.
/**
 * The shortest wait between two probes of one URL, whatever the inputs and jitter say: no
 * combination of interval, backoff and max-interval can flood a server.
 */
const MIN_INTERVAL_MS = 100;

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
;// CONCATENATED MODULE: ./shared/http/probe.ts




const MAX_BODY_BYTES = 1024 * 1024;
const MAX_REDIRECTS = 10;
class ProbeError extends Error {
    timedOut;
    constructor(message, timedOut = false) {
        super(message);
        this.timedOut = timedOut;
    }
}
/** A short reason a person can act on, from a Node network error. */
function describeNetworkError(err, host) {
    const code = err?.code ?? '';
    const message = err instanceof Error ? err.message : String(err);
    if (message === 'socket hang up')
        return `${host} closed the connection without a response`;
    switch (code) {
        case 'ECONNREFUSED':
            return `connection refused by ${host}`;
        case 'ENOTFOUND':
        case 'EAI_AGAIN':
        case 'EAI_NODATA':
        case 'EAI_NONAME':
            return `DNS lookup failed for ${host} (${code})`;
        case 'ECONNRESET':
            return `connection reset by ${host}`;
        case 'EHOSTUNREACH':
        case 'ENETUNREACH':
            return `${host} is unreachable (${code})`;
        case 'ETIMEDOUT':
            return `connection to ${host} timed out`;
    }
    if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code) ||
        /certificate|TLS|SSL/i.test(message)) {
        return `TLS error: ${message}${code ? ` (${code})` : ''} — use \`insecure: true\` only for self-signed test endpoints`;
    }
    return code ? `${message} (${code})` : message;
}
function requestOnce(url, method, headers, body, request, deadline) {
    return new Promise((resolve, reject) => {
        const transport = url.protocol === 'https:' ? external_node_https_ : external_node_http_;
        const remaining = Math.max(1, deadline - performance.now());
        const options = {
            method,
            headers: { 'user-agent': 'flightdeck-health-check', ...headers },
            agent: false,
            family: request.ipVersion || undefined,
            rejectUnauthorized: !request.insecure,
        };
        const req = transport.request(url, options, (res) => {
            const chunks = [];
            let size = 0;
            let truncated = false;
            res.on('data', (chunk) => {
                if (size >= MAX_BODY_BYTES) {
                    truncated = true;
                    return;
                }
                chunks.push(chunk);
                size += chunk.length;
            });
            res.on('end', () => {
                cleanup();
                resolve({
                    status: res.statusCode ?? 0,
                    headers: res.headers,
                    body: Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString('utf8'),
                    truncated,
                });
            });
            res.on('error', fail);
            res.on('aborted', () => fail(new ProbeError(`${url.host} closed the connection mid-response`)));
        });
        const timer = setTimeout(() => req.destroy(new ProbeError(`no response within ${(0,durations/* formatDuration */.a3)(request.timeoutMs)}`, true)), remaining);
        const onAbort = () => req.destroy(new ProbeError('stopped'));
        request.signal?.addEventListener('abort', onAbort, { once: true });
        function cleanup() {
            clearTimeout(timer);
            request.signal?.removeEventListener('abort', onAbort);
        }
        function fail(err) {
            cleanup();
            reject(err);
        }
        req.on('error', fail);
        if (body !== undefined)
            req.write(body);
        req.end();
    });
}
/** Only the headers that describe the request; any header a user set may be a credential. */
function withoutCredentialHeaders(headers) {
    return Object.fromEntries(Object.entries(headers).filter(([name]) => !(0,secrets/* isCredentialHeader */.b5)(name)));
}
/** Sends one request, following redirects when asked, within the request's time limit. */
async function sendProbe(request) {
    const started = performance.now();
    const deadline = started + request.timeoutMs;
    let url = new URL(request.url);
    let method = request.method.toUpperCase();
    let body = request.body;
    let headers = request.headers;
    const elapsed = () => Math.round(performance.now() - started);
    try {
        for (let redirects = 0;; redirects++) {
            const response = await requestOnce(url, method, headers, body, request, deadline);
            const location = response.headers.location;
            if (request.followRedirects && location && response.status >= 300 && response.status < 400) {
                if (redirects >= MAX_REDIRECTS) {
                    return { ok: false, error: `more than ${MAX_REDIRECTS} redirects`, latencyMs: elapsed() };
                }
                const next = new URL(location, url);
                // 301/302/303 turn into GET, as browsers and curl -L do; 307/308 keep method and body.
                if (response.status === 303 ||
                    ((response.status === 301 || response.status === 302) && method !== 'HEAD')) {
                    method = method === 'HEAD' ? 'HEAD' : 'GET';
                    body = undefined;
                }
                // Credentials are for the origin they were given for: on a redirect elsewhere, no header
                // that may carry one, no body and no user:password from the URL go along.
                if (next.origin !== url.origin) {
                    headers = withoutCredentialHeaders(headers);
                    body = undefined;
                    next.username = '';
                    next.password = '';
                }
                url = next;
                continue;
            }
            return { ok: true, response: { ...response, latencyMs: elapsed(), finalUrl: url.toString() } };
        }
    }
    catch (err) {
        if (err instanceof ProbeError) {
            return { ok: false, error: err.message, latencyMs: elapsed(), timedOut: err.timedOut };
        }
        return { ok: false, error: describeNetworkError(err, url.host), latencyMs: elapsed() };
    }
}

;// CONCATENATED MODULE: ./shared/http/poll.ts







// Callers that wait between probes wait the same way.

const BACKOFF_FACTOR = 1.5;
const JITTER = 0.2;
/** The wait before probe number `attempt + 1`. */
function nextInterval(options, attempt) {
    if (options.backoff === 'fixed')
        return Math.max(MIN_INTERVAL_MS, options.intervalMs);
    const grown = options.intervalMs * BACKOFF_FACTOR ** (attempt - 1);
    const jitter = 1 + ((options.random ?? Math.random)() * 2 - 1) * JITTER;
    return Math.max(MIN_INTERVAL_MS, Math.min(options.maxIntervalMs, grown * jitter));
}
async function pollTarget(target, expect, options, startedAt, deadline, signal) {
    // Reports and logs name the URL without user:password; only the request carries them.
    const shownUrl = (0,secrets/* withoutCredentials */.ri)(target.url);
    const report = {
        url: shownUrl,
        healthy: false,
        attempts: 0,
        history: [],
    };
    let consecutive = 0;
    await (0,sleep/* sleep */.y)(Math.min(options.gracePeriodMs, deadline - performance.now()), signal);
    while (!signal.aborted) {
        const probeStart = performance.now();
        if (probeStart >= deadline)
            break;
        const clipped = deadline - probeStart < options.requestTimeoutMs;
        const outcome = await sendProbe({
            ...target,
            timeoutMs: Math.min(options.requestTimeoutMs, deadline - probeStart),
            signal,
        });
        // A probe cut short because the verdict is already known tells nothing about this URL.
        if (signal.aborted)
            break;
        const cutByDeadline = clipped && !outcome.ok && outcome.timedOut === true;
        const reason = outcome.ok
            ? unmetExpectation(outcome.response, expect)
            : cutByDeadline
                ? 'no response before the time ran out'
                : outcome.error;
        const passed = reason === undefined;
        consecutive = passed ? consecutive + 1 : 0;
        report.attempts += 1;
        const record = {
            url: shownUrl,
            attempt: report.attempts,
            atMs: Math.round(probeStart - startedAt),
            passed,
            status: outcome.ok ? outcome.response.status : undefined,
            latencyMs: outcome.ok ? outcome.response.latencyMs : outcome.latencyMs,
            reason,
            consecutive,
        };
        report.history.push(record);
        report.status = record.status ?? report.status;
        report.latencyMs = record.latencyMs;
        // The last probe may only have been cut off by the deadline, or have passed too few times in
        // a row (a flapping app): the failure before it says more.
        if (reason !== undefined && (!cutByDeadline || report.error === undefined)) {
            report.error = reason;
        }
        if (passed) {
            report.slowestPassingMs = Math.max(report.slowestPassingMs ?? 0, record.latencyMs);
        }
        options.onAttempt?.(record);
        if (consecutive >= options.successThreshold) {
            report.healthy = true;
            report.error = undefined;
            return report;
        }
        if (options.maxAttempts > 0 && report.attempts >= options.maxAttempts) {
            const why = reason ??
                (report.error
                    ? `${report.error}, then too few passing probes in a row`
                    : 'not enough passing probes in a row');
            report.error = `${why} (after ${plural(report.attempts, 'attempt')})`;
            report.outOfAttempts = true;
            return report;
        }
        // The wait runs from the end of one probe to the start of the next, so an endpoint never
        // sees two probes closer together than the interval, however its latency varies.
        const nextStart = performance.now() + nextInterval(options, report.attempts);
        // No probe may start after the deadline: the verdict is known now, so give it now.
        if (nextStart >= deadline)
            break;
        await (0,sleep/* sleep */.y)(nextStart - performance.now(), signal);
    }
    if (!report.healthy && !signal.aborted) {
        const last = report.error ?? 'no probe could be sent';
        report.error = `${last} (timeout ${(0,durations/* formatDuration */.a3)(options.timeoutMs)}, ${plural(report.attempts, 'attempt')})`;
    }
    return report;
}
/**
 * Probes every target in parallel until each is healthy, or one of them is out of attempts, or
 * the time budget runs out. The verdict comes as soon as it is known.
 */
async function pollUntilHealthy(targets, expect, options) {
    const startedAt = performance.now();
    const deadline = startedAt + options.timeoutMs;
    const stop = new AbortController();
    const onOuterAbort = () => stop.abort();
    options.signal?.addEventListener('abort', onOuterAbort, { once: true });
    let firstFailure;
    try {
        const reports = await Promise.all(targets.map(async (target) => {
            const { outOfAttempts, ...report } = await pollTarget(target, expect, options, startedAt, deadline, stop.signal);
            // One URL out of attempts decides the verdict; the others need not run to the timeout.
            if (outOfAttempts && !stop.signal.aborted) {
                firstFailure = report.url;
                stop.abort();
            }
            return report;
        }));
        for (const report of reports) {
            if (report.healthy || report.url === firstFailure || !stop.signal.aborted)
                continue;
            const why = firstFailure ? `${firstFailure} failed first` : 'the check was cancelled';
            report.error = report.error ? `${report.error} (stopped: ${why})` : `stopped: ${why}`;
        }
        const passing = reports
            .map((report) => report.slowestPassingMs)
            .filter((ms) => ms !== undefined);
        return {
            healthy: reports.every((report) => report.healthy),
            attempts: reports.reduce((sum, report) => sum + report.attempts, 0),
            durationMs: Math.round(performance.now() - startedAt),
            slowestPassingMs: passing.length > 0 ? Math.max(...passing) : undefined,
            targets: reports,
        };
    }
    finally {
        options.signal?.removeEventListener('abort', onOuterAbort);
    }
}


/***/ }),

/***/ 5045:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ sleep)
/* harmony export */ });
/** Resolves after `ms`, or at once when the signal aborts. */
function sleep(ms, signal) {
    if (ms <= 0 || signal?.aborted)
        return Promise.resolve();
    return new Promise((resolve) => {
        const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
    });
}


/***/ })

};
