export const id = 965;
export const ids = [965];
export const modules = {

/***/ 2346:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  measureBaseline: () => (/* binding */ measureBaseline),
  runWindow: () => (/* binding */ runWindow)
});

// UNUSED EXPORTS: MAX_MEASUREMENT_MS, MIN_MEASUREMENT_MS, measurementLimitMs, realDeps, realProbe

// EXTERNAL MODULE: ./shared/durations.ts
var durations = __webpack_require__(9503);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(2635);
// EXTERNAL MODULE: ./shared/http/probe.ts
var probe = __webpack_require__(6293);
// EXTERNAL MODULE: ./shared/runner-protocol.ts
var runner_protocol = __webpack_require__(8447);
// EXTERNAL MODULE: ./shared/sleep.ts
var sleep = __webpack_require__(5045);
// EXTERNAL MODULE: ./shared/text.ts
var shared_text = __webpack_require__(2763);
// EXTERNAL MODULE: ./shared/analysis/format.ts
var format = __webpack_require__(5098);
// EXTERNAL MODULE: ./shared/analysis/judge.ts
var judge = __webpack_require__(9182);
// EXTERNAL MODULE: ./shared/http/client.ts
var client = __webpack_require__(6160);
// EXTERNAL MODULE: ./shared/secrets.ts
var secrets = __webpack_require__(5931);
;// CONCATENATED MODULE: ./shared/analysis/prometheus.ts
// One Prometheus instant query (`GET {url}/api/v1/query?query=…`) turned into one number, or
// into an InconclusiveError that says in plain words why no number came. The answer's shape is
// Prometheus' HTTP API (https://prometheus.io/docs/prometheus/latest/querying/api/):
// `{"status":"success","data":{"resultType":"scalar","result":[<ts>,"<value>"]}}`, or a vector
// whose elements are `{"metric":{…},"value":[<ts>,"<value>"]}`; errors are
// `{"status":"error","errorType":…,"error":…}`, sent with a 4xx/5xx status.




/** A measurement that could not be made: it counts against `inconclusive-limit`. */
class InconclusiveError extends Error {
    constructor(message) {
        super(message);
        this.name = 'InconclusiveError';
    }
}
/**
 * One number is a few dozen bytes; a few hundred series with their labels fit well under this.
 * More is a query that selects far too much (and must not grow memory once a second).
 */
