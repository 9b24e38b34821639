export const id = 722;
export const ids = [722];
export const modules = {

/***/ 9911:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hr: () => (/* binding */ failureReason),
/* harmony export */   RT: () => (/* binding */ tail),
/* harmony export */   aJ: () => (/* binding */ stripAnsi),
/* harmony export */   ak: () => (/* binding */ runCli),
/* harmony export */   ay: () => (/* binding */ commandLine),
/* harmony export */   ew: () => (/* binding */ parseCliJson),
/* harmony export */   z1: () => (/* binding */ CliError)
/* harmony export */ });
/* unused harmony exports MAX_CAPTURE_BYTES, KILL_GRACE_MS */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _durations_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9503);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2798);
// Runs a CLI the one way flightdeck runs any program: an argument array (never a shell string),
// credentials in the environment, a time limit after which the whole process group is killed,
// output captured within a cap, and every echoed line printed as data (shared/runner.ts).
//
// Why not `@actions/exec`: it gives no handle on the child, so a CLI past its time limit could
// only be abandoned, still running (and holding the step open) until the job's own timeout.



class CliError extends Error {
    result;
    timedOut;
    constructor(message, result, 
    /** The CLI was stopped at its time limit (result holds what it printed until then). */
    timedOut = false) {
        super(message);
        this.result = result;
        this.timedOut = timedOut;
        this.name = 'CliError';
    }
}
/** What is kept of each stream: a CLI that prints 60 MB costs at most this much memory. */
const MAX_CAPTURE_BYTES = 8 * 1024 * 1024;
/** Between SIGTERM to the process group and SIGKILL. */
const KILL_GRACE_MS = 3000;
/** After a cancel, how long the step may take to wind down before it is ended. */
const CANCEL_GRACE_MS = 5000;
/** How long a line may be in the echoed log before it is cut. */
const MAX_ECHO_LINE = 4096;
// CSI (colours, cursor moves) and OSC (hyperlinks, titles) sequences.
const ANSI = new RegExp(
// eslint-disable-next-line no-control-regex -- matching escape codes is the point
'\\u001b\\[[0-9;?]*[ -/]*[@-~]|\\u001b\\][^\\u0007\\u001b]*(?:\\u0007|\\u001b\\\\)|\\u001b[@-Z\\\\-_]', 'g');
/** Text without terminal colour and cursor codes. */
function stripAnsi(text) {
    return text.replace(ANSI, '');
}
/** The last non-empty lines of a CLI's output, as plain text for a one-line message. */
function tail(text, lines = 3) {
    return stripAnsi(text)
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
        .slice(-lines)
        .join(' / ');
}
// The line a CLI itself leads its failure with: wrangler's `✘ [ERROR] ...`, `Error: ...` of
// flyctl, vercel and most others.
const HEADLINE = /^(?:✘\s*\[ERROR\]\s*|Error:\s*|ERROR:?\s+|error:\s*)(.+)$/;
/**
 * Why a CLI failed, in one line of plain text: its own headline error when it printed one,
 * else the last lines of its error output (or of its output when stderr was empty).
 */
function failureReason(result) {
    for (const stream of [result.stderr, result.stdout]) {
        const lines = stripAnsi(stream)
            .split(/\r?\n/)
            .map((line) => line.trim());
        const headline = lines.find((line) => HEADLINE.test(line));
        if (headline)
            return headline.replace(/^✘\s*\[ERROR\]\s*/, '');
    }
    return tail(result.stderr) || tail(result.stdout) || 'no output';
}
/** Keeps the last `max` bytes of what a stream wrote. */
class CappedBuffer {
    max;
    chunks = [];
    size = 0;
    dropped = false;
    constructor(max) {
        this.max = max;
    }
    push(chunk) {
        this.chunks.push(chunk);
        this.size += chunk.length;
        while (this.size > this.max && this.chunks.length > 0) {
            const first = this.chunks[0];
            const excess = this.size - this.max;
            this.dropped = true;
            if (first.length <= excess) {
                this.chunks.shift();
                this.size -= first.length;
            }
            else {
                this.chunks[0] = first.subarray(excess);
                this.size -= excess;
            }
        }
    }
    text() {
        return Buffer.concat(this.chunks).toString('utf8');
    }
}
/** Splits a stream into lines for the log; the unfinished last line waits for more. */
class LineEcho {
    pending = '';
    write(chunk) {
        const text = this.pending + chunk.toString('utf8');
        const lines = text.split(/\r?\n/);
        this.pending = lines.pop() ?? '';
        for (const line of lines)
            this.print(line);
        if (this.pending.length > MAX_ECHO_LINE) {
            this.print(this.pending);
            this.pending = '';
        }
    }
    flush() {
        if (this.pending)
            this.print(this.pending);
        this.pending = '';
    }
    print(line) {
        _runner_js__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(line.length > MAX_ECHO_LINE ? `${line.slice(0, MAX_ECHO_LINE)} …(cut)` : line);
    }
}
const running = new Set();
/** Sends a signal to the child's whole process group (its own children too). */
function signalGroup(child, signal) {
    if (child.pid === undefined)
        return;
    try {
        // A negative pid is the process group the child leads (it was spawned detached).
        if (process.platform !== 'win32')
            process.kill(-child.pid, signal);
        else
            child.kill(signal);
    }
    catch {
        // Already gone.
    }
}
function killAll() {
    for (const child of running)
        signalGroup(child, 'SIGKILL');
}
// However the step ends (a crash, process.exit), no CLI it started outlives it.
process.once('exit', killAll);
let cancellable = false;
/**
 * A cancelled job gets SIGINT, then SIGTERM, from the runner; the children run in process
 * groups of their own, so the signal does not reach them. Pass it on, and let the step finish
 * what it does with a failed command (a GitHub Deployment gets its final state) for a few
 * seconds before ending it.
 */
