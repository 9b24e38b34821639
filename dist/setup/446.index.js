export const id = 446;
export const ids = [446];
export const modules = {

/***/ 5446:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createCloudflareProvider: () => (/* binding */ createCloudflareProvider)
});

// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(2635);
// EXTERNAL MODULE: ./shared/secrets.ts
var shared_secrets = __webpack_require__(5931);
// EXTERNAL MODULE: ./shared/process.ts + 1 modules
var shared_process = __webpack_require__(8548);
// EXTERNAL MODULE: ./shared/providers/types.ts
var types = __webpack_require__(4850);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./shared/providers/cloudflare-output.ts
// What wrangler (4.x) prints and takes, read and checked: its constants, the Versions and
// Deployments lists, its ND-JSON output file, its failure headlines, and Worker names.
// No process is run here. Formats: __tests__/fixtures/providers/README.md.


const TOOL = 'wrangler';
const TOKEN_ENV = 'CLOUDFLARE_API_TOKEN';
const ACCOUNT_ENV = 'CLOUDFLARE_ACCOUNT_ID';
// wrangler's API base (for proxies, tests and other API hosts), e.g. https://host/client/v4.
const API_BASE_ENV = 'CLOUDFLARE_API_BASE_URL';
// Where wrangler appends ND-JSON records of what it did, and why it failed (`command-failed`).
const OUTPUT_FILE_ENV = 'WRANGLER_OUTPUT_FILE_PATH';
const DEFAULT_ROLLBACK_MESSAGE = 'flightdeck rollback';
// wrangler's rollback prompt says "(120 characters max)".
const MAX_ROLLBACK_MESSAGE = 120;
// Cloudflare's API codes for "this Worker does not exist" (wrangler src/utils/worker-not-found-error.ts).
const WORKER_NOT_FOUND_CODES = [10007, 10090];
const WORKER_NOT_FOUND = /\[code: (?:10007|10090)\]/;
// wrangler exits 0 when `secret bulk` could not parse its input, and says only this.
const BULK_INPUT_REFUSED = 'No content found in file, or piped input';
const WORKER_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const VERSION_ID = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
// wrangler's rule for --preview-alias (ALIAS_VALIDATION_REGEX), and the DNS label the alias and
// the Worker's name share: `<alias>-<worker>.<subdomain>.workers.dev`.
const PREVIEW_ALIAS = /^[a-z](?:[a-z0-9-]*[a-z0-9])?$/;
const MAX_DNS_LABEL = 63;
// The Cloudflare API keeps a version's message to 100 characters.
const MAX_VERSION_MESSAGE = 100;
// A version of the removal page needs a date; any past date with ES modules will do.
const REMOVED_PAGE_COMPATIBILITY_DATE = '2025-01-01';
function cloudflare_output_text(value) {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
function byDateDescending(items, date) {
    const times = items.map((item) => Date.parse(date(item) ?? ''));
    if (times.some(Number.isNaN))
        return undefined;
    return items
        .map((item, index) => ({ item, time: times[index] ?? 0, index }))
        .sort((a, b) => b.time - a.time || b.index - a.index)
        .map(({ item }) => item);
}
/**
 * The Version that serves traffic: the one with the largest share in the newest Deployment
 * (wrangler prints Deployments oldest first). During a gradual rollout two Versions share
 * traffic; the larger share counts as current, and its share is said in the description.
 */
function servingVersion(deployments, command) {
    if (deployments === null)
        return undefined;
    if (!Array.isArray(deployments)) {
        throw new shared_process/* CliError */.z1(`\`${command}\` printed JSON that is not a list of deployments`);
    }
    const list = deployments;
    const newest = (byDateDescending(list, (d) => cloudflare_output_text(d?.created_on)) ?? [...list].reverse())[0];
    let best;
    for (const entry of newest?.versions ?? []) {
        const versionId = cloudflare_output_text(entry?.version_id);
        const percentage = typeof entry?.percentage === 'number' ? entry.percentage : 0;
        if (versionId && (!best || percentage > best.percentage))
            best = { versionId, percentage };
    }
    return best;
}
// wrangler's tolerance for percentages (src/versions/deploy.ts EPSILON): shares that add up to
// 100 ± 0.001 are whole.
const PERCENT_EPSILON = 0.001;
/**
 * Which versions the listed Deployments ever served, which of them served all traffic, and since
 * when the list knows. wrangler lists the newest Deployments only, so a version older than the
 * oldest of them may have served before; a newer one that none of them served never went out
 * (`versions upload` without `versions deploy`), and a newer one that only ever had a share (a
 * traffic step that was aborted) never served alone.
 */
function deploymentHistory(deployments) {
    if (!Array.isArray(deployments) || deployments.length === 0)
        return undefined;
    const list = deployments;
    const times = list.map((d) => Date.parse(cloudflare_output_text(d?.created_on) ?? ''));
    if (times.some(Number.isNaN))
        return undefined;
    const served = new Set();
    const servedAll = new Set();
    for (const deployment of list) {
        for (const entry of deployment?.versions ?? []) {
            const id = cloudflare_output_text(entry?.version_id);
            if (!id)
                continue;
            served.add(id);
            const share = typeof entry?.percentage === 'number' ? entry.percentage : 0;
            if (share >= 100 - PERCENT_EPSILON)
                servedAll.add(id);
        }
    }
    return { served, servedAll, since: Math.min(...times) };
}
/**
 * Releases from `wrangler versions list --json` (oldest first there), newest first. Every listed
 * Version was uploaded whole: the list only holds deployable Versions, and a failed upload makes
 * none. So each is `succeeded`; wrangler has no status word, and `rawStatus` carries how the
 * Version came to be (`workers/triggered_by`: upload, secret, rollback ...).
 */
function parseWorkerVersions(versions, serving, command, history) {
    if (versions === null)
        return [];
    if (!Array.isArray(versions)) {
        throw new shared_process/* CliError */.z1(`\`${command}\` printed JSON that is not a list of Worker versions`);
    }
    const releases = versions.map((item, index) => {
        const id = cloudflare_output_text(item?.id);
        if (!id)
            throw new shared_process/* CliError */.z1(`\`${command}\` printed a version without an id (item ${index})`);
        const annotations = item.annotations ?? {};
        const isServing = id === serving?.versionId;
        const tag = cloudflare_output_text(annotations['workers/tag']);
        // A pull request's preview (or the page that replaced it): never a version to roll
        // production back to.
        const alias = cloudflare_output_text(annotations['workers/alias']);
        // Uploaded after the oldest listed Deployment and served by none: never went out, so its
        // code never ran in production and it is no release to return to. One that only ever had a
        // share (a traffic step, then all traffic back) never proved itself alone: no target either.
        const created = Date.parse(cloudflare_output_text(item.metadata?.created_on) ?? '');
        const known = history !== undefined && !Number.isNaN(created) && created > history.since;
        const neverDeployed = known && !history.served.has(id);
        const neverServedAll = known && !neverDeployed && !history.servedAll.has(id);
        const said = cloudflare_output_text(annotations['workers/message']) ?? (tag ? `tag ${tag}` : undefined);
        const share = isServing && serving && serving.percentage < 100
            ? `serves ${serving.percentage}% of traffic`
            : undefined;
        return {
            id,
            version: typeof item.number === 'number' ? `v${item.number}` : undefined,
            status: alias || neverDeployed || neverServedAll ? 'unknown' : 'succeeded',
            rawStatus: `${cloudflare_output_text(annotations['workers/triggered_by']) ?? 'uploaded'}${rawNote(alias, neverDeployed, neverServedAll)}`,
            createdAt: cloudflare_output_text(item.metadata?.created_on),
            current: isServing,
            description: [said, share].filter(Boolean).join('; ') || undefined,
        };
    });
    return byDateDescending(releases, (release) => release.createdAt) ?? releases.reverse();
}
/** Why a Version is no rollback target, as said after its `workers/triggered_by`. */
function rawNote(alias, neverDeployed, neverServedAll) {
    if (alias)
        return ` (preview alias ${alias})`;
    if (neverDeployed)
        return ' (never deployed)';
    return neverServedAll ? ' (never served all traffic)' : '';
}
function outputEntries(content) {
    const entries = [];
    for (const line of content.split('\n')) {
        if (!line.trim())
            continue;
        try {
            const entry = JSON.parse(line);
            if (entry && typeof entry === 'object')
                entries.push(entry);
        }
        catch {
            // A torn last line, should wrangler have been stopped while writing.
        }
    }
    return entries;
}
/**
 * Why wrangler failed, from the `command-failed` record of its output file: its own message (the
 * headline it prints as `✘ [ERROR] …`) and the Cloudflare API's error code when there was one.
 */
function readCommandFailed(content) {
    const entry = outputEntries(content).findLast((e) => e.type === 'command-failed');
    const message = cloudflare_output_text(entry?.message);
    if (!message)
        return undefined;
    return { message, code: typeof entry?.code === 'number' ? entry.code : undefined };
}
/** The `version-upload` entry of wrangler's output file: the version and its preview URLs. */
function readVersionUpload(content) {
    const entry = outputEntries(content).findLast((e) => e.type === 'version-upload');
    if (!entry)
        return undefined;
    return {
        versionId: cloudflare_output_text(entry.version_id),
        previewUrl: cloudflare_output_text(entry.preview_url),
        aliasUrl: cloudflare_output_text(entry.preview_alias_url),
    };
}
/** The `deploy` entry of wrangler's ND-JSON output file (WRANGLER_OUTPUT_FILE_PATH). */
function readOutputFile(content) {
    let found;
    for (const entry of outputEntries(content)) {
        if (entry.type !== 'deploy')
            continue;
        const targets = Array.isArray(entry.targets) ? entry.targets : [];
        // Routes print as `pattern (zone name: z)` and custom domains as bare hosts: only
        // workers.dev targets are whole URLs.
        const url = targets.find((target) => typeof target === 'string' && /^https?:\/\/\S+$/.test(target));
        found = { versionId: cloudflare_output_text(entry.version_id), url };
    }
    return found;
}
/** The same facts from the text wrangler prints: `Current Version ID:` and the workers.dev line. */
function readDeployStdout(stdout) {
    // Colour codes, should wrangler think it is on a terminal.
    // eslint-disable-next-line no-control-regex
    const plain = stdout.replace(/\u001b\[[0-9;]*m/g, '');
    return {
        versionId: /^Current Version ID:\s*(\S+)/m.exec(plain)?.[1],
        url: /^\s*(https:\/\/\S+\.workers\.dev)\s*$/m.exec(plain)?.[1],
    };
}
// wrangler prints the notes of an error (the API's own messages, `… [code: N]`) indented by two
// spaces under its `✘ [ERROR]` headline, and ends with a line asking for bug reports.
const BUG_REPORT_NOTE = /^If you think this is a bug/;
const ERROR_HEADLINE = /^✘\s*\[ERROR\]\s*/;
/**
 * wrangler's failure as one line of plain text: its headline (from the output file when it wrote
 * one, else from stderr) followed by the notes it printed under it. An API error's headline only
 * says which request failed; the note says why (`workers.api.error.script_not_found [code: 10007]`).
 */
function wranglerFailureReason(result, failed) {
    const lines = (0,shared_process/* stripAnsi */.aJ)(result.stderr).split(/\r?\n/);
    const at = lines.findIndex((line) => ERROR_HEADLINE.test(line.trim()));
    const notes = [];
    for (const line of at >= 0 ? lines.slice(at + 1) : []) {
        if (line.trim() === '')
            continue;
        // Back at the left margin: the error block is over.
        if (!/^\s/.test(line))
            break;
        // Deeper indents are code frames and the like, not notes.
        if (!/^ {2}\S/.test(line))
            continue;
        const note = line.trim().replace(ERROR_HEADLINE, '');
        if (BUG_REPORT_NOTE.test(note))
            break;
        notes.push(note);
    }
    const headline = failed?.message ?? (at >= 0 ? (lines[at] ?? '').trim().replace(ERROR_HEADLINE, '') : '');
    const parts = [
        headline
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter(Boolean)
            .join(' '),
    ];
    for (const note of notes)
        if (!parts.join(' ').includes(note))
            parts.push(note);
    return parts.filter(Boolean).join(' ') || (0,shared_process/* failureReason */.Hr)(result);
}
/**
 * The secrets wrangler listed when the API refused a rollback because they changed since the
 * target version (code 10220): in CI it answers its own "continue?" with yes and forces it.
 */
function secretsChangedSince(stdout) {
    const lines = (0,shared_process/* stripAnsi */.aJ)(stdout).split(/\r?\n/);
    const at = lines.findIndex((line) => /The following secrets have changed since version/.test(line));
    if (at < 0)
        return [];
    const names = [];
    for (const line of lines.slice(at + 1)) {
        const name = /^\s*\*\s+(\S+)\s*$/.exec(line)?.[1];
        if (!name)
            break;
        names.push(name);
    }
    return names;
}
function checkedWorkerName(app) {
    if (!WORKER_NAME.test(app)) {
        throw new errors/* InputError */.dz([
            `Worker name ${JSON.stringify(app)} is invalid: use letters, numbers, dashes and underscores, not starting with a dash`,
        ]);
    }
    return app;
}
/** A failed wrangler run, with the API error code wrangler recorded for it, if any. */
class WranglerError extends shared_process/* CliError */.z1 {
    code;
    constructor(message, result, code) {
        super(message, result);
        this.code = code;
        this.name = 'WranglerError';
    }
}
function workerNotFound(err) {
    if (err instanceof WranglerError && err.code !== undefined) {
        return WORKER_NOT_FOUND_CODES.includes(err.code);
    }
    const result = err instanceof shared_process/* CliError */.z1 ? err.result : undefined;
    return WORKER_NOT_FOUND.test((0,shared_process/* stripAnsi */.aJ)(`${result?.stdout ?? ''}\n${result?.stderr ?? ''}`));
}

;// CONCATENATED MODULE: ./shared/providers/cloudflare-cli.ts
// Running wrangler for one Worker: the credential and API base by environment (never argv),
// its ND-JSON output file in a private temporary folder, and failures in plain words.






function createWranglerCli(config) {
    const token = config.token ?? process.env[TOKEN_ENV];
    const accountId = config.settings['account-id'] ?? process.env[ACCOUNT_ENV];
    (0,shared_secrets/* maskSecret */.$l)(token);
    const env = {};
    if (token)
        env[TOKEN_ENV] = token;
    if (accountId)
        env[ACCOUNT_ENV] = accountId;
    if (config.apiUrl)
        env[API_BASE_ENV] = config.apiUrl;
    /**
     * `--name=APP`, or nothing when the Worker's name comes from its wrangler config. Every value
     * goes in the `--flag=value` form: yargs reads `--name -x` or `-m -5xx spike` as more flags.
     */
    function nameArgs() {
        return config.app ? [`--name=${checkedWorkerName(config.app)}`] : [];
    }
    /**
     * Runs wrangler with its output file in a temporary folder, and returns what it wrote there.
     * A failure says wrangler's own headline and the API's reason, in plain text.
     */
    async function wrangler(args, options = {}) {
        const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'flightdeck-wrangler-'));
        const outputFile = (0,external_node_path_.join)(dir, 'output.ndjson');
        try {
            const result = await (0,shared_process/* runCli */.ak)(TOOL, args, {
                env: { ...env, [OUTPUT_FILE_ENV]: outputFile },
                cwd: options.cwd ?? config.cwd,
                timeoutMs: config.timeoutMs,
                input: options.input,
                echo: options.echo,
                allowFailure: true,
            });
            let output = '';
            try {
                output = (0,external_node_fs_.readFileSync)(outputFile, 'utf8');
            }
            catch {
                // An older wrangler, or one that stopped before writing anything.
            }
            if (result.exitCode !== 0) {
                const failed = readCommandFailed(output);
                throw new WranglerError(`\`${(0,shared_process/* commandLine */.ay)(TOOL, args)}\` failed with exit code ${result.exitCode}: ${wranglerFailureReason(result, failed)}`, result, failed?.code);
            }
            return { result, output };
        }
        finally {
            (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
        }
    }
    async function wranglerJson(args) {
        const { result } = await wrangler(args, { echo: false });
        return (0,shared_process/* parseCliJson */.ew)(TOOL, args, result.stdout, result.truncated);
    }
    return { nameArgs, wrangler, wranglerJson };
}

;// CONCATENATED MODULE: ./shared/providers/cloudflare-previews.ts
// A pull request's preview on Cloudflare Workers: a Worker version behind a preview alias,
// with secrets of its own; on close, the alias moves to a page that says it was removed.







function createCloudflarePreviews(config, { wrangler }) {
    /** The preview alias for a name, checked as wrangler and DNS will check it. */
    function previewAlias(name, worker) {
        const longest = MAX_DNS_LABEL - 1 - worker.length;
        if (!PREVIEW_ALIAS.test(name) || name.length > longest) {
            throw new errors/* InputError */.dz([
                `${JSON.stringify(name)} cannot be a preview alias of Worker ${worker}: use lower-case letters, digits and dashes, starting with a letter, at most ${Math.max(longest, 0)} characters (the alias and the Worker name share one 63-character DNS label)`,
            ]);
        }
        return name;
    }
    function previewWorker() {
        if (!config.app) {
            throw new errors/* InputError */.dz([
                'Workers previews need `app`, the Worker name: a preview URL is `<alias>-<worker>.<subdomain>.workers.dev`',
            ]);
        }
        return checkedWorkerName(config.app);
    }
    /** A temporary folder for files wrangler reads (secrets, the removal page); always removed. */
    async function withTempDir(use) {
        const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'flightdeck-preview-'));
        try {
            return await use(dir);
        }
        finally {
            (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
        }
    }
    /**
     * A pull request's preview is a Worker version uploaded behind a preview alias (`wrangler
     * versions upload --preview-alias`): production traffic stays where it is, and each push moves
     * the alias to its new version. Cloudflare offers no way to delete an alias or a version, so
     * closing the PR moves the alias to a small page that says the preview was removed: the PR's
     * code stops being reachable at its preview URL.
     */
    return {
        get maxNameLength() {
            return Math.max(1, MAX_DNS_LABEL - 1 - (config.app?.length ?? 0));
        },
        async deploy(request) {
            const worker = previewWorker();
            const alias = previewAlias(request.name, worker);
            for (const value of Object.values(request.secrets))
                (0,shared_secrets/* maskSecret */.$l)(value);
            return withTempDir(async (dir) => {
                const args = ['versions', 'upload'];
                if (request.config)
                    args.push(`--config=${request.config}`);
                args.push(`--name=${worker}`, `--preview-alias=${alias}`, `--message=${request.message.slice(0, MAX_VERSION_MESSAGE)}`);
                // wrangler splits a --var at its first colon: KEY:VALUE.
                for (const [key, value] of Object.entries(request.vars))
                    args.push(`--var=${key}:${value}`);
                if (Object.keys(request.secrets).length > 0) {
                    // Bound to this version only (not the Worker's production secrets); the file is
                    // the user's alone and is deleted with the folder.
                    const file = (0,external_node_path_.join)(dir, 'secrets.json');
                    (0,external_node_fs_.writeFileSync)(file, JSON.stringify(request.secrets), { mode: 0o600 });
                    args.push(`--secrets-file=${file}`);
                }
                const { output } = await wrangler(args);
                const uploaded = readVersionUpload(output);
                const url = uploaded?.aliasUrl ?? uploaded?.previewUrl;
                if (!url) {
                    throw new shared_process/* CliError */.z1(`\`${(0,shared_process/* commandLine */.ay)(TOOL, args)}\` uploaded version ${uploaded?.versionId ?? '(unknown)'} of ${worker}, but Cloudflare gave it no preview URL: preview URLs are off for this Worker. Set \`preview_urls = true\` (and \`workers_dev = true\`) in its wrangler configuration and deploy it once`);
                }
                return { id: uploaded?.versionId, url: uploaded?.aliasUrl ?? url };
            });
        },
        async remove(name, why) {
            const worker = previewWorker();
            const alias = previewAlias(name, worker);
            return withTempDir(async (dir) => {
                const page = (0,external_node_path_.join)(dir, 'preview-removed.mjs');
                const said = `This preview (${alias}) was removed: ${why}.`;
                (0,external_node_fs_.writeFileSync)(page, `export default { fetch() { return new Response(${JSON.stringify(said)}, { status: 410, headers: { 'content-type': 'text/plain; charset=utf-8' } }) } }\n`);
                // Run in the empty folder, so that the project's wrangler config (its bindings, assets
                // and routes) has no part in this version.
                await wrangler([
                    'versions',
                    'upload',
                    page,
                    `--name=${worker}`,
                    `--preview-alias=${alias}`,
                    `--compatibility-date=${REMOVED_PAGE_COMPATIBILITY_DATE}`,
                    '--no-bundle',
                    `--message=${`flightdeck: preview ${alias} removed`.slice(0, MAX_VERSION_MESSAGE)}`,
                ], { cwd: dir });
                return { removed: [alias] };
            });
        },
    };
}

