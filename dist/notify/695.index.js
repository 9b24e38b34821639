export const id = 695;
export const ids = [695];
export const modules = {

/***/ 7695:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   escapeSlack: () => (/* binding */ escapeSlack),
/* harmony export */   sendSlackWebhook: () => (/* binding */ sendSlackWebhook),
/* harmony export */   slackMentions: () => (/* binding */ slackMentions),
/* harmony export */   slackPayload: () => (/* binding */ slackPayload)
/* harmony export */ });
/* harmony import */ var _channel_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5445);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(512);
/* harmony import */ var _fit_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4989);
/* harmony import */ var _message_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8853);
/* harmony import */ var _mentions_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(443);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2309);
// Slack: the message as Block Kit (https://api.slack.com/block-kit) in a coloured attachment,
// sent to an incoming webhook (https://api.slack.com/messaging/webhooks). The same blocks serve
// the bot channel (slack-bot.ts).
//
// Slack reads `&`, `<` and `>` as control characters in mrkdwn ("Escaping text",
// https://api.slack.com/reference/surfaces/formatting#escaping): every text that is not ours
// has them turned into entities, so `<!channel>` in a commit message is shown, never a ping,
// and `<https://evil|innocent>` is never a link. Mentions come only from mention-on-failure.






/** Slack's limits (Block Kit reference): section text 3000, a field 2000, 10 fields. */
const SECTION_TEXT_MAX = 3000;
const FIELD_MAX = 2000;
const FIELDS_PER_SECTION = 10;
/** Text made inert for mrkdwn: Slack's three control characters as entities. */
function escapeSlack(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/**
 * Foreign text made inert and cut to `max` characters as Slack counts them, the entities
 * included: the text is cut first, then escaped, so no `&amp;` is split.
 */
function slackText(text, max) {
    return (0,_fit_js__WEBPACK_IMPORTED_MODULE_3__/* .clipEscaped */ .sr)(text, max, escapeSlack);
}
/** A URL inside `<url|text>`: nothing in it may end the link or start the label. */
function slackUrl(url) {
    return url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
}
/**
 * `<url|label>` in at most `max` characters: the label is cut before it is escaped and wrapped,
 * so the link always keeps its closing `>`. A URL too long to leave room for a label is shown
 * as the label alone.
 */
function slackLink(url, label, max) {
    const safeUrl = slackUrl(url);
    const room = max - safeUrl.length - 3;
    if (room < 8)
        return slackText(label, max);
    return `<${safeUrl}|${slackText(label, room)}>`;
}
/** Inline code: Slack applies no bold, italics or links inside it. */
function slackCode(text, max) {
    // A backtick would end the span: a look-alike keeps the text readable.
    return `\`${slackText(text.replace(/`/g, 'ˋ').replace(/\s*\n\s*/g, ' '), max - 2)}\``;
}
function factValue(fact, max) {
    if (fact.url)
        return slackLink(fact.url, fact.value.replace(/\n/g, ' '), max);
    if (fact.code)
        return slackCode(fact.value, max);
    return slackText(fact.value, max);
}
/** `*label*` and the value under it, in at most `max` characters. */
function factText(fact, max) {
    const label = `*${slackText((0,_message_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(fact.label), 200)}*\n`;
    return `${label}${factValue(fact, max - label.length)}`;
}
/** A text object; every text is built to fit its limit, so nothing is cut after escaping. */
function mrkdwn(text) {
    return { type: 'mrkdwn', text };
}
/**
 * The mentions of mention-on-failure in Slack syntax, or '': whole mentions only, as many as fit
 * in `max` characters (a cut one would neither ping nor read).
 */
function slackMentions(message, max = SECTION_TEXT_MAX) {
    let text = '';
    for (const mention of message.mentions.map(_mentions_js__WEBPACK_IMPORTED_MODULE_4__/* .slackMention */ .ZV)) {
        if (mention === undefined)
            continue;
        const next = text ? `${text} ${mention}` : mention;
        if (next.length > max)
            break;
        text = next;
    }
    return text;
}
/** The message as Block Kit: headline and text on top, facts in a bar of the status colour. */
function slackPayload(message) {
    // The title is at most 240 characters (buildMessage): escaped, it leaves room for the text.
    const top = `${message.style.emoji} *${escapeSlack(message.title)}*`;
    const text = message.text ? slackText(message.text, SECTION_TEXT_MAX - top.length - 1) : '';
    const blocks = [{ type: 'section', text: mrkdwn(text ? `${top}\n${text}` : top) }];
    const mentions = slackMentions(message);
    if (mentions)
        blocks.push({ type: 'section', text: mrkdwn(mentions) });
    const facts = (0,_message_js__WEBPACK_IMPORTED_MODULE_1__/* .messageFacts */ .rS)(message).filter((fact) => fact.label !== 'Run');
    const barBlocks = [];
    let fields = [];
    const flush = () => {
        if (fields.length > 0)
            barBlocks.push({ type: 'section', fields });
        fields = [];
    };
    for (const fact of facts) {
        if (fact.long) {
            flush();
            barBlocks.push({ type: 'section', text: mrkdwn(factText(fact, SECTION_TEXT_MAX)) });
            continue;
        }
        fields.push(mrkdwn(factText(fact, FIELD_MAX)));
        if (fields.length === FIELDS_PER_SECTION)
            flush();
    }
    flush();
    const runLink = `<${slackUrl(message.runUrl)}|View the workflow run> · `;
    barBlocks.push({
        type: 'context',
        elements: [
            mrkdwn(`${runLink}${slackText(message.repository, SECTION_TEXT_MAX - runLink.length)}`),
        ],
    });
    // An attachment holds at most 50 blocks; the last one (the run link) always stays.
    const kept = barBlocks.length > 50 ? [...barBlocks.slice(0, 49), barBlocks.at(-1)] : barBlocks;
    const fallback = escapeSlack((0,_message_js__WEBPACK_IMPORTED_MODULE_1__/* .headline */ .Pl)(message));
    return {
        text: mentions ? `${fallback} ${mentions}` : fallback,
        blocks,
        attachments: [{ color: message.style.color, fallback, blocks: kept }],
    };
}
async function sendSlackWebhook(config, context) {
    const body = JSON.stringify(slackPayload(context.message));
    const { attempts } = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetries */ .LH)(context.policy, async (timeoutMs) => {
        const answer = await (0,_http_js__WEBPACK_IMPORTED_MODULE_0__/* .postJson */ .B2)({
            url: config.webhookUrl,
            body,
            service: 'Slack webhook',
            timeoutMs,
        });
        // Slack answers 200 `ok`; errors come as 4xx with a short code (`invalid_payload`).
        (0,_http_js__WEBPACK_IMPORTED_MODULE_0__/* .expectSuccess */ .lb)(answer, 'Slack webhook');
    }, (0,_channel_js__WEBPACK_IMPORTED_MODULE_5__/* .retryLog */ .h)(context));
    return { detail: 'posted', attempts };
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
