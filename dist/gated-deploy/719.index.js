export const id = 719;
export const ids = [719];
export const modules = {

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

/***/ 1863:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ requestJson),
/* harmony export */   h: () => (/* binding */ ApiError)
/* harmony export */ });
/* harmony import */ var _http_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6160);

class ApiError extends Error {
    status;
    constructor(message, status) {
        super(message);
        this.status = status;
        this.name = 'ApiError';
    }
}
/**
 * One JSON request to a platform API (shared/http/client.ts: bounded in time and size, no
 * credential sent to another origin). A non-2xx answer becomes an ApiError with the platform's
 * own message.
 */
async function requestJson(request) {
    const headers = { accept: 'application/json' };
    if (request.token)
        headers.authorization = `Bearer ${request.token}`;
    if (request.body !== undefined)
        headers['content-type'] = 'application/json';
    Object.assign(headers, request.headers);
    const label = `${request.service} ${request.method} ${new URL(request.url).pathname}`;
    let answer;
    try {
        answer = await (0,_http_client_js__WEBPACK_IMPORTED_MODULE_0__/* .httpRequest */ .aj)({
            method: request.method,
            url: request.url,
            headers,
            body: request.body === undefined ? undefined : JSON.stringify(request.body),
            timeoutMs: request.timeoutMs,
            service: request.service,
        });
    }
    catch (err) {
        throw new ApiError(err instanceof Error ? err.message : String(err), err.status);
    }
    const { status, body: text } = answer;
    if (status < 200 || status > 299) {
        throw new ApiError(`${label} answered ${status}: ${platformMessage(text)}`, status);
    }
    if (text.trim() === '')
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        throw new ApiError(`${label} answered ${status} with a body that is not JSON: ${JSON.stringify(text.slice(0, 80))}`, status);
    }
}
/** The platform's own message from an error body, cut so one answer stays one line. */
function platformMessage(text) {
    const found = messageIn(text);
    return found.length > 300 ? `${found.slice(0, 299)}…` : found;
}
function messageIn(text) {
    try {
        const body = JSON.parse(text);
        const message = body.message ?? body.error ?? body.errors?.[0]?.message;
        if (typeof message === 'string')
            return message;
        if (message && typeof message === 'object' && 'message' in message)
            return String(message.message);
    }
    catch {
        // not JSON: show the start of the text
    }
    return JSON.stringify(text.slice(0, 200));
}


/***/ }),

/***/ 5719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RENDER_API_URL: () => (/* binding */ RENDER_API_URL),
/* harmony export */   createRenderProvider: () => (/* binding */ createRenderProvider),
/* harmony export */   renderStatus: () => (/* binding */ renderStatus)
/* harmony export */ });
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5931);
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1863);


const RENDER_API_URL = 'https://api.render.com/v1';
function renderToken(config) {
    const token = config.token ?? process.env.RENDER_API_KEY;
    if (!token) {
        throw new Error('provider `render` needs an API key: set the `token` input or RENDER_API_KEY');
    }
    (0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .maskSecret */ .$l)(token);
    return token;
}
/** One call to Render's REST API for the configured service. */
function renderApi(config, method, path, body) {
    const base = (config.apiUrl ?? RENDER_API_URL).replace(/\/+$/, '');
    return (0,_api_js__WEBPACK_IMPORTED_MODULE_1__/* .requestJson */ .S)({
        method,
        url: `${base}/services/${encodeURIComponent(config.app)}${path}`,
        token: renderToken(config),
        body,
        timeoutMs: config.timeoutMs,
        service: 'Render API',
    });
}
/**
 * Render's deploy statuses. `deactivated` is a deploy that went live and was later replaced:
 * it succeeded, and is what a rollback goes back to.
 */