function endChildrenOnCancel() {
    if (cancellable)
        return;
    cancellable = true;
    for (const signal of ['SIGINT', 'SIGTERM']) {
        process.once(signal, () => {
            _runner_js__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`Received ${signal}: stopping ${running.size} running command(s).`);
            for (const child of running)
                signalGroup(child, 'SIGTERM');
            setTimeout(() => process.exit(signal === 'SIGINT' ? 130 : 143), CANCEL_GRACE_MS).unref();
            process.exitCode = signal === 'SIGINT' ? 130 : 143;
        });
    }
}
/** The command line as the log shows it: `[command]tool arg ...`, every word as data. */
function commandLine(tool, args) {
    return [tool, ...args].join(' ');
}
/**
 * Runs a CLI with an argument array within a time limit. Past the limit its process group gets
 * SIGTERM, then SIGKILL after KILL_GRACE_MS, and the error says which command was stopped after
 * how long. stdout and stderr are captured (the last MAX_CAPTURE_BYTES of each).
 */
function runCli(tool, args, options) {
    const env = {};
    for (const [key, value] of Object.entries({ ...process.env, ...options.env })) {
        if (value !== undefined)
            env[key] = value;
    }
    const shown = commandLine(tool, args);
    _runner_js__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`[command]${shown}`);
    const echo = options.echo !== false;
    const stdout = new CappedBuffer(MAX_CAPTURE_BYTES);
    const stderr = new CappedBuffer(MAX_CAPTURE_BYTES);
    const echoOut = new LineEcho();
    const echoErr = new LineEcho();
    const started = performance.now();
    return new Promise((resolve, reject) => {
        let child;
        try {
            child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(tool, args, {
                env,
                cwd: options.cwd,
                stdio: ['pipe', 'pipe', 'pipe'],
                detached: process.platform !== 'win32',
                windowsHide: true,
            });
        }
        catch (err) {
            reject(new CliError(`could not run \`${tool}\`: ${err instanceof Error ? err.message : String(err)}`));
            return;
        }
        running.add(child);
        endChildrenOnCancel();
        let stoppedFor;
        let killTimer;
        const limitTimer = setTimeout(() => {
            stoppedFor = `\`${shown}\` was stopped after ${(0,_durations_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(performance.now() - started)}: it did not finish within its time limit of ${(0,_durations_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(options.timeoutMs)}`;
            _runner_js__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(stoppedFor);
            // Past the limit nothing waits for the log any more: the CLI's end must not depend on it.
            resumeReading();
            signalGroup(child, 'SIGTERM');
            killTimer = setTimeout(() => signalGroup(child, 'SIGKILL'), KILL_GRACE_MS);
        }, options.timeoutMs);
        // The echo waits for the log: while the pipe to the runner is full, the CLI's output is
        // not read, so the CLI waits on its own pipe instead of this process queueing what it
        // prints in memory (150 MB of deploy output once cost 733 MB). What is kept in memory is
        // capped by CappedBuffer; what waits to be written is at most one chunk's lines.
        let waiting = false;
        const waitForLog = () => {
            const drained = _runner_js__WEBPACK_IMPORTED_MODULE_2__/* .logDrained */ .Gk();
            if (!drained || waiting || stoppedFor)
                return;
            waiting = true;
            child.stdout?.pause();
            child.stderr?.pause();
            void drained.then(resumeReading);
        };
        const resumeReading = () => {
            waiting = false;
            child.stdout?.resume();
            child.stderr?.resume();
        };
        child.stdout?.on('data', (chunk) => {
            stdout.push(chunk);
            if (!echo)
                return;
            echoOut.write(chunk);
            waitForLog();
        });
        child.stderr?.on('data', (chunk) => {
            stderr.push(chunk);
            if (!echo)
                return;
            echoErr.write(chunk);
            waitForLog();
        });
        // A CLI that exits without reading stdin must not crash the step with EPIPE.
        child.stdin?.on('error', () => undefined);
        if (options.input !== undefined)
            child.stdin?.end(options.input);
        else
            child.stdin?.end();
        let spawnError;
        child.on('error', (err) => {
            spawnError = err;
        });
        child.on('close', (code, signal) => {
            clearTimeout(limitTimer);
            clearTimeout(killTimer);
            running.delete(child);
            // The group may still hold processes the CLI started and left behind.
            if (stoppedFor)
                signalGroup(child, 'SIGKILL');
            echoOut.flush();
            echoErr.flush();
            const result = {
                exitCode: code ?? (signal ? 128 : 1),
                stdout: stdout.text(),
                stderr: stderr.text(),
                truncated: stdout.dropped || stderr.dropped,
            };
            if (spawnError) {
                const missing = spawnError.code === 'ENOENT';
                reject(new CliError(missing
                    ? `could not run \`${tool}\`: it is not installed or not on PATH`
                    : `could not run \`${tool}\`: ${spawnError.message}`));
                return;
            }
            if (stoppedFor) {
                reject(new CliError(`${stoppedFor}; its last output: ${tail(result.stderr) || tail(result.stdout) || 'none'}`, result, true));
                return;
            }
            if (result.exitCode !== 0 && !options.allowFailure) {
                reject(new CliError(`\`${shown}\` failed with exit code ${result.exitCode}: ${failureReason(result)}`, result));
                return;
            }
            _runner_js__WEBPACK_IMPORTED_MODULE_2__/* .debug */ .Yz(`${shown} exited ${result.exitCode}`);
            resolve(result);
        });
    });
}
/** Parses a CLI's JSON output, or says clearly which command printed something else. */
function parseCliJson(tool, args, stdout, truncated = false) {
    const shown = commandLine(tool, args);
    if (truncated) {
        throw new CliError(`\`${shown}\` printed more than ${MAX_CAPTURE_BYTES / 1024 / 1024} MiB; its JSON was not read`);
    }
    try {
        return JSON.parse(stdout);
    }
    catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        const start = stripAnsi(stdout).trim().slice(0, 80);
        throw new CliError(`\`${shown}\` did not print JSON (${why}); it began: ${JSON.stringify(start)}`);
    }
}


