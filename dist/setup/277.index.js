export const id = 277;
export const ids = [277];
export const modules = {

/***/ 6277:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  installTool: () => (/* binding */ installTool)
});

// UNUSED EXPORTS: installerFor

// EXTERNAL MODULE: ./node_modules/@actions/tool-cache/lib/tool-cache.js + 15 modules
var tool_cache = __webpack_require__(3143);
// EXTERNAL MODULE: ./actions/setup/src/tools.ts
var tools = __webpack_require__(9654);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./shared/http/client.ts
var client = __webpack_require__(6160);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(2635);
// EXTERNAL MODULE: ./shared/providers/api.ts
var providers_api = __webpack_require__(1863);
// EXTERNAL MODULE: ./shared/secrets.ts
var secrets = __webpack_require__(5931);
;// CONCATENATED MODULE: ./actions/setup/src/installers/archive-check.ts
// An extracted archive is checked before anything in it is made executable or run: a release
// mirror serves both the archive and its checksums.txt, so a checksum match does not make an
// archive harmless. A link out of the extract folder (`flyctl -> /usr/bin/...` or `-> ../..`)
// would have setup chmod and run a file of the machine's instead of one from the archive.


/** More entries than any CLI release archive has; a bigger tree is refused, not walked. */
const MAX_ENTRIES = 10_000;
function inside(root, target) {
    const rel = (0,external_node_path_.relative)(root, target);
    return rel === '' || (!rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel));
}
/**
 * Refuses an extracted tree with an entry that leads out of `root` (a symbolic link whose
 * target, read relative to its folder, lies outside it) or that is not a file, folder or link
 * (a device, FIFO or socket). `archive` names the download in the error.
 */
async function assertContained(root, archive) {
    const pending = [root];
    let seen = 0;
    for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
        for (const entry of await (0,promises_.readdir)(dir, { withFileTypes: true })) {
            if (++seen > MAX_ENTRIES) {
                throw new Error(`${archive} has more than ${MAX_ENTRIES} entries; nothing was installed`);
            }
            const path = (0,external_node_path_.join)(dir, entry.name);
            const name = (0,external_node_path_.relative)(root, path);
            if (entry.isSymbolicLink()) {
                const target = await (0,promises_.readlink)(path);
                if (!inside(root, (0,external_node_path_.resolve)((0,external_node_path_.dirname)(path), target))) {
                    throw new Error(`${archive} has ${name} linking to ${JSON.stringify(target)}, outside the archive; nothing was installed`);
                }
            }
            else if (entry.isDirectory()) {
                pending.push(path);
            }
            else if (!entry.isFile()) {
                throw new Error(`${archive} has ${name}, which is neither a file, a folder nor a link; nothing was installed`);
            }
        }
    }
}
/** Refuses an executable that is not a regular file of the archive (a link, even inside it). */
async function assertRegularFile(path, name, archive) {
    let stats;
    try {
        stats = await (0,promises_.lstat)(path);
    }
    catch {
        throw new Error(`${archive} has no ${name} at its top level`);
    }
    if (!stats.isFile()) {
        throw new Error(`${archive} has ${name} as ${stats.isSymbolicLink() ? 'a symbolic link' : 'something other than a file'}, not the program itself; nothing was installed`);
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./actions/setup/src/installers/checksums.ts


/**
 * The sha256 of `asset` in a goreleaser `checksums.txt` (`<hex>  <file>` per line), or
 * undefined when the file does not list it.
 */
function checksumFor(checksums, asset) {
    for (const line of checksums.split(/\r?\n/)) {
        const match = /^([0-9a-fA-F]{64})\s+\*?(\S+)\s*$/.exec(line.trim());
        if (match && match[2] === asset)
            return match[1]?.toLowerCase();
    }
    return undefined;
}
async function sha256File(path) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(path))
        hash.update(chunk);
    return hash.digest('hex');
}

;// CONCATENATED MODULE: ./actions/setup/src/installers/flyctl.ts












