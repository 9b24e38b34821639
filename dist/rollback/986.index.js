export const id = 986;
export const ids = [986];
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

/***/ 6986:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createFlyProvider: () => (/* binding */ createFlyProvider),
/* harmony export */   deployedUrl: () => (/* binding */ deployedUrl),
/* harmony export */   flyReleaseStatus: () => (/* binding */ flyReleaseStatus),
/* harmony export */   formatSecretsForImport: () => (/* binding */ formatSecretsForImport),
/* harmony export */   parseFlyReleases: () => (/* binding */ parseFlyReleases)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2635);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5931);
/* harmony import */ var _process_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9911);
/* harmony import */ var _status_words_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4541);
// Fly.io through `flyctl`. Fly has no rollback command: a rollback redeploys the image of the
// earlier release, which makes a new release. Formats: __tests__/fixtures/providers/README.md.




const TOOL = 'flyctl';
const TOKEN_ENV = 'FLY_API_TOKEN';
const DEFAULT_ORG = 'personal';
/** Fly's release status words, leniently: flyctl writes running, complete, failed, interrupted. */
function flyReleaseStatus(raw, inProgress = false) {
    const status = (0,_status_words_js__WEBPACK_IMPORTED_MODULE_3__/* .statusFromWord */ .x)(raw);
    return status === 'unknown' && inProgress ? 'in-progress' : status;
}
/**
 * Releases from `flyctl releases --json` output, newest first. The current one is the newest that
 * succeeded: a newer failed deploy leaves the previous release serving traffic.
 */