;// CONCATENATED MODULE: ./shared/providers/cloudflare-traffic.ts
// Traffic steps on Cloudflare Workers (wrangler 4.x, src/versions/{upload,deploy}.ts): the new
// code is uploaded as a Version that serves nothing, then each step is a Deployment that splits
// requests between it and the Version serving before (`<new>@10 <old>@90`); an abort deploys
// the old Version alone again. A Deployment holds at most two Versions whose shares add up to 100.



const VERSION_OVERRIDES_HEADER = 'Cloudflare-Workers-Version-Overrides';
// The header is an RFC 8941 Dictionary keyed by the Worker's name, and a Dictionary key is
// lower-case and starts with a letter or `*`: a Worker named otherwise cannot be keyed
// (Cloudflare then ignores the header and routes by the percentages).
const DICTIONARY_KEY = /^[a-z*][a-z0-9_.*-]*$/;
// The Deployments API schema has held `workers/message` to 50 characters (newer descriptions
// say it is truncated to 100 bytes): every message here stays within 50.
const MAX_DEPLOYMENT_MESSAGE = 50;
/** The `Cloudflare-Workers-Version-Overrides` value that sends a request to one Version. */
function versionOverride(worker, versionId) {
    if (!DICTIONARY_KEY.test(worker) || !VERSION_ID.test(versionId))
        return undefined;
    return `${worker}="${versionId}"`;
}
/** `12.5` for wrangler's `<id>@<percent>` (it reads the share with parseFloat). */
function share(percent) {
    return String(Number(percent.toFixed(3)));
}
function createCloudflareTraffic(config, { nameArgs, wrangler }) {
    /** What `versions deploy` needs to find the same Worker `versions upload` wrote to. */
    function workerArgs(request) {
        const args = [];
        if (request.environment)
            args.push(`--env=${request.environment}`);
        if (request.config)
            args.push(`--config=${request.config}`);
        return [...args, ...nameArgs()];
    }
    /** The new Version's id: wrangler's output file, else its `Worker Version ID:` line. */
    function uploadedVersion(args, output, stdout) {
        const fromFile = readVersionUpload(output)?.versionId;
        const fromStdout = /^Worker Version ID:\s*(\S+)\s*$/m.exec((0,shared_process/* stripAnsi */.aJ)(stdout));
        const id = fromFile ?? fromStdout?.[1];
        if (!id || !VERSION_ID.test(id)) {
            throw new shared_process/* CliError */.z1(`\`${(0,shared_process/* commandLine */.ay)(TOOL, args)}\` finished but did not say which Version it uploaded${id ? ` (it said ${JSON.stringify(id)})` : ''}; no traffic was moved`);
        }
        return id;
    }
    return {
        async start(request, plan) {
            const previous = previousVersion(plan);
            const steps = plan.steps.map(share).join('%, ');
            if (request.image) {
                config.log(`Cloudflare Workers upload from source; ignoring image ${JSON.stringify(request.image)}`);
            }
            const where = workerArgs(request);
            const message = `flightdeck: traffic steps ${steps}%`.slice(0, MAX_VERSION_MESSAGE);
            const uploadArgs = ['versions', 'upload', ...where, `--message=${message}`];
            uploadArgs.push(...(request.extraArgs ?? []));
            const { result, output } = await wrangler(uploadArgs);
            const release = uploadedVersion(uploadArgs, output, result.stdout);
            config.log(`Uploaded Worker Version ${release}; it serves no traffic yet`);
            /** `wrangler versions deploy <spec>... --yes`, with a short message for the Deployment. */
            async function deploy(specs, said) {
                for (const spec of specs) {
                    // Both ids were checked against VERSION_ID: a spec starts with a letter or digit, so
                    // yargs reads it as a positional version spec, never as a flag.
                    if (!/^[A-Za-z0-9]/.test(spec))
                        throw new Error(`unsafe version spec ${spec}`);
                }
                await wrangler([
                    'versions',
                    'deploy',
                    ...specs,
                    ...where,
                    `--message=${said.slice(0, MAX_DEPLOYMENT_MESSAGE)}`,
                    '--yes',
                ]);
            }
            // A version override only reaches a Version that is in the current Deployment, even at
            // 0% (Cloudflare docs, "Version overrides"): so the new one joins it at 0% first, and
            // the probes can reach it alone before it takes any share. The same page says a new
            // Deployment can take a couple of seconds to reach every location, and that a request
            // whose override cannot apply is routed by the percentages: an early probe may still be
            // answered by the old Version, which only a Worker that reports its version can reveal.
            let probeHeaders;
            const override = config.app
                ? versionOverride(checkedWorkerName(config.app), release)
                : undefined;
            if (override) {
                await deploy([`${release}@0`, `${previous}@100`], 'flightdeck: new version at 0%');
                probeHeaders = { [VERSION_OVERRIDES_HEADER]: override };
            }
            else {
                config.log(config.app
                    ? `No ${VERSION_OVERRIDES_HEADER} header for Worker ${config.app}: the header is keyed by the Worker name, which must be lower-case and start with a letter; the new Version is probed only once it takes a share`
                    : `No ${VERSION_OVERRIDES_HEADER} header: it is keyed by the Worker name, and \`app\` does not give it; the new Version is probed only once it takes a share`);
            }
            const rollout = {
                release: { releaseId: release },
                probeHeaders,
                async shift(percent, step) {
                    if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
                        throw new Error(`a traffic share is a number from 0 to 100, not ${percent}`);
                    }
                    const at = plan.steps.indexOf(percent);
                    const which = at >= 0 ? `step ${at + 1}/${plan.steps.length}` : `step ${step}`;
                    const specs = percent >= 100
                        ? [`${release}@100`]
                        : [`${release}@${share(percent)}`, `${previous}@${share(100 - percent)}`];
                    config.log(percent >= 100
                        ? `Traffic ${which}: all requests to Worker Version ${release}`
                        : `Traffic ${which}: ${share(percent)}% of requests to Worker Version ${release}, ${share(100 - percent)}% to ${previous}`);
                    await deploy(specs, `flightdeck: ${which}, ${share(percent)}% to new version`);
                },
                async abort() {
                    config.log(`All traffic back to Worker Version ${previous}`);
                    await deploy([`${previous}@100`], 'flightdeck: traffic back to previous version');
                },
            };
            return rollout;
        },
    };
}
/** The Version serving before, which keeps the rest of every share: a Worker Version id. */
function previousVersion(plan) {
    const id = plan.previous?.id;
    if (!id) {
        throw new errors/* ActionFailure */.dR('traffic steps on Cloudflare Workers need a Version serving now to keep the rest of the traffic; this Worker has none: deploy it once without `traffic-steps`');
    }
    if (!VERSION_ID.test(id)) {
        throw new errors/* ActionFailure */.dR(`traffic steps on Cloudflare Workers split requests between two Worker Versions; the release serving now, ${JSON.stringify(id)}, is not a Worker Version id (example: 0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d)`);
    }
    return id;
}

