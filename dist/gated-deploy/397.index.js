export const id = 397;
export const ids = [397];
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

/***/ 397:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createRailwayProvider: () => (/* binding */ createRailwayProvider)
});

// EXTERNAL MODULE: ./shared/secrets.ts
var shared_secrets = __webpack_require__(5931);
// EXTERNAL MODULE: ./shared/providers/api.ts
var api = __webpack_require__(1863);
// EXTERNAL MODULE: ./shared/process.ts + 1 modules
var shared_process = __webpack_require__(8548);
// EXTERNAL MODULE: ./shared/providers/types.ts
var types = __webpack_require__(4850);
;// CONCATENATED MODULE: ./shared/providers/railway-api.ts
// Railway's GraphQL API (backboard): which credential a token is and how it travels, and one
// bounded request that reads GraphQL errors from a 200 answer.


const RAILWAY_API_URL = 'https://backboard.railway.com/graphql/v2';
/**
 * The `token` input counts as a project token, since that is what Railway recommends for CI;
 * an account or workspace token is taken from RAILWAY_API_TOKEN.
 */
function railwayCredential(config) {
    const found = config.token
        ? { token: config.token, kind: 'project' }
        : process.env.RAILWAY_TOKEN
            ? { token: process.env.RAILWAY_TOKEN, kind: 'project' }
            : process.env.RAILWAY_API_TOKEN
                ? { token: process.env.RAILWAY_API_TOKEN, kind: 'account' }
                : undefined;
    if (!found) {
        throw new Error('provider `railway` needs a token: set the `token` input or RAILWAY_TOKEN to a project token, or RAILWAY_API_TOKEN to an account or workspace token');
    }
    (0,shared_secrets/* maskSecret */.$l)(found.token);
    return found;
}
/** The CLI reads the same two variables; only the chosen one reaches it. */
function cliEnv(credential) {
    return credential.kind === 'project'
        ? { RAILWAY_TOKEN: credential.token, RAILWAY_API_TOKEN: undefined }
        : { RAILWAY_API_TOKEN: credential.token, RAILWAY_TOKEN: undefined };
}
function authHeaders(credential) {
    return credential.kind === 'project'
        ? { 'Project-Access-Token': credential.token }
        : { Authorization: `Bearer ${credential.token}` };
}
/** Railway answers GraphQL errors with HTTP 200, so they are looked for in the body. */
async function graphql(config, operation, query, variables) {
    const credential = railwayCredential(config);
    const answer = await (0,api/* requestJson */.S)({
        method: 'POST',
        url: config.apiUrl ?? RAILWAY_API_URL,
        headers: authHeaders(credential),
        body: { query, variables },
        timeoutMs: config.timeoutMs,
        service: 'Railway API',
    });
    if (!answer || typeof answer !== 'object') {
        throw new api/* ApiError */.h(`Railway API ${operation} answered without a GraphQL response body`);
    }
    if (Array.isArray(answer.errors) && answer.errors.length > 0) {
        const messages = answer.errors.map((error) => typeof error?.message === 'string' ? error.message : JSON.stringify(error));
        const text = messages.join('; ');
        throw new api/* ApiError */.h(`Railway API ${operation} failed: ${text}${authHint(text, credential)}`);
    }
    if (!answer.data) {
        throw new api/* ApiError */.h(`Railway API ${operation} answered with no data and no error`);
    }
    return answer.data;
}
function authHint(message, credential) {
    if (!/not authori[sz]ed/i.test(message))
        return '';
    return credential.kind === 'project'
        ? ' (the token was sent as a project token: check that it belongs to this project and environment, or pass an account or workspace token through RAILWAY_API_TOKEN)'
        : ' (the token was sent as an account or workspace token: check that it can see this project)';
}
/** Railway lists deployments and variables per environment, and cannot guess which one. */
function requireEnvironmentId(config, purpose) {
    const value = config.settings['environment-id'];
    if (!value) {
        throw new Error(`provider \`railway\` needs the \`environment-id\` input to ${purpose} (the Railway environment's id, shown in the dashboard's environment settings)`);
    }
    return value;
}