function parseFlyReleases(parsed, command) {
    // Go renders an empty slice as null.
    if (parsed === null)
        return [];
    if (!Array.isArray(parsed)) {
        throw new _process_js__WEBPACK_IMPORTED_MODULE_2__/* .CliError */ .z1(`\`${command}\` printed JSON that is not a list of releases`);
    }
    const releases = parsed.map((item, index) => {
        if (!item || typeof item.ID !== 'string' || typeof item.Version !== 'number') {
            throw new _process_js__WEBPACK_IMPORTED_MODULE_2__/* .CliError */ .z1(`\`${command}\` printed a release without an ID and a numeric Version (item ${index})`);
        }
        const rawStatus = typeof item.Status === 'string' ? item.Status : '';
        return {
            order: item.Version,
            id: item.ID,
            version: `v${item.Version}`,
            status: flyReleaseStatus(rawStatus, item.InProgress === true),
            rawStatus,
            image: nonEmpty(item.ImageRef),
            createdAt: nonEmpty(item.CreatedAt),
            current: false,
            description: nonEmpty(item.Description) ?? nonEmpty(item.Reason),
        };
    });
    releases.sort((a, b) => b.order - a.order);
    const serving = releases.find((release) => release.status === 'succeeded');
    if (serving)
        serving.current = true;
    return releases.map(({ order: _order, ...release }) => release);
}
/** The URL flyctl deploy prints when it is done, from either output stream. */
function deployedUrl(result) {
    // Colour codes, should flyctl think it writes to a terminal.
    // eslint-disable-next-line no-control-regex
    const text = `${result.stdout}\n${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
    const url = /Visit your newly deployed app at (https?:\/\/\S+)/.exec(text)?.[1];
    return url?.replace(/\/$/, '');
}
const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MULTILINE_QUOTE = '"""';
// flyctl reads stdin with a bufio.Scanner, which stops at a line of 64 KiB and drops the rest.
const MAX_LINE_BYTES = 64 * 1024 - 1;
/**
 * The stdin of `flyctl secrets import`: NAME=VALUE lines, and NAME="""...""" for multi-line values
 * (flyctl `internal/command/secrets/parser.go`). Values flyctl would read back differently are
 * refused here, before anything is sent.
 */
function formatSecretsForImport(secrets) {
    const problems = [];
    const lines = [];
    for (const [name, value] of Object.entries(secrets)) {
        if (!SECRET_NAME.test(name)) {
            problems.push(`secret name ${JSON.stringify(name)} is not a valid environment variable name`);
            continue;
        }
        const why = unimportable(value);
        if (why) {
            problems.push(`the value of secret ${name} ${why}`);
            continue;
        }
        const line = value.includes('\n')
            ? `${name}=${MULTILINE_QUOTE}${value}${MULTILINE_QUOTE}`
            : `${name}=${value}`;
        if (line.split('\n').some((part) => Buffer.byteLength(part) > MAX_LINE_BYTES)) {
            problems.push(`the value of secret ${name} has a line longer than flyctl reads (64 KiB)`);
            continue;
        }
        lines.push(line);
    }
    if (problems.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(problems);
    return lines.map((line) => `${line}\n`).join('');
}
function unimportable(value) {
    if (value.includes('\r'))
        return 'contains a carriage return, which flyctl would drop';
    if (!value.includes('\n')) {
        return value.startsWith(MULTILINE_QUOTE)
            ? `starts with ${MULTILINE_QUOTE}, which flyctl reads as the start of a multi-line value`
            : undefined;
    }
    // flyctl ends a multi-line value at the first line that ends with """.
    const inner = value.split('\n').slice(0, -1);
    if (inner.some((line) => line.endsWith(MULTILINE_QUOTE))) {
        return `has a line ending with ${MULTILINE_QUOTE}, which flyctl reads as the end of the value`;
    }
    return undefined;
}
const APP_NAME = /^[a-z0-9][a-z0-9-]*$/;
const MAX_NEW_APP_NAME = 63;
function checkedAppName(app, creating = false) {
    if (!APP_NAME.test(app)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz([
            `Fly app name ${JSON.stringify(app)} is invalid: use only lowercase letters, numbers and dashes, not starting with a dash`,
        ]);
    }
    if (creating && app.length > MAX_NEW_APP_NAME) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz([
            `Fly app name ${JSON.stringify(app)} is longer than ${MAX_NEW_APP_NAME} characters`,
        ]);
    }
    return app;
}
/**
 * `--app=NAME`: values go in the `--flag=value` form, so that no text from a user or the platform
 * can ever be read as a flag of its own (`--image -x` would be, by most argument parsers).
 */
function appFlag(app) {
    return `--app=${checkedAppName(app)}`;
}
function nonEmpty(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}
function createFlyProvider(config) {
    const token = config.token ?? process.env[TOKEN_ENV];
    (0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .maskSecret */ .$l)(token);
    // flyctl prefers FLY_ACCESS_TOKEN over FLY_API_TOKEN, so a stale one must not shadow ours.
    const env = token
        ? { [TOKEN_ENV]: token, FLY_ACCESS_TOKEN: undefined }
        : {};
    function fly(args, options = {}) {
        return (0,_process_js__WEBPACK_IMPORTED_MODULE_2__/* .runCli */ .ak)(TOOL, args, { env, cwd: config.cwd, timeoutMs: config.timeoutMs, ...options });
    }
    async function flyJson(args) {
        const result = await fly(args, { echo: false });
        return (0,_process_js__WEBPACK_IMPORTED_MODULE_2__/* .parseCliJson */ .ew)(TOOL, args, result.stdout);
    }
    async function releases() {
        const args = ['releases', appFlag(config.app), '--json'];
        return parseFlyReleases(await flyJson(args), `${TOOL} ${args.join(' ')}`);
    }
    async function findApp(name) {
        const args = ['apps', 'list', '--json'];
        const apps = await flyJson(args);
        if (apps !== null && !Array.isArray(apps)) {
            throw new _process_js__WEBPACK_IMPORTED_MODULE_2__/* .CliError */ .z1(`\`${TOOL} ${args.join(' ')}\` printed JSON that is not a list of apps`);
        }
        return (apps ?? []).find((app) => app?.Name === name);
    }
    async function deploy(request) {
        const app = checkedAppName(config.app);
        const args = ['deploy', appFlag(app)];
        if (request.config)
            args.push(`--config=${request.config}`);
        if (request.image)
            args.push(`--image=${request.image}`);
        if (request.strategy)
            args.push(`--strategy=${request.strategy}`);
        if (request.remoteOnly)
            args.push('--remote-only');
        args.push('--yes', ...(request.extraArgs ?? []));
        if (request.environment) {
            config.log(`Fly has no deploy environments; ignoring environment ${JSON.stringify(request.environment)}`);
        }
        const url = deployedUrl(await fly(args));
        // The deploy has happened by now: a failure to read its release is reported, not thrown.
        try {
            const newest = (await releases())[0];
            if (!newest) {
                config.log(`Deployed ${app}, but \`${TOOL} releases\` lists no release for it`);
                return { url };
            }
            return { releaseId: newest.id, version: newest.version, url };
        }
        catch (err) {
            config.log(`Deployed ${app}, but could not read its new release: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)}`);
            return { url };
        }
    }
    return {
        name: 'fly',
        cli: TOOL,
        tokenEnv: [TOKEN_ENV],
        deploy,
        releases,
        async rollback(target) {
            if (!target.image) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionFailure */ .dR(`cannot roll back Fly app ${config.app} to ${target.version ?? target.id}: flyctl lists no image for that release, so there is nothing to redeploy; pick a release that has one or run \`flyctl deploy --image <image>\` yourself`);
            }
            config.log(`Rolling back ${config.app} to ${target.version ?? target.id} by redeploying ${target.image}`);
            const { releaseId } = await deploy({
                image: target.image,
                strategy: config.settings.strategy,
            });
            return { releaseId };
        },
        async ensureApp(options) {
            const app = checkedAppName(config.app, true);
            const askedOrg = options.org || config.settings.org;
            const existing = await findApp(app);
            if (existing) {
                const slug = nonEmpty(existing.Organization?.Slug);
                if (askedOrg && slug && slug !== askedOrg) {
                    config.log(`Fly app ${app} already exists, in organization ${slug} (not ${askedOrg})`);
                }
                return { created: false };
            }
            await fly(['apps', 'create', `--name=${app}`, `--org=${askedOrg || DEFAULT_ORG}`]);
            return { created: true };
        },
        async destroyApp() {
            const app = checkedAppName(config.app);
            // Teardown may run again, or for a preview that was never created: both are fine.
            if (!(await findApp(app))) {
                config.log(`Fly app ${app} does not exist; nothing to destroy`);
                return;
            }
            // `apps destroy` takes the name only as a word; after `--` it cannot be read as a flag.
            await fly(['apps', 'destroy', '--yes', '--', app]);
        },
        async setSecrets(secrets) {
            const app = checkedAppName(config.app);
            for (const value of Object.values(secrets))
                (0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .maskSecret */ .$l)(value);
            const input = formatSecretsForImport(secrets);
            if (input === '') {
                config.log('No secrets to set');
                return;
            }
            const args = ['secrets', 'import', appFlag(app)];
            if (config.settings['stage-secrets'] === 'true')
                args.push('--stage');
            await fly(args, { input });
        },
        async url() {
            const args = ['status', appFlag(config.app), '--json'];
            const status = await flyJson(args);
            if (!status || typeof status !== 'object' || Array.isArray(status)) {
                throw new _process_js__WEBPACK_IMPORTED_MODULE_2__/* .CliError */ .z1(`\`${TOOL} ${args.join(' ')}\` printed JSON that is not an app status`);
            }
            const hostname = nonEmpty(status.Hostname);
            return hostname ? `https://${hostname}` : undefined;
        },
        async listApps(options) {
            const args = ['apps', 'list', '--json'];
            if (options.org)
                args.push(`--org=${options.org}`);
            const apps = await flyJson(args);
            if (apps !== null && !Array.isArray(apps)) {
                throw new _process_js__WEBPACK_IMPORTED_MODULE_2__/* .CliError */ .z1(`\`${TOOL} ${args.join(' ')}\` printed JSON that is not a list of apps`);
            }
            return (apps ?? [])
                .map((app) => nonEmpty(app?.Name))
                .filter((name) => name !== undefined);
        },
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