/***/ }),

/***/ 4722:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commandStatus: () => (/* binding */ commandStatus),
/* harmony export */   createCommandProvider: () => (/* binding */ createCommandProvider),
/* harmony export */   shellInvocation: () => (/* binding */ shellInvocation)
/* harmony export */ });
/* harmony import */ var _durations_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9503);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2635);
/* harmony import */ var _process_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9911);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4850);
/* harmony import */ var _status_words_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4541);





const PURPOSE = {
    'deploy-command': 'deploy',
    'releases-command': 'list releases',
    'rollback-command': 'roll back',
    'url-command': 'find the app URL',
};
/**
 * How the user's command text runs: as GitHub runs a `run:` step, bash without profile or rc
 * files, stopping at the first failing command of a pipeline or list (PowerShell on Windows).
 * `--norc` matters beyond habit: bash reads ~/.bashrc when its stdin is a socket (it takes
 * that for an ssh session), and Node's stdio pipes are sockets; a runner's ~/.bashrc (pyenv,
 * nvm) then runs before every command.
 */
function shellInvocation(command, platform = process.platform) {
    return platform === 'win32'
        ? { tool: 'pwsh', args: ['-NoProfile', '-NonInteractive', '-Command', command] }
        : { tool: 'bash', args: ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command] };
}
function requiredCommand(config, input) {
    const command = config.settings[input];
    if (!command || command.trim() === '') {
        throw new Error(`provider \`command\` needs the \`${input}\` input to ${PURPOSE[input]}`);
    }
    return command;
}
/**
 * Runs one of the user's commands. Everything flightdeck knows about the release (ids, images,
 * versions: text that may come from a branch or a tag) reaches it only through environment
 * variables; the command text is the user's own and is never built from data.
 */
