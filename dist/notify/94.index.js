export const id = 94;
export const ids = [94];
export const modules = {

/***/ 4094:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SIGNATURE_HEADER: () => (/* binding */ SIGNATURE_HEADER),
/* harmony export */   sendWebhook: () => (/* binding */ sendWebhook),
/* harmony export */   signature: () => (/* binding */ signature),
/* harmony export */   webhookPayload: () => (/* binding */ webhookPayload)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _durations_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9503);
/* harmony import */ var _channel_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5445);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(512);
/* harmony import */ var _mentions_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(443);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2309);
// Any receiver of your own: the message as JSON (schema `flightdeck.notify/v1`, snake_case).
// With webhook-secret, the exact bytes sent are signed with HMAC-SHA256 and the signature goes
// in `X-Flightdeck-Signature: sha256=<hex>`, as GitHub signs its own webhooks: compute the HMAC
// of the raw body with the shared secret and compare in constant time.






const SIGNATURE_HEADER = 'X-Flightdeck-Signature';
function webhookPayload(message) {
    return {
        schema: 'flightdeck.notify/v1',
        status: message.status,
        status_label: message.style.label,
        emoji: message.style.emoji,
        color: message.style.color,
        title: message.title,
        text: message.text ?? null,
        repository: message.repository,
        repository_url: message.repositoryUrl,
        environment: message.environment ?? null,
        version: message.version ?? null,
        url: message.url ?? null,
        run_url: message.runUrl,
        actor: message.actor ?? null,
        sha: message.sha ?? null,
        commit_url: message.commitUrl ?? null,
        commit_title: message.commitTitle ?? null,
        pull_request: message.pullRequest ?? null,
        branch: message.branch ?? null,
        duration_ms: message.durationMs ?? null,
        duration: message.durationMs !== undefined ? (0,_durations_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(message.durationMs) : null,
        fields: message.fields,
        deployment: message.record
            ? { status: message.record.status, facts: message.record.facts }
            : null,
        mentions: message.mentions.map(_mentions_js__WEBPACK_IMPORTED_MODULE_4__/* .mentionText */ .ah),
        timestamp: message.timestamp,
    };
}
/** `sha256=<hex>` of the body under the secret. */
function signature(body, secret) {
    return `sha256=${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
async function sendWebhook(config, context) {
    const body = JSON.stringify(webhookPayload(context.message));
    const headers = {
        'X-Flightdeck-Event': 'notify',
        // The same id on every attempt: a receiver can drop a retried duplicate.
        'X-Flightdeck-Delivery': (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)(),
    };
    if (config.secret)
        headers[SIGNATURE_HEADER] = signature(body, config.secret);
    const { attempts } = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .withRetries */ .LH)(context.policy, async (timeoutMs) => {
        (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .expectSuccess */ .lb)(await (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .postJson */ .B2)({ url: config.url, body, headers, service: 'Webhook', timeoutMs }), 'Webhook');
    }, (0,_channel_js__WEBPACK_IMPORTED_MODULE_5__/* .retryLog */ .h)(context));
    return { detail: config.secret ? 'delivered, signed' : 'delivered (unsigned)', attempts };
}


/***/ }),

/***/ 512:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  kG: () => (/* binding */ bodyExcerpt),
  lb: () => (/* binding */ expectSuccess),
  B2: () => (/* binding */ postJson)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./shared/durations.ts
var durations = __webpack_require__(9503);
;// CONCATENATED MODULE: ./shared/http/client.ts
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
            throw new HttpError(`${label(request, url)} sent nothing for ${(0,durations/* formatDuration */.a3)(request.stallMs ?? 0)} (stalled)`);
        }
        if (timedOut) {
            throw new HttpError(`${label(request, url)} did not answer within ${(0,durations/* formatDuration */.a3)(request.timeoutMs)}`);
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

// EXTERNAL MODULE: ./shared/notify/message.ts
var message = __webpack_require__(8853);
// EXTERNAL MODULE: ./shared/notify/retry.ts + 1 modules
var retry = __webpack_require__(2309);
;// CONCATENATED MODULE: ./shared/notify/http.ts
// A notification's HTTP request through the one bounded client (shared/http/client.ts), its
// answer sorted into delivered, transient (no connection, no answer, 5xx, 429) or permanent.
// Webhook URLs are credentials: errors name the service, never the URL or its path.



/** Receivers' answers are short; a long one is cut, not read. */
const MAX_ANSWER_BYTES = 1024 * 1024;
/** A short, one-line excerpt of an answer's body for an error message. */
function bodyExcerpt(body) {
    const text = (0,message/* oneLine */.TN)(body);
    return text ? `: ${(0,message/* clip */.$Q)(text, 200)}` : '';
}
/** Sends `body` as JSON; connection problems and time-outs are transient DeliveryErrors. */
async function postJson(post) {
    const url = new URL(post.url);
    try {
        return await httpRequest({
            method: 'POST',
            url: post.url,
            headers: {
                'Content-Type': 'application/json; charset=utf-8',
                Accept: 'application/json, text/plain, */*',
                ...post.headers,
            },
            body: post.body,
            timeoutMs: post.timeoutMs,
            service: post.service,
            maxBytes: MAX_ANSWER_BYTES,
        });
    }
    catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        // The client's messages start with "<service> POST <path>": the path of a webhook URL is
        // its secret, so only the service is named.
        const prefix = `${post.service} POST ${url.pathname}`;
        const detail = message.startsWith(prefix)
            ? message.slice(prefix.length).trim()
            : message.split(url.pathname).join('/…');
        // A redirect elsewhere will not change; a failed connection or a silent receiver may.
        const transient = !(err instanceof HttpError && err.status !== undefined);
        throw new retry/* DeliveryError */.VE(`${post.service} ${detail}`, transient);
    }
}
/**
 * Throws for an answer that is not a 2xx: 429 and 5xx are transient (429 with its Retry-After),
 * anything else is permanent. Returns the answer when it is a 2xx.
 */
function expectSuccess(answer, service) {
    if (answer.status >= 200 && answer.status < 300)
        return answer;
    const what = `${service} answered ${answer.status}${bodyExcerpt(answer.body)}`;
    if (answer.status === 429) {
        throw new retry/* DeliveryError */.VE(what, true, (0,retry/* retryAfterMs */.Vs)(answer.headers['retry-after']));
    }
    throw new retry/* DeliveryError */.VE(what, answer.status >= 500 || answer.status === 408);
}


/***/ })

};
