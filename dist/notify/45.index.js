export const id = 45;
export const ids = [45];
export const modules = {

/***/ 8045:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TEAMS_MESSAGE_MAX_BYTES: () => (/* binding */ TEAMS_MESSAGE_MAX_BYTES),
/* harmony export */   sendTeams: () => (/* binding */ sendTeams),
/* harmony export */   teamsPayload: () => (/* binding */ teamsPayload)
/* harmony export */ });
/* harmony import */ var _channel_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5445);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(512);
/* harmony import */ var _fit_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4989);
/* harmony import */ var _message_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8853);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2309);
// Microsoft Teams: the message as an Adaptive Card posted to an incoming webhook or a Workflows
// ("Post to a channel when a webhook request is received") URL, both of which take
// `{type: "message", attachments: [{contentType: "application/vnd.microsoft.card.adaptive",
// content: <card>}]}`.
//
// TextBlock and Fact values read Markdown in Teams; RichTextBlock's TextRun does not ("Text to
// display. Markdown is not supported", Adaptive Cards schema): every text that is not ours is a
// TextRun, so a commit message cannot add links, emphasis or lists.





/** A value past this many characters is cut: one long value must not crowd out the others. */
const VALUE_MAX = 2000;
/**
 * Teams refuses a message over 28 KB ("Message size limits", Teams incoming webhooks), counted on
 * the JSON as posted; 1 KB stays free for what the connector adds around it.
 */
