import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 4590:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _shared_github_open_deployment_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2755);
/* harmony import */ var _shared_action_main_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8522);
// The post step (post-if: always()): a job cancelled while the preview deployed leaves its
// GitHub Deployment in_progress; this ends it as `error`.


await (0,_shared_action_main_js__WEBPACK_IMPORTED_MODULE_1__/* .runMain */ .V)(() => (0,_shared_github_open_deployment_js__WEBPACK_IMPORTED_MODULE_0__/* .endOpenDeployment */ .rV)('preview-app'));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 8522:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ runMain)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2635);
/* harmony import */ var _runner_protocol_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3693);


/**
 * Runs an action's main function the same way for every action: a failure becomes one error
 * annotation and exit code 1; the stack trace goes to the debug log only. Each action's
 * `main.ts` exports `run = () => runMain(main)`, so the runner, `@github/local-action` and
 * tests all get the same complete behaviour.
 */
async function runMain(main) {
    try {
        await main();
    }
    catch (err) {
        if (err instanceof Error && err.stack)
            _runner_protocol_js__WEBPACK_IMPORTED_MODULE_1__/* .debug */ .Yz(err.stack);
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionFailure */ .dR && err.title) {
            _runner_protocol_js__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3(err.message, { title: err.title });
            process.exitCode = 1;
        }
        else {
            _runner_protocol_js__WEBPACK_IMPORTED_MODULE_1__/* .setFailed */ .C1((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err));
        }
    }
}


/***/ }),

/***/ 2635:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   dR: () => (/* binding */ ActionFailure),
/* harmony export */   gJ: () => (/* binding */ errorMessage)
/* harmony export */ });
/* unused harmony export InputError */
/** A failure whose message is meant for the user as it is: no stack trace, no prefix. */
class ActionFailure extends Error {
    /** Title of the error annotation, when the failure deserves one. */
    title;
    constructor(message, title) {
        super(message);
        this.name = 'ActionFailure';
        this.title = title;
    }
}
/** One or more inputs were invalid; nothing has been done yet. */
class InputError extends ActionFailure {
    problems;
    constructor(problems) {
        super(problems.join('; '));
        this.name = 'InputError';
        this.problems = problems;
    }
}
/** The message of anything thrown, never `[object Object]`. */
function errorMessage(err) {
    if (err instanceof Error)
        return err.message || err.name;
    if (typeof err === 'string')
        return err;
    try {
        return JSON.stringify(err) ?? String(err);
    }
    catch {
        return String(err);
    }
}


/***/ }),

/***/ 3643:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ runContext)
/* harmony export */ });
/* unused harmony export graphqlUrlFor */
/**
 * The REST API root when the runner did not say (a terminal, local-action): github.com's API
 * for github.com, `/api/v3` under the server for Enterprise Server.
 */