// Release asset names, as goreleaser publishes them: flyctl_<version>_<OS>_<arch>.<ext>.
const ASSET_OS = {
    linux: 'Linux',
    darwin: 'macOS',
    win32: 'Windows',
};
const ASSET_ARCH = { x64: 'x86_64', arm64: 'arm64' };
const FLYCTL_RELEASES = 'https://github.com/superfly/flyctl/releases';
function flyctlAsset(version, platform, arch) {
    const os = ASSET_OS[platform];
    const cpu = ASSET_ARCH[arch];
    if (!os || !cpu) {
        throw new Error(`flyctl publishes no release for ${platform}/${arch}; it has Linux, macOS and Windows on x64 and arm64`);
    }
    return `flyctl_${version}_${os}_${cpu}.${platform === 'win32' ? 'zip' : 'tar.gz'}`;
}
/** flyctl from its GitHub release archives (or a mirror of them), checked against checksums.txt. */
class FlyctlInstaller {
    ctx;
    platform;
    arch;
    tool = 'flyctl';
    freshSource = 'download';
    constructor(ctx, platform = process.platform, arch = process.arch) {
        this.ctx = ctx;
        this.platform = platform;
        this.arch = arch;
    }
    async resolve(spec) {
        if (spec !== 'latest')
            return spec;
        const path = '/repos/superfly/flyctl/releases/latest';
        const api = this.ctx.releasesApi;
        const where = api.note ? ` ${api.note}` : '';
        let release;
        try {
            release = await (0,providers_api/* requestJson */.S)({
                method: 'GET',
                url: `${api.url.replace(/\/+$/, '')}${path}`,
                token: api.token,
                headers: { accept: 'application/vnd.github+json' },
                timeoutMs: this.ctx.timeouts.api,
                service: 'GitHub API',
            });
        }
        catch (err) {
            throw new Error(`could not look up the latest flyctl release${where}: ${(0,errors/* errorMessage */.gJ)(err)}; pin a version instead (example: flyctl@0.3.200)`);
        }
        const tag = release?.tag_name;
        const version = typeof tag === 'string' ? tag.replace(/^v/, '') : '';
        if (!(0,tools/* isExactVersion */.Yb)(version)) {
            throw new Error(`GitHub API GET ${path} answered without a version tag (tag_name: ${JSON.stringify(tag ?? null)}); pin a version instead (example: flyctl@0.3.200)`);
        }
        this.ctx.log(`latest flyctl release${where}: v${version}`);
        return version;
    }
    locate(toolDir) {
        return { binDir: toolDir, executable: (0,external_node_path_.join)(toolDir, this.executableName('flyctl')) };
    }
    async install(version) {
        const asset = flyctlAsset(version, this.platform, this.arch);
        const base = `${this.ctx.downloadBaseUrl}/v${version}`;
        const checksums = await this.downloadText(`${base}/checksums.txt`, version, {
            timeoutMs: this.ctx.timeouts.checksums,
        });
        const expected = checksumFor(checksums, asset);
        if (!expected) {
            throw new Error(`checksums.txt of flyctl v${version} has no line for ${asset}`);
        }
        const archive = await this.download(`${base}/${asset}`, version, {
            timeoutMs: this.ctx.timeouts.download,
        });
        try {
            const actual = await sha256File(archive);
            if (actual !== expected) {
                throw new Error(`checksum mismatch for ${asset}: expected ${expected}, got ${actual}; nothing was installed`);
            }
            this.ctx.log(`sha256 ${actual} matches checksums.txt`);
            const dir = asset.endsWith('.zip')
                ? await tool_cache/* extractZip */.JE(archive)
                : await tool_cache/* extractTar */.nN(archive);
            try {
                await assertContained(dir, asset);
                await this.addFlyAlias(dir, asset);
                return await tool_cache/* cacheDir */.e8(dir, 'flyctl', version);
            }
            finally {
                await (0,promises_.rm)(dir, { recursive: true, force: true });
            }
        }
        finally {
            await (0,promises_.rm)(archive, { force: true });
        }
    }
    executableName(name) {
        return this.platform === 'win32' ? `${name}.exe` : name;
    }
    /** flyctl ships one binary; `fly` is the name most docs and scripts use. */
    async addFlyAlias(dir, asset) {
        const flyctl = (0,external_node_path_.join)(dir, this.executableName('flyctl'));
        const fly = (0,external_node_path_.join)(dir, this.executableName('fly'));
        // Before chmod, which follows links: only the archive's own file is made executable.
        await assertRegularFile(flyctl, this.executableName('flyctl'), asset);
        if (this.platform === 'win32') {
            await (0,promises_.copyFile)(flyctl, fly).catch(() => undefined);
            return;
        }
        await (0,promises_.chmod)(flyctl, 0o755);
        await (0,promises_.symlink)(this.executableName('flyctl'), fly).catch((err) => {
            if (err.code !== 'EEXIST')
                throw err;
        });
    }
    /**
     * Downloads to a file of its own under RUNNER_TEMP, within a time limit and failing after
     * `downloadStall` without a byte (the tool cache's downloadTool has neither: a mirror that
     * accepts the connection and never answers would hold the step until the job's timeout).
     * Redirects may leave the origin (github.com sends release assets to its CDN): the request
     * carries no credential.
     */
    async download(url, version, limit) {
        const shown = (0,secrets/* maskUrlCredentials */.gn)(url);
        this.ctx.log(`downloading ${shown}`);
        const path = (0,external_node_path_.join)(process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), `flightdeck-${(0,external_node_crypto_.randomUUID)()}`);
        try {
            await (0,client/* downloadFile */.PE)({
                url,
                timeoutMs: limit.timeoutMs,
                stallMs: this.ctx.timeouts.downloadStall,
                anyOriginRedirects: true,
                service: 'flyctl download',
            }, path);
            return path;
        }
        catch (err) {
            await (0,promises_.rm)(path, { force: true });
            const notFound = err instanceof client/* HttpError */.j$ && err.status === 404;
            const hint = notFound ? ` (is ${version} a flyctl release? see ${FLYCTL_RELEASES})` : '';
            throw new Error(`could not download ${shown}: ${(0,errors/* errorMessage */.gJ)(err)}${hint}`);
        }
    }
    async downloadText(url, version, limit) {
        const file = await this.download(url, version, limit);
        try {
            return await (0,promises_.readFile)(file, 'utf8');
        }
        finally {
            await (0,promises_.rm)(file, { force: true });
        }
    }
}