async function runUserCommand(config, input, env, echo) {
    const { tool, args } = shellInvocation(requiredCommand(config, input));
    let result;
    try {
        result = await (0,_process_js__WEBPACK_IMPORTED_MODULE_2__/* .runCli */ .ak)(tool, args, {
            env: {
                FLIGHTDECK_APP: config.app,
                // Unset unless this operation sets them, so nothing stale leaks in from the runner.
                FLIGHTDECK_RELEASE_ID: undefined,
                FLIGHTDECK_RELEASE_IMAGE: undefined,
                FLIGHTDECK_RELEASE_VERSION: undefined,
                ...env,
            },
            cwd: config.cwd,
            timeoutMs: config.timeoutMs,
            allowFailure: true,
            echo,
        });
    }
    catch (err) {
        if (err instanceof _process_js__WEBPACK_IMPORTED_MODULE_2__/* .CliError */ .z1 && err.timedOut) {
            throw new _process_js__WEBPACK_IMPORTED_MODULE_2__/* .CliError */ .z1(`the \`${input}\` was stopped (with every process it started) after ${(0,_durations_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(config.timeoutMs)}, its time limit (command-timeout)`, err.result, true);
        }
        throw new _process_js__WEBPACK_IMPORTED_MODULE_2__/* .CliError */ .z1(`could not run the \`${input}\` with ${tool}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}`);
    }
    if (result.exitCode !== 0) {
        const why = (0,_process_js__WEBPACK_IMPORTED_MODULE_2__/* .tail */ .RT)(result.stderr) || (0,_process_js__WEBPACK_IMPORTED_MODULE_2__/* .tail */ .RT)(result.stdout) || 'no output';
        throw new _process_js__WEBPACK_IMPORTED_MODULE_2__/* .CliError */ .z1(`the \`${input}\` failed with exit code ${result.exitCode}: ${why}`, result);
    }
    return result;
}
function lastLine(stdout) {
    return stdout
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
        .pop();
}
function optionalText(value) {
    if (typeof value === 'string' && value.trim() !== '')
        return value.trim();
    if (typeof value === 'number' && Number.isFinite(value))
        return String(value);
    return undefined;
}
/** A last line such as `{"id":"v42","url":"https://…"}` tells what was deployed; anything else is just output. */
function resultLine(stdout) {
    const line = lastLine(stdout);
    if (!line?.startsWith('{'))
        return {};
    try {
        const parsed = JSON.parse(line);
        return {
            id: optionalText(parsed.id),
            version: optionalText(parsed.version),
            url: optionalText(parsed.url),
        };
    }
    catch {
        return {};
    }
}
/** Lenient: the words deploy scripts and platforms commonly print for each state. */
const commandStatus = _status_words_js__WEBPACK_IMPORTED_MODULE_4__/* .statusFromWord */ .x;
function parseReleasesJson(stdout) {
    const attempts = [stdout.trim(), lastLine(stdout) ?? ''];
    for (const text of attempts) {
        try {
            return JSON.parse(text);
        }
        catch {
            // try the next form
        }
    }
    throw new _process_js__WEBPACK_IMPORTED_MODULE_2__/* .CliError */ .z1(`the \`releases-command\` did not print a JSON array of releases; it began: ${JSON.stringify(stdout.trim().slice(0, 80))}`);
}
function toRelease(entry, index) {
    if (!entry || typeof entry !== 'object') {
        throw new _process_js__WEBPACK_IMPORTED_MODULE_2__/* .CliError */ .z1(`the \`releases-command\` printed entry ${index + 1} that is not an object: ${JSON.stringify(entry)}`);
    }
    const item = entry;
    const id = optionalText(item.id);
    if (!id) {
        throw new _process_js__WEBPACK_IMPORTED_MODULE_2__/* .CliError */ .z1(`the \`releases-command\` printed entry ${index + 1} without an \`id\`: ${JSON.stringify(entry).slice(0, 80)}`);
    }
    const rawStatus = optionalText(item.status) ?? '';
    return {
        id,
        version: optionalText(item.version),
        status: commandStatus(rawStatus),
        rawStatus,
        image: optionalText(item.image),
        createdAt: optionalText(item.createdAt),
        current: false,
        description: optionalText(item.description),
        url: optionalText(item.url),
        markedCurrent: item.current === true,
    };
}
/** Newest first: by date when every entry has one, else in the order the command printed. */
function newestFirst(releases) {
    if (!releases.every((release) => release.createdAt && !Number.isNaN(Date.parse(release.createdAt)))) {
        return releases;
    }
    return [...releases].sort((a, b) => Date.parse(b.createdAt ?? '') - Date.parse(a.createdAt ?? ''));
}
async function releases(config) {
    const result = await runUserCommand(config, 'releases-command', {}, false);
    const parsed = parseReleasesJson(result.stdout);
    const list = Array.isArray(parsed)
        ? parsed
        : parsed &&
            typeof parsed === 'object' &&
            Array.isArray(parsed.releases)
            ? parsed.releases
            : undefined;
    if (!list) {
        throw new _process_js__WEBPACK_IMPORTED_MODULE_2__/* .CliError */ .z1(`the \`releases-command\` printed JSON that is not an array of releases: ${JSON.stringify(parsed).slice(0, 80)}`);
    }
    const entries = newestFirst(list.map(toRelease));
    // Exactly one current: the newest the command marked, else the newest that succeeded.
    const marked = entries.findIndex((entry) => entry.markedCurrent);
    const chosen = marked >= 0 ? marked : entries.findIndex((entry) => entry.status === 'succeeded');
    return entries.map(({ markedCurrent: _marked, ...release }, index) => ({
        ...release,
        current: index === chosen,
    }));
}
async function deploy(config, request) {
    if (request.extraArgs?.length) {
        config.log('provider `command` ignores extra arguments: put them in the `deploy-command` itself');
    }
    const result = await runUserCommand(config, 'deploy-command', { FLIGHTDECK_RELEASE_IMAGE: request.image, FLIGHTDECK_ENVIRONMENT: request.environment }, true);
    const said = resultLine(result.stdout);
    return { releaseId: said.id, version: said.version, url: said.url };
}
async function rollback(config, target) {
    const result = await runUserCommand(config, 'rollback-command', {
        FLIGHTDECK_RELEASE_ID: target.id,
        FLIGHTDECK_RELEASE_IMAGE: target.image,
        FLIGHTDECK_RELEASE_VERSION: target.version,
    }, true);
    return { releaseId: resultLine(result.stdout).id };
}
async function url(config) {
    if (!config.settings['url-command'])
        return undefined;
    const result = await runUserCommand(config, 'url-command', {}, false);
    const line = lastLine(result.stdout);
    if (!line)
        return undefined;
    if (!/^https?:\/\/\S+$/i.test(line)) {
        throw new _process_js__WEBPACK_IMPORTED_MODULE_2__/* .CliError */ .z1(`the \`url-command\` printed ${JSON.stringify(line.slice(0, 80))} as its last line, not an http(s) URL`);
    }
    return line;
}
/**
 * Deploys through the user's own commands (`deploy-command`, `releases-command`,
 * `rollback-command`, optional `url-command`), for platforms flightdeck has no provider for.
 */