function defaultApiUrl(serverUrl) {
    if (/^https?:\/\/github\.com\/?$/i.test(serverUrl))
        return 'https://api.github.com';
    return `${serverUrl.replace(/\/+$/, '')}/api/v3`;
}
/** The GraphQL endpoint next to a REST API root, as GitHub lays them out. */
function graphqlUrlFor(apiUrl) {
    const root = apiUrl.replace(/\/+$/, '');
    // Enterprise Server serves REST under /api/v3 and GraphQL under /api/graphql.
    return /\/api\/v3$/.test(root) ? root.replace(/\/api\/v3$/, '/api/graphql') : `${root}/graphql`;
}
function runContext(env = process.env) {
    const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
    // The runner sets GITHUB_API_URL and GITHUB_GRAPHQL_URL on github.com and on Enterprise
    // Server alike; an empty value counts as unset.
    const apiUrl = env.GITHUB_API_URL || defaultApiUrl(serverUrl);
    return {
        owner,
        repo,
        sha: env.GITHUB_SHA ?? '',
        ref: env.GITHUB_REF ?? '',
        serverUrl,
        apiUrl,
        graphqlUrl: env.GITHUB_GRAPHQL_URL || graphqlUrlFor(apiUrl),
        runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID ?? ''}`,
        actor: env.GITHUB_ACTOR ?? '',
    };
}


/***/ }),

/***/ 2755:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  rV: () => (/* binding */ endOpenDeployment)
});

// UNUSED EXPORTS: OPEN_DEPLOYMENT_STATE, forgetOpenDeployment, readOpenDeployment, rememberOpenDeployment

// EXTERNAL MODULE: ./shared/errors.ts
var errors = __nccwpck_require__(2635);
// EXTERNAL MODULE: ./shared/secrets.ts
var secrets = __nccwpck_require__(5931);
// EXTERNAL MODULE: ./shared/runner-protocol.ts + 2 modules
var runner_protocol = __nccwpck_require__(3693);
// EXTERNAL MODULE: ./shared/github/context.ts
var github_context = __nccwpck_require__(3643);
;// CONCATENATED MODULE: ./shared/github/token.ts

// `${{ github.token }}`, `${{ secrets.X }}`: what an action.yml default or a workflow value
// looks like before the runner expands it.
const UNEXPANDED_EXPRESSION = /\$\{\{[\s\S]*?\}\}/;
/**
 * A GitHub token as an action may use it: undefined when empty, and undefined (with a
 * warning) when it arrived as an unexpanded `${{ … }}` expression. Runners always expand
 * expressions, but `@github/local-action` and other local runners pass action.yml defaults
 * such as `${{ github.token }}` through literally; sending that to GitHub as a token only buys
 * a 401 that reads like a permissions problem. `parseInputs` already reads such an input as
 * not given; this covers a token from anywhere else (an environment variable, a value read
 * without parseInputs), so every caller of the GitHub API decides the same way.
 */
function githubTokenInput(value, inputName = 'github-token', warn = (message) => runner_protocol/* warning */.$e(message)) {
    const token = value?.trim();
    if (!token)
        return undefined;
    if (UNEXPANDED_EXPRESSION.test(token)) {
        warn(`\`${inputName}\` is the unexpanded expression ${token.match(UNEXPANDED_EXPRESSION)?.[0] ?? ''}: nothing expanded it (a local runner passes action.yml defaults as they are), so it is treated as missing. Pass a token explicitly to use the GitHub API.`);
        return undefined;
    }
    return token;
}

;// CONCATENATED MODULE: ./shared/github/open-deployment.ts
// A GitHub Deployment left in_progress by a job that was cancelled or killed would read as a
// deploy in progress forever (and hold up the next one at the concurrency gate). The lifecycle
// remembers an open deployment in the action's saved state until its final state is sent; the
// action's post step (post-if: always()) ends one still open as `error`.





const OPEN_DEPLOYMENT_STATE = 'open-deployment';
function rememberOpenDeployment(deployment) {
    core.saveState(OPEN_DEPLOYMENT_STATE, JSON.stringify(deployment));
}
function forgetOpenDeployment() {
    core.saveState(OPEN_DEPLOYMENT_STATE, '');
}
function readOpenDeployment(text) {
    if (!text.trim())
        return undefined;
    try {
        const saved = JSON.parse(text);
        if (typeof saved.id === 'number' && typeof saved.environment === 'string') {
            return { id: saved.id, environment: saved.environment };
        }
    }
    catch {
        // Not ours: nothing to end.
    }
    return undefined;
}
const UNFINISHED = new Set(['in_progress', 'queued', 'pending']);
/**
 * The post step: ends the deployment the main step left open, if any, as `error`. Reads the
 * token from the action's `github-token` input, as the main step did.
 */
async function endOpenDeployment(action) {
    const open = readOpenDeployment(runner_protocol/* getState */.Gu(OPEN_DEPLOYMENT_STATE));
    // The main step ended its deployment itself, or made none: the usual case.
    if (!open)
        return;
    const token = githubTokenInput(runner_protocol/* getInput */.V4('github-token'));
    if (!token)
        return;
    (0,secrets/* maskSecret */.$l)(token);
    const { githubClient } = await Promise.all(/* import() */[__nccwpck_require__.e(874), __nccwpck_require__.e(664)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2664));
    const { latestDeploymentStatus, setDeploymentStatus } = await __nccwpck_require__.e(/* import() */ 768).then(__nccwpck_require__.bind(__nccwpck_require__, 4768));
    const client = githubClient(token);
    const context = (0,github_context/* runContext */.p)();
    try {
        const latest = await latestDeploymentStatus(client, context, open.id);
        if (latest && !UNFINISHED.has(latest.state))
            return;
        await setDeploymentStatus(client, context, open.id, {
            state: 'error',
            description: 'Cancelled: the job ended before the deploy finished',
        });
        runner_protocol/* info */.pq(`Ended GitHub deployment ${open.id} in ${open.environment} as error (cancelled).`);
    }
    catch (err) {
        runner_protocol/* warning */.$e(`Could not end GitHub deployment ${open.id} in ${open.environment}: ${(0,errors/* errorMessage */.gJ)(err)}`, { title: `${action}: deployment left open` });
    }
}