const MAX_PROMETHEUS_BYTES = 256 * 1024;
/** Foreign text (Prometheus' own error) in a message: one line, short. */
const FOREIGN_MAX = 160;
function safeDecode(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
/**
 * The request for a check: the query path added to the base URL, and a user:password in the URL
 * sent as Basic authentication (as curl and browsers do; the HTTP client does not), so the URL
 * itself never carries it.
 */
function prometheusRequest(check) {
    const base = new URL(check.url);
    const headers = { ...check.headers };
    if (base.username || base.password) {
        const hasAuthorization = Object.keys(headers).some((name) => /^authorization$/i.test(name));
        if (!hasAuthorization) {
            const user = safeDecode(base.username);
            const password = safeDecode(base.password);
            headers.Authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
        }
    }
    const url = new URL((0,secrets/* withoutCredentials */.ri)(check.url));
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/api/v1/query`;
    url.search = new URLSearchParams({ query: check.query }).toString();
    return { url: url.toString(), headers };
}
/** A sample value as Prometheus writes it (Go's float formatting: `0.01`, `1e-05`, `NaN`, `+Inf`). */
function parseSampleValue(value) {
    if (typeof value !== 'string')
        return undefined;
    if (/^[+-]?inf$/i.test(value))
        return value.startsWith('-') ? -Infinity : Infinity;
    if (/^nan$/i.test(value))
        return NaN;
    if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(value))
        return undefined;
    return Number(value);
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The number in a `[<ts>, "<value>"]` pair, or why there is none. */
function sampleValue(pair, what) {
    const raw = Array.isArray(pair) ? pair[1] : undefined;
    const value = parseSampleValue(raw);
    if (value === undefined) {
        const shown = typeof raw === 'string' ? JSON.stringify((0,format/* oneLine */.TN)(raw, 40)) : 'no value';
        throw new InconclusiveError(`Prometheus answered ${shown} for ${what}, not a number`);
    }
    if (Number.isNaN(value)) {
        // NaN is what a ratio over no traffic gives (0/0): there was nothing to judge.
        throw new InconclusiveError(`Prometheus answered NaN for ${what} (no data to compute it from)`);
    }
    return value;
}
/** The one number in a successful answer's `data`. */
function prometheus_valueOf(data) {
    if (!isObject(data))
        throw new InconclusiveError('Prometheus answered without data');
    const { resultType, result } = data;
    if (resultType === 'scalar')
        return sampleValue(result, 'the scalar');
    if (resultType === 'vector') {
        if (!Array.isArray(result))
            throw new InconclusiveError('Prometheus answered a vector without result');
        if (result.length === 0) {
            throw new InconclusiveError('Prometheus answered an empty vector: no series matched the query');
        }
        if (result.length > 1) {
            throw new InconclusiveError(`Prometheus answered ${result.length} series; the query must return one (wrap it in sum(...) or similar)`);
        }
        const series = result[0];
        return sampleValue(isObject(series) ? series.value : undefined, 'the series');
    }
    if (resultType === 'matrix') {
        throw new InconclusiveError('Prometheus answered a matrix (a range vector such as x[5m]); the query must give one value, e.g. rate(x[5m])');
    }
    throw new InconclusiveError(`Prometheus answered a result of type ${JSON.stringify((0,format/* oneLine */.TN)(String(resultType), 20))}, not a number`);
}
/** Where Prometheus is, as messages show it: origin and path only (never user:password@). */
function shownBase(url) {
    try {
        const parsed = new URL(url);
        return (0,format/* oneLine */.TN)(`${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`, 60);
    }
    catch {
        return 'its URL';
    }
}
/** Why the request itself failed, in words that carry no credential (origin and path only). */
function requestFailure(err, where, timeoutMs) {
    const message = err instanceof Error ? err.message : String(err);
    if (/did not answer within|Request timeout/i.test(message)) {
        return new InconclusiveError(`Prometheus at ${where} did not answer within ${(0,durations/* formatDuration */.a3)(timeoutMs)}`);
    }
    if (/answered with more than/.test(message)) {
        return new InconclusiveError(`Prometheus at ${where} answered with more than ${MAX_PROMETHEUS_BYTES / 1024} KiB; the query must return one number`);
    }
    // The client's message names the service, method and path, then what happened (`failed:
    // connect ECONNREFUSED 127.0.0.1:9090`, `was redirected to another origin …`); a query string
    // is dropped all the same, it only makes the line long.
    const rest = message.replace(/^Prometheus \w+ \S+ /, '').replace(/\?\S*/g, '');
    const reason = rest.startsWith('failed: ')
        ? `could not be reached: ${rest.slice('failed: '.length)}`
        : rest;
    return new InconclusiveError(`Prometheus at ${where} ${(0,format/* oneLine */.TN)(reason, FOREIGN_MAX)}`);
}
/**
 * Runs the check's query once and returns its number. Bounded by `timeoutMs` for the whole
 * exchange and by MAX_PROMETHEUS_BYTES for the answer; headers never go to another origin (the
 * HTTP client refuses such a redirect). Throws InconclusiveError for anything it cannot use.
 */
async function queryPrometheus(check, timeoutMs) {
    const request = prometheusRequest(check);
    const where = shownBase(check.url);
    let answer;
    try {
        answer = await (0,client/* httpRequest */.aj)({
            method: 'GET',
            url: request.url,
            headers: { Accept: 'application/json', ...request.headers },
            timeoutMs,
            service: 'Prometheus',
            maxBytes: MAX_PROMETHEUS_BYTES,
        });
    }
    catch (err) {
        if (err instanceof client/* HttpError */.j$ || err instanceof Error)
            throw requestFailure(err, where, timeoutMs);
        throw err;
    }
    let body;
    try {
        body = JSON.parse(answer.body);
    }
    catch {
        body = undefined;
    }
    // Prometheus sends its errors as JSON with a 4xx/5xx status: its words say more than the status.
    if (isObject(body) && body.status === 'error') {
        const type = typeof body.errorType === 'string' ? `${body.errorType}: ` : '';
        const error = typeof body.error === 'string' ? body.error : 'no reason given';
        throw new InconclusiveError(`Prometheus refused the query (${(0,format/* oneLine */.TN)(`${type}${error}`, FOREIGN_MAX)})`);
    }
    if (answer.status < 200 || answer.status > 299) {
        throw new InconclusiveError(`Prometheus at ${where} answered HTTP ${answer.status}`);
    }
    if (!isObject(body) || body.status !== 'success') {
        throw new InconclusiveError(`Prometheus at ${where} answered with something that is not its query API's JSON`);
    }
    return prometheus_valueOf(body.data);
}

// EXTERNAL MODULE: ./shared/analysis/samples.ts
var samples = __webpack_require__(730);
;// CONCATENATED MODULE: ./shared/analysis/engine.ts
// The analysis engine: one window of measurements on a fixed schedule, judged as it goes and
// once more at its end. gated-deploy runs one window per traffic step (or one without steps),
// health-check one `watch` window. Everything it waits on is bounded: each measurement by
// min(interval, 10s), the window by its duration.










/** No measurement waits longer than this for its answers, however long the interval. */
const MAX_MEASUREMENT_MS = 10_000;
/**
 * The least time a request or query of a measurement gets, however short the interval: with
 * measurements every 100 ms, a 150 ms answer from a busy runner or a far region would otherwise
 * count as a failed request. A measurement that takes longer skips the slots it overran; the
 * schedule itself stays start to start.
 */
const MIN_MEASUREMENT_MS = 1000;
/** How long each request and query of a measurement may take: the interval, within 1-10 s. */
function measurementLimitMs(intervalMs) {
    return Math.min(Math.max(intervalMs, MIN_MEASUREMENT_MS), MAX_MEASUREMENT_MS);
}
/** The real probe: one GET through the probe engine, redirects followed within its rules. */
async function realProbe(url, headers, timeoutMs) {
    const outcome = await (0,probe/* sendProbe */.N)({
        url,
        method: 'GET',
        headers,
        timeoutMs,
        followRedirects: true,
        insecure: false,
        ipVersion: 0,
    });
    if (outcome.ok)
        return { status: outcome.response.status, latencyMs: outcome.response.latencyMs };
    return { error: outcome.error, latencyMs: outcome.latencyMs };
}
const realDeps = {
    clock: { now: () => performance.now(), sleep: (ms) => (0,sleep/* sleep */.y)(ms) },
    probe: realProbe,
    prometheus: queryPrometheus,
    log: (line) => runner_protocol/* info */.pq(line),
    random: Math.random,
};
/** Past `ms` (+1s grace), `fallback` wins: a dependency that ignores its limit cannot stall a window. */
async function bounded(work, ms, fallback) {
    let timer;
    const backstop = new Promise((resolve, reject) => {
        timer = setTimeout(() => {
            try {
                resolve(fallback());
            }
            catch (err) {
                reject(err);
            }
        }, ms + 1000);
        timer.unref?.();
    });
    try {
        return await Promise.race([work, backstop]);
    }
    finally {
        clearTimeout(timer);
    }
}
/**
 * Runs `measure` at start + k·interval while that is before start + duration, start to start:
 * a measurement that overran (it cannot by more than its bound) skips the slots it missed
 * instead of bunching the next ones up. Stops when `measure` returns true.
 */
async function onSchedule(clock, durationMs, intervalMs, measure) {
    const start = clock.now();
    for (let slot = 0; slot * intervalMs < durationMs;) {
        const wait = start + slot * intervalMs - clock.now();
        if (wait > 0)
            await clock.sleep(wait);
        if (await measure(slot * intervalMs)) {
            // Early only when a measurement was still to come.
            const endedEarly = (slot + 1) * intervalMs < durationMs;
            return { endedEarly, elapsedMs: clock.now() - start };
        }
        slot = Math.max(slot + 1, Math.ceil((clock.now() - start) / intervalMs));
    }
    return { endedEarly: false, elapsedMs: clock.now() - start };
}
/** One request per URL, in parallel, each within `timeoutMs`, all added to the tally. */
async function sampleUrls(settings, tally, timeoutMs, deps) {
    const noAnswer = () => ({
        latencyMs: timeoutMs,
        error: `no answer within ${(0,durations/* formatDuration */.a3)(timeoutMs)}`,
    });
    const results = await Promise.all(settings.urls.map((url) => bounded(
    // A probe that throws, even before returning a promise, is a request that failed.
    Promise.resolve()
        .then(() => deps.probe(url, settings.headers, timeoutMs))
        .catch((err) => ({ latencyMs: 0, error: (0,errors/* errorMessage */.gJ)(err) })), timeoutMs, noAnswer)));
    settings.urls.forEach((url, index) => tally.add(url, results[index] ?? noAnswer()));
}
/** The metric's value, or why it could not be had. */
async function sampleMetric(check, timeoutMs, deps) {
    try {
        const query = Promise.resolve().then(() => deps.prometheus(check, timeoutMs));
        const value = await bounded(query, timeoutMs, () => {
            throw new InconclusiveError(`Prometheus did not answer within ${(0,durations/* formatDuration */.a3)(timeoutMs)}`);
        });
        return { value };
    }
    catch (err) {
        return { problem: (0,format/* oneLine */.TN)((0,errors/* errorMessage */.gJ)(err), 200) };
    }
}
function counts(failures, inconclusives, settings) {
    return `(failed ${failures}/${settings.failureLimit}, inconclusive ${inconclusives}/${settings.inconclusiveLimit})`;
}
/** `[at 10%] 0:40 · 20 samples · errors 5% · p50 42ms p95 88ms · metric 0.01 · ok (failed 0/3, inconclusive 0/3)` */
function logLine(measurement, settings, options, tail) {
    const parts = [(0,format/* formatElapsed */.C7)(measurement.atMs, settings.intervalMs)];
    if (settings.urls.length > 0) {
        parts.push((0,shared_text/* plural */.LS)(measurement.samples, 'sample'));
        parts.push(`errors ${(0,format/* formatPercent */.l9)(measurement.errorRate ?? 0)}`);
        const p50 = measurement.p50 === undefined ? '-' : (0,format/* formatMs */._V)(measurement.p50);
        const p95 = measurement.p95 === undefined ? '-' : (0,format/* formatMs */._V)(measurement.p95);
        parts.push(`p50 ${p50} p95 ${p95}`);
    }
    if (settings.limits.prometheus) {
        parts.push(`metric ${measurement.metric === undefined ? '?' : (0,format/* formatMetric */.gI)(measurement.metric)}`);
    }
    const outcome = measurement.outcome === 'ok' ? 'ok' : `${measurement.outcome}: ${measurement.problem ?? ''}`;
    parts.push(`${outcome} ${tail}`);
    return `${options.label ? `[${(0,format/* oneLine */.TN)(options.label, 40)}] ` : ''}${parts.join(' · ')}`;
}
/**
 * Runs one analysis window and returns its verdict. A measurement fails when the window's
 * figures so far break a limit (HTTP limits once every URL has 5 samples, the metric from its
 * first value); it is inconclusive when the Prometheus query could not be made and nothing
 * failed. One failure past `failureLimit` ends the window `fail` at once, one inconclusive past
 * `inconclusiveLimit` ends it `inconclusive`. At its end the whole window is judged once more.
 */
async function runWindow(settings, options = {}, overrides = {}) {
    const deps = { ...realDeps, ...overrides };
    const check = settings.limits.prometheus;
    const timeoutMs = measurementLimitMs(settings.intervalMs);
    const tally = new judge/* Tally */.F0(settings.urls, settings.statuses, deps.random);
    const measurements = new samples/* EvenlyThinned */.K4();
    const metrics = new samples/* EvenlyThinned */.K4();
    let failures = 0;
    let inconclusives = 0;
    let lastInconclusive = '';
    let early;
    const schedule = await onSchedule(deps.clock, settings.durationMs, settings.intervalMs, async (atMs) => {
        const [, metric] = await Promise.all([
            sampleUrls(settings, tally, timeoutMs, deps),
            check ? sampleMetric(check, timeoutMs, deps) : undefined,
        ]);
        const figures = tally.figures();
        const measurement = { atMs, samples: figures.samples, outcome: 'ok' };
        if (settings.urls.length > 0) {
            Object.assign(measurement, {
                errorRate: figures.errorRate,
                p50: figures.p50,
                p95: figures.p95,
            });
        }
        let problem = settings.urls.length > 0 && tally.judgeable()
            ? (0,judge/* httpProblem */.SK)(figures, settings.limits, options.baseline)
            : undefined;
        if (check && metric && 'value' in metric) {
            measurement.metric = metric.value;
            metrics.add(metric.value);
            problem ??= (0,judge/* metricProblem */.YT)(check.condition, metric.value);
        }
        if (problem !== undefined) {
            failures++;
            Object.assign(measurement, { outcome: 'failed', problem });
        }
        else if (metric && 'problem' in metric) {
            inconclusives++;
            lastInconclusive = metric.problem;
            Object.assign(measurement, { outcome: 'inconclusive', problem: metric.problem });
        }
        measurements.add(measurement);
        deps.log(logLine(measurement, settings, options, counts(failures, inconclusives, settings)));
        if (failures > settings.failureLimit && problem !== undefined) {
            early = { verdict: 'fail', reason: problem };
        }
        else if (inconclusives > settings.inconclusiveLimit) {
            early = {
                verdict: 'inconclusive',
                // 110: room for `at 100%: ` in front within a Deployment description.
                reason: (0,format/* oneLine */.TN)(`${(0,shared_text/* plural */.LS)(inconclusives, 'measurement')} could not be made: ${lastInconclusive}`, 110),
            };
        }
        return early !== undefined;
    });
    const figures = tally.figures();
    const verdict = early ?? finalVerdict(settings, tally, options.baseline, metrics.count, lastInconclusive);
    return {
        verdict: verdict.verdict,
        reason: verdict.reason,
        samples: figures.samples,
        errorRate: figures.errorRate,
        p50: figures.p50,
        p95: figures.p95,
        metrics: metrics.items(),
        measurements: measurements.items(),
        failures,
        inconclusives,
        durationMs: Math.round(schedule.elapsedMs),
        endedEarly: schedule.endedEarly,
    };
}
/**
 * The whole window judged once more: a limit the window's figures break fails it even when
 * fewer measurements failed than tolerated; too few samples of a URL, or a Prometheus condition
 * that never got a value, make it inconclusive. Never a silent pass.
 */
function finalVerdict(settings, tally, baseline, metricValues, lastInconclusive) {
    const fewest = tally.fewest();
    if (fewest !== undefined) {
        if (!tally.judgeable()) {
            return { verdict: 'inconclusive', reason: (0,judge/* tooFewSamples */.Kq)(fewest.url, fewest.count) };
        }
        const problem = (0,judge/* httpProblem */.SK)(tally.figures(), settings.limits, baseline);
        if (problem !== undefined)
            return { verdict: 'fail', reason: problem };
    }
    // A condition never compared with a value held nothing (even when the URLs passed).
    if (settings.limits.prometheus && metricValues === 0) {
        const why = lastInconclusive === '' ? 'the window held no measurement' : lastInconclusive;
        return { verdict: 'inconclusive', reason: (0,format/* oneLine */.TN)(`no Prometheus value: ${why}`, 110) };
    }
    if (fewest === undefined && !settings.limits.prometheus) {
        return {
            verdict: 'inconclusive',
            reason: 'nothing was sampled: no URL and no Prometheus query',
        };
    }
    return { verdict: 'pass', reason: 'all limits held' };
}
/**
 * The release serving before the deploy, sampled like the window (same URLs, headers, statuses
 * and interval) for `durationMs` with no limits: its p50 and p95, or undefined when no request
 * got an answer (then `max-latency-regression` has nothing to compare with).
 */
async function measureBaseline(settings, durationMs, overrides = {}) {
    const deps = { ...realDeps, ...overrides };
    const timeoutMs = measurementLimitMs(settings.intervalMs);
    const tally = new judge/* Tally */.F0(settings.urls, settings.statuses, deps.random);
    await onSchedule(deps.clock, durationMs, settings.intervalMs, async () => {
        await sampleUrls(settings, tally, timeoutMs, deps);
        return false;
    });
    const figures = tally.figures();
    if (figures.p50 === undefined || figures.p95 === undefined) {
        deps.log(`baseline: ${figures.samples} samples, none answered: no baseline to compare with`);
        return undefined;
    }
    deps.log(`baseline: ${figures.samples} samples over ${(0,durations/* formatDuration */.a3)(durationMs)} · p50 ${(0,format/* formatMs */._V)(figures.p50)} p95 ${(0,format/* formatMs */._V)(figures.p95)}`);
    return { p50: figures.p50, p95: figures.p95, samples: figures.samples };
}


/***/ }),