function renderStatus(raw) {
    const status = raw.toLowerCase();
    if (status === 'live' || status === 'deactivated')
        return 'succeeded';
    if (status.endsWith('_failed') ||
        status === 'failed' ||
        status === 'canceled' ||
        status === 'cancelled') {
        return 'failed';
    }
    if (status === 'created' || status === 'queued' || status.endsWith('_in_progress'))
        return 'in-progress';
    return 'unknown';
}
function describe(deploy) {
    const parts = [];
    const message = deploy.commit?.message;
    if (typeof message === 'string' && message)
        parts.push(message.split('\n')[0] ?? '');
    const commit = deploy.commit?.id;
    if (typeof commit === 'string' && commit)
        parts.push(`(${commit.slice(0, 7)})`);
    if (typeof deploy.trigger === 'string' && deploy.trigger)
        parts.push(`trigger: ${deploy.trigger}`);
    return parts.length > 0 ? parts.join(' ') : undefined;
}
function toRelease(deploy, index) {
    if (typeof deploy.id !== 'string' || deploy.id === '') {
        throw new _api_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .h(`Render API deploys answered an entry without an id (entry ${index + 1})`);
    }
    const rawStatus = typeof deploy.status === 'string' ? deploy.status : 'unknown';
    return {
        id: deploy.id,
        status: renderStatus(rawStatus),
        rawStatus,
        image: typeof deploy.image?.ref === 'string' ? deploy.image.ref : undefined,
        createdAt: typeof deploy.createdAt === 'string' ? deploy.createdAt : undefined,
        current: false,
        description: describe(deploy),
    };
}
/** Newest first, whatever order the API used; entries without a date keep their place. */
function newestFirst(releases) {
    if (!releases.every((release) => release.createdAt && !Number.isNaN(Date.parse(release.createdAt)))) {
        return releases;
    }
    return [...releases].sort((a, b) => Date.parse(b.createdAt ?? '') - Date.parse(a.createdAt ?? ''));
}
async function listDeploys(config) {
    const answer = await renderApi(config, 'GET', '/deploys?limit=20');
    if (!Array.isArray(answer)) {
        throw new _api_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .h(`Render API GET /services/${config.app}/deploys did not answer a list of deploys: ${JSON.stringify(answer ?? null).slice(0, 80)}`);
    }
    const releases = newestFirst(answer.map((item, index) => toRelease(item?.deploy ?? {}, index)));
    // While a new deploy goes live the old one can still say `live` for a moment: only the
    // newest live deploy serves traffic.
    const current = releases.find((release) => release.rawStatus.toLowerCase() === 'live');
    if (current)
        current.current = true;
    return releases;
}
async function deploy(config, request) {
    // An image-backed service deploys the given image; a Git-backed one its branch's latest commit.
    const body = request.image ? { imageUrl: request.image } : {};
    const created = await renderApi(config, 'POST', '/deploys', body);
    const releaseId = typeof created?.id === 'string' ? created.id : undefined;
    config.log(releaseId
        ? `Render deploy ${releaseId} of service ${config.app} started`
        : `Render accepted a deploy of service ${config.app} (no deploy id in the answer)`);
    return { releaseId };
}
async function rollback(config, target) {
    const created = await renderApi(config, 'POST', '/rollback', {
        deployId: target.id,
    });
    config.log(`Render is rolling service ${config.app} back to deploy ${target.id}. A rollback through the API does not turn off autodeploy: the next push to the branch deploys again unless you turn autodeploy off in the service's settings.`);
    return { releaseId: typeof created?.id === 'string' ? created.id : undefined };
}
async function setSecrets(config, secrets) {
    const names = Object.keys(secrets);
    for (const value of Object.values(secrets))
        (0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .maskSecret */ .$l)(value);
    // One key at a time: PUT /env-vars (without a key) replaces the whole set and would drop
    // every variable not named here.
    for (const [key, value] of Object.entries(secrets)) {
        await renderApi(config, 'PUT', `/env-vars/${encodeURIComponent(key)}`, { value });
    }
    if (names.length > 0) {
        config.log(`Set ${names.length} Render environment variable(s) on ${config.app}: ${names.join(', ')}`);
    }
}
async function url(config) {
    const service = await renderApi(config, 'GET', '');
    const found = service?.serviceDetails?.url;
    return typeof found === 'string' && found !== '' ? found : undefined;
}
/** Render through its REST API. `app` is the service id (`srv-…`). */
function createRenderProvider(config) {
    return {
        name: 'render',
        tokenEnv: ['RENDER_API_KEY'],
        deploy: (request) => deploy(config, request),
        releases: () => listDeploys(config),
        rollback: (target) => rollback(config, target),
        setSecrets: (secrets) => setSecrets(config, secrets),
        url: () => url(config),
    };
}


/***/ })

};