// EXTERNAL MODULE: ./shared/process.ts + 1 modules
var shared_process = __webpack_require__(8548);
;// CONCATENATED MODULE: ./actions/setup/src/installers/npm-cli.ts





/**
 * The version `npm view <pkg>@<spec> version --json` chose: one string, or an array when a
 * range matches several (then the highest), or nothing when none matches.
 */
function parseNpmViewVersion(pkg, spec, stdout) {
    const args = ['view', `${pkg}@${spec}`, 'version', '--json'];
    if (stdout.trim() === '') {
        throw new Error(`npm has no version of ${pkg} matching ${spec} (\`npm ${args.join(' ')}\`)`);
    }
    const parsed = (0,shared_process/* parseCliJson */.ew)('npm', args, stdout);
    const candidates = (Array.isArray(parsed) ? parsed : [parsed]).filter((value) => typeof value === 'string' && (0,tools/* isExactVersion */.Yb)(value));
    const highest = candidates.sort(tools/* compareVersions */.Zy).at(-1);
    if (!highest) {
        throw new Error(`\`npm ${args.join(' ')}\` printed no version: ${JSON.stringify(stdout.trim().slice(0, 80))}`);
    }
    return highest;
}
/**
 * Why `npm view` failed. With --json npm prints its error as `{"error": {code, summary}}` on
 * stdout; stderr has the same plus log-file noise.
 */
