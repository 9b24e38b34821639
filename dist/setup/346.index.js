export const id = 346;
export const ids = [346];
export const modules = {

/***/ 1346:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  commandStatus: () => (/* binding */ commandStatus),
  createCommandProvider: () => (/* binding */ createCommandProvider),
  shellInvocation: () => (/* reexport */ shellInvocation)
});

// EXTERNAL MODULE: ./shared/process.ts + 1 modules
var shared_process = __webpack_require__(8548);
// EXTERNAL MODULE: ./shared/durations.ts
var durations = __webpack_require__(9503);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(2635);
;// CONCATENATED MODULE: ./shared/providers/command-run.ts
// How the `command` provider runs the user's own commands: bash (pwsh on Windows) with the
// command text as the user wrote it, data only through environment variables. Shared by the
// provider's deploy/releases/rollback (command.ts) and its traffic steps (command-traffic.ts).



const PURPOSE = {
    'deploy-command': 'deploy',
    'releases-command': 'list releases',
    'rollback-command': 'roll back',
    'traffic-command': 'move traffic between releases',
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
        result = await (0,shared_process/* runCli */.ak)(tool, args, {
            env: {
                FLIGHTDECK_APP: config.app,
                // Unset unless this operation sets them, so nothing stale leaks in from the runner.
                FLIGHTDECK_RELEASE_ID: undefined,
                FLIGHTDECK_RELEASE_IMAGE: undefined,
                FLIGHTDECK_RELEASE_VERSION: undefined,
                FLIGHTDECK_PREVIOUS_RELEASE_ID: undefined,
                FLIGHTDECK_TRAFFIC_STEPS: undefined,
                FLIGHTDECK_TRAFFIC_PERCENT: undefined,
                ...env,
            },
            cwd: config.cwd,
            timeoutMs: config.timeoutMs,
            allowFailure: true,
            echo,
        });
    }
    catch (err) {
        if (err instanceof shared_process/* CliError */.z1 && err.timedOut) {
            throw new shared_process/* CliError */.z1(`the \`${input}\` was stopped (with every process it started) after ${(0,durations/* formatDuration */.a3)(config.timeoutMs)}, its time limit (command-timeout)`, err.result, true);
        }
        throw new shared_process/* CliError */.z1(`could not run the \`${input}\` with ${tool}: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
    if (result.exitCode !== 0) {
        const why = (0,shared_process/* tail */.RT)(result.stderr) || (0,shared_process/* tail */.RT)(result.stdout) || 'no output';
        throw new shared_process/* CliError */.z1(`the \`${input}\` failed with exit code ${result.exitCode}: ${why}`, result);
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

;// CONCATENATED MODULE: ./shared/providers/command-traffic.ts
// Traffic steps for the `command` provider: the user's own router (Kubernetes, Nginx, a load
// balancer) moves a share of requests when flightdeck runs their `traffic-command`.


/**
 * The new release's id: what the `deploy-command` printed (`{"id":…}` as its last line), else
 * the newest release the `releases-command` lists. Either way it must not be the release that
 * served before: shifting traffic from a release to itself would pass every step and prove
 * nothing.
 */
async function newRelease(deployed, previous, parts) {
    if (deployed.releaseId) {
        if (deployed.releaseId === previous.id) {
            throw new shared_process/* CliError */.z1(`the \`deploy-command\` printed the id of the release that served before it (${JSON.stringify(previous.id)}): with traffic steps it must make a new release and print its id (example last line: {"id":"v42"}) or leave it to the \`releases-command\``);
        }
        return { ...deployed, releaseId: deployed.releaseId };
    }
    const [newest] = await parts.releases();
    if (!newest || newest.id === previous.id) {
        throw new shared_process/* CliError */.z1(`the \`deploy-command\` made no new release: it printed no {"id":…} line, and the newest release the \`releases-command\` lists is ${newest ? `${JSON.stringify(newest.id)}, the one that served before the deploy` : 'none'}`);
    }
    return {
        releaseId: newest.id,
        version: deployed.version ?? newest.version,
        url: deployed.url ?? newest.url,
    };
}
async function start(config, parts, request, plan) {
    // Without a way to move traffic nothing may deploy: the release would sit unused, or worse,
    // a failed step could not be undone.
    requiredCommand(config, 'traffic-command');
    const deployed = await parts.deploy(request, {
        // With these set the `deploy-command` uploads the release and leaves traffic where it is.
        FLIGHTDECK_TRAFFIC_STEPS: plan.steps.join(','),
        FLIGHTDECK_PREVIOUS_RELEASE_ID: plan.previous.id,
    });
    const release = await newRelease(deployed, plan.previous, parts);
    const move = async (percent) => {
        if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
            throw new RangeError(`a traffic share is 0–100 percent, not ${percent}`);
        }
        await runUserCommand(config, 'traffic-command', {
            // Always the new release, on the 0 % call too: the router is told which pair it splits.
            FLIGHTDECK_RELEASE_ID: release.releaseId,
            FLIGHTDECK_RELEASE_VERSION: release.version,
            FLIGHTDECK_PREVIOUS_RELEASE_ID: plan.previous.id,
            FLIGHTDECK_TRAFFIC_PERCENT: String(percent),
        }, true);
    };
    return {
        release,
        shift: async (percent) => {
            config.log(`moving ${percent}% of requests to ${release.releaseId}, the rest to ${plan.previous.id} (traffic-command)`);
            await move(percent);
        },
        abort: async () => {
            config.log(`returning all requests to ${plan.previous.id} (traffic-command, 0%)`);
            await move(0);
        },
    };
}
/** TrafficOperations over the user's `deploy-command`, `releases-command` and `traffic-command`. */
function createCommandTraffic(config, parts) {
    return { start: (request, plan) => start(config, parts, request, plan) };
}