/***/ 6160:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aj: () => (/* binding */ httpRequest),
/* harmony export */   j$: () => (/* binding */ HttpError)
/* harmony export */ });
/* unused harmony exports MAX_BODY_BYTES, MAX_DOWNLOAD_BYTES, downloadFile */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _durations_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9503);
// One HTTP client for every platform API call and download: through @actions/http-client (it
// honours the runner's proxy settings), within a time limit that covers the whole exchange
// (the socket is destroyed when it passes), with the answer's size capped, and with redirects
// followed only within the origin the credentials were given for.


class HttpError extends Error {
    status;
    body;
    constructor(message, status, body) {
        super(message);
        this.status = status;
        this.body = body;
        this.name = 'HttpError';
    }
}
/** The most of an API answer flightdeck reads: an endless body cannot grow memory. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** The most of a download (a CLI archive) flightdeck writes. */
const MAX_DOWNLOAD_BYTES = (/* unused pure expression or super */ null && (512 * 1024 * 1024));
const MAX_REDIRECTS = 5;
let clientModule;
/** @actions/http-client loads undici; only a path that makes a request pays for it. */
function loadClient() {
    clientModule ??= Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(942)]).then(__webpack_require__.bind(__webpack_require__, 4942));
    return clientModule;
}
function label(request, url) {
    return `${request.service} ${request.method} ${url.pathname}`;
}
/**
 * Sends one request and hands the response stream to `consume`, following same-origin
 * redirects. The time limit covers connecting, redirects and reading the whole body.
 */