;// CONCATENATED MODULE: ./shared/providers/railway-releases.ts
// A Railway service's releases: its deployments in one environment, read through the GraphQL
// API and put in flightdeck's terms (which one serves, which can be rolled back to).


const DEPLOYMENTS_QUERY = `query flightdeckDeployments($input: DeploymentListInput!, $first: Int) {
  deployments(input: $input, first: $first) {
    edges { node { id status createdAt canRollback meta staticUrl } }
  }
}`;
/**
 * Railway's deployment statuses. REMOVED is what a deployment becomes once a newer one
 * replaces it; when Railway still offers it for rollback it ran fine, like Render's
 * `deactivated`, so it counts as succeeded (and can be a rollback target). A REMOVED
 * deployment that cannot be rolled back, and SKIPPED or SLEEPING ones, say nothing sure about
 * how it went: unknown.
 */
function railwayStatus(raw, canRollback) {
    switch (raw.toUpperCase()) {
        case 'SUCCESS':
            return 'succeeded';
        case 'FAILED':
        case 'CRASHED':
            return 'failed';
        case 'BUILDING':
        case 'DEPLOYING':
        case 'INITIALIZING':
        case 'QUEUED':
        case 'WAITING':
        case 'NEEDS_APPROVAL':
        case 'REMOVING':
            return 'in-progress';
        case 'REMOVED':
            return canRollback ? 'succeeded' : 'unknown';
        default:
            return 'unknown';
    }
}
function httpsUrl(host) {
    if (typeof host !== 'string' || host.trim() === '')
        return undefined;
    return /^https?:\/\//i.test(host) ? host : `https://${host}`;
}
function describe(meta, canRollback) {
    const parts = [];
    if (meta && typeof meta === 'object') {
        const { commitMessage, commitHash, branch } = meta;
        if (typeof commitMessage === 'string' && commitMessage)
            parts.push(commitMessage.split('\n')[0] ?? '');
        const where = [
            typeof branch === 'string' ? branch : '',
            typeof commitHash === 'string' ? commitHash.slice(0, 7) : '',
        ]
            .filter(Boolean)
            .join('@');
        if (where)
            parts.push(`(${where})`);
    }
    parts.push(canRollback ? 'can roll back' : 'cannot roll back');
    return parts.join(' ');
}
function toRelease(node, index) {
    if (typeof node.id !== 'string' || node.id === '') {
        throw new api/* ApiError */.h(`Railway API deployments answered an entry without an id (entry ${index + 1})`);
    }
    const rawStatus = typeof node.status === 'string' ? node.status : 'UNKNOWN';
    const canRollback = node.canRollback === true;
    const meta = node.meta && typeof node.meta === 'object' ? node.meta : {};
    return {
        id: node.id,
        status: railwayStatus(rawStatus, canRollback),
        rawStatus,
        image: typeof meta.image === 'string' ? meta.image : undefined,
        createdAt: typeof node.createdAt === 'string' ? node.createdAt : undefined,
        current: false,
        description: describe(node.meta, canRollback),
        url: httpsUrl(node.staticUrl),
    };
}
/** Newest first, whatever order the API used; entries without a date keep their place. */
function newestFirst(releases) {
    if (!releases.every((release) => release.createdAt && !Number.isNaN(Date.parse(release.createdAt)))) {
        return releases;
    }
    return [...releases].sort((a, b) => Date.parse(b.createdAt ?? '') - Date.parse(a.createdAt ?? ''));
}
async function listDeployments(config) {
    const environmentId = requireEnvironmentId(config, 'list deployments');
    const data = await graphql(config, 'deployments', DEPLOYMENTS_QUERY, { input: { serviceId: config.app, environmentId }, first: 20 });
    const edges = data.deployments?.edges;
    if (!Array.isArray(edges)) {
        throw new api/* ApiError */.h(`Railway API deployments answered without deployments.edges for service ${config.app}`);
    }
    const releases = newestFirst(edges.map((edge, index) => toRelease(edge?.node ?? {}, index)));
    // Railway keeps one active deployment per service and environment: the newest SUCCESS.
    const current = releases.find((release) => release.rawStatus.toUpperCase() === 'SUCCESS');
    if (current)
        current.current = true;
    return releases;
}
/** Prints `{"deploymentId","logsUrl"}` on its last line with `--detach --json`. */