/***/ }),

/***/ 3693:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Yz: () => (/* binding */ debug),
  z3: () => (/* binding */ error),
  V4: () => (/* binding */ getInput),
  Gu: () => (/* binding */ getState),
  pq: () => (/* binding */ info),
  C1: () => (/* binding */ setFailed),
  Pq: () => (/* binding */ setSecret),
  $e: () => (/* binding */ warning)
});

// UNUSED EXPORTS: addPath, appendSummaryFile, couldBeCommand, endGroup, escapeData, escapeProperty, exportVariable, group, isDebug, logDrained, notice, redact, registeredSecrets, safeLogText, saveState, setOutput, startGroup

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
// EXTERNAL MODULE: ./shared/secret-registry.ts
var secret_registry = __nccwpck_require__(6982);
;// CONCATENATED MODULE: ./shared/runner-protocol.ts
// The GitHub runner's protocol, as flightdeck speaks it: inputs from INPUT_* variables, log
// lines, annotations, masks and groups as workflow commands on stdout, and outputs, state,
// environment and PATH through the runner's command files.
//
// Why not `@actions/core`: version 3 imports undici at load time for its OIDC client
// (`getIDToken`, which flightdeck never calls), which costs every step ~90 ms of start-up, and
// it has no way to print text that came from outside without the runner reading a line of it
// as a command. This module writes exactly what `@actions/core` writes (the format is checked
// against it in __tests__/shared/runner-protocol.test.ts), and every log line goes through
// `safeLogText`, so text from branch names, CLI output or API bodies is always data.
// Random tokens come from the global Web Crypto object, which Node loads only when first used:
// a step that fails on its inputs never pays for the crypto modules.



/** Escapes a command's message as the runner unescapes it (`@actions/core`'s escapeData). */
function escapeData(value) {
    return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** Escapes a command property's value (`@actions/core`'s escapeProperty). */