function npmViewFailure(pkg, spec, result) {
    const command = `npm view ${pkg}@${spec} version --json`;
    let error;
    try {
        error = JSON.parse(result.stdout).error;
    }
    catch {
        error = undefined;
    }
    const summary = typeof error?.summary === 'string' ? error.summary.split('\n')[0] : undefined;
    if (error?.code === 'ETARGET' || (error?.code === 'E404' && /no match/i.test(summary ?? ''))) {
        return new Error(`npm has no version of ${pkg} matching ${spec} (\`${command}\`)`);
    }
    const why = summary
        ? `${String(error?.code ?? 'error')}: ${summary}`
        : (0,shared_process/* tail */.RT)(result.stderr) || (0,shared_process/* tail */.RT)(result.stdout) || 'no output';
    return new Error(`\`${command}\` failed with exit code ${result.exitCode}: ${why}`);
}
function tempRoot() {
    const temp = process.env.RUNNER_TEMP;
    if (!temp)
        throw new Error('RUNNER_TEMP is not set; setup runs on a GitHub Actions runner');
    return temp;
}
/** A CLI from the npm registry, installed with the runner's npm into its own prefix. */
class NpmCliInstaller {
    tool;
    ctx;
    platform;
    freshSource = 'npm';
    pkg;
    constructor(tool, ctx, platform = process.platform) {
        this.tool = tool;
        this.ctx = ctx;
        this.platform = platform;
        this.pkg = tools/* NPM_PACKAGES */.eZ[tool];
    }
    async resolve(spec) {
        if ((0,tools/* isExactVersion */.Yb)(spec))
            return spec;
        const args = ['view', `${this.pkg.name}@${spec}`, 'version', '--json'];
        const result = await (0,shared_process/* runCli */.ak)('npm', args, {
            timeoutMs: this.ctx.timeouts.npmView,
            echo: false,
            allowFailure: true,
        });
        if (result.exitCode !== 0)
            throw npmViewFailure(this.pkg.name, spec, result);
        const version = parseNpmViewVersion(this.pkg.name, spec, result.stdout);
        this.ctx.log(`${this.pkg.name}@${spec} is ${version}`);
        return version;
    }
    locate(toolDir) {
        const binDir = (0,external_node_path_.join)(toolDir, 'node_modules', '.bin');
        const name = this.platform === 'win32' ? `${this.pkg.bin}.cmd` : this.pkg.bin;
        return { binDir, executable: (0,external_node_path_.join)(binDir, name) };
    }
    async install(version) {
        const root = (0,external_node_path_.join)(tempRoot(), 'flightdeck-setup');
        await (0,promises_.mkdir)(root, { recursive: true });
        const prefix = await (0,promises_.mkdtemp)((0,external_node_path_.join)(root, `${this.tool}-`));
        try {
            const args = ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund'];
            // Quiet: installs run in parallel; a failure's message carries npm's last lines.
            const result = await (0,shared_process/* runCli */.ak)('npm', [...args, `${this.pkg.name}@${version}`], {
                cwd: prefix,
                timeoutMs: this.ctx.timeouts.npmInstall,
                echo: false,
            });
            const summary = (0,shared_process/* tail */.RT)(result.stdout, 1);
            if (summary)
                this.ctx.log(summary);
            const { executable } = this.locate(prefix);
            try {
                await (0,promises_.access)(executable);
            }
            catch {
                throw new Error(`npm installed ${this.pkg.name}@${version} but it has no ${this.pkg.bin} executable in node_modules/.bin`);
            }
            return await tool_cache/* cacheDir */.e8(prefix, this.tool, version);
        }
        finally {
            await (0,promises_.rm)(prefix, { recursive: true, force: true });
        }
    }
}

;// CONCATENATED MODULE: ./actions/setup/src/installers/index.ts




/** The installer the tool's spec names: flyctl's GitHub releases, or its npm package. */
function installerFor(tool, ctx) {
    if (tools/* CLI_SPECS */.Y2[tool].install.from === 'npm' && tool in tools/* NPM_PACKAGES */.eZ) {
        return new NpmCliInstaller(tool, ctx);
    }
    return new FlyctlInstaller(ctx);
}
/**
 * Resolves a requested version and takes it from the tool cache when it is there (no download),
 * else installs it and caches it. An exact version is looked up before any network call.
 */
async function installTool(request, ctx, options, installer = installerFor(request.tool, ctx)) {
    const version = await installer.resolve(request.spec);
    if (options.cache) {
        const cached = tool_cache/* find */.I6(request.tool, version);
        if (cached) {
            ctx.log(`${request.tool} ${version} found in the tool cache: ${cached}`);
            return { tool: request.tool, version, source: 'cache', ...installer.locate(cached) };
        }
        ctx.log(`${request.tool} ${version} is not in the tool cache`);
    }
    const toolDir = await installer.install(version);
    ctx.log(`${request.tool} ${version} cached at ${toolDir}`);
    return {
        tool: request.tool,
        version,
        source: installer.freshSource,
        ...installer.locate(toolDir),
    };
}


/***/ }),