;// CONCATENATED MODULE: ./shared/providers/cloudflare.ts
// Cloudflare Workers through `wrangler` (4.x). A Worker's releases are its Versions; the
// Deployments list says which Versions serve traffic. Formats: __tests__/fixtures/providers/README.md.
// Running wrangler: cloudflare-cli.ts; reading what it prints: cloudflare-output.ts; pull
// request previews: cloudflare-previews.ts; traffic steps: cloudflare-traffic.ts.








function createCloudflareProvider(config) {
    const cli = createWranglerCli(config);
    let lastDeployUrl;
    async function releases() {
        const versionsArgs = ['versions', 'list', ...cli.nameArgs(), '--json'];
        const deploymentsArgs = ['deployments', 'list', ...cli.nameArgs(), '--json'];
        // Two reads that do not depend on each other: at once, as each wrangler run starts slowly.
        // A failure of the versions list is the one reported when both fail.
        const [versionsRead, deploymentsRead] = await Promise.allSettled([
            cli.wranglerJson(versionsArgs),
            cli.wranglerJson(deploymentsArgs),
        ]);
        if (versionsRead.status === 'rejected')
            throw versionsRead.reason;
        if (deploymentsRead.status === 'rejected')
            throw deploymentsRead.reason;
        const versions = versionsRead.value;
        const deployments = deploymentsRead.value;
        const serving = servingVersion(deployments, `${TOOL} ${deploymentsArgs.join(' ')}`);
        return parseWorkerVersions(versions, serving, `${TOOL} ${versionsArgs.join(' ')}`, deploymentHistory(deployments));
    }
    async function deploy(request) {
        const args = ['deploy'];
        if (request.environment)
            args.push(`--env=${request.environment}`);
        if (request.config)
            args.push(`--config=${request.config}`);
        args.push(...cli.nameArgs(), ...(request.extraArgs ?? []));
        if (request.image) {
            config.log(`Cloudflare Workers deploy from source; ignoring image ${JSON.stringify(request.image)}`);
        }
        // wrangler writes what it deployed to its output file as ND-JSON; its stdout is for people.
        const { result, output } = await cli.wrangler(args);
        const fromFile = readOutputFile(output);
        if (!fromFile)
            config.log('wrangler wrote no deploy record to its output file; reading its log instead');
        const fromStdout = readDeployStdout(result.stdout);
        const versionId = fromFile?.versionId ?? fromStdout.versionId;
        const url = fromFile?.url ?? fromStdout.url;
        if (!versionId)
            config.log('wrangler deploy finished but did not say which Version it made');
        lastDeployUrl = url ?? lastDeployUrl;
        return { releaseId: versionId, url };
    }
    return {
        name: 'cloudflare',
        cli: TOOL,
        tokenEnv: [TOKEN_ENV],
        previews: createCloudflarePreviews(config, cli),
        traffic: createCloudflareTraffic(config, cli),
        deploy,
        releases,
        async rollback(target) {
            if (!VERSION_ID.test(target.id)) {
                throw new errors/* InputError */.dz([
                    `${JSON.stringify(target.id)} is not a Worker Version id (example: 0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d)`,
                ]);
            }
            const message = (config.settings.reason?.trim() || DEFAULT_ROLLBACK_MESSAGE).slice(0, MAX_ROLLBACK_MESSAGE);
            config.log('Note: a Worker rollback restores code and config only; KV, D1, R2 and Durable Object data stay as they are');
            // The version id is wrangler's positional `version-id`, which yargs also takes as
            // `--version-id=ID`; the message is the user's text and may start with a dash.
            const { result } = await cli.wrangler([
                'rollback',
                `--version-id=${target.id}`,
                ...cli.nameArgs(),
                `--message=${message}`,
                '--yes',
            ]);
            const changed = secretsChangedSince(result.stdout);
            if (changed.length > 0) {
                config.log(`wrangler rolled back although these secrets changed since version ${target.id}: ${changed.join(', ')}`);
            }
            return { releaseId: readDeployStdout(result.stdout).versionId ?? target.id };
        },
        // A Worker comes into being with its first `wrangler deploy`; there is nothing to create
        // beforehand, and asking Cloudflare whether it exists would need more token scope.
        async ensureApp() {
            return { created: false };
        },
        async destroyApp() {
            if (!config.app) {
                throw new errors/* InputError */.dz([
                    'provider `cloudflare` deletes a Worker only when `app` names it; set `app` to the Worker name',
                ]);
            }
            const app = checkedWorkerName(config.app);
            // In CI wrangler answers its own "are you sure" prompts with yes; --force says so
            // explicitly, and also deletes when other Workers bind to this one.
            try {
                await cli.wrangler(['delete', `--name=${app}`, '--force']);
            }
            catch (err) {
                if (!workerNotFound(err))
                    throw err;
                config.log(`Worker ${app} does not exist; nothing to delete`);
            }
        },
        async setSecrets(secrets) {
            const names = Object.keys(secrets);
            if (names.length === 0) {
                config.log('No secrets to set');
                return;
            }
            for (const value of Object.values(secrets))
                (0,shared_secrets/* maskSecret */.$l)(value);
            const bad = names.filter((name) => name.trim() === '');
            if (bad.length > 0)
                throw new errors/* InputError */.dz(['secret names must not be empty']);
            // `secret bulk` with no file reads a JSON object from stdin; one line, since wrangler
            // joins stdin lines without their newlines.
            const args = ['secret', 'bulk', ...cli.nameArgs()];
            const { result } = await cli.wrangler(args, { input: `${JSON.stringify(secrets)}\n` });
            if (`${result.stdout}\n${result.stderr}`.includes(BULK_INPUT_REFUSED)) {
                throw new shared_process/* CliError */.z1(`\`${TOOL} ${args.join(' ')}\` did not accept the secrets it was sent on stdin: ${BULK_INPUT_REFUSED}`, result);
            }
        },
        async url() {
            if (lastDeployUrl)
                return lastDeployUrl;
            throw new types/* UnsupportedOperationError */.v('cloudflare', "tell a Worker's URL before deploying it in the same step", "set the `url` input to the Worker's workers.dev or custom-domain URL");
        },
    };
}


/***/ }),

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


/***/ })

};