function escapeProperty(value) {
    return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
// Every value registered with setSecret goes to the one secret registry. The runner masks them
// in the log; flightdeck also takes them out of everything else it writes (outputs, the job
// summary, annotations), which the runner does not mask, and out of logs when no runner is there
// to mask (local runs).

function issueCommand(command, properties, message) {
    const props = Object.entries(properties)
        .filter((entry) => entry[1] !== undefined && entry[1] !== '')
        .map(([key, value]) => `${key}=${escapeProperty((0,secret_registry/* redact */.E$)(String(value)))}`)
        .join(',');
    const data = command === 'add-mask' ? message : (0,secret_registry/* redact */.E$)(message);
    writeLog(`::${command}${props ? ` ${props}` : ''}::${escapeData(data)}${external_node_os_namespaceObject.EOL}`);
}
// What the runner would read as a command (actions/runner, ActionCommand.cs): `::name ...::`
// at the start of a line after .NET's TrimStart, whose white space adds U+0085 (NEXT LINE) to
// JavaScript's `\s` (which also holds U+FEFF, which .NET does not trim: guarding more is
// harmless), and the older `##[name ...]` ANYWHERE in a line (`IndexOf("##[")`). Lines end at
// CR, LF or CRLF for the runner; `^` with the `m` flag starts one after each of them (and after
// U+2028/U+2029, again more than needed). Whether the name is a registered command is not
// asked: the list grows with runner versions, and wrapping a harmless line costs nothing.
const COMMAND_LINE = /^[\s\u0085]*::|##\[/m;
/** Whether the runner could read any line of `text` as a workflow command. */
function couldBeCommand(text) {
    return COMMAND_LINE.test(text);
}
/**
 * Text from outside (user input, CLI output, API bodies) made safe to print: when any line of
 * it could be read as a workflow command, the whole block is wrapped in a
 * `::stop-commands::<token>` ... `::<token>::` pair with a token the text cannot contain, so
 * the runner prints it as it is and runs none of it. Other text is returned unchanged.
 * The runner compares the token without regard to case (and ends the pause on `##[<token>]`
 * anywhere in a line too), so the text is searched for it the same way.
 */
function safeLogText(text) {
    if (!couldBeCommand(text))
        return text;
    const upper = text.toUpperCase();
    let token = `flightdeck-${globalThis.crypto.randomUUID()}`;
    while (upper.includes(token.toUpperCase())) {
        token = `flightdeck-${globalThis.crypto.randomUUID()}`;
    }
    return `::stop-commands::${token}${external_node_os_namespaceObject.EOL}${text}${external_node_os_namespaceObject.EOL}::${token}::`;
}
// A write the log pipe could not take at once is queued in memory until the pipe drains. Code
// that prints without end (a CLI's output) waits for `logDrained()` before printing more, so a
// CLI that prints faster than the runner reads is slowed down rather than filling memory.
let drained;
function writeLog(text) {
    if (process.stdout.write(text) || drained)
        return;
    drained = new Promise((resolve) => {
        process.stdout.once('drain', () => {
            drained = undefined;
            resolve();
        });
    });
}
/** Resolves when the log has taken what was written; undefined when nothing is queued. */
function logDrained() {
    return drained;
}
/** A log line. Safe for any text: nothing in it can become a runner command. */
function info(message) {
    writeLog(`${safeLogText((0,secret_registry/* redact */.E$)(message))}${external_node_os_namespaceObject.EOL}`);
}
function debug(message) {
    issueCommand('debug', {}, message);
}
function annotation(kind, message, properties = {}) {
    issueCommand(kind, {
        title: properties.title,
        file: properties.file,
        line: properties.startLine,
        endLine: properties.endLine,
        col: properties.startColumn,
        endColumn: properties.endColumn,
    }, message);
}
function notice(message, properties) {
    annotation('notice', message, properties);
}
function warning(message, properties) {
    annotation('warning', message, properties);
}
function error(message, properties) {
    annotation('error', message, properties);
}
/** Fails the step with one error annotation. */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/** Registers a value with the runner so it is redacted from every later log line. */
function setSecret(value) {
    if (value === '')
        return;
    (0,secret_registry/* registerSecret */.cl)(value);
    issueCommand('add-mask', {}, value);
}
/**
 * Opens a log group. Its name is one line: the runner writes it to the log as `##[group]name`
 * after unescaping, so a line break in it would start a line of the log's own markup.
 */
function startGroup(name) {
    issueCommand('group', {}, name.replace(/[\r\n]+/g, ' '));
}
function endGroup() {
    issueCommand('endgroup', {}, '');
}
/** Runs `fn` inside a collapsible log group that closes however `fn` ends. */
async function group(name, fn) {
    startGroup(name);
    try {
        return await fn();
    }
    finally {
        endGroup();
    }
}
function isDebug() {
    return process.env.RUNNER_DEBUG === '1';
}
/** An input's value as the runner passes it (INPUT_<NAME>), trimmed; '' when not set. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
/** `name<<delimiter` blocks, as the runner reads its command files. */
function keyValueBlock(key, value) {
    const delimiter = `ghadelimiter_${globalThis.crypto.randomUUID()}`;
    if (key.includes(delimiter) || value.includes(delimiter)) {
        throw new Error(`could not write ${key}: its value contains the delimiter`);
    }
    return `${key}<<${delimiter}${EOL}${value}${EOL}${delimiter}`;
}
function appendCommandFile(variable, line) {
    const path = process.env[variable];
    if (!path)
        return false;
    appendFileSync(path, `${line}${EOL}`, 'utf8');
    return true;
}
/** Sets a step output; registered secrets in it become `***`. */
function setOutput(name, rawValue) {
    const value = redact(rawValue);
    if (appendCommandFile('GITHUB_OUTPUT', keyValueBlock(name, value)))
        return;
    // Outside a runner (a terminal, local-action), show the output where a person can see it.
    writeLog(EOL);
    issueCommand('set-output', { name }, value);
}
/** Sets an environment variable for this step and the job's later steps. */
function exportVariable(name, value) {
    process.env[name] = value;
    if (appendCommandFile('GITHUB_ENV', keyValueBlock(name, value)))
        return;
    issueCommand('set-env', { name }, value);
}
/** Puts a directory first on PATH for this step and the job's later steps. */
function addPath(directory) {
    if (!appendCommandFile('GITHUB_PATH', directory))
        issueCommand('add-path', {}, directory);
    process.env.PATH = `${directory}${process.platform === 'win32' ? ';' : ':'}${process.env.PATH ?? ''}`;
}
/** Keeps a value for this action's `post:` step. */
function saveState(name, value) {
    if (appendCommandFile('GITHUB_STATE', keyValueBlock(name, value)))
        return;
    issueCommand('save-state', { name }, value);
}
function getState(name) {
    return process.env[`STATE_${name}`] ?? '';
}
/** Appends Markdown to the job summary; false where the runner gives no summary file. */
function appendSummaryFile(markdown) {
    return appendCommandFile('GITHUB_STEP_SUMMARY', redact(markdown).replace(/\r?\n$/, ''));
}


/***/ }),