async function exchange(request, consume) {
    const { HttpClient } = await loadClient();
    const abort = new AbortController();
    const client = new HttpClient('flightdeck', [
        {
            // Node's http.request destroys the socket when this signal aborts.
            prepareRequest: (options) => Object.assign(options, { signal: abort.signal }),
            canHandleAuthentication: () => false,
            handleAuthentication: () => Promise.reject(new Error('not supported')),
        },
    ], { allowRedirects: false, allowRetries: false, socketTimeout: request.timeoutMs });
    let url = new URL(request.url);
    let method = request.method;
    let body = request.body;
    let timedOut = false;
    const timer = setTimeout(() => {
        timedOut = true;
        abort.abort();
    }, request.timeoutMs);
    // Restarted by every sign of life (an answer, a chunk of body); fires after stallMs without one.
    let stalled = false;
    let stallTimer;
    const alive = () => {
        if (request.stallMs === undefined)
            return;
        clearTimeout(stallTimer);
        stallTimer = setTimeout(() => {
            stalled = true;
            abort.abort();
        }, request.stallMs);
    };
    alive();
    try {
        for (let redirects = 0;; redirects++) {
            const response = await client.request(method, url.toString(), body ?? null, {
                ...request.headers,
            });
            alive();
            const status = response.message.statusCode ?? 0;
            const location = response.message.headers.location;
            if (status >= 300 && status < 400 && location) {
                response.message.resume();
                const next = new URL(location, url);
                const credentialFree = Object.keys(request.headers ?? {}).length === 0;
                if (next.origin !== url.origin && !(request.anyOriginRedirects && credentialFree)) {
                    throw new HttpError(`${label(request, url)} was redirected to another origin (${next.origin}); flightdeck does not send credentials there`, status);
                }
                if (url.protocol === 'https:' && next.protocol !== 'https:') {
                    throw new HttpError(`${label(request, url)} was redirected from https to ${next.protocol} (${next.origin}); flightdeck does not follow it`, status);
                }
                if (redirects >= MAX_REDIRECTS) {
                    throw new HttpError(`${label(request, url)} was redirected more than ${MAX_REDIRECTS} times`);
                }
                if (status === 303 || ((status === 301 || status === 302) && method !== 'HEAD')) {
                    method = 'GET';
                    body = undefined;
                }
                url = next;
                continue;
            }
            return await consume(response.message, status, url, alive);
        }
    }
    catch (err) {
        if (err instanceof HttpError)
            throw err;
        if (stalled && !timedOut) {
            throw new HttpError(`${label(request, url)} sent nothing for ${(0,_durations_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(request.stallMs ?? 0)} (stalled)`);
        }
        if (timedOut) {
            throw new HttpError(`${label(request, url)} did not answer within ${(0,_durations_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(request.timeoutMs)}`);
        }
        throw new HttpError(`${label(request, url)} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    finally {
        clearTimeout(timer);
        clearTimeout(stallTimer);
        client.dispose();
    }
}
/** Reads a body up to `maxBytes`; past it the connection is closed and the request fails. */
function readCapped(stream, maxBytes, what) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        stream.on('data', (chunk) => {
            size += chunk.length;
            if (size > maxBytes) {
                // Reject before destroying: destroying emits 'aborted', which must not be the reason.
                reject(new HttpError(`${what} answered with more than ${maxBytes / 1024 / 1024} MiB`));
                stream.destroy();
                return;
            }
            chunks.push(chunk);
        });
        stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        stream.on('error', reject);
        stream.on('aborted', () => reject(new Error('the connection closed mid-answer')));
    });
}
/** One request; the answer's body as text (any status: callers decide what is an error). */
function httpRequest(request) {
    return exchange(request, async (response, status, url) => ({
        status,
        headers: response.headers,
        body: await readCapped(response, request.maxBytes ?? MAX_BODY_BYTES, label(request, url)),
    }));
}
/** Downloads a file to `path` within the time limit and size cap; a non-2xx status fails. */
function downloadFile(request, path) {
    const full = { ...request, method: 'GET' };
    const maxBytes = request.maxBytes ?? MAX_DOWNLOAD_BYTES;
    return exchange(full, async (response, status, url, alive) => {
        if (status < 200 || status > 299) {
            response.resume();
            throw new HttpError(`${label(full, url)} answered ${status}`, status);
        }
        await new Promise((resolve, reject) => {
            const file = createWriteStream(path);
            let size = 0;
            response.on('data', (chunk) => {
                alive();
                size += chunk.length;
                if (size > maxBytes) {
                    reject(new HttpError(`${label(full, url)} sent more than ${maxBytes / 1024 / 1024} MiB`));
                    response.destroy();
                    file.destroy();
                }
            });
            response.on('error', reject);
            response.on('aborted', () => reject(new Error('the connection closed mid-download')));
            file.on('error', reject);
            file.on('finish', resolve);
            response.pipe(file);
        });
    });
}


/***/ }),

/***/ 6293:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ sendProbe)
/* harmony export */ });
/* unused harmony export describeNetworkError */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _durations_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9503);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5931);




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
        const transport = url.protocol === 'https:' ? node_https__WEBPACK_IMPORTED_MODULE_1__ : node_http__WEBPACK_IMPORTED_MODULE_0__;
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
        const timer = setTimeout(() => req.destroy(new ProbeError(`no response within ${(0,_durations_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(request.timeoutMs)}`, true)), remaining);
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
    return Object.fromEntries(Object.entries(headers).filter(([name]) => !(0,_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .isCredentialHeader */ .b5)(name)));
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


/***/ })

};
