export const id = 444;
export const ids = [444];
export const modules = {

/***/ 9444:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commentMarkdown: () => (/* binding */ commentMarkdown),
/* harmony export */   sendGitHub: () => (/* binding */ sendGitHub)
/* harmony export */ });
/* harmony import */ var _channel_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5445);
/* harmony import */ var _message_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8853);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2309);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6566);
// GitHub: one comment on the pull request (or on the commit when the run has no pull request),
// per environment, updated in place by every later notification (shared/github/sticky-comment).
// Foreign text is escaped Markdown or a code span: no @mention, #reference, link or HTML in a
// commit message comes alive.




/** A URL inside `[text](url)`: no space or parenthesis may end it early. */
function markdownUrl(url) {
    return url.replace(/[()\s<>]/g, (char) => encodeURIComponent(char));
}
/** Several lines of escaped text in one table cell. */
function lines(text) {
    return {
        markdown: text
            .split(/\r?\n/)
            .map((line) => (0,_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(line.trim()))
            .join('<br>'),
    };
}
function cell(fact) {
    if (fact.url)
        return { markdown: `[${(0,_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)((0,_message_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(fact.value))}](${markdownUrl(fact.url)})` };
    if (fact.code)
        return (0,_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(fact.value);
    return fact.long ? lines(fact.value) : fact.value;
}
/** The comment's Markdown (the sticky marker is added by upsertStickyComment). */
function commentMarkdown(message) {
    const parts = [`### ${message.style.emoji} ${(0,_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(message.title)}`];
    if (message.text) {
        parts.push(message.text
            .split(/\r?\n/)
            .map((line) => (0,_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(line.trim()))
            .join('  \n'));
    }
    parts.push((0,_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .markdownTable */ .Qj)(['', ''], (0,_message_js__WEBPACK_IMPORTED_MODULE_0__/* .messageFacts */ .rS)(message).map((fact) => [fact.label, cell(fact)])));
    parts.push(`<sub>Sent by flightdeck notify at ${message.timestamp}</sub>`);
    return `${parts.join('\n\n')}\n`;
}
function classify(err) {
    if (err instanceof _retry_js__WEBPACK_IMPORTED_MODULE_1__/* .DeliveryError */ .VE)
        return err;
    const status = err?.status;
    const text = err instanceof Error ? err.message : String(err);
    if (status === undefined || status >= 500 || status === 429) {
        return new _retry_js__WEBPACK_IMPORTED_MODULE_1__/* .DeliveryError */ .VE(`GitHub: ${(0,_message_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(text)}`, true);
    }
    const hint = status === 403 || status === 404
        ? ' (the token needs pull-requests: write for a PR comment, contents: write for a commit comment)'
        : '';
    return new _retry_js__WEBPACK_IMPORTED_MODULE_1__/* .DeliveryError */ .VE(`GitHub answered ${status}: ${(0,_message_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(text)}${hint}`, false);
}
async function sendGitHub(config, context) {
    const { message } = context;
    const { githubClient } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(874), __webpack_require__.e(317)]).then(__webpack_require__.bind(__webpack_require__, 6317));
    const { runContext } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 3643));
    const { stickyMarker, upsertStickyComment } = await __webpack_require__.e(/* import() */ 495).then(__webpack_require__.bind(__webpack_require__, 9495));
    const run = runContext();
    const target = message.pullRequest
        ? { kind: 'issue', number: message.pullRequest.number }
        : message.sha
            ? { kind: 'commit', sha: message.sha }
            : undefined;
    if (!target) {
        throw new _retry_js__WEBPACK_IMPORTED_MODULE_1__/* .DeliveryError */ .VE('GitHub: the run has neither a pull request nor a commit', false);
    }
    const marker = stickyMarker(`notify:${message.environment ?? 'default'}`);
    const body = commentMarkdown(message);
    const { value, attempts } = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetries */ .LH)(context.policy, async (timeoutMs) => {
        // Retries are this policy's business: the client makes one try per request.
        const client = githubClient(config.token, {
            requestTimeoutMs: timeoutMs,
            retries: 0,
            maxRateLimitWaitMs: 0,
        });
        try {
            return await (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withinTime */ .dn)(
            // The signal ends the requests themselves when the attempt runs out of time.
            upsertStickyComment(client, run, target, marker, body, {
                signal: AbortSignal.timeout(timeoutMs),
            }), timeoutMs, 'GitHub');
        }
        catch (err) {
            throw classify(err);
        }
    }, (0,_channel_js__WEBPACK_IMPORTED_MODULE_3__/* .retryLog */ .h)(context));
    const where = target.kind === 'issue' ? `pull request #${target.number}` : `commit ${target.sha.slice(0, 7)}`;
    return {
        detail: `${value.created ? 'commented on' : 'updated the comment on'} ${where}`,
        attempts,
    };
}


/***/ })

};