/***/ 6982:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   Et: () => (/* binding */ replaceSecrets),
/* harmony export */   ZN: () => (/* binding */ isReplaceable),
/* harmony export */   cl: () => (/* binding */ registerSecret)
/* harmony export */ });
/* unused harmony exports MIN_SECRET_LENGTH, registeredSecrets */
// The one registry of secret values and the one way they are taken out of text. Everything
// flightdeck writes goes through `replaceSecrets`: the log, outputs, the job summary and
// annotations (shared/runner-protocol.ts), records (shared/deploy-record.ts), notifications and what is
// published on GitHub (shared/github/redact.ts). Registering a value with the runner (its
// `::add-mask::` command) is shared/runner-protocol.ts's `setSecret`, which adds it here too; which
// forms of a value to register (lines, percent-encoded, URL credentials) is shared/secrets.ts.
//
// This module imports nothing, so the runner protocol and everything above it can use it
// without an import circle.
/**
 * Secrets shorter than this are not replaced in text: replacing every `a` or `42` would garble
 * what is written while protecting nothing a guess would not find. The runner still masks
 * shorter registered values in its own log.
 */
const MIN_SECRET_LENGTH = 3;
const registered = new Set();
// Longest first, so a secret that contains another is replaced whole; sorted once per new
// secret, not on every line written.
let longestFirst = [];
/** Whether a value is long enough to be replaced in text. */
function isReplaceable(value) {
    return value.length >= MIN_SECRET_LENGTH;
}
/** Adds a value to the registry; short and known values are ignored. */
function registerSecret(value) {
    if (!isReplaceable(value) || registered.has(value))
        return;
    registered.add(value);
    longestFirst = [...registered].sort((a, b) => b.length - a.length);
}
/** Every value registered as a secret so far (to keep them out of what goes to other services). */
function registeredSecrets() {
    return [...registered];
}
function replaceOrdered(text, ordered) {
    let result = text;
    for (const secret of ordered) {
        if (result.includes(secret))
            result = result.split(secret).join('***');
    }
    return result;
}
/**
 * Text with each of `secrets` (or, without it, every registered secret) replaced by `***`,
 * longest first; values under MIN_SECRET_LENGTH are left alone.
 */
function replaceSecrets(text, secrets) {
    if (text === '')
        return text;
    if (secrets === undefined)
        return registered.size === 0 ? text : replaceOrdered(text, longestFirst);
    const ordered = [...new Set(secrets)].filter(isReplaceable).sort((a, b) => b.length - a.length);
    return replaceOrdered(text, ordered);
}
/** Text with every registered secret replaced by `***`. */
function redact(text) {
    return replaceSecrets(text);
}


/***/ }),

/***/ 5931:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $l: () => (/* binding */ maskSecret),
/* harmony export */   yx: () => (/* binding */ isSensitiveHeader)
/* harmony export */ });
/* unused harmony exports isCredentialHeader, maskSensitiveHeaders, withoutCredentials, maskUrlCredentials, maskWebhookUrl */
/* harmony import */ var _runner_protocol_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3693);
/* harmony import */ var _secret_registry_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6982);
// Secret-bearing values are registered as soon as an input is parsed, before anything is
// written, in every form they may come back in: as given, line by line, percent-encoded and
// decoded (a password in a URL), URL credentials and webhook URLs in their parts, so a server
// that echoes one back cannot get it into a log, an output, the job summary or a GitHub
// Deployment. Registering goes through the runner (`::add-mask::`) into the one secret registry
// (shared/secret-registry.ts), which every writer redacts with.


