export const id = 627;
export const ids = [627];
export const modules = {

/***/ 3627:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   discordPayload: () => (/* binding */ discordPayload),
/* harmony export */   escapeDiscord: () => (/* binding */ escapeDiscord),
/* harmony export */   sendDiscord: () => (/* binding */ sendDiscord)
/* harmony export */ });
/* harmony import */ var _channel_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5445);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(512);
/* harmony import */ var _fit_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4989);
/* harmony import */ var _message_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8853);
/* harmony import */ var _mentions_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(443);
/* harmony import */ var _status_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5990);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2309);
// Discord: the message as an embed posted to a webhook ("Execute Webhook",
// https://discord.com/developers/docs/resources/webhook#execute-webhook). The colour is an
// integer; title 256, description 4096, 25 fields of 256/1024, 6000 characters in all.
//
// `allowed_mentions` lists exactly the users and roles of mention-on-failure (and `everyone`
// only when @here/@channel was asked for), so nothing else in the message can ping. Embed text
// reads Discord's Markdown: every ASCII punctuation character of foreign text is
// backslash-escaped, which Discord shows as the character itself.







const TITLE_MAX = 256;
const DESCRIPTION_MAX = 4096;
const FIELD_NAME_MAX = 256;
const FIELD_VALUE_MAX = 1024;
const FIELDS_MAX = 25;
const EMBED_TOTAL_MAX = 6000;
const MORE_NAME = '…';
/** Text Discord shows as written: Markdown, mentions, links and emoji codes escaped. */
function escapeDiscord(text) {
    return text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}
/** Escaped and cut to `max`: an escape is never cut from its character. */
function escapedClip(text, max) {
    return (0,_fit_js__WEBPACK_IMPORTED_MODULE_4__/* .clipEscaped */ .sr)(text, max, escapeDiscord);
}
/** `[text](url)`: the URL may not hold a space or a parenthesis that would end it early. */
function link(text, url, max) {
    const safeUrl = url.replace(/[()\s<>]/g, (char) => encodeURIComponent(char));
    return `[${escapedClip(text, Math.max(1, max - safeUrl.length - 4))}](${safeUrl})`;
}
function fieldValue(fact) {
    if (fact.url)
        return link((0,_message_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(fact.value), fact.url, FIELD_VALUE_MAX);
    return escapedClip(fact.value, FIELD_VALUE_MAX) || '\u200b';
}
function discordPayload(message) {
    const title = (0,_message_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)((0,_message_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(`${message.style.emoji} ${message.title}`), TITLE_MAX);
    const description = message.text ? escapedClip(message.text, DESCRIPTION_MAX) : undefined;
    const footer = (0,_message_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(`${message.repository} · flightdeck`, 2048);
    const rendered = (0,_message_js__WEBPACK_IMPORTED_MODULE_1__/* .messageFacts */ .rS)(message).map((fact) => ({
        name: (0,_message_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)((0,_message_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(fact.label), FIELD_NAME_MAX) || '\u200b',
        value: fieldValue(fact),
        inline: !fact.long,
    }));
    // Fields are kept in order while the embed stays within its limits; the rest are named in a
    // last field, so a reader knows the message was cut.
    const { kept, omitted } = (0,_fit_js__WEBPACK_IMPORTED_MODULE_4__/* .fitItems */ .Yf)(rendered, {
        budget: EMBED_TOTAL_MAX - title.length - (description?.length ?? 0) - footer.length,
        maxItems: FIELDS_MAX,
        size: (field) => field.name.length + field.value.length,
        noteSize: (count) => MORE_NAME.length + escapeDiscord((0,_fit_js__WEBPACK_IMPORTED_MODULE_4__/* .moreFactsNote */ .Fr)(count)).length,
    });
    const fields = [...kept];
    if (omitted > 0) {
        fields.push({ name: MORE_NAME, value: escapeDiscord((0,_fit_js__WEBPACK_IMPORTED_MODULE_4__/* .moreFactsNote */ .Fr)(omitted)), inline: false });
    }
    const mentions = (0,_mentions_js__WEBPACK_IMPORTED_MODULE_5__/* .discordMentions */ .IZ)(message.mentions);
    return {
        ...(mentions.content ? { content: mentions.content } : {}),
        allowed_mentions: mentions.allowed,
        embeds: [
            {
                title,
                url: message.runUrl,
                ...(description ? { description } : {}),
                color: (0,_status_js__WEBPACK_IMPORTED_MODULE_2__/* .colorNumber */ .hE)(message.style.color),
                fields,
                footer: { text: footer },
                timestamp: message.timestamp,
            },
        ],
    };
}
async function sendDiscord(config, context) {
    const body = JSON.stringify(discordPayload(context.message));
    const { attempts } = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .withRetries */ .LH)(context.policy, async (timeoutMs) => {
        // 204 No Content when delivered; 429 with Retry-After when rate limited.
        (0,_http_js__WEBPACK_IMPORTED_MODULE_0__/* .expectSuccess */ .lb)(await (0,_http_js__WEBPACK_IMPORTED_MODULE_0__/* .postJson */ .B2)({ url: config.webhookUrl, body, service: 'Discord webhook', timeoutMs }), 'Discord webhook');
    }, (0,_channel_js__WEBPACK_IMPORTED_MODULE_6__/* .retryLog */ .h)(context));
    return { detail: 'embed posted', attempts };
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
