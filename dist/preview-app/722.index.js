export const id = 722;
export const ids = [722];
export const modules = {

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
/* harmony import */ var _process_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8548);
/* harmony import */ var _status_words_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4541);




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
const commandStatus = _status_words_js__WEBPACK_IMPORTED_MODULE_3__/* .statusFromWord */ .x;
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