const SENSITIVE_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie)$|auth|token|key|secret|password|session|credential|signature/i;
// Headers whose values describe the request rather than identify anyone: everything else a
// user sets (X-Api-Auth, X-Tenant, ...) is treated as a credential.
const PLAIN_HEADERS = new Set([
    'accept',
    'accept-encoding',
    'accept-language',
    'cache-control',
    'content-type',
    'pragma',
    'user-agent',
]);
/** Whether a header's value is a credential by its name alone. */
function isSensitiveHeader(name) {
    return SENSITIVE_HEADER.test(name);
}
/** Whether a header a user set may carry a credential (any but a few descriptive ones). */
function isCredentialHeader(name) {
    return !PLAIN_HEADERS.has(name.toLowerCase());
}
function safeDecode(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
function variants(value) {
    const forms = new Set([value]);
    try {
        forms.add(encodeURIComponent(value));
        forms.add(decodeURIComponent(value));
    }
    catch {
        // Not percent-encoded text: the value as given is enough.
    }
    return [...forms];
}
/**
 * Registers a value so it is redacted from every later log line, output and summary. Each line
 * of a multi-line value, and its percent-encoded and decoded forms, are registered too.
 */
function maskSecret(value) {
    if (!value)
        return;
    for (const form of variants(value))
        _runner_protocol_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(form);
    const lines = value.split(/\r?\n/).map((line) => line.trim());
    if (lines.length > 1)
        for (const line of lines)
            if ((0,_secret_registry_js__WEBPACK_IMPORTED_MODULE_1__/* .isReplaceable */ .ZN)(line))
                _runner_protocol_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(line);
}
/**
 * Masks every header value a user set that may be a credential; an `Authorization: Bearer x`
 * also masks `x` alone.
 */
function maskSensitiveHeaders(headers) {
    for (const [name, value] of Object.entries(headers)) {
        if (!isCredentialHeader(name))
            continue;
        maskSecret(value);
        const credential = /^\s*(?:bearer|basic|token|digest)\s+(.+)$/i.exec(value)?.[1];
        if (credential)
            maskSecret(credential);
    }
}
/** The URL without `user:password@`, as it may be shown anywhere. Non-URLs are returned as given. */
function withoutCredentials(url) {
    try {
        const parsed = new URL(url);
        if (!parsed.password && !parsed.username)
            return url;
        parsed.username = '';
        parsed.password = '';
        return parsed.toString();
    }
    catch {
        return url;
    }
}
/**
 * Masks the user and password of a URL such as `https://user:pass@host/` (percent-encoded or
 * not) and returns the URL without them, for display.
 */
function maskUrlCredentials(url) {
    try {
        const parsed = new URL(url);
        if (!parsed.password && !parsed.username)
            return url;
        maskSecret(parsed.password);
        maskSecret(parsed.username);
        // Node sends URL credentials as `Authorization: Basic base64(user:password)`; a server that
        // echoes its headers back must not get that form into a report either.
        const user = safeDecode(parsed.username);
        const password = safeDecode(parsed.password);
        maskSecret(Buffer.from(`${user}:${password}`).toString('base64'));
        // The URL as the user wrote it, in case it differs from the parsed form.
        const userinfo = /^[a-z][a-z0-9+.-]*:\/\/([^@/?#]*)@/i.exec(url.trim())?.[1];
        if (userinfo)
            maskSecret(userinfo);
        return withoutCredentials(url);
    }
    catch {
        return url;
    }
}
/**
 * A webhook URL is a credential as a whole and in its parts: the URL, its path and query, and
 * every long path segment or query value (Slack's and Discord's tokens, a Workflows `sig`) are
 * masked before anything else is read, so an error never quotes it.
 */
function maskWebhookUrl(value) {
    maskSecret(value);
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return;
    }
    // Shorter parts (`/`, `/api`, a `v=1` query) name the service, not the credential.
    const pathAndQuery = `${url.pathname}${url.search}`;
    if (pathAndQuery.length >= 8)
        maskSecret(pathAndQuery);
    if (url.pathname.length >= 8)
        maskSecret(url.pathname);
    for (const segment of url.pathname.split('/'))
        if (segment.length >= 16)
            maskSecret(segment);
    for (const item of url.searchParams.values())
        if (item.length >= 16)
            maskSecret(item);
    if (url.password)
        maskSecret(url.password);
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 6141:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(4590);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
