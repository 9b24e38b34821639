export const id = 986;
export const ids = [986];
export const modules = {

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
/* harmony import */ var _process_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8548);
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