// EXTERNAL MODULE: ./shared/providers/status-words.ts
var status_words = __webpack_require__(4541);
;// CONCATENATED MODULE: ./shared/providers/command.ts





/** Lenient: the words deploy scripts and platforms commonly print for each state. */
const commandStatus = status_words/* statusFromWord */.x;
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
    throw new shared_process/* CliError */.z1(`the \`releases-command\` did not print a JSON array of releases; it began: ${JSON.stringify(stdout.trim().slice(0, 80))}`);
}
function toRelease(entry, index) {
    if (!entry || typeof entry !== 'object') {
        throw new shared_process/* CliError */.z1(`the \`releases-command\` printed entry ${index + 1} that is not an object: ${JSON.stringify(entry)}`);
    }
    const item = entry;
    const id = optionalText(item.id);
    if (!id) {
        throw new shared_process/* CliError */.z1(`the \`releases-command\` printed entry ${index + 1} without an \`id\`: ${JSON.stringify(entry).slice(0, 80)}`);
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
        throw new shared_process/* CliError */.z1(`the \`releases-command\` printed JSON that is not an array of releases: ${JSON.stringify(parsed).slice(0, 80)}`);
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
async function deploy(config, request, trafficEnv = {}) {
    if (request.extraArgs?.length) {
        config.log('provider `command` ignores extra arguments: put them in the `deploy-command` itself');
    }
    const result = await runUserCommand(config, 'deploy-command', {
        FLIGHTDECK_RELEASE_IMAGE: request.image,
        FLIGHTDECK_ENVIRONMENT: request.environment,
        ...trafficEnv,
    }, true);
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
        throw new shared_process/* CliError */.z1(`the \`url-command\` printed ${JSON.stringify(line.slice(0, 80))} as its last line, not an http(s) URL`);
    }
    return line;
}
/**
 * Deploys through the user's own commands (`deploy-command`, `releases-command`,
 * `rollback-command`, optional `url-command`; `traffic-command` for traffic steps), for
 * platforms flightdeck has no provider for.
 */
function createCommandProvider(config) {
    return {
        name: 'command',
        tokenEnv: [],
        deploy: (request) => deploy(config, request),
        releases: () => releases(config),
        rollback: (target) => rollback(config, target),
        url: () => url(config),
        // Static, as the spec's `trafficSplit`: whether the user's router can split is theirs to
        // say; a missing `traffic-command` is refused before anything deploys.
        traffic: createCommandTraffic(config, {
            deploy: (request, env) => deploy(config, request, env),
            releases: () => releases(config),
        }),
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