/***/ 6160:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PE: () => (/* binding */ downloadFile),
/* harmony export */   aj: () => (/* binding */ httpRequest),
/* harmony export */   j$: () => (/* binding */ HttpError)
/* harmony export */ });
/* unused harmony exports MAX_BODY_BYTES, MAX_DOWNLOAD_BYTES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _durations_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9503);
// One HTTP client for every platform API call and download: through @actions/http-client (it
// honours the runner's proxy settings), within a time limit that covers the whole exchange
// (the socket is destroyed when it passes), with the answer's size capped, and with redirects
// followed only within the origin the credentials were given for.


class HttpError extends Error {
    status;
    body;
    constructor(message, status, body) {
        super(message);
        this.status = status;
        this.body = body;
        this.name = 'HttpError';
    }
}
/** The most of an API answer flightdeck reads: an endless body cannot grow memory. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** The most of a download (a CLI archive) flightdeck writes. */
const MAX_DOWNLOAD_BYTES = 512 * 1024 * 1024;
const MAX_REDIRECTS = 5;
let clientModule;
/** @actions/http-client loads undici; only a path that makes a request pays for it. */
function loadClient() {
    clientModule ??= __webpack_require__.e(/* import() */ 942).then(__webpack_require__.bind(__webpack_require__, 4942));
    return clientModule;
}
function label(request, url) {
    return `${request.service} ${request.method} ${url.pathname}`;
}
/**
 * Sends one request and hands the response stream to `consume`, following same-origin
 * redirects. The time limit covers connecting, redirects and reading the whole body.
 */