function createCommandProvider(config) {
    return {
        name: 'command',
        tokenEnv: [],
        deploy: (request) => deploy(config, request),
        releases: () => releases(config),
        rollback: (target) => rollback(config, target),
        ensureApp: async () => {
            throw new _types_js__WEBPACK_IMPORTED_MODULE_3__/* .UnsupportedOperationError */ .vR('command', 'create an app', 'create it in a workflow step before this one, or inside your `deploy-command`');
        },
        destroyApp: async () => {
            throw new _types_js__WEBPACK_IMPORTED_MODULE_3__/* .UnsupportedOperationError */ .vR('command', 'delete an app', 'delete it in a workflow step of your own when the pull request closes');
        },
        setSecrets: async () => {
            throw new _types_js__WEBPACK_IMPORTED_MODULE_3__/* .UnsupportedOperationError */ .vR('command', 'set secrets', "set them with your platform's own tool in a workflow step, passing values through `env:`");
        },
        url: () => url(config),
    };
}


/***/ }),

/***/ 4541:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ statusFromWord)
/* harmony export */ });
const SUCCEEDED = /^(ok|success|successful|succeeded|complete|completed|done|live|ready|deployed|active|healthy)$/;
const FAILED = /^(fail.*|error|errored|crashed|dead|interrupted|cancel.*|timed_out|timeout|aborted|rejected)$/;
const IN_PROGRESS = /^(running|pending|queued|started|starting|deploying|building|in_progress|progressing)$/;
/**
 * A release status from the words platforms and deploy scripts print, leniently: `complete`,
 * `Succeeded`, `in-progress`, `cancelled` ... Anything else is unknown, never guessed good.
 */
function statusFromWord(raw) {
    const word = raw
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_');
    if (SUCCEEDED.test(word))
        return 'succeeded';
    if (FAILED.test(word))
        return 'failed';
    if (IN_PROGRESS.test(word))
        return 'in-progress';
    return 'unknown';
}


/***/ })

};