;// CONCATENATED MODULE: ./shared/providers/railway.ts
// Railway: deploys through the `railway` CLI (`up`), releases, rollbacks and variables through
// its GraphQL API (railway-api.ts, railway-releases.ts).






function parseUpOutput(args, stdout) {
    const last = stdout
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line.startsWith('{'))
        .pop();
    const shown = `railway ${args.join(' ')}`;
    if (!last) {
        throw new shared_process/* CliError */.z1(`\`${shown}\` printed no JSON line with the deployment id; flightdeck needs a Railway CLI recent enough to support \`up --json\`. It printed: ${JSON.stringify(stdout.trim().slice(0, 120))}`);
    }
    let parsed;
    try {
        parsed = JSON.parse(last);
    }
    catch (err) {
        throw new shared_process/* CliError */.z1(`\`${shown}\` printed a line that is not JSON (${err instanceof Error ? err.message : String(err)}): ${JSON.stringify(last.slice(0, 120))}`);
    }
    const { deploymentId, logsUrl } = (parsed ?? {});
    if (typeof deploymentId !== 'string' || deploymentId === '') {
        throw new shared_process/* CliError */.z1(`\`${shown}\` printed JSON without a deploymentId: ${JSON.stringify(last.slice(0, 120))}`);
    }
    return { deploymentId, logsUrl: typeof logsUrl === 'string' ? logsUrl : undefined };
}
async function deploy(config, request) {
    if (request.image) {
        throw new types/* UnsupportedOperationError */.v('railway', 'deploy a prebuilt image with `railway up`, which uploads the working directory', "set the image as the service's source in Railway and deploy without `image`");
    }
    const credential = railwayCredential(config);
    // Every value as `--flag=value`: clap reads `--service -x` as a missing value and a flag `-x`,
    // and ids and names come from users and the platform.
    const args = ['up', `--service=${config.app}`, '--detach', '--json'];
    // `--environment` takes an id or a name.
    const environmentId = config.settings['environment-id'] ?? request.environment;
    if (environmentId)
        args.push(`--environment=${environmentId}`);
    const projectId = config.settings['project-id'];
    if (projectId) {
        if (!environmentId) {
            throw new Error('provider `railway` needs the `environment-id` input when `project-id` is set (`railway up --project` requires `--environment`)');
        }
        args.push(`--project=${projectId}`);
    }
    args.push(...(request.extraArgs ?? []));
    const result = await (0,shared_process/* runCli */.ak)('railway', args, {
        env: cliEnv(credential),
        cwd: config.cwd,
        timeoutMs: config.timeoutMs,
    });
    const { deploymentId, logsUrl } = parseUpOutput(args, result.stdout);
    config.log(`Railway deployment ${deploymentId} started${logsUrl ? `; build logs: ${logsUrl}` : ''}`);
    return { releaseId: deploymentId };
}
const DEPLOYMENT_QUERY = `query flightdeckDeployment($id: String!) {
  deployment(id: $id) { id status canRollback }
}`;
// The official CLI selects nothing (a Boolean); docs show `{ id status }`. Selecting fields on a
// Boolean, or none on an object, is a validation error, so the second form is the fallback.
const ROLLBACK_SCALAR = `mutation flightdeckRollback($id: String!) {
  deploymentRollback(id: $id)
}`;
const ROLLBACK_OBJECT = `mutation flightdeckRollback($id: String!) {
  deploymentRollback(id: $id) { id status }
}`;
async function rollback(config, target) {
    const found = await graphql(config, 'deployment', DEPLOYMENT_QUERY, { id: target.id });
    if (!found.deployment) {
        throw new api/* ApiError */.h(`Railway has no deployment ${target.id} that this token can see`);
    }
    if (found.deployment.canRollback !== true) {
        throw new api/* ApiError */.h(`Railway says deployment ${target.id} (${found.deployment.status ?? 'status unknown'}) cannot be rolled back to (canRollback is false); choose another deployment, or redeploy that commit`);
    }
    let answer;
    try {
        answer = await graphql(config, 'deploymentRollback', ROLLBACK_SCALAR, { id: target.id });
    }
    catch (err) {
        if (!(err instanceof api/* ApiError */.h) || !/selection|subfield|sub-field/i.test(err.message))
            throw err;
        answer = await graphql(config, 'deploymentRollback', ROLLBACK_OBJECT, { id: target.id });
    }
    const value = answer.deploymentRollback;
    if (value === true || (value && typeof value === 'object')) {
        config.log(`Railway is redeploying deployment ${target.id} of service ${config.app}`);
    }
    if (value === true)
        return {};
    if (value && typeof value === 'object') {
        const id = value.id;
        return typeof id === 'string' ? { releaseId: id } : {};
    }
    throw new api/* ApiError */.h(`Railway API deploymentRollback answered ${JSON.stringify(value ?? null)} for deployment ${target.id}: the rollback was not started`);
}
const SERVICE_PROJECT_QUERY = `query flightdeckServiceProject($id: String!) {
  service(id: $id) { projectId }
}`;
const VARIABLES_UPSERT = `mutation flightdeckVariables($input: VariableCollectionUpsertInput!) {
  variableCollectionUpsert(input: $input)
}`;
async function setSecrets(config, secrets) {
    const names = Object.keys(secrets);
    if (names.length === 0)
        return;
    for (const value of Object.values(secrets))
        (0,shared_secrets/* maskSecret */.$l)(value);
    const environmentId = requireEnvironmentId(config, 'set variables');
    let projectId = config.settings['project-id'];
    if (!projectId) {
        const data = await graphql(config, 'service', SERVICE_PROJECT_QUERY, { id: config.app });
        projectId = data.service?.projectId;
        if (!projectId)
            throw new api/* ApiError */.h(`Railway API service answered no project for service ${config.app}`);
    }
    // Values travel only in the request body; the log names the variables, never their values.
    await graphql(config, 'variableCollectionUpsert', VARIABLES_UPSERT, {
        input: { projectId, environmentId, serviceId: config.app, variables: secrets },
    });
    config.log(`Set ${names.length} Railway variable(s) on service ${config.app}: ${names.join(', ')}`);
}
/** Railway through its CLI (`railway up`) and its public GraphQL API. `app` is the service id. */
function createRailwayProvider(config) {
    return {
        name: 'railway',
        cli: 'railway',
        tokenEnv: ['RAILWAY_TOKEN', 'RAILWAY_API_TOKEN'],
        deploy: (request) => deploy(config, request),
        releases: () => listDeployments(config),
        rollback: (target) => rollback(config, target),
        setSecrets: (secrets) => setSecrets(config, secrets),
        url: async () => {
            const releases = await listDeployments(config);
            return releases.find((release) => release.rawStatus.toUpperCase() === 'SUCCESS' && release.url)?.url;
        },
    };
}


/***/ }),

/***/ 4850:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ UnsupportedOperationError)
/* harmony export */ });
/** A platform cannot do what was asked; the message says what to use instead. */
class UnsupportedOperationError extends Error {
    constructor(provider, operation, instead) {
        super(`provider \`${provider}\` cannot ${operation}; ${instead}`);
        this.name = 'UnsupportedOperationError';
    }
}


/***/ })

};