async function exchange(request, consume) {
    const { HttpClient } = await loadClient();
    const abort = new AbortController();
    const client = new HttpClient('flightdeck', [
        {
            // Node's http.request destroys the socket when this signal aborts.
            prepareRequest: (options) => Object.assign(options, { signal: abort.signal }),
            canHandleAuthentication: () => false,
            handleAuthentication: () => Promise.reject(new Error('not supported')),
        },
    ], { allowRedirects: false, allowRetries: false, socketTimeout: request.timeoutMs });
    let url = new URL(request.url);
    let method = request.method;
    let body = request.body;
    let timedOut = false;
    const timer = setTimeout(() => {
        timedOut = true;
        abort.abort();
    }, request.timeoutMs);
    // Restarted by every sign of life (an answer, a chunk of body); fires after stallMs without one.
    let stalled = false;
    let stallTimer;
    const alive = () => {
        if (request.stallMs === undefined)
            return;
        clearTimeout(stallTimer);
        stallTimer = setTimeout(() => {
            stalled = true;
            abort.abort();
        }, request.stallMs);
    };
    alive();
    try {
        for (let redirects = 0;; redirects++) {
            const response = await client.request(method, url.toString(), body ?? null, {
                ...request.headers,
            });
            alive();
            const status = response.message.statusCode ?? 0;
            const location = response.message.headers.location;
            if (status >= 300 && status < 400 && location) {
                response.message.resume();
                const next = new URL(location, url);
                const credentialFree = Object.keys(request.headers ?? {}).length === 0;
                if (next.origin !== url.origin && !(request.anyOriginRedirects && credentialFree)) {
                    throw new HttpError(`${label(request, url)} was redirected to another origin (${next.origin}); flightdeck does not send credentials there`, status);
                }
                if (url.protocol === 'https:' && next.protocol !== 'https:') {
                    throw new HttpError(`${label(request, url)} was redirected from https to ${next.protocol} (${next.origin}); flightdeck does not follow it`, status);
                }
                if (redirects >= MAX_REDIRECTS) {
                    throw new HttpError(`${label(request, url)} was redirected more than ${MAX_REDIRECTS} times`);
                }
                if (status === 303 || ((status === 301 || status === 302) && method !== 'HEAD')) {
                    method = 'GET';
                    body = undefined;
                }
                url = next;
                continue;
            }
            return await consume(response.message, status, url, alive);
        }
    }
    catch (err) {
        if (err instanceof HttpError)
            throw err;
        if (stalled && !timedOut) {
            throw new HttpError(`${label(request, url)} sent nothing for ${(0,_durations_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(request.stallMs ?? 0)} (stalled)`);
        }
        if (timedOut) {
            throw new HttpError(`${label(request, url)} did not answer within ${(0,_durations_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(request.timeoutMs)}`);
        }
        throw new HttpError(`${label(request, url)} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    finally {
        clearTimeout(timer);
        clearTimeout(stallTimer);
        client.dispose();
    }
}
/** Reads a body up to `maxBytes`; past it the connection is closed and the request fails. */
function readCapped(stream, maxBytes, what) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        stream.on('data', (chunk) => {
            size += chunk.length;
            if (size > maxBytes) {
                // Reject before destroying: destroying emits 'aborted', which must not be the reason.
                reject(new HttpError(`${what} answered with more than ${maxBytes / 1024 / 1024} MiB`));
                stream.destroy();
                return;
            }
            chunks.push(chunk);
        });
        stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        stream.on('error', reject);
        stream.on('aborted', () => reject(new Error('the connection closed mid-answer')));
    });
}
/** One request; the answer's body as text (any status: callers decide what is an error). */
function httpRequest(request) {
    return exchange(request, async (response, status, url) => ({
        status,
        headers: response.headers,
        body: await readCapped(response, request.maxBytes ?? MAX_BODY_BYTES, label(request, url)),
    }));
}
/** Downloads a file to `path` within the time limit and size cap; a non-2xx status fails. */
function downloadFile(request, path) {
    const full = { ...request, method: 'GET' };
    const maxBytes = request.maxBytes ?? MAX_DOWNLOAD_BYTES;
    return exchange(full, async (response, status, url, alive) => {
        if (status < 200 || status > 299) {
            response.resume();
            throw new HttpError(`${label(full, url)} answered ${status}`, status);
        }
        await new Promise((resolve, reject) => {
            const file = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(path);
            let size = 0;
            response.on('data', (chunk) => {
                alive();
                size += chunk.length;
                if (size > maxBytes) {
                    reject(new HttpError(`${label(full, url)} sent more than ${maxBytes / 1024 / 1024} MiB`));
                    response.destroy();
                    file.destroy();
                }
            });
            response.on('error', reject);
            response.on('aborted', () => reject(new Error('the connection closed mid-download')));
            file.on('error', reject);
            file.on('finish', resolve);
            response.pipe(file);
        });
    });
}


/***/ }),

/***/ 1863:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ requestJson),
/* harmony export */   h: () => (/* binding */ ApiError)
/* harmony export */ });
/* harmony import */ var _http_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6160);

class ApiError extends Error {
    status;
    constructor(message, status) {
        super(message);
        this.status = status;
        this.name = 'ApiError';
    }
}
/**
 * One JSON request to a platform API (shared/http/client.ts: bounded in time and size, no
 * credential sent to another origin). A non-2xx answer becomes an ApiError with the platform's
 * own message.
 */
async function requestJson(request) {
    const headers = { accept: 'application/json' };
    if (request.token)
        headers.authorization = `Bearer ${request.token}`;
    if (request.body !== undefined)
        headers['content-type'] = 'application/json';
    Object.assign(headers, request.headers);
    const label = `${request.service} ${request.method} ${new URL(request.url).pathname}`;
    let answer;
    try {
        answer = await (0,_http_client_js__WEBPACK_IMPORTED_MODULE_0__/* .httpRequest */ .aj)({
            method: request.method,
            url: request.url,
            headers,
            body: request.body === undefined ? undefined : JSON.stringify(request.body),
            timeoutMs: request.timeoutMs,
            service: request.service,
        });
    }
    catch (err) {
        throw new ApiError(err instanceof Error ? err.message : String(err), err.status);
    }
    const { status, body: text } = answer;
    if (status < 200 || status > 299) {
        throw new ApiError(`${label} answered ${status}: ${platformMessage(text)}`, status);
    }
    if (text.trim() === '')
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        throw new ApiError(`${label} answered ${status} with a body that is not JSON: ${JSON.stringify(text.slice(0, 80))}`, status);
    }
}
/** The platform's own message from an error body, cut so one answer stays one line. */
function platformMessage(text) {
    const found = messageIn(text);
    return found.length > 300 ? `${found.slice(0, 299)}…` : found;
}
function messageIn(text) {
    try {
        const body = JSON.parse(text);
        const message = body.message ?? body.error ?? body.errors?.[0]?.message;
        if (typeof message === 'string')
            return message;
        if (message && typeof message === 'object' && 'message' in message)
            return String(message.message);
    }
    catch {
        // not JSON: show the start of the text
    }
    return JSON.stringify(text.slice(0, 200));
}


/***/ })

};