const TEAMS_MESSAGE_MAX_BYTES = 27 * 1024;
const CONTAINER_STYLE = {
    Good: 'good',
    Attention: 'attention',
    Warning: 'warning',
    Accent: 'accent',
    Default: 'emphasis',
};
/** A TextRun's text: renderers expand `{{DATE(…)}}`/`{{TIME(…)}}`; a zero-width space stops it. */
function inert(text) {
    return text.replace(/\{\{/g, '{\u200b{');
}
function run(text, style = {}) {
    return { type: 'TextRun', text: inert(text), ...style };
}
function richText(inlines, extra = {}) {
    return { type: 'RichTextBlock', inlines, ...extra };
}
function jsonBytes(value) {
    return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
/** One fact as a row: the label in bold on the left, the value (a link when it has one). */
function factRow(fact) {
    return {
        type: 'ColumnSet',
        spacing: 'Small',
        columns: [
            {
                type: 'Column',
                width: '130px',
                items: [richText([run((0,_message_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(fact.label, 200), { weight: 'Bolder' })])],
            },
            {
                type: 'Column',
                width: 'stretch',
                items: [
                    richText([
                        run((0,_message_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(fact.value, VALUE_MAX), {
                            ...(fact.code ? { fontType: 'Monospace' } : {}),
                            ...(fact.url ? { selectAction: { type: 'Action.OpenUrl', url: fact.url } } : {}),
                        }),
                    ]),
                ],
            },
        ],
    };
}
function moreFactsRow(omitted) {
    return richText([run((0,_fit_js__WEBPACK_IMPORTED_MODULE_3__/* .moreFactsNote */ .Fr)(omitted), { italic: true, isSubtle: true })], {
        spacing: 'Small',
    });
}
/** The card around the given fact rows. */
function card(message, rows) {
    const body = [
        {
            type: 'Container',
            style: CONTAINER_STYLE[message.style.adaptiveColor] ?? 'emphasis',
            bleed: true,
            items: [
                richText([
                    run(`${message.style.emoji} ${message.title}`, {
                        weight: 'Bolder',
                        size: 'Large',
                        color: message.style.adaptiveColor,
                    }),
                ]),
            ],
        },
    ];
    if (message.text) {
        body.push(richText([run((0,_message_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(message.text, VALUE_MAX))], { spacing: 'Medium' }));
    }
    body.push(...rows);
    const actions = [
        { type: 'Action.OpenUrl', title: 'Workflow run', url: message.runUrl },
    ];
    if (message.url)
        actions.push({ type: 'Action.OpenUrl', title: 'Open', url: message.url });
    if (message.pullRequest) {
        actions.push({ type: 'Action.OpenUrl', title: 'Pull request', url: message.pullRequest.url });
    }
    else if (message.commitUrl) {
        actions.push({ type: 'Action.OpenUrl', title: 'Commit', url: message.commitUrl });
    }
    return {
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        type: 'AdaptiveCard',
        version: '1.4',
        msteams: { width: 'Full' },
        fallbackText: inert((0,_message_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(`${message.style.emoji} ${message.title}`, 200)),
        body,
        actions,
    };
}
function wrap(content) {
    return {
        type: 'message',
        attachments: [
            { contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content },
        ],
    };
}
/**
 * The message as Teams takes it: the Adaptive Card (schema 1.4, what Teams renders) in a
 * `message`. Facts are kept in order while the whole stays under Teams' size limit; the rest are
 * named in one line ("12 more facts not shown"), as in Discord.
 */
function teamsPayload(message) {
    const rows = (0,_message_js__WEBPACK_IMPORTED_MODULE_1__/* .messageFacts */ .rS)(message)
        .filter((fact) => fact.label !== 'Run')
        .map(factRow);
    // Each row costs its JSON and the comma before it.
    const budget = TEAMS_MESSAGE_MAX_BYTES - jsonBytes(wrap(card(message, [])));
    const { kept, omitted } = (0,_fit_js__WEBPACK_IMPORTED_MODULE_3__/* .fitItems */ .Yf)(rows, {
        budget,
        size: (row) => jsonBytes(row) + 1,
        noteSize: (count) => jsonBytes(moreFactsRow(count)) + 1,
    });
    return wrap(card(message, omitted > 0 ? [...kept, moreFactsRow(omitted)] : kept));
}
/**
 * Classic incoming webhooks answer 200 even when Teams refused the card, with the real status in
 * the text ("Microsoft Teams endpoint returned HTTP error 429 ..."): read it.
 */
function wrappedStatus(body) {
    const match = /returned HTTP error (\d{3})/.exec(body);
    return match ? Number(match[1]) : undefined;
}
async function sendTeams(config, context) {
    const body = JSON.stringify(teamsPayload(context.message));
    const { attempts } = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetries */ .LH)(context.policy, async (timeoutMs) => {
        const answer = (0,_http_js__WEBPACK_IMPORTED_MODULE_0__/* .expectSuccess */ .lb)(await (0,_http_js__WEBPACK_IMPORTED_MODULE_0__/* .postJson */ .B2)({ url: config.webhookUrl, body, service: 'Teams webhook', timeoutMs }), 'Teams webhook');
        const status = wrappedStatus(answer.body);
        if (status !== undefined) {
            throw new _retry_js__WEBPACK_IMPORTED_MODULE_2__/* .DeliveryError */ .VE(`Teams webhook refused the card (HTTP ${status})${(0,_http_js__WEBPACK_IMPORTED_MODULE_0__/* .bodyExcerpt */ .kG)(answer.body)}`, status === 429 || status >= 500);
        }
    }, (0,_channel_js__WEBPACK_IMPORTED_MODULE_4__/* .retryLog */ .h)(context));
    return { detail: 'card posted', attempts };
}


/***/ }),

/***/ 4989:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fr: () => (/* binding */ moreFactsNote),
/* harmony export */   Yf: () => (/* binding */ fitItems),
/* harmony export */   sr: () => (/* binding */ clipEscaped)
/* harmony export */ });
// Fitting a message into what a platform accepts: every receiver has a size limit (Teams refuses
// a message over 28 KB, Discord an embed over 6000 characters or 25 fields), and a cut must never
// leave half an escape sequence or half a link. Channels render each part already escaped, so
// the cutting happens here, on the plain text, before escaping.
/**
 * The text escaped by `escape` in at most `max` characters: when the escaped whole is longer,
 * the longest prefix of whole characters (code points: no surrogate pair is split) whose escaped
 * form fits with a trailing `…`. `escape` must work character by character (each character's
 * escape independent of its neighbours), so no entity or backslash escape is ever cut in two.
 */
function clipEscaped(text, max, escape) {
    const whole = escape(text);
    if (whole.length <= max)
        return whole;
    if (max < 1)
        return '';
    let out = '';
    for (const char of text) {
        const next = escape(char);
        if (out.length + next.length > max - 1)
            break;
        out += next;
    }
    return `${out}…`;
}
/**
 * Keeps items in order while they fit, and when some must go, room for the note that says how
 * many ("12 more facts: see the workflow run"), so a reader knows the message was cut. The first
 * item that does not fit ends the list: a shorter one after it would reorder the facts.
 */
function fitItems(items, options) {
    const maxItems = options.maxItems ?? Number.POSITIVE_INFINITY;
    const sizes = items.map(options.size);
    const total = sizes.reduce((sum, size) => sum + size, 0);
    if (total <= options.budget && items.length <= maxItems)
        return { kept: [...items], omitted: 0 };
    let used = 0;
    let count = 0;
    for (const size of sizes) {
        const omittedAfter = items.length - count - 1;
        if (count + 2 > maxItems)
            break;
        if (used + size + options.noteSize(omittedAfter) > options.budget)
            break;
        used += size;
        count++;
    }
    return { kept: items.slice(0, count), omitted: items.length - count };
}
/** The note's words: "1 more fact" / "12 more facts", and where to read them. */
function moreFactsNote(omitted) {
    return `${omitted} more ${omitted === 1 ? 'fact' : 'facts'} not shown: see the workflow run`;
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
