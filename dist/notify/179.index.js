export const id = 179;
export const ids = [179];
export const modules = {

/***/ 8179:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   emailHtml: () => (/* binding */ emailHtml),
/* harmony export */   emailSubject: () => (/* binding */ emailSubject),
/* harmony export */   sendEmail: () => (/* binding */ sendEmail)
/* harmony export */ });
/* harmony import */ var _channel_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5445);
/* harmony import */ var _message_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8853);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2309);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6566);




/** Errors of the setup or the message itself: the same e-mail would fail again. */
const PERMANENT_CODES = new Set([
    'EAUTH',
    'ENOAUTH',
    'EENVELOPE',
    'EMESSAGE',
    'ECONFIG',
    'ETLS',
    'EREQUIRETLS',
    'EMAXRECIPIENTS',
]);
function emailSubject(message) {
    return (0,_message_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)((0,_message_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(`${(0,_message_js__WEBPACK_IMPORTED_MODULE_0__/* .headline */ .Pl)(message)} · ${message.repository}`), 200);
}
function htmlLink(text, url) {
    return `<a href="${(0,_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeHtml */ .ZD)(url)}">${(0,_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeHtml */ .ZD)(text)}</a>`;
}
/** The message as an HTML e-mail: a coloured headline, the text, a table of facts. */
function emailHtml(message) {
    const rows = (0,_message_js__WEBPACK_IMPORTED_MODULE_0__/* .messageFacts */ .rS)(message)
        .map((fact) => {
        const value = fact.url ? htmlLink(fact.value, fact.url) : (0,_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeHtml */ .ZD)(fact.value);
        const style = fact.long || fact.code ? ' style="white-space:pre-wrap;font-family:monospace"' : '';
        return `<tr><th align="left" valign="top" style="padding:4px 12px 4px 0">${(0,_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeHtml */ .ZD)(fact.label)}</th><td${style}>${value}</td></tr>`;
    })
        .join('\n');
    const text = message.text
        ? `<p style="white-space:pre-wrap">${(0,_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeHtml */ .ZD)(message.text)}</p>\n`
        : '';
    return [
        '<!DOCTYPE html>',
        '<html><head><meta charset="utf-8"></head>',
        '<body style="font-family:sans-serif">',
        `<div style="border-left:6px solid ${message.style.color};padding-left:12px">`,
        `<h2 style="margin:0 0 8px">${(0,_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeHtml */ .ZD)((0,_message_js__WEBPACK_IMPORTED_MODULE_0__/* .headline */ .Pl)(message))}</h2>`,
        text,
        `<table style="border-collapse:collapse">\n${rows}\n</table>`,
        '</div>',
        '</body></html>',
    ].join('\n');
}
function deliveryError(err, where) {
    const error = err;
    const message = `SMTP ${where}: ${(0,_message_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(error?.message ?? String(err))}`;
    if (error?.permanent === true)
        return new _retry_js__WEBPACK_IMPORTED_MODULE_1__/* .DeliveryError */ .VE(message, false);
    if (typeof error?.responseCode === 'number') {
        return new _retry_js__WEBPACK_IMPORTED_MODULE_1__/* .DeliveryError */ .VE(message, error.responseCode < 500 || error.responseCode === 503);
    }
    return new _retry_js__WEBPACK_IMPORTED_MODULE_1__/* .DeliveryError */ .VE(message, !PERMANENT_CODES.has(error?.code ?? ''));
}
async function sendEmail(config, context) {
    const { createTransport } = await __webpack_require__.e(/* import() */ 739).then(__webpack_require__.bind(__webpack_require__, 6739));
    const { message } = context;
    const where = `${config.host}:${config.port}`;
    const mail = {
        from: config.from,
        to: config.to,
        subject: emailSubject(message),
        text: (0,_message_js__WEBPACK_IMPORTED_MODULE_0__/* .plainText */ .wh)(message),
        html: emailHtml(message),
        headers: { 'X-Flightdeck-Status': message.status },
    };
    const { attempts } = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetries */ .LH)(context.policy, async (timeoutMs) => {
        const transport = createTransport({
            host: config.host,
            port: config.port,
            secure: config.secure,
            // Credentials never cross the network in the clear: with a user, STARTTLS is required.
            requireTLS: !config.secure && config.username !== undefined,
            auth: config.username !== undefined
                ? { user: config.username, pass: config.password ?? '' }
                : undefined,
            connectionTimeout: timeoutMs,
            greetingTimeout: timeoutMs,
            socketTimeout: timeoutMs,
            dnsTimeout: timeoutMs,
            disableFileAccess: true,
            disableUrlAccess: true,
        });
        try {
            await (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withinTime */ .dn)(transport.sendMail(mail).catch((err) => {
                throw deliveryError(err, where);
            }), timeoutMs, `SMTP ${where}`);
        }
        finally {
            transport.close();
        }
    }, (0,_channel_js__WEBPACK_IMPORTED_MODULE_3__/* .retryLog */ .h)(context));
    return { detail: `sent to ${config.to.join(', ')}`, attempts };
}


/***/ })

};
