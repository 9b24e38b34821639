export const id = 216;
export const ids = [216];
export const modules = {

/***/ 4850:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ UnsupportedOperationError)
/* harmony export */ });
/** A platform cannot do what was asked; the message says what to use instead. */
class UnsupportedOperationError extends Error {
    constructor(provider, operation, instead) {
        super(`provider \`${provider}\` cannot ${operation}; ${instead}`);
        this.name = 'UnsupportedOperationError';
    }
}


/***/ }),

/***/ 9216:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createVercelProvider: () => (/* binding */ createVercelProvider)
});

// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(2635);
// EXTERNAL MODULE: ./shared/secrets.ts
var shared_secrets = __webpack_require__(5931);
// EXTERNAL MODULE: ./shared/process.ts + 1 modules
var shared_process = __webpack_require__(8548);
// EXTERNAL MODULE: ./shared/providers/types.ts
var types = __webpack_require__(4850);
;// CONCATENATED MODULE: ./shared/providers/vercel-output.ts
// What vercel (60.x) prints and takes, read and checked: its constants, `vercel list` and
// `vercel deploy` JSON, deployment references and secret values. No process is run here.
// Formats: __tests__/fixtures/providers/README.md.


const TOOL = 'vercel';
// vercel 60 reads the token from VERCEL_TOKEN when no --token is given (dist/index.js:
// `process.env.VERCEL_TOKEN&&(explicitToken=...,tokenSource="env")`), so it never needs argv.
const TOKEN_ENV = 'VERCEL_TOKEN';
const ORG_ENV = 'VERCEL_ORG_ID';
const PROJECT_ENV = 'VERCEL_PROJECT_ID';
const PROJECT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const DEPLOYMENT_ID = /^dpl_[A-Za-z0-9]+$/;
const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// `vercel env add` takes the first chunk it reads from stdin and nothing more.
const MAX_SECRET_BYTES = 64 * 1024;
const DEFAULT_SECRET_ENVIRONMENT = 'preview';
// Left for the CLI to report its own rollback timeout before ours ends it.
const ROLLBACK_TIMEOUT_MARGIN_MS = 10_000;
// An environment (production, preview, development, or a custom environment's slug) reaches
// `vercel env add` as a word of its own, so it must not look like a flag.
const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
// vercel refuses a token with anything but letters, digits and _, even from VERCEL_TOKEN (it
// copies the variable into its --token flag and checks that: dist/index.js, `token.match(/(\W)/g)`).
const TOKEN_CHARACTER = /^\w+$/;
// `vercel list` returns at most 100 deployments a page (`--limit`, "max: 100").
const LIST_PAGE = 100;
// Pages of production deployments read while looking for two that are READY.
const MAX_LIST_PAGES = 5;
// The dashboard URL of a deployment ends with its id without `dpl_` (vercel's own
// parseVercelDashboardUrl reads it the same way).
const INSPECTOR_URL = /https:\/\/vercel\.com\/[^/\s]+\/[^/\s]+\/([A-Za-z0-9]+)\b/;
// The deployment metadata key (`vercel deploy --meta`) that ties a preview deployment to its
// pull request's preview name; `vercel list --meta` finds them again when the PR closes.
const PREVIEW_META_KEY = 'flightdeckPreview';
function vercel_output_text(value) {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
/** Vercel's readyState words, leniently. */
function vercelStatus(raw) {
    const state = raw.trim().toUpperCase();
    if (state === 'READY')
        return 'succeeded';
    if (['ERROR', 'CANCELED', 'CANCELLED', 'BLOCKED', 'DELETED'].includes(state))
        return 'failed';
    if (['BUILDING', 'QUEUED', 'INITIALIZING', 'DEPLOYING'].includes(state))
        return 'in-progress';
    return 'unknown';
}
function describe(deployment, environment) {
    const ref = vercel_output_text(deployment.meta?.githubCommitRef);
    const sha = vercel_output_text(deployment.meta?.githubCommitSha)?.slice(0, 7);
    const source = ref && sha ? ` of ${ref} (${sha})` : ref ? ` of ${ref}` : sha ? ` of ${sha}` : '';
    return environment === 'production'
        ? `production deployment${source}`
        : `${environment} deployment${source}; not a production rollback target`;
}
/**
 * The id of a listed deployment. vercel 60 copies `id` from the API's list items, but the
 * documented `/v6/deployments` item has `uid` and no `id`, so its JSON may have neither; then the
 * deployment's URL names it (rollback, promote and remove all take URLs).
 */
function listedId(item) {
    const host = vercel_output_text(item?.url);
    return (vercel_output_text(item?.id) ??
        vercel_output_text(item?.uid) ??
        (host ? (/^https?:\/\//.test(host) ? host : `https://${host}`) : undefined));
}
/**
 * Releases from `vercel list --format json`, newest first. Vercel rolls back production only, so
 * a READY deployment of any other environment is `unknown` rather than `succeeded` (its
 * rawStatus says e.g. `READY (preview)`), which keeps it out of rollback choices. The current
 * release is the newest READY production deployment: `vercel list` does not say which one the
 * production domains point at, and that is the one they follow unless someone rolled back by hand.
 */
function parseVercelList(parsed, command) {
    const list = parsed && typeof parsed === 'object' && !Array.isArray(parsed)
        ? parsed.deployments
        : undefined;
    if (!Array.isArray(list)) {
        throw new shared_process/* CliError */.z1(`\`${command}\` printed JSON without a list of deployments`);
    }
    const releases = list.map((item, index) => {
        const id = listedId(item);
        if (!id) {
            throw new shared_process/* CliError */.z1(`\`${command}\` printed a deployment without an id or URL (item ${index})`);
        }
        const state = vercel_output_text(item.state) ?? '';
        const production = item.target === 'production';
        const environment = production
            ? 'production'
            : (vercel_output_text(item.customEnvironment?.slug) ?? vercel_output_text(item.target) ?? 'preview');
        const status = vercelStatus(state);
        const host = vercel_output_text(item.url);
        const createdAt = typeof item.createdAt === 'number' ? item.createdAt : undefined;
        const release = {
            order: createdAt ?? -index,
            production,
            id,
            status: !production && status === 'succeeded' ? 'unknown' : status,
            rawStatus: production ? state : `${state} (${environment})`,
            createdAt: createdAt === undefined ? undefined : new Date(createdAt).toISOString(),
            current: false,
            description: describe(item, environment),
            url: host ? (/^https?:\/\//.test(host) ? host : `https://${host}`) : undefined,
        };
        return release;
    });
    releases.sort((a, b) => b.order - a.order);
    const serving = releases.find((release) => release.production && release.status === 'succeeded');
    if (serving)
        serving.current = true;
    return releases.map(({ order: _order, production: _production, ...release }) => release);
}
/** The deployment object of `vercel deploy --format json`, unwrapped from agent mode. */
function readDeployJson(stdout) {
    let parsed;
    try {
        parsed = JSON.parse(stdout);
    }
    catch {
        return undefined;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        return undefined;
    const json = parsed;
    if (json.deployment && typeof json.deployment === 'object') {
        return { ...json.deployment, error: json.deployment.error ?? deployError(json) };
    }
    return json.status === 'error' ? { ...json, error: deployError(json) } : json;
}
function deployError(json) {
    if (json.status !== 'error')
        return undefined;
    return { name: json.reason, message: json.message };
}
/**
 * A deployment reference that `vercel remove` and `vercel rollback` can only read as a
 * deployment: a `dpl_` id, or a full https URL. A bare word could be a project name, and
 * `vercel remove <project>` removes the whole project.
 */
function deploymentRef(value) {
    const trimmed = value.trim();
    if (DEPLOYMENT_ID.test(trimmed))
        return trimmed;
    const withScheme = /^[a-z]+:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
    let url;
    try {
        url = new URL(withScheme);
    }
    catch {
        url = undefined;
    }
    if (!url ||
        url.protocol !== 'https:' ||
        !url.hostname.includes('.') ||
        url.username ||
        url.password ||
        (url.pathname !== '/' && url.pathname !== '') ||
        url.search) {
        throw new errors/* InputError */.dz([
            `${JSON.stringify(value)} is not a Vercel deployment URL or dpl_ id (example: https://my-app-abc123-team.vercel.app)`,
        ]);
    }
    return `https://${url.hostname}`;
}
/**
 * The value as `vercel env add` will store it from stdin, or why it would not: it strips a
 * single trailing newline from a one-line value, and reads an empty stdin as no value at all.
 */
function secretProblem(name, value) {
    if (!SECRET_NAME.test(name)) {
        return `secret name ${JSON.stringify(name)} is not a valid environment variable name`;
    }
    if (value === '')
        return `the value of secret ${name} is empty, which vercel env add cannot read`;
    if (/\r?\n$/.test(value) && !/[\r\n]/.test(value.replace(/\r?\n$/, ''))) {
        return `the value of secret ${name} ends with a newline, which vercel env add would strip`;
    }
    if (Buffer.byteLength(value) > MAX_SECRET_BYTES) {
        return `the value of secret ${name} is longer than vercel env add reads from stdin (64 KiB)`;
    }
    return undefined;
}
function checkedProjectName(app) {
    if (!PROJECT_NAME.test(app)) {
        throw new errors/* InputError */.dz([
            `Vercel project name ${JSON.stringify(app)} is invalid: use letters, numbers, dots, dashes and underscores, not starting with a dash`,
        ]);
    }
    return app;
}
/** One page of `vercel list --format json`: its deployments and where the next page starts. */
function readVercelListPage(parsed, command) {
    const page = parsed && typeof parsed === 'object' && !Array.isArray(parsed)
        ? parsed
        : undefined;
    if (!Array.isArray(page?.deployments)) {
        throw new shared_process/* CliError */.z1(`\`${command}\` printed JSON without a list of deployments`);
    }
    const next = page.pagination?.next;
    return { deployments: page.deployments, next: typeof next === 'number' ? next : undefined };
}
/** The seconds to give a vercel `--timeout` so that it gives up, and says so, before we stop it. */
function cliTimeout(remainingMs) {
    const margin = Math.min(ROLLBACK_TIMEOUT_MARGIN_MS, remainingMs / 2);
    return `${Math.max(1, Math.floor((remainingMs - margin) / 1000))}s`;
}
function outputOf(err) {
    const result = err instanceof shared_process/* CliError */.z1 ? err.result : undefined;
    return `${result?.stdout ?? ''}\n${result?.stderr ?? ''}`;
}

;// CONCATENATED MODULE: ./shared/providers/vercel-cli.ts
// Running vercel for one project: its credentials by environment (never argv), the project and
// `--api` arguments, paged `vercel list`, and waiting for a deployment to be READY.




function createVercelCli(config) {
    const token = config.token ?? process.env[TOKEN_ENV];
    const orgId = config.settings['org-id'] ?? process.env[ORG_ENV];
    const projectId = config.settings['project-id'] ?? process.env[PROJECT_ENV];
    (0,shared_secrets/* maskSecret */.$l)(token);
    function credentials() {
        if (!token) {
            throw new errors/* InputError */.dz([
                'provider `vercel` needs a token: set the `token` input or VERCEL_TOKEN (create one at https://vercel.com/account/tokens)',
            ]);
        }
        if (!TOKEN_CHARACTER.test(token)) {
            throw new errors/* InputError */.dz([
                'the Vercel token has characters other than letters, digits and _, which vercel refuses (a Vercel access token has none); check that `token` holds only the token',
            ]);
        }
        // The CLI refuses one of the two ids without the other; say so before running it.
        if (Boolean(orgId) !== Boolean(projectId)) {
            throw new errors/* InputError */.dz([
                `provider \`vercel\` needs both \`org-id\` and \`project-id\` (or ${ORG_ENV} and ${PROJECT_ENV}), or neither`,
            ]);
        }
        const env = { [TOKEN_ENV]: token };
        if (orgId && projectId)
            Object.assign(env, { [ORG_ENV]: orgId, [PROJECT_ENV]: projectId });
        return env;
    }
    /**
     * `--project=APP` unless VERCEL_PROJECT_ID names the project. Values go in the `--flag=value`
     * form throughout: vercel's parser refuses `--project -x` ("requires argument").
     */
    function projectArgs() {
        if (projectId)
            return [];
        return [`--project=${checkedProjectName(requireApp())}`];
    }
    function requireApp() {
        if (!config.app) {
            throw new errors/* InputError */.dz(['provider `vercel` needs `app`, the Vercel project name']);
        }
        return config.app;
    }
    /**
     * Runs vercel. `api-url` becomes its global `--api=URL`, put first so that it stays an option
     * whatever follows (last with `globalLast`).
     */
    function vercel(args, options = {}) {
        const full = options.globalLast ? [...args, ...globalArgs()] : [...globalArgs(), ...args];
        return (0,shared_process/* runCli */.ak)(TOOL, full, {
            env: credentials(),
            cwd: config.cwd,
            timeoutMs: options.timeoutMs ?? config.timeoutMs,
            input: options.input,
            echo: options.echo,
            allowFailure: options.allowFailure,
        });
    }
    function globalArgs() {
        return config.apiUrl ? [`--api=${config.apiUrl.replace(/\/+$/, '')}`] : [];
    }
    function shown(args) {
        return (0,shared_process/* commandLine */.ay)(TOOL, [...globalArgs(), ...args]);
    }
    /**
     * The project for `vercel list`, which takes it only as a word: the name, or nothing when
     * VERCEL_PROJECT_ID names it. vercel reads a word with a dot as a deployment's host.
     */
    function listProjectArgs() {
        const app = checkedProjectName(requireApp());
        if (!app.includes('.'))
            return [app];
        if (projectId)
            return [];
        throw new errors/* InputError */.dz([
            `\`vercel list\` reads ${JSON.stringify(app)} as a deployment host because of its dot; set \`project-id\` and \`org-id\` so that flightdeck can name the project by id`,
        ]);
    }
    /** Pages of `vercel list --format json`, as many as `enough` asks for (at most MAX_LIST_PAGES). */
    async function listDeployments(filter, enough) {
        const deployments = [];
        let next;
        let command = '';
        for (let page = 0; page < MAX_LIST_PAGES; page++) {
            const args = [
                'list',
                ...listProjectArgs(),
                ...filter,
                `--limit=${LIST_PAGE}`,
                '--format=json',
                ...(next === undefined ? [] : [`--next=${next}`]),
            ];
            command ||= shown(args);
            const result = await vercel(args, { echo: false });
            const listed = readVercelListPage((0,shared_process/* parseCliJson */.ew)(TOOL, [...globalArgs(), ...args], result.stdout, result.truncated), shown(args));
            deployments.push(...listed.deployments);
            next = listed.next;
            if (next === undefined || enough(deployments))
                break;
        }
        return { deployments, command };
    }
    /**
     * Waits for a deployment Vercel is building until it is READY, within what is left of the time
     * limit, with `vercel inspect --wait`; says why when it is not.
     */
    async function waitUntilReady(id, deadline, what, logs) {
        const seeLogs = logs ? ` (build logs: ${logs})` : '';
        const remaining = deadline - performance.now();
        if (remaining < 1_000) {
            throw new shared_process/* CliError */.z1(`${what} was still being built when the time limit ran out${seeLogs}`);
        }
        const args = ['inspect', id, '--wait', `--timeout=${cliTimeout(remaining)}`, '--format=json'];
        // inspect exits 1 for a deployment that ended in ERROR or CANCELED, and still prints it.
        const result = await vercel(args, { echo: false, timeoutMs: remaining, allowFailure: true });
        const json = readDeployJson(result.stdout);
        const state = vercel_output_text(json?.readyState);
        if (!state) {
            throw new shared_process/* CliError */.z1(`\`${shown(args)}\` failed with exit code ${result.exitCode}: ${(0,shared_process/* failureReason */.Hr)(result)}`, result);
        }
        if (state !== 'READY') {
            const reason = vercel_output_text(json?.readyStateReason);
            const ended = vercelStatus(state) === 'in-progress' ? 'was still' : 'ended';
            throw new shared_process/* CliError */.z1(`${what} ${ended} ${state}${reason ? ` (${reason})` : ''} when \`${shown(args)}\` stopped waiting${seeLogs}`, result);
        }
        const host = vercel_output_text(json?.url);
        return {
            id: vercel_output_text(json?.id) ?? id,
            url: host ? `https://${host.replace(/^https?:\/\//, '')}` : undefined,
        };
    }
    return { projectArgs, vercel, shown, listDeployments, waitUntilReady };
}

;// CONCATENATED MODULE: ./shared/providers/vercel-previews.ts

function createVercelPreviews(config, { cli, deploy, setSecrets, removeDeployments }) {
    /**
     * A pull request's previews are Vercel's own preview deployments of the project, tagged with
     * the preview's name, so that closing the PR finds and removes every one it made (each push
     * makes one). Never a production deployment, whatever its tag says.
     */
    return {
        maxNameLength: 63,
        async deploy(request) {
            if (Object.keys(request.secrets).length > 0) {
                config.log(`Setting ${Object.keys(request.secrets).length} secret(s) on the project's ${config.settings.environment || DEFAULT_SECRET_ENVIRONMENT} environment: Vercel gives all its preview deployments the same values`);
                await setSecrets(request.secrets);
            }
            const result = await deploy({
                config: request.config,
                extraArgs: [
                    `--meta=${PREVIEW_META_KEY}=${request.name}`,
                    ...Object.entries(request.vars).map(([key, value]) => `--env=${key}=${value}`),
                ],
            });
            return {
                id: result.releaseId,
                url: result.url ? `https://${result.url.replace(/^https?:\/\//, '')}` : undefined,
            };
        },
        async remove(name, why) {
            const { deployments } = await cli.listDeployments([`--meta=${PREVIEW_META_KEY}=${name}`], () => false);
            const refs = deployments
                .filter((item) => item?.target !== 'production' && vercel_output_text(item?.meta?.[PREVIEW_META_KEY]) === name)
                .map(listedId)
                .filter((ref) => ref !== undefined);
            if (refs.length === 0) {
                config.log(`No preview deployments of ${name} are left; nothing to remove (${why})`);
                return { removed: [] };
            }
            await removeDeployments(refs);
            return { removed: refs };
        },
    };
}

;// CONCATENATED MODULE: ./shared/providers/vercel-traffic.ts
// Traffic steps on Vercel through rolling releases (`vercel rolling-release`, Pro and Enterprise
// plans). What vercel 60.1.3 does, read in node_modules/vercel/dist/commands-bulk.js:
// - `configure --enable --advancement-type=manual-approval --stage=P…` (configureRollingRelease)
//   sends `PATCH /v1/projects/{id}/rolling-release/config` with `{enabled: true, advancementType,
//   stages: [{targetPercentage: P}…, {targetPercentage: 100}]}`: stages are whole numbers 1–99
//   (parseStageFlags: parseInt), the final 100 % is added by the CLI; `--disable` sends
//   `{enabled: false}`.
// - `vercel deploy --prod` does not start a rollout itself: for a project whose `rollingRelease`
//   is set it stops waiting once the deployment is READY ("Releasing…", processDeployment in
//   chunks/chunk-R7ZRVA7E.js) instead of waiting for the production domains. Vercel starts the
//   rolling release on its side, with the new deployment at the first stage ("Once Rolling
//   Releases is enabled, new deployments won't be immediately served to 100% of traffic",
//   vercel.com/docs/rolling-releases); `vercel promote` likewise (promoteStatus waits for
//   `activeStage`). So the first share moves with the deploy, and the first shift only confirms
//   it (`rolling-release fetch`), starting the rollout with `start --dpl` only where Vercel did not.
// - `approve --currentStageIndex=N --dpl=D` (approveRollingRelease) sends `{activeStageIndex: N,
//   nextStageIndex: N+1, canaryDeploymentId}` to `…/rolling-release/approve-stage`;
//   `complete --dpl=D` sends `{canaryDeploymentId}` to `…/complete`.
// - `abort --dpl=D` (abortRollingRelease) is `POST /v9/projects/{id}/rollback/{D}`: an instant
//   rollback TO D ("Requested rolling release abort and rollback to D"), so D is the previous
//   release, not the canary.
// - `fetch` (requestRollingRelease) prints the `rollingRelease` document as JSON.



function createVercelTraffic(config, deps) {
    const { cli } = deps;
    function rollingRelease(args) {
        return cli.vercel(['rolling-release', ...args, ...cli.projectArgs()], { globalLast: true });
    }
    async function fetchState() {
        const result = await rollingRelease(['fetch']);
        return readRollingRelease(`${result.stdout}\n${result.stderr}`);
    }
    /**
     * Turns rolling releases off again, so that a later plain `vercel deploy --prod` is not a
     * rollout that nobody approves. flightdeck wrote its own stages over whatever the project had,
     * so there is no earlier config to restore; disabling never touches a rollout in flight.
     */
    async function disable() {
        try {
            await rollingRelease(['configure', '--disable']);
        }
        catch (err) {
            config.log(`Could not turn Vercel rolling releases off again for the project (${err instanceof Error ? err.message : String(err)}); a later \`vercel deploy --prod\` will start a rolling release until \`vercel rolling-release configure --disable\` runs`);
        }
    }
    return {
        async start(request, plan) {
            const stages = checkedStages(plan.steps);
            if (request.environment && request.environment !== 'production') {
                throw new errors/* InputError */.dz([
                    `\`traffic-steps\` moves production traffic on Vercel (rolling releases), and this deploy is for ${JSON.stringify(request.environment)}; deploy to production or remove traffic-steps`,
                ]);
            }
            let enabled = false;
            if (stages.length > 0) {
                try {
                    await rollingRelease([
                        'configure',
                        '--enable',
                        '--advancement-type=manual-approval',
                        ...stages.map((percent) => `--stage=${percent}`),
                    ]);
                }
                catch (err) {
                    throw planRefusal(err) ?? err;
                }
                enabled = true;
            }
            let deployed;
            try {
                deployed = await deps.deploy({ ...request, environment: 'production' });
            }
            catch (err) {
                if (enabled)
                    await disable();
                throw err;
            }
            let releaseId = deployed.releaseId;
            if (!releaseId && request.image && stages.length > 0) {
                // `vercel promote <url>` into a rollout prints the first stage, not the deployment's id:
                // the rollout's canary is it when its host is the one promoted.
                const state = await fetchState().catch(() => null);
                const promoted = deploymentRef(request.image).replace(/^https:\/\//, '');
                if (state?.state === 'ACTIVE' && state.canaryUrl === promoted)
                    releaseId = state.canaryId;
            }
            if (!releaseId) {
                if (enabled)
                    await disable();
                throw new shared_process/* CliError */.z1('Vercel did not say which deployment it made, so its rolling release cannot be steered');
            }
            const dpl = `--dpl=${releaseId}`;
            const previousRef = deploymentRef(plan.previous.url ?? plan.previous.id);
            async function finished() {
                if (!enabled)
                    return;
                enabled = false;
                await disable();
            }
            return {
                release: { ...deployed, releaseId },
                async shift(percent, step) {
                    if (plan.steps[step] !== percent) {
                        throw new Error(`traffic step ${step} is ${plan.steps[step]}%, not ${percent}%`);
                    }
                    if (percent === 100) {
                        // A plan of 100 % alone was a plain deploy: nothing left to move.
                        if (stages.length > 0) {
                            await rollingRelease(['complete', dpl]);
                            await finished();
                        }
                        config.log(`Vercel serves all production traffic from ${releaseId}`);
                        return;
                    }
                    if (step === 0) {
                        // The deploy has already put the new deployment at the first stage (see the top of
                        // this file): only confirmed here, and started where Vercel did not start it.
                        let state = await fetchState();
                        if (!(state?.state === 'ACTIVE' && state.canaryId === releaseId)) {
                            if (state?.state === 'ACTIVE') {
                                throw new shared_process/* CliError */.z1(`another Vercel rolling release (of ${state.canaryId}) is in progress for the project, so ${releaseId} ${state.queuedDeploymentId === releaseId ? 'is queued behind it' : 'cannot take traffic'}; complete or abort that one first`);
                            }
                            // --yes: vercel asks only for a deployment that is not production, which it would
                            // rebuild as a new one instead of starting; ours is production, and a rebuilt one
                            // would fail the confirmation below.
                            await rollingRelease(['start', dpl, '--yes']);
                            state = await fetchState();
                        }
                        confirmStage(state, releaseId, 0, percent);
                    }
                    else {
                        await rollingRelease(['approve', `--currentStageIndex=${step - 1}`, dpl]);
                        confirmStage(await fetchState(), releaseId, step, percent);
                    }
                    config.log(`Vercel sends ${percent}% of production traffic to ${releaseId}`);
                },
                async abort() {
                    try {
                        // An instant rollback to the previous release, which ends the rollout (or undoes a
                        // completed one).
                        await rollingRelease(['abort', `--dpl=${previousRef}`]);
                    }
                    finally {
                        await finished();
                    }
                    config.log(`Vercel serves all production traffic from ${plan.previous.id} again; after a rollback Vercel stops assigning production domains to new deployments until \`vercel promote\` runs`);
                },
            };
        },
    };
}
/**
 * The stages below 100 % that `configure` takes: whole numbers from 1 to 99, increasing, the
 * plan ending at 100.
 */
function checkedStages(steps) {
    const problems = [];
    if (steps.at(-1) !== 100)
        problems.push('the last step must be 100%');
    const stages = steps.slice(0, -1);
    if (stages.some((p) => !Number.isInteger(p) || p < 1 || p > 99)) {
        problems.push('Vercel rolling-release stages are whole percentages from 1% to 99%');
    }
    if (stages.some((p, i) => i > 0 && p <= (stages[i - 1] ?? 0))) {
        problems.push('the steps must increase');
    }
    if (problems.length > 0) {
        throw new errors/* InputError */.dz([
            `\`traffic-steps\` ${JSON.stringify(steps.map((p) => `${p}%`).join(','))} cannot be a Vercel rolling release: ${problems.join('; ')} (example: traffic-steps: 10%,50%,100%)`,
        ]);
    }
    return stages;
}
/**
 * How vercel prints a 402 or a 403 from the API (printError with getErrorRecovery, in
 * chunks/chunk-N5AIKGEO.js and chunk-KCARCOP5.js): `✗ <Vercel's message>` and a hint, or in
 * non-interactive mode a JSON error whose `reason` is `forbidden` or `payment_required`.
 */
const REFUSED = /selected team is correct|billing or feature requirement|plan or subscription|"reason": ?"(?:forbidden|payment_required)"/;
/**
 * A refused rolling-release config: a plan without rolling releases (Vercel's billing status
 * names the reason `plan_not_supported`), or a token that may not change the project's settings.
 */
function planRefusal(err) {
    if (!(err instanceof shared_process/* CliError */.z1) || err.timedOut)
        return undefined;
    const said = (0,shared_process/* stripAnsi */.aJ)(outputOf(err));
    if (!REFUSED.test(said))
        return undefined;
    const headline = /^\s*(?:✗|Error:)\s*(.+)$/m.exec(said)?.[1]?.trim();
    const message = /"message": ?"([^"]{1,300})"/.exec(said)?.[1];
    const answer = headline ?? message ?? (err.result ? (0,shared_process/* failureReason */.Hr)(err.result) : (0,shared_process/* tail */.RT)(said));
    return new errors/* InputError */.dz([
        `\`traffic-steps\` needs Vercel rolling releases, which Vercel refused for this project (it answered: ${JSON.stringify(answer)}); rolling releases need a Pro or Enterprise plan and a token that may change the project's settings: remove traffic-steps to deploy all at once, or use a team whose plan has them`,
    ]);
}
function confirmStage(state, releaseId, index, percent) {
    if (state?.state === 'ACTIVE' &&
        state.canaryId === releaseId &&
        state.activeIndex === index &&
        state.activePercent === percent) {
        return;
    }
    const seen = state
        ? `${state.state ?? 'no state'}, canary ${state.canaryId ?? 'none'}, stage ${state.activeIndex ?? 'none'} at ${state.activePercent ?? '?'}%`
        : 'no rolling release';
    throw new shared_process/* CliError */.z1(`Vercel's rolling release of ${releaseId} is not at stage ${index} (${percent}%): \`vercel rolling-release fetch\` says ${seen}`);
}
/**
 * The document `vercel rolling-release fetch` prints: JSON through its log (`> {` … `}` on
 * stderr), or `null` when there is none.
 */
function readRollingRelease(said) {
    const command = 'vercel rolling-release';
    const clean = (0,shared_process/* stripAnsi */.aJ)(said);
    const opening = /^(?:> )?\{$/m.exec(clean);
    const start = opening ? opening.index + opening[0].length - 1 : -1;
    if (start < 0) {
        if (/^(?:> )?(?:null|undefined)\s*$/m.test(clean))
            return null;
        throw new shared_process/* CliError */.z1(`\`${command} fetch\` printed no rolling release: ${JSON.stringify((0,shared_process/* tail */.RT)(clean))}`);
    }
    const end = clean.search(/^\}/m);
    let json;
    try {
        json = JSON.parse(clean.slice(start, end < start ? undefined : end + 1));
    }
    catch {
        throw new shared_process/* CliError */.z1(`\`${command} fetch\` printed a rolling release that is not JSON`);
    }
    const doc = json;
    const index = doc.activeStage?.index;
    const percent = doc.activeStage?.targetPercentage;
    return {
        state: vercel_output_text(doc.state),
        canaryId: vercel_output_text(doc.canaryDeployment?.id),
        canaryUrl: vercel_output_text(doc.canaryDeployment?.url),
        activeIndex: typeof index === 'number' ? index : undefined,
        activePercent: typeof percent === 'number' ? percent : undefined,
        queuedDeploymentId: vercel_output_text(doc.queuedDeploymentId),
    };
}

;// CONCATENATED MODULE: ./shared/providers/vercel.ts
// Vercel through the `vercel` CLI (60.x). Every deploy makes a new deployment; a project's
// releases are its deployments, and only production ones can be rolled back to.
// Formats: __tests__/fixtures/providers/README.md. Running the CLI: vercel-cli.ts; reading
// what it prints: vercel-output.ts; pull request previews: vercel-previews.ts; traffic steps
// (rolling releases): vercel-traffic.ts.








function createVercelProvider(config) {
    const cli = createVercelCli(config);
    /**
     * Production deployments, newest first, page after page until two are READY: the current one
     * and one to roll back to. A project with many previews has few production deployments among
     * its newest, so previews are left out (Vercel rolls back production only).
     */
    async function releases() {
        const { deployments, command } = await cli.listDeployments(['--environment=production'], (listed) => listed.filter((item) => vercel_output_text(item?.state) === 'READY')
            .length >= 2);
        return parseVercelList({ deployments }, command);
    }
    /**
     * Puts an already-built deployment in production: Vercel's artifact is the deployment, so
     * "deploy this image" means `vercel promote`. A preview deployment cannot be promoted as it
     * is: with --yes Vercel builds a new production deployment from it and vercel exits at once,
     * so this waits for that one and reports it, not the preview.
     */
    async function promote(ref) {
        const started = performance.now();
        // The deployment names its project; `promote` has no --project.
        const args = ['promote', deploymentRef(ref), '--yes'];
        if (config.timeoutMs > 2 * ROLLBACK_TIMEOUT_MARGIN_MS) {
            args.push(`--timeout=${cliTimeout(config.timeoutMs)}`);
        }
        const result = await cli.vercel(args);
        const said = (0,shared_process/* stripAnsi */.aJ)(`${result.stdout}\n${result.stderr}`);
        if (/Successfully created new deployment/.test(said)) {
            const inspector = INSPECTOR_URL.exec(said.slice(said.indexOf('Successfully created')));
            const bare = inspector?.[1];
            if (!bare) {
                throw new shared_process/* CliError */.z1(`\`${cli.shown(args)}\` built a new production deployment from ${ref} but did not say which one: ${(0,shared_process/* tail */.RT)(said)}`, result);
            }
            const id = `dpl_${bare}`;
            config.log(`${ref} was a preview deployment: Vercel is building a new production deployment from it, ${id}; waiting until it is ready`);
            const built = await cli.waitUntilReady(id, started + config.timeoutMs, `the production deployment ${id} that Vercel built from ${ref}`, inspector?.[0]);
            return { releaseId: built.id, url: built.url };
        }
        if (/Promotion has been queued/.test(said)) {
            config.log(`Vercel queued the promotion of ${ref} until the active rolling release completes`);
        }
        const promoted = /promoted to (\S+) \((dpl_[A-Za-z0-9]+)\)/.exec(said);
        return {
            releaseId: promoted?.[2] ?? (ref.startsWith('dpl_') ? ref : undefined),
            url: promoted?.[1] ? `https://${promoted[1].replace(/^https?:\/\//, '')}` : undefined,
        };
    }
    async function deploy(request) {
        if (request.image)
            return promote(request.image);
        const args = ['deploy', '--yes'];
        if (request.environment === 'production')
            args.push('--prod');
        else if (request.environment && request.environment !== 'preview') {
            args.push(`--target=${request.environment}`);
        }
        if (config.settings.prebuilt === 'true')
            args.push('--prebuilt');
        if (request.config)
            args.push(`--local-config=${request.config}`);
        args.push(...cli.projectArgs(), '--format=json', ...(request.extraArgs ?? []));
        const result = await cli.vercel(args, { allowFailure: true });
        const json = readDeployJson(result.stdout);
        const failed = json?.error
            ? `${vercel_output_text(json.error.name) ?? 'error'}: ${vercel_output_text(json.error.message)}`
            : '';
        if (result.exitCode !== 0 || failed) {
            const why = failed || (0,shared_process/* failureReason */.Hr)(result);
            const inspect = vercel_output_text(json?.inspectorUrl);
            throw new shared_process/* CliError */.z1(`\`${cli.shown(args)}\` failed with exit code ${result.exitCode}: ${why}${inspect ? ` (build logs: ${inspect})` : ''}`, result);
        }
        if (!json) {
            throw new shared_process/* CliError */.z1(`\`${cli.shown(args)}\` did not print the deployment as JSON; it began: ${JSON.stringify(result.stdout.trim().slice(0, 80))}`, result);
        }
        return { releaseId: vercel_output_text(json.id), url: vercel_output_text(json.url) };
    }
    async function setSecrets(secrets) {
        const entries = Object.entries(secrets);
        for (const [, value] of entries)
            (0,shared_secrets/* maskSecret */.$l)(value);
        const environment = config.settings.environment || DEFAULT_SECRET_ENVIRONMENT;
        const problems = entries
            .map(([name, value]) => secretProblem(name, value))
            .filter((problem) => problem !== undefined);
        if (!ENVIRONMENT_NAME.test(environment)) {
            problems.push(`${JSON.stringify(environment)} is not a Vercel environment (production, preview, development or a custom environment's name)`);
        }
        if (problems.length > 0)
            throw new errors/* InputError */.dz(problems);
        if (entries.length === 0) {
            config.log('No secrets to set');
            return;
        }
        for (const [name, value] of entries) {
            // The value goes on stdin; --force replaces an existing one, --yes takes all branches
            // of a preview environment instead of asking for one.
            await cli.vercel(['env', 'add', name, environment, ...cli.projectArgs(), '--force', '--yes'], {
                input: value,
            });
        }
    }
    /** Removes deployments by dpl_ id or URL; one already gone is fine. */
    async function removeDeployments(refs) {
        const checked = refs.map(deploymentRef);
        for (const ref of checked) {
            try {
                await cli.vercel(['remove', ref, '--yes']);
            }
            catch (err) {
                if (!/Could not find any deployments/.test(outputOf(err)))
                    throw err;
                config.log(`Vercel deployment ${ref} does not exist; nothing to remove`);
            }
        }
    }
    return {
        name: 'vercel',
        cli: TOOL,
        tokenEnv: [TOKEN_ENV],
        previews: createVercelPreviews(config, { cli, deploy, setSecrets, removeDeployments }),
        traffic: createVercelTraffic(config, { cli, deploy }),
        deploy,
        releases,
        async rollback(target) {
            const ref = deploymentRef(target.url ?? target.id);
            const args = ['rollback', ref, '--yes'];
            // vercel waits 3m for the rollback by default; let it wait as long as we do, less a
            // margin, so that it reports its own timeout.
            if (config.timeoutMs > 2 * ROLLBACK_TIMEOUT_MARGIN_MS) {
                args.push(`--timeout=${cliTimeout(config.timeoutMs)}`);
            }
            let result;
            try {
                result = await cli.vercel(args);
            }
            catch (err) {
                if (err instanceof shared_process/* CliError */.z1 && /hobby/i.test(outputOf(err))) {
                    throw new shared_process/* CliError */.z1(`${err.message} (on the Hobby plan Vercel rolls back only to the previous production deployment)`, err.result);
                }
                throw err;
            }
            const said = (0,shared_process/* stripAnsi */.aJ)(`${result.stdout}\n${result.stderr}`);
            if (/Rollback was skipped/.test(said))
                config.log(`Vercel skipped the rollback to ${ref}`);
            config.log('Vercel stops assigning production domains to new deployments after a rollback; run `vercel promote <deployment>` to resume');
            const releaseId = /\((dpl_[A-Za-z0-9]+)\)/.exec(said)?.[1];
            return { releaseId: releaseId ?? target.id };
        },
        async destroyApp() {
            const given = config.settings['deployment-url'];
            const refs = (given ?? '').split(/[\s,]+/).filter(Boolean);
            if (refs.length === 0) {
                throw new types/* UnsupportedOperationError */.v('vercel', 'delete a project', 'set `deployment-url` to the preview deployment URLs or dpl_ ids to remove; flightdeck never removes a Vercel project');
            }
            await removeDeployments(refs);
        },
        setSecrets,
        async url() {
            const list = await releases();
            const serving = list.find((release) => release.current);
            if (serving)
                return serving.url;
            // No production deployment is READY: the newest READY one of any environment.
            const { deployments, command } = await cli.listDeployments([], (listed) => listed.some((item) => vercel_output_text(item?.state) === 'READY'));
            return parseVercelList({ deployments }, command).find((release) => /^READY\b/.test(release.rawStatus))?.url;
        },
    };
}


/***/ })

};
