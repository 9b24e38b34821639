import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 1553:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(409);

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 409:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: ./shared/durations.ts
var durations = __nccwpck_require__(9503);
// EXTERNAL MODULE: ./shared/runner-protocol.ts
var runner_protocol = __nccwpck_require__(8447);
;// CONCATENATED MODULE: ./shared/summary.ts

/** Escapes text so it can only ever appear as HTML text, never as markup. */
function escapeHtml(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;');
}
// Every ASCII punctuation character may be backslash-escaped in CommonMark, and an escaped one
// is always literal: no emphasis, link, image, HTML, autolink or table pipe can start from it.
const MARKDOWN_PUNCTUATION = /[!-/:-@[-`{-~]/g;
/** Text that Markdown renders as exactly that text, on one line. */
function escapeMarkdown(text) {
    return text.replace(/\r?\n|\r/g, ' ').replace(MARKDOWN_PUNCTUATION, '\\$&');
}
/** A code span of `flat` (one line) that shows it verbatim. */
function codeSpan(flat) {
    const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longestRun + 1);
    // A code span drops one space from each end when both ends have one (and it is not all spaces),
    // and a backtick at an end would join the fence: one space of padding keeps both as typed.
    const pad = /^`|`$|^ (?=.*[^ ]).* $/.test(flat) ? ' ' : '';
    return `${fence}${pad}${flat}${pad}${fence}`;
}
/**
 * Foreign text (URLs, ids, image refs, CLI and API messages) as an inline code span for a table
 * cell: shown verbatim, never a link or an image.
 */
function code(text) {
    const flat = text.replace(/\r?\n|\r/g, ' ');
    if (flat === '')
        return { markdown: '' };
    // GFM splits table rows on `|` before it reads code spans, so a pipe is written `\|`: the
    // table parser (cmark-gfm's unescape_pipes, GitHub's renderer) drops exactly one backslash
    // before each pipe before inline parsing, and a code span keeps every other backslash as it
    // is. Escaping only the pipes is therefore the exact inverse: `ok\|healthy` reads as typed.
    // (The fence only counts backticks, so escaping after choosing it changes nothing.)
    return { markdown: codeSpan(flat).replace(/\|/g, '\\|') };
}
/**
 * The same outside a table (a paragraph, a heading): there a `\|` would show its backslash, so
 * nothing is escaped.
 */
function inlineCode(text) {
    const flat = text.replace(/\r?\n|\r/g, ' ');
    return { markdown: flat === '' ? '' : codeSpan(flat) };
}
function renderCell(cell) {
    return typeof cell === 'string' ? escapeMarkdown(cell) : cell.markdown;
}
/** A GitHub-flavoured Markdown table; readable as plain text too. */
function markdownTable(headers, rows) {
    const line = (cells) => `| ${cells.map(renderCell).join(' | ')} |`;
    return [line(headers), `|${headers.map(() => ' --- |').join('')}`, ...rows.map(line)].join('\n');
}
/** Appends Markdown to the job summary; a no-op where the runner gives no summary file. */
async function appendSummary(markdown) {
    runner_protocol/* appendSummaryFile */.nz(markdown);
}

;// CONCATENATED MODULE: ./shared/deploy-record.ts
// The deployment record: one JSON file per deploy saying who deployed what where, which gates
// passed, which releases served before and after, the health verdict, any rollback and the
// timings. gated-deploy writes it on every path (blocked and failed too); notify and
// deploy-report read it.







const RECORD_VERSION = 1;
/**
 * `$RUNNER_TEMP/flightdeck/deployment-<step>-<random>.json` (the system temp dir outside a
 * runner): one file per step, so two gated-deploy steps in one job (one RUNNER_TEMP) never
 * share a record and each step's `record` output describes its own deploy. `<step>` is the
 * runner's step id (GITHUB_ACTION) for a person to read; the random part makes it unique even
 * where step ids repeat (composite actions, reruns in one temp folder).
 */
function recordPath(env = process.env) {
    const step = (env.GITHUB_ACTION ?? '').replace(/[^A-Za-z0-9_.-]+/g, '-').slice(0, 60);
    const unique = (0,external_node_crypto_.randomBytes)(6).toString('hex');
    const name = `deployment-${step ? `${step}-` : ''}${unique}.json`;
    return (0,external_node_path_.join)(env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'flightdeck', name);
}
/**
 * Writes the record, every registered secret replaced by `***`, and returns its path. The file
 * is created new ('wx': a file or link already at the path fails, it is never followed or
 * overwritten), in a folder that must be a real directory, not a link planted in a shared temp.
 */
function writeRecord(record, path = recordPath()) {
    const dir = (0,external_node_path_.dirname)(path);
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    if ((0,external_node_fs_.lstatSync)(dir).isSymbolicLink()) {
        throw new Error(`${dir} is a symbolic link; the deployment record is not written through it`);
    }
    (0,external_node_fs_.writeFileSync)(path, `${(0,runner_protocol/* redact */.E$)(JSON.stringify(record, null, 2))}\n`, {
        encoding: 'utf8',
        flag: 'wx',
    });
    return path;
}
function releaseText(release) {
    if (!release)
        return '—';
    const name = release.version ? `${release.version} (${release.id})` : release.id;
    return release.image ? `${name} ${release.image}` : name;
}
function healthText(health) {
    if (!health)
        return 'not checked';
    if (health.healthy)
        return `healthy after ${(0,durations/* formatDuration */.a3)(health.durationMs)}`;
    return code(`unhealthy: ${health.targets
        .filter((target) => !target.healthy)
        .map((target) => `${target.url}: ${target.error ?? ''}`)
        .join('; ')}`);
}
const HEADLINE = {
    deployed: '### ✅ Deployed',
    blocked: '### ⛔ Blocked by a gate: nothing was deployed',
    failed: '### ❌ Deploy failed',
    'rolled-back': '### ↩️ Rolled back: the new release was rejected',
    'dry-run': '### 🧪 Dry run: the gates were evaluated, nothing was deployed',
};
/** The record as the job summary shows it. */
function recordMarkdown(record) {
    const facts = [
        ['app', code(`${record.app} (${record.provider})`)],
        ['environment', code(record.environment)],
        ['commit', code(`${record.sha.slice(0, 7)} ${record.ref}`)],
        ['by', code(record.actor)],
        ['before', code(releaseText(record.releases.before))],
        ['after', code(releaseText(record.releases.after))],
    ];
    if (record.environmentUrl)
        facts.push(['url', code(record.environmentUrl)]);
    if (record.deploy) {
        facts.push([
            'deploy',
            record.deploy.error
                ? code(`failed after ${(0,durations/* formatDuration */.a3)(record.deploy.durationMs)}: ${record.deploy.error}`)
                : `took ${(0,durations/* formatDuration */.a3)(record.deploy.durationMs)}`,
        ]);
    }
    if (record.deploy || record.health)
        facts.push(['health', healthText(record.health)]);
    if (record.rollback) {
        const rollback = record.rollback;
        facts.push([
            'rollback',
            rollback.error
                ? code(`to ${releaseText(rollback.to)} failed: ${rollback.error}`)
                : code(`to ${releaseText(rollback.to)} in ${(0,durations/* formatDuration */.a3)(rollback.durationMs ?? 0)}, ${rollback.health ? (rollback.health.healthy ? 'healthy again' : 'still unhealthy') : 'not checked'}`),
        ]);
    }
    if (record.analysis && record.analysis.verdict !== 'off') {
        facts.push(['analysis', code(`${record.analysis.verdict}: ${record.analysis.reason}`)]);
    }
    if (record.traffic) {
        facts.push([
            'traffic',
            code(`${record.traffic.reached}% reached of ${record.traffic.steps.join('% → ')}%`),
        ]);
    }
    if (record.override) {
        facts.push(['override', code(`${record.override.reason} (by ${record.override.actor})`)]);
    }
    if (record.deploymentId !== undefined)
        facts.push(['GitHub deployment', String(record.deploymentId)]);
    facts.push(['took', (0,durations/* formatDuration */.a3)(record.durationMs)]);
    const gates = markdownTable(['gate', 'verdict', 'reason'], record.gates.map((gate) => [gate.gate, gate.verdict, code(gate.reason)]));
    // Outside the table: a pipe there needs no escape.
    const error = record.error ? `\n\n**Why:** ${inlineCode(record.error).markdown}` : '';
    return `${HEADLINE[record.status]}${error}\n\n${markdownTable(['', 'deploy'], facts)}\n\n#### Gates\n\n${gates}\n`;
}

// EXTERNAL MODULE: ./shared/errors.ts
var errors = __nccwpck_require__(2635);
;// CONCATENATED MODULE: ./shared/gates/gate.ts
// What a gate is: one module declares the gated-deploy inputs it reads (with their checks and
// defaults), when it counts as set, and how it decides; shared/gates/registry.ts lists the
// gates in the order they run. gated-deploy only orchestrates them (shared/gates/run.ts).

/** Declares a gate (a typed identity: the inputs' types flow to configured and evaluate). */
function defineGate(spec) {
    return spec;
}
/** How often the checks and concurrency gates look again: FLIGHTDECK_GATE_INTERVAL, else 10s. */
function gateIntervalMs(env = process.env) {
    const configured = (0,durations/* parseDuration */.E9)(env.FLIGHTDECK_GATE_INTERVAL ?? '');
    return configured !== undefined && configured >= 100 ? configured : 10_000;
}

// EXTERNAL MODULE: ./shared/github/deployments.ts
var github_deployments = __nccwpck_require__(9596);
// EXTERNAL MODULE: ./shared/inputs.ts + 11 modules
var shared_inputs = __nccwpck_require__(1884);
// EXTERNAL MODULE: ./shared/sleep.ts
var sleep = __nccwpck_require__(5045);
;// CONCATENATED MODULE: ./shared/gates/concurrency.ts
// The concurrency gate: one deploy at a time per environment. Another GitHub Deployment of the
// environment whose newest status is still queued, pending or in progress is waited for (or
// blocks at once), read in one GraphQL request per look.






const UNFINISHED = new Set(['IN_PROGRESS', 'QUEUED', 'PENDING']);
/** Ids of the environment's deployments that have not finished. */
async function unfinishedDeployments(client, context, environment) {
    const deployments = await (0,github_deployments/* environmentDeployments */.gs)(client, context, environment, { first: 30 });
    return deployments
        .filter((deployment) => UNFINISHED.has(deployment.latestStatus ?? deployment.state ?? ''))
        .map((deployment) => deployment.id)
        .filter((id) => id !== null);
}
async function checkConcurrency(options) {
    const deadline = performance.now() + options.timeoutMs;
    let waited = false;
    for (;;) {
        const running = await unfinishedDeployments(options.client, options.context, options.environment);
        if (running.length === 0) {
            return {
                open: true,
                reason: waited
                    ? `the other deploy to ${options.environment} finished`
                    : `no other deploy to ${options.environment} in progress`,
            };
        }
        const which = `deployment ${running.join(', ')} to ${options.environment} is in progress`;
        if (options.mode === 'fail')
            return { open: false, reason: `${which} (concurrency: fail)` };
        const left = deadline - performance.now();
        if (left <= 0) {
            return {
                open: false,
                reason: `${which}, still after waiting ${(0,durations/* formatDuration */.a3)(options.timeoutMs)}`,
            };
        }
        options.log(`Waiting for ${which} to finish; ${(0,durations/* formatDuration */.a3)(left)} left`);
        waited = true;
        await (0,sleep/* sleep */.y)(Math.min(options.intervalMs, left));
    }
}
const concurrencyGate = defineGate({
    name: 'concurrency',
    inputs: {
        concurrency: (0,shared_inputs/* withDefault */.IQ)((0,shared_inputs/* oneOf */.yL)(['wait', 'fail', 'off']), 'wait'),
        'concurrency-timeout': (0,shared_inputs/* withDefault */.IQ)((0,shared_inputs/* duration */.p0)('15m'), '15m'),
    },
    configured: (inputs) => inputs.concurrency !== 'off',
    evaluate: async (inputs, { context, environment, github, intervalMs, log }) => {
        const client = await github();
        if (!client) {
            runner_protocol/* warning */.$e('No github-token: other deploys to the environment cannot be seen.', {
                title: 'gated-deploy: concurrency not checked',
            });
            return { open: true, reason: 'not checked: no github-token' };
        }
        return checkConcurrency({
            client,
            context,
            environment,
            mode: inputs.concurrency === 'fail' ? 'fail' : 'wait',
            timeoutMs: inputs['concurrency-timeout'],
            intervalMs,
            log,
        });
    },
});

;// CONCATENATED MODULE: ./shared/gates/time.ts
// The time gates of a deploy: windows when deploying is allowed (`Mon-Fri 09:00-17:00
// America/Los_Angeles`) and freezes when it is not (`2026-12-20..2027-01-02 Europe/Berlin
// holiday freeze`). Wall-clock times are read in the line's IANA zone through Intl, so daylight
// saving is the zone database's business, not ours.
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const formatters = new Map();
function formatter(zone) {
    let format = formatters.get(zone);
    if (!format) {
        format = new Intl.DateTimeFormat('en-US', {
            timeZone: zone,
            weekday: 'short',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
        });
        formatters.set(zone, format);
    }
    return format;
}
/** Whether `zone` is an IANA time zone this Node knows (`UTC` included). */
function isTimeZone(zone) {
    try {
        formatter(zone);
        return true;
    }
    catch {
        return false;
    }
}
function zonedTime(at, zone) {
    const parts = Object.fromEntries(formatter(zone)
        .formatToParts(at)
        .map((part) => [part.type, part.value]));
    const weekday = DAYS.indexOf((parts.weekday ?? '').toLowerCase().slice(0, 3));
    return {
        weekday,
        date: `${parts.year}-${parts.month}-${parts.day}`,
        minutes: Number(parts.hour) * 60 + Number(parts.minute),
    };
}
const DAY_NAMES = [
    'sunday',
    'monday',
    'tuesday',
    'wednesday',
    'thursday',
    'friday',
    'saturday',
];
/** `Mon` or `Monday`, in any case; never a word that only starts like one (`Monkey`). */
function dayIndex(word) {
    const lower = word.toLowerCase();
    const index = Math.max(DAYS.indexOf(lower), DAY_NAMES.indexOf(lower));
    if (index < 0)
        throw new Error(`${JSON.stringify(word)} is not a weekday`);
    return index;
}
/** `Mon-Fri`, `Sat,Sun`, `Mon-Wed,Fri`, `daily` or `*`. */
function parseDays(text) {
    if (text === '*' || /^(daily|every ?day)$/i.test(text))
        return new Set([0, 1, 2, 3, 4, 5, 6]);
    const days = new Set();
    for (const part of text.split(',')) {
        const [first, last, extra] = part.split('-');
        if (first === undefined || first === '')
            throw new Error(`${JSON.stringify(text)} has an empty day`);
        if (extra !== undefined)
            throw new Error(`${JSON.stringify(part)} is not a day range (Mon-Fri)`);
        const start = dayIndex(first);
        if (last === undefined) {
            days.add(start);
            continue;
        }
        const end = dayIndex(last);
        // Fri-Mon wraps over the weekend.
        for (let day = start;; day = (day + 1) % 7) {
            days.add(day);
            if (day === end)
                break;
        }
    }
    return days;
}
function parseClock(text) {
    const match = /^(\d{1,2}):(\d{2})$/.exec(text);
    const hours = Number(match?.[1]);
    const minutes = Number(match?.[2]);
    if (!match || hours > 24 || minutes > 59 || (hours === 24 && minutes !== 0)) {
        throw new Error(`${JSON.stringify(text)} is not a time of day (HH:MM, 00:00 to 24:00)`);
    }
    return hours * 60 + minutes;
}
let ianaZones;
/**
 * Whether a freeze's word after its dates is a zone rather than the start of the reason: a name
 * in Intl's list of IANA zones, or one Intl accepts as written with IANA's capitals (`UTC`,
 * `CET`, `EST5EDT`, `Etc/GMT+5`: the list leaves such aliases out). A lowercase word (`est`)
 * is the reason's.
 */
function isZoneWord(word) {
    ianaZones ??= new Set(Intl.supportedValuesOf('timeZone'));
    return ianaZones.has(word) || (/^[A-Z]/.test(word) && isTimeZone(word));
}
function zoneOf(word) {
    if (word === undefined)
        return 'UTC';
    if (!isTimeZone(word)) {
        throw new Error(`${JSON.stringify(word)} is not an IANA time zone (example: Europe/Berlin)`);
    }
    return word;
}
const WINDOW_EXAMPLE = 'Mon-Fri 09:00-17:00 America/Los_Angeles';
/** One `deploy-window` line: days, a time range, an optional IANA zone (default UTC). */
function parseDeployWindow(line) {
    const words = line.trim().split(/\s+/);
    if (words.length < 2 || words.length > 3) {
        throw new Error(`${JSON.stringify(line)} is not a deploy window (example: ${WINDOW_EXAMPLE})`);
    }
    try {
        const [days = '', range = '', zone] = words;
        const [start, end, extra] = range.split('-');
        if (start === undefined || end === undefined || extra !== undefined) {
            throw new Error(`${JSON.stringify(range)} is not a time range (HH:MM-HH:MM)`);
        }
        return {
            source: line.trim(),
            days: parseDays(days),
            startMinutes: parseClock(start),
            endMinutes: parseClock(end),
            zone: zoneOf(zone),
        };
    }
    catch (err) {
        throw new Error(`${JSON.stringify(line)} is not a deploy window: ${err instanceof Error ? err.message : String(err)} (example: ${WINDOW_EXAMPLE})`);
    }
}
const FREEZE_EXAMPLE = '2026-12-20..2027-01-02 Europe/Berlin holiday freeze';
function checkDate(text) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    const date = match ? new Date(`${text}T00:00:00Z`) : undefined;
    if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
        throw new Error(`${JSON.stringify(text)} is not a date (YYYY-MM-DD)`);
    }
    return text;
}
/** One `freeze` line: `FROM..TO [zone] [reason]`, both days inclusive, default zone UTC. */
function parseFreeze(line) {
    const [range = '', ...rest] = line.trim().split(/\s+/);
    try {
        const [from, to, extra] = range.split('..');
        if (from === undefined || extra !== undefined) {
            throw new Error(`${JSON.stringify(range)} is not a date range (FROM..TO)`);
        }
        const first = checkDate(from);
        const last = checkDate(to ?? from);
        if (last < first)
            throw new Error(`it ends (${last}) before it starts (${first})`);
        // A word with a slash can only be meant as a zone: a misspelt one is an error, not a reason.
        const zone = rest[0] !== undefined && (rest[0].includes('/') || isZoneWord(rest[0]))
            ? zoneOf(rest[0])
            : undefined;
        const reason = (zone === undefined ? rest : rest.slice(1)).join(' ');
        return {
            source: line.trim(),
            from: first,
            to: last,
            zone: zone ?? 'UTC',
            reason: reason || undefined,
        };
    }
    catch (err) {
        throw new Error(`${JSON.stringify(line)} is not a freeze: ${err instanceof Error ? err.message : String(err)} (example: ${FREEZE_EXAMPLE})`);
    }
}
function clock(minutes) {
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
/** Whether `at` falls in the window: on one of its days, from start (inclusive) to end (exclusive). */
function inWindow(window, at) {
    const now = zonedTime(at, window.zone);
    if (window.endMinutes > window.startMinutes) {
        return (window.days.has(now.weekday) &&
            now.minutes >= window.startMinutes &&
            now.minutes < window.endMinutes);
    }
    // Past midnight: the evening part belongs to today, the early part to yesterday's window.
    if (window.days.has(now.weekday) && now.minutes >= window.startMinutes)
        return true;
    const yesterday = (now.weekday + 6) % 7;
    return window.days.has(yesterday) && now.minutes < window.endMinutes;
}
/** The deploy-window gate: open when any window holds `at` (no windows: always open). */
function checkWindows(windows, at) {
    if (windows.length === 0)
        return { open: true, reason: 'no deploy window set' };
    const match = windows.find((window) => inWindow(window, at));
    if (match)
        return { open: true, reason: `inside ${match.source}` };
    const local = windows
        .map((window) => {
        const now = zonedTime(at, window.zone);
        return `${DAYS[now.weekday]?.replace(/^./, (c) => c.toUpperCase())} ${clock(now.minutes)} ${window.zone}`;
    })
        .filter((text, index, all) => all.indexOf(text) === index);
    return {
        open: false,
        reason: `${local.join(' / ')} is outside ${windows.map((window) => window.source).join('; ')}`,
    };
}
/** The freeze gate: closed when `at`'s date, in a freeze's zone, is within it. */
function checkFreezes(freezes, at) {
    for (const freeze of freezes) {
        const today = zonedTime(at, freeze.zone).date;
        if (today >= freeze.from && today <= freeze.to) {
            const why = freeze.reason ? ` (${freeze.reason})` : '';
            return {
                open: false,
                reason: `${today} ${freeze.zone} is inside the freeze ${freeze.from}..${freeze.to}${why}`,
            };
        }
    }
    return {
        open: true,
        reason: freezes.length === 0 ? 'no freeze set' : 'outside every freeze',
    };
}
/** The moment time gates are evaluated at: FLIGHTDECK_NOW (ISO 8601) when set, else now. */
function gateClock(env = process.env) {
    const text = env.FLIGHTDECK_NOW?.trim();
    if (!text)
        return new Date();
    const at = new Date(text);
    // An offset is required: a bare local time would be read in the runner's own zone.
    if (Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
        throw new Error(`FLIGHTDECK_NOW ${JSON.stringify(text)} is not an ISO 8601 time (example: 2026-12-18T18:00:00+01:00)`);
    }
    return at;
}

;// CONCATENATED MODULE: ./shared/gates/deploy-window.ts
// The deploy-window gate: deploy only inside one of the windows (`Mon-Fri 09:00-17:00
// America/Los_Angeles`); override-gates lets a deploy outside them through.



const deployWindowGate = defineGate({
    name: 'deploy-window',
    inputs: {
        'deploy-window': (0,shared_inputs/* withDefault */.IQ)((0,shared_inputs/* parser */.K3)((value) => (0,shared_inputs/* splitLines */.uz)(value).map(parseDeployWindow)), ''),
    },
    overridable: true,
    configured: (inputs) => inputs['deploy-window'].length > 0,
    evaluate: async (inputs) => checkWindows(inputs['deploy-window'], gateClock()),
});

// EXTERNAL MODULE: ./shared/secrets.ts
var secrets = __nccwpck_require__(5931);
;// CONCATENATED MODULE: ./shared/gates/env.ts
// The require-env gate: the variables a deploy needs are set and not empty. Their values are
// credentials (a DSN, a deploy key): each is masked as soon as the gate reads it, so a deploy
// command that echoes one cannot put it in the log, the Deployment status, the deployment
// record or what notify sends on from it.



const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * require-env values shorter than this are switches (`yes`, `1`), not credentials: masking one
 * would turn every `yes` in the log into `***` and protect nothing a guess would not find (the
 * same floor as shared/github/redact).
 */
const MIN_MASKED_LENGTH = 4;
function checkRequiredEnv(names, env = process.env) {
    for (const name of names) {
        const value = env[name];
        if (value && value.trim().length >= MIN_MASKED_LENGTH)
            (0,secrets/* maskSecret */.$l)(value);
    }
    const missing = names.filter((name) => !env[name]?.trim());
    return missing.length === 0
        ? { open: true, reason: `${names.join(', ')} set` }
        : { open: false, reason: `not set or empty: ${missing.join(', ')}` };
}
const requireEnvGate = defineGate({
    name: 'require-env',
    inputs: {
        'require-env': (0,shared_inputs/* withDefault */.IQ)((0,shared_inputs/* parser */.K3)((value) => (0,shared_inputs/* splitList */.ry)(value).map((name) => {
            if (!ENV_NAME.test(name)) {
                throw new Error(`${(0,shared_inputs/* quote */.hD)(name)} is not an environment variable name (example: FLY_API_TOKEN)`);
            }
            return name;
        })), ''),
    },
    configured: (inputs) => inputs['require-env'].length > 0,
    evaluate: async (inputs) => checkRequiredEnv(inputs['require-env']),
});

;// CONCATENATED MODULE: ./shared/gates/freeze.ts
// The freeze gate: no deploy on the days of a freeze (`2026-12-20..2027-01-02 Europe/Berlin
// holiday freeze`); override-gates lets a deploy through.



const freezeGate = defineGate({
    name: 'freeze',
    inputs: {
        freeze: (0,shared_inputs/* withDefault */.IQ)((0,shared_inputs/* parser */.K3)((value) => (0,shared_inputs/* splitLines */.uz)(value).map(parseFreeze)), ''),
    },
    overridable: true,
    configured: (inputs) => inputs.freeze.length > 0,
    evaluate: async (inputs) => checkFreezes(inputs.freeze, gateClock()),
});

;// CONCATENATED MODULE: ./shared/gates/checks.ts
// The required-checks gate: the commit being deployed must have passed its checks (check runs
// and commit statuses), waiting for pending ones and for named ones that have not appeared yet,
// up to a time limit. This run's own jobs never count: they are still running this deploy.




// Conclusions GitHub shows as green or grey: a skipped or neutral check blocks nothing.
const PASSING = new Set(['success', 'neutral', 'skipped']);
function fromCheckRun(run) {
    if (run.status !== 'completed')
        return { name: run.name, state: 'pending', detail: run.status };
    const conclusion = run.conclusion ?? 'none';
    return {
        name: run.name,
        state: PASSING.has(conclusion) ? 'passed' : 'failed',
        detail: `completed/${conclusion}`,
    };
}
function fromStatus(status) {
    const state = status.state === 'success' ? 'passed' : status.state === 'pending' ? 'pending' : 'failed';
    return { name: status.context, state, detail: status.state };
}
/** Every check on the commit but this run's own jobs, newest of each name. */
async function readChecks(options) {
    const { client, owner, repo, sha } = options;
    const ownRun = new RegExp(`/actions/runs/${options.runId}(/|$)`);
    const [runs, statuses] = await Promise.all([
        client.paginate(client.rest.checks.listForRef, {
            owner,
            repo,
            ref: sha,
            filter: 'latest',
            per_page: 100,
        }),
        client.paginate(client.rest.repos.listCommitStatusesForRef, {
            owner,
            repo,
            ref: sha,
            per_page: 100,
        }),
    ]);
    const checks = new Map();
    for (const run of runs) {
        if (options.runId && ownRun.test(run.details_url ?? ''))
            continue;
        if (!checks.has(run.name))
            checks.set(run.name, fromCheckRun(run));
    }
    // Statuses come newest first; the first of each context is its current state.
    for (const status of statuses) {
        if (!checks.has(status.context))
            checks.set(status.context, fromStatus(status));
    }
    return [...checks.values()];
}
function list(checks) {
    return checks.map((check) => `${check.name} (${check.detail})`).join(', ');
}
/** The verdict on one look: open, closed, or still waiting (undefined) with what for. */
function judge(checks, required) {
    const relevant = required === 'all' ? checks : checks.filter((check) => required.includes(check.name));
    const failed = relevant.filter((check) => check.state === 'failed');
    if (failed.length > 0) {
        return {
            verdict: { open: false, reason: `failed: ${list(failed)}`, checks: relevant },
            waitingFor: '',
        };
    }
    const missing = required === 'all' ? [] : required.filter((name) => !checks.some((c) => c.name === name));
    const pending = relevant.filter((check) => check.state === 'pending');
    if (missing.length === 0 && pending.length === 0) {
        const reason = relevant.length === 0
            ? 'no other checks on this commit'
            : `${relevant.length} passed: ${relevant.map((check) => check.name).join(', ')}`;
        return { verdict: { open: true, reason, checks: relevant }, waitingFor: '' };
    }
    const waiting = [
        ...pending.map((check) => `${check.name} (${check.detail})`),
        ...missing.map((name) => `${name} (not reported yet)`),
    ];
    return { waitingFor: waiting.join(', ') };
}
/**
 * Looks at the commit's checks until the required ones have all passed (open), one has failed
 * (closed at once), or the time limit passes (closed, naming what was still pending).
 */
async function checkRequiredChecks(options) {
    const started = performance.now();
    const deadline = started + options.timeoutMs;
    for (;;) {
        const checks = await readChecks(options);
        const { verdict, waitingFor } = judge(checks, options.required);
        if (verdict)
            return verdict;
        const left = deadline - performance.now();
        if (left <= 0) {
            return {
                open: false,
                reason: `still waiting after ${(0,durations/* formatDuration */.a3)(options.timeoutMs)} for ${waitingFor}`,
                checks,
            };
        }
        options.log(`Waiting for checks on ${options.sha.slice(0, 7)}: ${waitingFor}; ${(0,durations/* formatDuration */.a3)(left)} left`);
        await (0,sleep/* sleep */.y)(Math.min(options.intervalMs, left));
    }
}
const requireChecksGate = defineGate({
    name: 'require-checks',
    inputs: {
        'require-checks': (0,shared_inputs/* withDefault */.IQ)((0,shared_inputs/* parser */.K3)((value) => {
            const names = (0,shared_inputs/* splitList */.ry)(value);
            if (names.length === 1 && names[0]?.toLowerCase() === 'all')
                return 'all';
            if (names.some((name) => name.toLowerCase() === 'all')) {
                throw new Error('"all" cannot be combined with check names (example: all, or test, lint)');
            }
            return names;
        }), ''),
        'checks-timeout': (0,shared_inputs/* withDefault */.IQ)((0,shared_inputs/* duration */.p0)('10m'), '10m'),
    },
    configured: (inputs) => inputs['require-checks'] === 'all' || inputs['require-checks'].length > 0,
    evaluate: async (inputs, { context, github, intervalMs, log }) => {
        const client = await github();
        if (!client)
            return { open: false, reason: 'needs github-token (checks: read) to see the checks' };
        return checkRequiredChecks({
            client,
            owner: context.owner,
            repo: context.repo,
            sha: context.sha,
            runId: process.env.GITHUB_RUN_ID ?? '',
            required: inputs['require-checks'],
            timeoutMs: inputs['checks-timeout'],
            intervalMs,
            log,
        });
    },
});

// EXTERNAL MODULE: ./shared/http/verify.ts
var verify = __nccwpck_require__(4458);
;// CONCATENATED MODULE: ./shared/gates/require-healthy.ts
// The require-healthy gate: another service the deploy depends on (a staging API, a database
// proxy) answers healthy before anything is deployed. It expects the statuses the deploy's own
// health check expects (health-expected-status), without its headers or JSON assertions.




const inputs = {
    'require-healthy': (0,shared_inputs/* withDefault */.IQ)((0,shared_inputs/* httpUrls */.bw)('https://staging.example.com/health'), ''),
    'require-healthy-timeout': (0,shared_inputs/* withDefault */.IQ)((0,shared_inputs/* duration */.p0)('2m', { minMs: 1 }), '2m'),
};
const requireHealthyGate = defineGate({
    name: 'require-healthy',
    inputs,
    configured: (inputs) => inputs['require-healthy'].length > 0,
    evaluate: async (inputs) => {
        const { verifyHealth } = await Promise.resolve(/* import() */).then(__nccwpck_require__.bind(__nccwpck_require__, 4458));
        const report = await verifyHealth({
            urls: inputs['require-healthy'],
            headers: {},
            expect: { statuses: inputs['health-expected-status'], jsonAssertions: [] },
            timeoutMs: inputs['require-healthy-timeout'],
        });
        return report.healthy
            ? { open: true, reason: `healthy after ${(0,durations/* formatDuration */.a3)(report.durationMs)}` }
            : { open: false, reason: (0,verify/* unhealthyReasons */.s)(report) };
    },
});

;// CONCATENATED MODULE: ./shared/gates/registry.ts
// Every gate gated-deploy runs, in the order it runs them. Adding a gate is one module (see
// gate.ts) and one line here: its inputs join gated-deploy's schema, and its verdict the log,
// the deployment record and `blocked-by`.






const GATES = [
    deployWindowGate,
    freezeGate,
    requireEnvGate,
    requireChecksGate,
    requireHealthyGate,
    concurrencyGate,
];
/** The inputs of every gate, for gated-deploy's input schema (in the gates' order). */
const gateInputSchema = Object.assign({}, ...GATES.map((gate) => gate.inputs));
/** The gates to run for these inputs, each ready to evaluate. */
function buildGates(inputs, env) {
    return GATES.map((spec) => ({
        name: spec.name,
        configured: spec.configured(inputs),
        ...(spec.overridable ? { override: inputs['override-gates'] } : {}),
        evaluate: () => spec.evaluate(inputs, env),
    }));
}

;// CONCATENATED MODULE: ./shared/gates/run.ts
// Evaluates a deploy's gates in order, each with its verdict and reason, and stops at the
// first closed one: nothing after it (and no platform call) happens. A gate that cannot be
// evaluated (GitHub unreachable, say) is closed: a deploy gate fails safe.

const MARK = {
    passed: '✓',
    failed: '✗',
    overridden: '⚠',
    'not set': '·',
    'not evaluated': '·',
};
function describeGate(report) {
    return `${MARK[report.verdict]} ${report.gate}: ${report.verdict === 'passed' ? '' : `${report.verdict}, `}${report.reason}`;
}
async function runGates(gates, log) {
    const reports = [];
    let blockedBy;
    for (const gate of gates) {
        const started = performance.now();
        let report;
        if (blockedBy) {
            report = {
                gate: gate.name,
                verdict: 'not evaluated',
                reason: `${blockedBy.gate} is closed`,
                durationMs: 0,
            };
        }
        else if (!gate.configured) {
            report = { gate: gate.name, verdict: 'not set', reason: 'no input given', durationMs: 0 };
        }
        else {
            let open;
            let reason;
            try {
                ;
                ({ open, reason } = await gate.evaluate());
            }
            catch (err) {
                open = false;
                reason = `could not be evaluated: ${(0,errors/* errorMessage */.gJ)(err)}`;
            }
            const durationMs = Math.round(performance.now() - started);
            if (open)
                report = { gate: gate.name, verdict: 'passed', reason, durationMs };
            else if (gate.override !== undefined) {
                report = {
                    gate: gate.name,
                    verdict: 'overridden',
                    reason: `${reason}; overridden: ${gate.override}`,
                    durationMs,
                };
            }
            else {
                report = { gate: gate.name, verdict: 'failed', reason, durationMs };
                blockedBy = report;
            }
        }
        reports.push(report);
        log(describeGate(report));
    }
    return { open: blockedBy === undefined, blockedBy, reports };
}

// EXTERNAL MODULE: ./shared/github/context.ts
var github_context = __nccwpck_require__(3643);
;// CONCATENATED MODULE: ./shared/outputs.ts

/** Sets every output in one place, so an action's outputs read as one typed record. */
function setOutputs(outputs) {
    for (const [name, value] of Object.entries(outputs)) {
        runner_protocol/* setOutput */.uH(name, value === undefined ? '' : String(value));
    }
}

// EXTERNAL MODULE: ./shared/analysis/format.ts
var format = __nccwpck_require__(5098);
// EXTERNAL MODULE: ./shared/analysis/judge.ts
var analysis_judge = __nccwpck_require__(9182);
// EXTERNAL MODULE: ./shared/analysis/samples.ts
var analysis_samples = __nccwpck_require__(730);
;// CONCATENATED MODULE: ./shared/analysis/report.ts
// The analysis' results for the world: the `analysis` output (and the deployment record's copy)
// from the windows run, and the job summary's Markdown: a table with a row per step and a
// Mermaid chart of p95 per window with the baseline and the limit.




const round = (value, decimals = 0) => Number(value.toFixed(decimals));
/** The output when `analysis-duration` is 0. */
function analysisOff() {
    return { verdict: 'off', reason: 'analysis-duration is 0', samples: 0, metrics: [] };
}
/**
 * The `analysis` output from the windows run, in order. The verdict and reason are the last
 * window's (a failed or inconclusive step ends a rollout, so the last window is the deciding
 * one); samples and the error rate are totals over all windows; p50 and p95 are the deciding
 * window's, as percentiles of separate windows do not add up. `metrics` are every window's
 * values in order, thinned evenly to at most 200. `steps` only when windows carry a percent.
 */
function analysisResult(windows, baseline) {
    const last = windows[windows.length - 1];
    if (last === undefined) {
        return { verdict: 'inconclusive', reason: 'no analysis window ran', samples: 0, metrics: [] };
    }
    const samples = windows.reduce((sum, { report }) => sum + report.samples, 0);
    const failed = windows.reduce((sum, { report }) => sum + (report.errorRate * report.samples) / 100, 0);
    const metrics = new analysis_samples/* EvenlyThinned */.K4();
    for (const { report } of windows)
        for (const value of report.metrics)
            metrics.add(value);
    const stepped = windows.some((window) => window.percent !== undefined);
    // At most 120 characters: a Deployment description holds 140, with `Rolled back to v41: `.
    const reason = (0,format/* oneLine */.TN)(stepped && last.report.verdict !== 'pass' && last.percent !== undefined
        ? `at ${last.percent}%: ${last.report.reason}`
        : last.report.reason, 120);
    const result = {
        verdict: last.report.verdict,
        reason,
        samples,
        metrics: metrics.items(),
    };
    if (samples > 0)
        result.errorRate = round((failed / samples) * 100, 2);
    if (last.report.p50 !== undefined)
        result.p50 = round(last.report.p50);
    if (last.report.p95 !== undefined)
        result.p95 = round(last.report.p95);
    if (baseline)
        result.baseline = { p50: round(baseline.p50), p95: round(baseline.p95) };
    if (stepped)
        result.steps = windows.map(stepReport);
    return result;
}
function stepReport({ percent, report, rolledBack }) {
    const step = {
        percent: percent ?? 100,
        verdict: report.verdict,
        samples: report.samples,
        errorRate: round(report.errorRate, 2),
    };
    if (report.p95 !== undefined)
        step.p95 = round(report.p95);
    if (rolledBack)
        step.rolledBack = true;
    return step;
}
/** The limits in force, in words: `error rate ≤ 5% · p95 ≤ 800ms · metric < 0.05`. */
function limitsText(settings, baseline) {
    const { limits } = settings;
    const parts = [];
    if (limits.maxErrorRate !== undefined)
        parts.push(`error rate ≤ ${(0,format/* formatPercent */.l9)(limits.maxErrorRate)}`);
    if (limits.maxLatencyP95Ms !== undefined)
        parts.push(`p95 ≤ ${(0,format/* formatMs */._V)(limits.maxLatencyP95Ms)}`);
    if (limits.maxLatencyRegression !== undefined) {
        parts.push(baseline
            ? `p95 ≤ ${limits.maxLatencyRegression}x the baseline's ${(0,format/* formatMs */._V)(baseline.p95)}`
            : `p95 ≤ ${limits.maxLatencyRegression}x the baseline (none measured)`);
    }
    if (limits.prometheus)
        parts.push(`metric ${limits.prometheus.condition.text}`);
    parts.push(`failure-limit ${settings.failureLimit}`, `inconclusive-limit ${settings.inconclusiveLimit}`);
    return parts.join(' · ');
}
const dash = (value, format) => value === undefined ? '–' : format(value);
/** `pass`, `fail (rolled back, ended early)`. */
function verdictCell({ report, rolledBack }) {
    const notes = [rolledBack ? 'rolled back' : '', report.endedEarly ? 'ended early' : ''];
    const shown = notes.filter((note) => note !== '');
    return shown.length > 0 ? `${report.verdict} (${shown.join(', ')})` : report.verdict;
}
/** A window's name in the table and above its chart. */
function windowName(window, index, count) {
    if (window.percent !== undefined)
        return `${window.percent}%`;
    return count > 1 ? `window ${index + 1}` : 'after the deploy';
}
/**
 * The chart of one window: p95 at each measurement, and the baseline's p95 and each latency
 * limit as flat lines. Mermaid's xychart grammar takes plain decimals only (no exponent, NaN or
 * Infinity) and a quoted label must not hold `"`: every number is a rounded integer and every
 * label is built here from digits and colons. The lines are named in the text above the chart
 * (a series' own name is not shown by every Mermaid version GitHub has run).
 */
function p95Chart(report, settings, baseline) {
    const points = report.measurements.filter((measurement) => measurement.p95 !== undefined && Number.isFinite(measurement.p95));
    if (points.length === 0)
        return undefined;
    const series = [{ name: 'p95 so far' }];
    if (baseline)
        series.push({ name: `the baseline's p95 (${(0,format/* formatMs */._V)(baseline.p95)})`, value: baseline.p95 });
    const { maxLatencyP95Ms, maxLatencyRegression } = settings.limits;
    if (maxLatencyP95Ms !== undefined) {
        series.push({ name: `the limit (${(0,format/* formatMs */._V)(maxLatencyP95Ms)})`, value: maxLatencyP95Ms });
    }
    if (maxLatencyRegression !== undefined && baseline) {
        const limit = (0,analysis_judge/* regressionLimitMs */.z8)(maxLatencyRegression, baseline);
        series.push({
            name: `${maxLatencyRegression}x the baseline (${(0,format/* formatMs */._V)(limit)})`,
            value: limit,
        });
    }
    const values = points.map((point) => Math.round(point.p95));
    const top = Math.max(...values, ...series.map((line) => Math.round(line.value ?? 0)), 1);
    const lines = series.map((line) => line.value === undefined ? values : points.map(() => Math.round(line.value)));
    const mermaid = [
        '```mermaid',
        'xychart-beta',
        '  title "p95 latency (ms)"',
        `  x-axis "time" [${points.map((point) => `"${(0,format/* formatElapsed */.C7)(point.atMs, settings.intervalMs)}"`).join(', ')}]`,
        `  y-axis "ms" 0 --> ${Math.ceil(top * 1.1)}`,
        ...lines.map((line) => `  line [${line.join(', ')}]`),
        '```',
    ].join('\n');
    const legend = series.length === 1
        ? 'The line: p95 so far.'
        : `Lines, in order: ${series.map((line) => line.name).join('; ')}.`;
    return { legend, mermaid };
}
/** The job summary's section on the analysis. */
function analysisMarkdown(result, windows, settings, baseline) {
    const sections = [`### Post-deploy analysis: ${result.verdict}`, escapeMarkdown(result.reason)];
    if (result.verdict === 'off')
        return sections.join('\n\n');
    sections.push(`Limits: ${escapeMarkdown(limitsText(settings, baseline))}`);
    if (baseline) {
        sections.push(escapeMarkdown(`Baseline (the release serving before): p50 ${(0,format/* formatMs */._V)(baseline.p50)}, p95 ${(0,format/* formatMs */._V)(baseline.p95)} over ${baseline.samples} samples`));
    }
    const rows = windows.map((window, index) => [
        windowName(window, index, windows.length),
        verdictCell(window),
        String(window.report.samples),
        (0,format/* formatPercent */.l9)(window.report.errorRate),
        dash(window.report.p50, format/* formatMs */._V),
        dash(window.report.p95, format/* formatMs */._V),
        dash(window.report.metrics[window.report.metrics.length - 1], format/* formatMetric */.gI),
    ]);
    sections.push(markdownTable(['step', 'verdict', 'samples', 'error rate', 'p50', 'p95', 'metric (last)'], rows));
    windows.forEach((window, index) => {
        const chart = p95Chart(window.report, settings, baseline);
        if (!chart)
            return;
        sections.push(`#### p95 ${escapeMarkdown(window.percent === undefined ? windowName(window, index, windows.length) : `at ${window.percent}%`)}`, escapeMarkdown(chart.legend), chart.mermaid);
    });
    return sections.join('\n\n');
}

// EXTERNAL MODULE: ./shared/process.ts + 1 modules
var shared_process = __nccwpck_require__(8548);
;// CONCATENATED MODULE: ./shared/providers/specs/cloudflare.ts

const cloudflareSpec = {
    name: 'cloudflare',
    title: 'Cloudflare Workers',
    tokenEnv: ['CLOUDFLARE_API_TOKEN'],
    cli: {
        tool: 'wrangler',
        install: { from: 'npm', package: 'wrangler', bin: 'wrangler' },
        tokenCheck: {
            env: 'CLOUDFLARE_API_TOKEN',
            unset: ['CLOUDFLARE_API_KEY', 'CLOUDFLARE_EMAIL'],
            // Plain `wrangler whoami` exits 0 when not logged in; with --json it fails.
            args: ['whoami', '--json'],
            identity: (stdout, args) => {
                const parsed = (0,shared_process/* parseCliJson */.ew)('wrangler', args, stdout);
                if (parsed?.loggedIn !== true)
                    throw new Error('wrangler says the token is not logged in');
                const accounts = Array.isArray(parsed.accounts) ? parsed.accounts : [];
                const account = accounts[0]?.name;
                return String(parsed.email ?? account ?? parsed.authType ?? 'an API token');
            },
        },
    },
    needsApp: true,
    inputs: ['api-url', 'account-id'],
    capabilities: { releases: true, rollback: true, previews: 'project', trafficSplit: true },
    checks: {
        preview: (inputs) => inputs.app
            ? []
            : [
                '`app` is required for cloudflare previews: the Worker whose versions they are (example: app: my-worker)',
            ],
    },
    load: async () => (await __nccwpck_require__.e(/* import() */ 446).then(__nccwpck_require__.bind(__nccwpck_require__, 5446))).createCloudflareProvider,
};

;// CONCATENATED MODULE: ./shared/providers/specs/command.ts
/** With traffic steps the user's router moves the shares: `traffic-command` says how. */
function trafficProblems(inputs) {
    return inputs['traffic-command']
        ? []
        : [
            '`traffic-command` is required for provider `command` when `traffic-steps` moves traffic a share at a time (example: ./scripts/route.sh); it runs with FLIGHTDECK_RELEASE_ID, FLIGHTDECK_PREVIOUS_RELEASE_ID and FLIGHTDECK_TRAFFIC_PERCENT',
        ];
}
const commandSpec = {
    name: 'command',
    title: 'your own commands',
    tokenEnv: [],
    needsApp: false,
    inputs: ['deploy-command', 'releases-command', 'rollback-command', 'traffic-command'],
    capabilities: { releases: true, rollback: true, trafficSplit: true },
    previewsInstead: 'run your own preview commands in a step',
    checks: {
        deploy: (inputs, { rollsBack, trafficSteps }) => {
            const problems = [];
            for (const name of ['deploy-command', 'releases-command']) {
                if (!inputs[name]) {
                    problems.push(`\`${name}\` is required for provider \`command\` (example: ./scripts/${name.split('-')[0]}.sh)`);
                }
            }
            if (rollsBack && !inputs['rollback-command']) {
                problems.push('`rollback-command` is required for provider `command` when auto-rollback is on (example: ./scripts/rollback.sh), or set auto-rollback: false');
            }
            if (trafficSteps)
                problems.push(...trafficProblems(inputs));
            return problems;
        },
        rollback: (inputs, { dryRun }) => {
            const problems = [];
            if (!inputs['releases-command']) {
                problems.push('`releases-command` is required for provider `command` (example: ./scripts/releases.sh)');
            }
            if (!inputs['rollback-command'] && !dryRun) {
                problems.push('`rollback-command` is required for provider `command` (example: kubectl rollout undo deployment/web)');
            }
            return problems;
        },
    },
    load: async () => (await __nccwpck_require__.e(/* import() */ 346).then(__nccwpck_require__.bind(__nccwpck_require__, 1346))).createCommandProvider,
};

;// CONCATENATED MODULE: ./shared/providers/specs/identity.ts
// Reading who a token belongs to from a CLI's who-am-I output (the token check `setup` runs).

/** A string field of the CLI's JSON output; no such field means the token proved nothing. */
function jsonField(tool, field) {
    return (stdout, args) => {
        const parsed = (0,shared_process/* parseCliJson */.ew)(tool, args, stdout);
        const value = parsed?.[field];
        if (typeof value !== 'string' || value === '') {
            throw new Error(`\`${tool} ${args.join(' ')}\` printed no ${field}`);
        }
        return value;
    };
}
/** The last non-empty line the CLI printed. */
const lastLine = (stdout) => stdout
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .at(-1) ?? 'unknown user';

;// CONCATENATED MODULE: ./shared/providers/specs/fly.ts

const flySpec = {
    name: 'fly',
    title: 'Fly.io',
    // flyctl prefers FLY_ACCESS_TOKEN over FLY_API_TOKEN; both carry a Fly credential.
    tokenEnv: ['FLY_API_TOKEN', 'FLY_ACCESS_TOKEN'],
    cli: {
        tool: 'flyctl',
        install: { from: 'flyctl-releases' },
        tokenCheck: {
            env: 'FLY_API_TOKEN',
            unset: ['FLY_ACCESS_TOKEN'],
            args: ['auth', 'whoami', '--json'],
            identity: jsonField('flyctl', 'email'),
        },
    },
    needsApp: true,
    inputs: [],
    trafficInstead: "Fly's `strategy: canary` checks one machine first; it is not a traffic split",
    capabilities: {
        releases: true,
        rollback: true,
        previews: 'apps',
        strategies: ['rolling', 'bluegreen', 'canary', 'immediate'],
    },
    load: async () => (await __nccwpck_require__.e(/* import() */ 986).then(__nccwpck_require__.bind(__nccwpck_require__, 6986))).createFlyProvider,
};

;// CONCATENATED MODULE: ./shared/providers/specs/railway.ts

const railwaySpec = {
    name: 'railway',
    title: 'Railway',
    tokenEnv: ['RAILWAY_TOKEN', 'RAILWAY_API_TOKEN'],
    cli: {
        tool: 'railway',
        install: { from: 'npm', package: '@railway/cli', bin: 'railway' },
        // Railway's project tokens (RAILWAY_TOKEN, what the railway provider uses) cannot read the
        // user, so `railway whoami` rejects them; `railway status` reads the token's project instead.
        tokenCheck: {
            env: 'RAILWAY_TOKEN',
            unset: ['RAILWAY_API_TOKEN'],
            args: ['status', '--json'],
            identity: (stdout, args) => `project ${jsonField('railway', 'name')(stdout, args)}`,
        },
    },
    needsApp: true,
    inputs: ['api-url', 'environment-id', 'project-id'],
    capabilities: { releases: true, rollback: true },
    previewsInstead: 'use Railway PR environments (project settings)',
    trafficInstead: 'Railway health checks gate the switch to a new deployment, all at once',
    load: async () => (await __nccwpck_require__.e(/* import() */ 397).then(__nccwpck_require__.bind(__nccwpck_require__, 397))).createRailwayProvider,
};

;// CONCATENATED MODULE: ./shared/providers/specs/render.ts
const renderSpec = {
    name: 'render',
    title: 'Render',
    tokenEnv: ['RENDER_API_KEY'],
    needsApp: true,
    inputs: ['api-url'],
    capabilities: { releases: true, rollback: true },
    previewsInstead: 'use Render preview environments (render.yaml previews)',
    load: async () => (await __nccwpck_require__.e(/* import() */ 719).then(__nccwpck_require__.bind(__nccwpck_require__, 5719))).createRenderProvider,
};

;// CONCATENATED MODULE: ./shared/providers/specs/vercel.ts

const vercelSpec = {
    name: 'vercel',
    title: 'Vercel',
    tokenEnv: ['VERCEL_TOKEN'],
    cli: {
        tool: 'vercel',
        install: { from: 'npm', package: 'vercel', bin: 'vercel' },
        tokenCheck: { env: 'VERCEL_TOKEN', unset: [], args: ['whoami'], identity: lastLine },
    },
    needsApp: true,
    inputs: ['api-url', 'project-id', 'org-id'],
    // Traffic steps through rolling releases, where the team's plan has them (Pro, Enterprise).
    capabilities: { releases: true, rollback: true, previews: 'project', trafficSplit: true },
    checks: {
        preview: (inputs) => inputs.app || inputs['project-id']
            ? []
            : [
                '`app` is required for vercel previews: the Vercel project they are deployments of (example: app: my-project)',
            ],
    },
    load: async () => (await __nccwpck_require__.e(/* import() */ 216).then(__nccwpck_require__.bind(__nccwpck_require__, 4454))).createVercelProvider,
};

;// CONCATENATED MODULE: ./shared/providers/registry.ts






const PROVIDER_SPECS = {
    fly: flySpec,
    cloudflare: cloudflareSpec,
    vercel: vercelSpec,
    railway: railwaySpec,
    render: renderSpec,
    command: commandSpec,
};
const PROVIDER_NAMES = Object.keys(PROVIDER_SPECS);
function providerSpec(name) {
    return PROVIDER_SPECS[name];
}
/** The providers a spec says yes to, in registry order (for messages and docs). */
function providersWhere(test) {
    return PROVIDER_NAMES.filter((name) => Boolean(test(PROVIDER_SPECS[name])));
}
async function createProvider(name, config) {
    const create = await PROVIDER_SPECS[name].load();
    return create(config);
}

;// CONCATENATED MODULE: ./shared/providers/spec.ts
/** The inputs only some providers read (each provider's spec says which). */
const PROVIDER_SPECIFIC_INPUTS = [
    'api-url',
    'account-id',
    'environment-id',
    'project-id',
    'org-id',
    'deploy-command',
    'releases-command',
    'rollback-command',
    'traffic-command',
];

;// CONCATENATED MODULE: ./shared/providers/inputs.ts






/**
 * Names that reach a CLI as one argument each. A leading dash would read as a flag, and
 * whitespace or shell characters are never part of a real app, service or release name.
 */
const PLATFORM_NAME = /^[A-Za-z0-9][A-Za-z0-9._:@/+=-]*$/;
const platformName = (example) => (0,shared_inputs/* parser */.K3)((value) => {
    if (!PLATFORM_NAME.test(value)) {
        throw new Error(`${(0,shared_inputs/* quote */.hD)(value)} is not an app, service or release name: letters, digits and . _ : @ / + = - only, not starting with - (example: ${example})`);
    }
    return value;
});
/** The inputs every action that talks to a platform shares. */
const providerInputSchema = {
    provider: (0,shared_inputs/* withDefault */.IQ)((0,shared_inputs/* oneOf */.yL)(PROVIDER_NAMES), 'fly'),
    app: (0,shared_inputs/* optional */.lq)(platformName('my-app')),
    token: (0,shared_inputs/* secret */.rJ)(),
    'api-url': (0,shared_inputs/* optional */.lq)((0,shared_inputs/* httpUrl */.q3)('https://api.render.com/v1')),
    'command-timeout': (0,shared_inputs/* withDefault */.IQ)((0,shared_inputs/* duration */.p0)('10m', { minMs: 1 }), '10m'),
    'account-id': (0,shared_inputs/* optional */.lq)((0,shared_inputs/* text */.Qq)()),
    'environment-id': (0,shared_inputs/* optional */.lq)((0,shared_inputs/* text */.Qq)()),
    'project-id': (0,shared_inputs/* optional */.lq)((0,shared_inputs/* text */.Qq)()),
    'org-id': (0,shared_inputs/* optional */.lq)((0,shared_inputs/* text */.Qq)()),
    'deploy-command': (0,shared_inputs/* optional */.lq)((0,shared_inputs/* text */.Qq)()),
    'releases-command': (0,shared_inputs/* optional */.lq)((0,shared_inputs/* text */.Qq)()),
    'rollback-command': (0,shared_inputs/* optional */.lq)((0,shared_inputs/* text */.Qq)()),
};
/**
 * The provider inputs only an action that moves traffic a share at a time reads (gated-deploy
 * with `traffic-steps`): kept apart so `rollback` and `preview-app` never declare them.
 */
const trafficProviderInputSchema = {
    'traffic-command': (0,shared_inputs/* optional */.lq)((0,shared_inputs/* text */.Qq)()),
};
/** Checks what a provider needs that a schema cannot see alone; returns the problems. */
function providerInputProblems(inputs) {
    if (providerSpec(inputs.provider).needsApp && !inputs.app) {
        return [`\`app\` is required for provider \`${inputs.provider}\` (example: my-app)`];
    }
    return [];
}
/** The values a provider's own input checks read (its spec's `checks`). */
function providerSettingValues(inputs) {
    const values = {
        app: inputs.app,
    };
    for (const name of PROVIDER_SPECIFIC_INPUTS)
        values[name] = inputs[name];
    return values;
}
/**
 * Which provider-specific inputs each provider reads, from the providers' specs; a test derives
 * it again from each provider's source and fails when the two disagree.
 */
const INPUTS_READ_BY = Object.fromEntries(PROVIDER_NAMES.map((name) => [name, providerSpec(name).inputs]));
/**
 * The provider-specific inputs given that the chosen provider never reads (`releases-command`
 * with `provider: fly`), each named in a warning: a setting that silently does nothing is
 * usually a provider chosen wrongly.
 */
function warnUnreadProviderInputs(inputs, warn = (message) => runner_protocol/* warning */.$e(message, { title: 'input not used' })) {
    const read = new Set(INPUTS_READ_BY[inputs.provider]);
    const unread = PROVIDER_SPECIFIC_INPUTS.filter((name) => inputs[name] !== undefined && inputs[name] !== '' && !read.has(name));
    for (const name of unread) {
        const readers = PROVIDER_NAMES.filter((provider) => INPUTS_READ_BY[provider].includes(name));
        warn(`\`${name}\` is set, but provider \`${inputs.provider}\` never reads it (only ${readers.join(', ')} ${readers.length === 1 ? 'does' : 'do'}): it has no effect. Remove it, or choose the provider it is for.`);
    }
    return unread;
}
function providerConfig(inputs, log) {
    (0,secrets/* maskSecret */.$l)(inputs.token);
    return {
        app: inputs.app ?? '',
        token: inputs.token,
        apiUrl: inputs['api-url'],
        timeoutMs: inputs['command-timeout'],
        cwd: process.env.GITHUB_WORKSPACE,
        log,
        settings: {
            'account-id': inputs['account-id'],
            'environment-id': inputs['environment-id'],
            'project-id': inputs['project-id'],
            'org-id': inputs['org-id'],
            'deploy-command': inputs['deploy-command'],
            'releases-command': inputs['releases-command'],
            'rollback-command': inputs['rollback-command'],
            'traffic-command': inputs['traffic-command'],
        },
    };
}

;// CONCATENATED MODULE: ./shared/providers/select.ts
function label(release) {
    return release.version ? `${release.version} (${release.id})` : release.id;
}
/** The release serving now: the one the platform marks, else the newest that succeeded. */
function currentRelease(releases) {
    return (releases.find((release) => release.current) ?? releases.find((r) => r.status === 'succeeded'));
}
function matches(release, wanted) {
    const bare = wanted.replace(/^v/i, '');
    return (release.id === wanted ||
        release.version === wanted ||
        release.version?.replace(/^v/i, '') === bare ||
        (release.image !== undefined && release.image === wanted));
}
/**
 * Chooses what to roll back to. `previous` is the newest successful release older than the
 * current one that runs something else (a release that only changed secrets runs the same
 * image, and going back to it changes nothing). Anything else names a release by id, version
 * or image. Never a failed or unfinished release.
 */
function planRollback(releases, to, app) {
    if (releases.length === 0) {
        throw new Error(`no releases found for \`${app}\`: there is nothing to roll back to`);
    }
    const from = currentRelease(releases);
    if (!from) {
        throw new Error(`no release of \`${app}\` is live (none succeeded), so there is no good release to return to`);
    }
    const currentIndex = releases.indexOf(from);
    if (to === 'previous') {
        const target = releases
            .slice(currentIndex + 1)
            .find((release) => release.status === 'succeeded' &&
            !(release.image !== undefined &&
                from.image !== undefined &&
                release.image === from.image));
        if (!target) {
            throw new Error(`\`${app}\` has no successful release older than the current ${label(from)} that runs a different build; set \`to\` to a release id to choose one`);
        }
        return { from, to: target, alreadyCurrent: false };
    }
    const target = releases.find((release) => matches(release, to));
    if (!target) {
        const known = releases
            .slice(0, 5)
            .map((release) => `${label(release)} ${release.status}`)
            .join(', ');
        throw new Error(`no release of \`${app}\` matches \`to: ${to}\`; the newest are: ${known}`);
    }
    if (target.status === 'failed' || target.status === 'in-progress') {
        throw new Error(`release ${label(target)} of \`${app}\` is ${target.status === 'failed' ? 'a failed release' : 'still in progress'} (${target.rawStatus}); flightdeck only rolls back to a release that succeeded`);
    }
    if (target.status !== 'succeeded') {
        throw new Error(`release ${label(target)} of \`${app}\` has status "${target.rawStatus}", which is not known to have succeeded; choose a release that did`);
    }
    return { from, to: target, alreadyCurrent: target === from };
}


;// CONCATENATED MODULE: ./shared/action-main.ts


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
            runner_protocol/* debug */.Yz(err.stack);
        if (err instanceof errors/* ActionFailure */.dR && err.title) {
            runner_protocol/* error */.z3(err.message, { title: err.title });
            process.exitCode = 1;
        }
        else {
            runner_protocol/* setFailed */.C1((0,errors/* errorMessage */.gJ)(err));
        }
    }
}

// EXTERNAL MODULE: ./shared/analysis/inputs.ts
var analysis_inputs = __nccwpck_require__(1116);
// EXTERNAL MODULE: ./shared/http/json-assertions.ts
var json_assertions = __nccwpck_require__(1563);
// EXTERNAL MODULE: ./shared/http/status.ts
var http_status = __nccwpck_require__(7845);
;// CONCATENATED MODULE: ./shared/http/health-inputs.ts
// The health-check inputs every action that changes a platform shares (rollback, gated-deploy,
// preview-app): the same names, defaults and checks, so a user learns them once.




const healthInputSchema = {
    'health-url': (0,shared_inputs/* withDefault */.IQ)((0,shared_inputs/* httpUrls */.bw)(), ''),
    'health-expected-status': (0,shared_inputs/* withDefault */.IQ)((0,shared_inputs/* parser */.K3)(http_status/* parseStatusSet */.o), '200-299'),
    'health-json-assertions': (0,shared_inputs/* withDefault */.IQ)((0,shared_inputs/* parser */.K3)((value) => (0,shared_inputs/* splitLines */.uz)(value).map(json_assertions/* parseAssertion */.MV)), ''),
    'health-timeout': (0,shared_inputs/* withDefault */.IQ)((0,shared_inputs/* duration */.p0)('5m', { minMs: 1 }), '5m'),
    'health-headers': (0,shared_inputs/* withDefault */.IQ)((0,shared_inputs/* headerLines */.Hq)(), ''),
};
/** What the health inputs ask of a response. */
function healthExpectations(inputs) {
    return {
        statuses: inputs['health-expected-status'],
        jsonAssertions: inputs['health-json-assertions'],
    };
}
/**
 * Checks `urls` as the health inputs ask (headers, expected status, JSON assertions, time
 * limit): the one way rollback, gated-deploy and preview-app turn their inputs into a check.
 */
function verifyHealthFromInputs(inputs, urls) {
    return (0,verify.verifyHealth)({
        urls,
        headers: inputs['health-headers'],
        expect: healthExpectations(inputs),
        timeoutMs: inputs['health-timeout'],
    });
}

;// CONCATENATED MODULE: ./actions/gated-deploy/src/inputs.ts







const STRATEGIES = ['rolling', 'bluegreen', 'canary', 'immediate'];
const gatedDeploySchema = {
    ...providerInputSchema,
    environment: (0,shared_inputs/* withDefault */.IQ)(platformName('production'), 'production'),
    'environment-url': (0,shared_inputs/* optional */.lq)((0,shared_inputs/* httpUrl */.q3)('https://my-app.fly.dev')),
    image: (0,shared_inputs/* optional */.lq)((0,shared_inputs/* cliArgument */.Uy)('registry.fly.io/my-app:deployment-01H9')),
    config: (0,shared_inputs/* optional */.lq)((0,shared_inputs/* cliArgument */.Uy)('fly.production.toml')),
    strategy: (0,shared_inputs/* optional */.lq)((0,shared_inputs/* oneOf */.yL)(STRATEGIES)),
    'deploy-args': (0,shared_inputs/* withDefault */.IQ)((0,shared_inputs/* parser */.K3)(shared_inputs/* splitLines */.uz), ''),
    'working-directory': (0,shared_inputs/* optional */.lq)((0,shared_inputs/* text */.Qq)()),
    'deploy-timeout': (0,shared_inputs/* withDefault */.IQ)((0,shared_inputs/* duration */.p0)('30m', { minMs: 1000 }), '30m'),
    'dry-run': (0,shared_inputs/* withDefault */.IQ)((0,shared_inputs/* boolean */.zM)(), 'false'),
    // Each gate's inputs, declared by its module (shared/gates/registry.ts).
    ...gateInputSchema,
    'override-gates': (0,shared_inputs/* optional */.lq)((0,shared_inputs/* text */.Qq)()),
    'on-blocked': (0,shared_inputs/* withDefault */.IQ)((0,shared_inputs/* oneOf */.yL)(['fail', 'skip']), 'fail'),
    ...healthInputSchema,
    'auto-rollback': (0,shared_inputs/* withDefault */.IQ)((0,shared_inputs/* boolean */.zM)(), 'true'),
    // The analysis after the health check (shared/analysis/inputs.ts), and traffic steps.
    ...analysis_inputs/* analysisInputSchema */.oC,
    ...trafficProviderInputSchema,
    'traffic-steps': (0,shared_inputs/* optional */.lq)((0,shared_inputs/* parser */.K3)(analysis_inputs/* parseTrafficSteps */.aY)),
    'github-token': (0,shared_inputs/* secret */.rJ)(),
};
function readGatedDeployInputs(read) {
    const inputs = (0,shared_inputs/* parseInputs */.TL)(gatedDeploySchema, read);
    const problems = providerInputProblems(inputs);
    // What the provider takes is in its spec (shared/providers/specs/).
    const spec = providerSpec(inputs.provider);
    if (inputs.strategy && !spec.capabilities.strategies?.includes(inputs.strategy)) {
        const takers = providersWhere((other) => other.capabilities.strategies?.length);
        problems.push(`\`strategy\` ${inputs.strategy} is not something provider \`${inputs.provider}\` offers; only ${takers.join(', ')} ${takers.length === 1 ? 'takes' : 'take'} a strategy (leave it empty)`);
    }
    const steps = inputs['traffic-steps'];
    const trafficSteps = steps !== undefined && steps.length > 1;
    problems.push(...(0,analysis_inputs/* analysisInputProblems */.vj)(inputs, { healthUrls: inputs['health-url'] }));
    if (trafficSteps && !spec.capabilities.trafficSplit) {
        const takers = providersWhere((other) => other.capabilities.trafficSplit === true);
        problems.push(`\`traffic-steps\` needs a platform that sends a share of requests to a new release (${takers.join(', ')}); provider \`${inputs.provider}\` moves machines or deployments, not a share of requests${spec.trafficInstead ? ` (${spec.trafficInstead})` : ''}: remove traffic-steps, or set it to 100%`);
    }
    if (trafficSteps && inputs['analysis-duration'] === 0) {
        problems.push('`traffic-steps` holds each step for `analysis-duration`, which is 0: set how long each share is watched (example: analysis-duration: 5m)');
    }
    problems.push(...(spec.checks?.deploy?.(providerSettingValues(inputs), {
        rollsBack: inputs['auto-rollback'] && inputs['health-url'].length > 0,
        trafficSteps,
    }) ?? []));
    if (inputs['override-gates'] !== undefined && inputs['override-gates'].trim().length < 3) {
        problems.push('`override-gates` needs a reason a person can read (example: hotfix for INC-2231)');
    }
    if (problems.length > 0)
        throw new errors/* InputError */.dz(problems);
    warnUnreadProviderInputs(inputs);
    return inputs;
}
/** The analysis gated-deploy runs after the health check; undefined when it is off. */
function analysisSettingsOf(inputs) {
    if (inputs['analysis-duration'] === 0)
        return undefined;
    return (0,analysis_inputs/* analysisSettings */.UI)(inputs, inputs['health-url'], inputs['health-expected-status'], inputs['health-headers']);
}

;// CONCATENATED MODULE: ./shared/github/deployment-wording.ts
// The words flightdeck ends a Deployment with, where other tools read them: deploy-report
// counts a deploy as rolled back when its final `failure` status begins ROLLED_BACK, and as
// failed otherwise. The wording is a documented contract (README, "deploy-report"): change it
// here only, and only compatibly.
/**
 * How the final status of a deploy that flightdeck rolled back, and proved healthy, begins:
 * `Rolled back to v41 (rel-41): the new release was unhealthy`.
 */
const ROLLED_BACK = 'Rolled back';
/**
 * A rollback that did not restore a healthy app: it must not read as rolled back, or a
 * report would count an outage that is still going on as restored.
 */
function rollbackFailedDescription(release, why) {
    return `Rollback to ${release} failed: ${why}`;
}
/** Did flightdeck's rollback end this deploy and prove the old release healthy? */
function isRolledBack(description) {
    return (description ?? '').startsWith(ROLLED_BACK);
}

;// CONCATENATED MODULE: ./actions/gated-deploy/src/verdicts.ts







function recorded(release) {
    if (!release)
        return undefined;
    return { id: release.id, version: release.version, image: release.image, url: release.url };
}
function recordedHealth(report) {
    return {
        healthy: report.healthy,
        durationMs: report.durationMs,
        targets: report.targets.map((target) => ({
            url: target.url,
            healthy: target.healthy,
            attempts: target.attempts,
            status: target.status,
            error: target.error,
        })),
    };
}
/** The health check, with extra headers where a platform routes a request by them. */
function checkHealth(inputs, title, extraHeaders = {}, urls = inputs['health-url']) {
    return runner_protocol/* group */.Os(title, () => verifyHealthFromInputs({ ...inputs, 'health-headers': { ...inputs['health-headers'], ...extraHeaders } }, urls));
}
/**
 * The baseline the regression limit compares with: the release serving before the deploy,
 * sampled with the same URLs and interval for min(analysis-duration, 30 s).
 */
async function measureBaselineBeforeDeploy(flow) {
    const settings = flow.analysis;
    if (!settings?.limits.maxLatencyRegression)
        return undefined;
    if (!flow.before) {
        runner_protocol/* warning */.$e('max-latency-regression needs the release serving before the deploy as its baseline, and there is none: the regression limit is not judged.', { title: 'gated-deploy: no baseline' });
        return undefined;
    }
    const durationMs = Math.min(settings.durationMs, 30_000);
    const { measureBaseline } = await __nccwpck_require__.e(/* import() */ 965).then(__nccwpck_require__.bind(__nccwpck_require__, 2346));
    const baseline = await runner_protocol/* group */.Os(`Baseline: ${label(flow.before)} for ${(0,durations/* formatDuration */.a3)(durationMs)}`, () => measureBaseline(settings, durationMs));
    if (!baseline) {
        runner_protocol/* warning */.$e('No request to the release serving before the deploy got an answer: without a baseline the regression limit is not judged.', { title: 'gated-deploy: no baseline' });
        return undefined;
    }
    runner_protocol/* info */.pq(`Baseline of ${label(flow.before)}: p50 ${(0,durations/* formatDuration */.a3)(baseline.p50)}, p95 ${(0,durations/* formatDuration */.a3)(baseline.p95)} over ${baseline.samples} samples.`);
    return baseline;
}
/** Watches the release for one window (analysis-duration) and keeps its report. */
async function watchWindow(flow, percent) {
    const settings = flow.analysis;
    const { runWindow } = await __nccwpck_require__.e(/* import() */ 965).then(__nccwpck_require__.bind(__nccwpck_require__, 2346));
    const label = percent === undefined ? undefined : `at ${percent}%`;
    const report = await runner_protocol/* group */.Os(`Analysis${label ? ` ${label}` : ''}: ${(0,durations/* formatDuration */.a3)(settings.durationMs)}, a measurement every ${(0,durations/* formatDuration */.a3)(settings.intervalMs)}`, () => runWindow(settings, { baseline: flow.baseline, label }));
    flow.windows.push({ percent, report });
    runner_protocol/* info */.pq(`Analysis${label ? ` ${label}` : ''}: ${report.verdict} (${report.reason}) after ${(0,durations/* formatDuration */.a3)(report.durationMs)}.`);
    return report;
}
/** Whether a window's verdict sends the release back. */
function rejects(flow, report) {
    if (report.verdict === 'pass')
        return false;
    if (report.verdict === 'inconclusive' && flow.analysis?.onInconclusive === 'keep') {
        runner_protocol/* warning */.$e(`The analysis could not judge the release (${report.reason}); it is kept because on-inconclusive is keep.`, { title: 'gated-deploy: analysis inconclusive' });
        return false;
    }
    return true;
}
function analysisRejection(report, percent) {
    const where = percent === undefined ? '' : ` at ${percent}%`;
    const kind = report.verdict === 'fail' ? 'analysis failed' : 'analysis inconclusive';
    return {
        short: `${report.verdict === 'fail' ? '' : 'inconclusive: '}${report.reason}${where}`,
        long: `${report.verdict === 'fail' ? 'failed' : 'could not be judged by'} the analysis${where} (${report.reason})`,
        kind,
    };
}
function healthRejection(report) {
    const reasons = (0,verify/* unhealthyReasons */.s)(report);
    return {
        short: 'the new release was unhealthy',
        long: `was not healthy (${reasons})`,
        kind: 'unhealthy',
    };
}
/**
 * Sends traffic back to the previous release (`undo`: a rollback, or a traffic rollout's
 * abort), proves it healthy, ends the Deployment and fails the step. Without auto-rollback or
 * an earlier release it only ends the Deployment and fails.
 */
async function rejectRelease(flow, why, undo) {
    const { app, before, deployment, record, inputs } = flow;
    if (!undo || !before) {
        const reason = before ? 'auto-rollback is off' : 'there is no earlier release to return to';
        await deployment.finish('failure', {
            description: `Not rolled back (${reason}): ${why.short}`,
            environmentUrl: record.environmentUrl,
        });
        throw new errors/* ActionFailure */.dR(`The new release of ${app} ${why.long} and was not rolled back (${reason}).`, `gated-deploy: ${why.kind}`);
    }
    const target = label(before);
    runner_protocol/* warning */.$e(`The new release ${why.long}; rolling back to ${target}.`, {
        title: 'gated-deploy: rolling back',
    });
    const started = performance.now();
    record.rollback = { to: recorded(before) };
    try {
        await runner_protocol/* group */.Os(`Rolling back ${app} to ${target}`, () => undo(before));
    }
    catch (err) {
        record.rollback.error = (0,errors/* errorMessage */.gJ)(err);
        record.rollback.durationMs = Math.round(performance.now() - started);
        await deployment.finish('failure', {
            description: `Rollback failed: ${why.short}`,
        });
        throw new errors/* ActionFailure */.dR(`The new release of ${app} ${why.long}, and the rollback to ${target} failed too: ${(0,errors/* errorMessage */.gJ)(err)}`, 'gated-deploy: rollback failed');
    }
    record.rollback.durationMs = Math.round(performance.now() - started);
    record.rollback.done = true;
    record.releases.after = recorded(before);
    // Proven on the health URLs, else on what the analysis sampled.
    const proof = inputs['health-url'].length > 0 ? inputs['health-url'] : (flow.analysis?.urls ?? []);
    if (proof.length > 0) {
        const again = await checkHealth(inputs, 'Health after the rollback', {}, proof);
        record.rollback.health = recordedHealth(again);
        if (!again.healthy) {
            record.rollback.error = `still unhealthy: ${(0,verify/* unhealthyReasons */.s)(again)}`;
            await deployment.finish('failure', {
                description: rollbackFailedDescription(target, 'still unhealthy'),
            });
            throw new errors/* ActionFailure */.dR(`The new release of ${app} ${why.long}; it was rolled back to ${target}, which is not healthy either: ${(0,verify/* unhealthyReasons */.s)(again)}`, 'gated-deploy: unhealthy after rollback');
        }
    }
    const healthy = record.rollback.health
        ? `, healthy again after ${(0,durations/* formatDuration */.a3)(record.rollback.health.durationMs)}`
        : '';
    await deployment.finish('failure', {
        description: `${ROLLED_BACK} to ${before.version ?? before.id}: ${why.short}`,
        environmentUrl: record.environmentUrl,
    });
    throw new errors/* ActionFailure */.dR(`The new release of ${app} ${why.long}; it was rolled back to ${target}${healthy}.`, 'gated-deploy: rolled back');
}

;// CONCATENATED MODULE: ./actions/gated-deploy/src/rollout.ts





function deployRequest(flow) {
    const { inputs } = flow;
    return {
        image: inputs.image,
        config: inputs.config,
        strategy: inputs.strategy,
        environment: inputs.environment,
        extraArgs: inputs['deploy-args'],
    };
}
/** The deploy, bounded by deploy-timeout; a failure ends the Deployment and the step. */
async function timedDeploy(flow, title, deploy) {
    const started = performance.now();
    try {
        const result = await runner_protocol/* group */.Os(title, deploy);
        flow.record.deploy = { durationMs: Math.round(performance.now() - started) };
        runner_protocol/* info */.pq(`Deployed in ${(0,durations/* formatDuration */.a3)(flow.record.deploy.durationMs)}.`);
        return result;
    }
    catch (err) {
        flow.record.deploy = {
            durationMs: Math.round(performance.now() - started),
            error: (0,errors/* errorMessage */.gJ)(err),
        };
        await flow.deployment.finish('failure', { description: `Deploy failed: ${(0,errors/* errorMessage */.gJ)(err)}` });
        throw new errors/* ActionFailure */.dR(`The deploy of ${flow.app} failed: ${(0,errors/* errorMessage */.gJ)(err)}`, 'gated-deploy: deploy failed');
    }
}
async function noteRelease(flow, result) {
    const { inputs, provider, record } = flow;
    let after = result.releaseId
        ? { id: result.releaseId, version: result.version, image: inputs.image, url: result.url }
        : undefined;
    if (!after) {
        const releases = await provider.releases().catch(() => []);
        after = recorded(currentRelease(releases));
    }
    record.releases.after = after;
    record.environmentUrl =
        inputs['environment-url'] ?? result.url ?? (await provider.url().catch(() => undefined));
}
async function succeed(flow, healthy) {
    const id = flow.record.releases.after?.id ?? '';
    const judged = flow.windows.length > 0 ? ', analysis passed' : healthy ? ', healthy' : '';
    await flow.deployment.finish('success', {
        description: `Deployed ${id}${judged}`.trim(),
        environmentUrl: flow.record.environmentUrl,
    });
}
/** Deploy, prove healthy, watch one window; anything bad sends the release back. */
async function deployAtOnce(flow) {
    const { inputs, app, provider } = flow;
    const result = await timedDeploy(flow, `Deploying ${app} to ${inputs.environment}`, () => flow.deployer.deploy(deployRequest(flow)));
    await noteRelease(flow, result);
    const undo = inputs['auto-rollback'] ? provider.rollback.bind(provider) : undefined;
    if (inputs['health-url'].length === 0) {
        runner_protocol/* info */.pq('No health-url: the release is not checked.');
    }
    else {
        const health = await checkHealth(inputs, 'Health of the new release');
        flow.record.health = recordedHealth(health);
        if (!health.healthy)
            await rejectRelease(flow, healthRejection(health), undo);
    }
    if (flow.analysis) {
        const report = await watchWindow(flow);
        if (rejects(flow, report))
            await rejectRelease(flow, analysisRejection(report), undo);
    }
    await succeed(flow, inputs['health-url'].length > 0);
}
/**
 * Traffic steps: the new release is made without traffic, then takes each share in turn,
 * watched for analysis-duration at each; a step that fails returns all traffic at once.
 */
async function deployInSteps(flow, traffic, steps) {
    const { inputs, app } = flow;
    const previous = flow.before;
    if (!previous)
        throw new Error('traffic steps need a release serving before the deploy');
    const rollout = await timedDeploy(flow, `Uploading ${app} to ${inputs.environment} without traffic (then ${steps.map((step) => `${step}%`).join(' → ')})`, () => traffic.start(deployRequest(flow), { steps, previous }));
    await noteRelease(flow, rollout.release);
    flow.record.traffic = { steps: [...steps], reached: 0 };
    const abort = () => rollout.abort();
    let stepIndex = 0;
    const fail = async (why) => {
        const last = flow.windows.at(-1);
        if (last && last.percent === steps[stepIndex])
            last.rolledBack = true;
        await rejectRelease(flow, why, abort);
    };
    if (inputs['health-url'].length > 0 && rollout.probeHeaders) {
        // The new release alone, before it takes any share of requests.
        const alone = await checkHealth(inputs, 'Health of the new release alone (0%)', rollout.probeHeaders);
        flow.record.health = recordedHealth(alone);
        if (!alone.healthy)
            await fail(healthRejection(alone));
    }
    for (; stepIndex < steps.length; stepIndex++) {
        const percent = steps[stepIndex];
        try {
            await runner_protocol/* group */.Os(`Moving ${percent}% of requests to ${rollout.release.releaseId}`, () => rollout.shift(percent, stepIndex));
        }
        catch (err) {
            await fail({
                short: `moving ${percent}% of traffic failed`,
                long: `could not be given ${percent}% of requests (${(0,errors/* errorMessage */.gJ)(err)})`,
                kind: 'traffic step failed',
            });
        }
        flow.record.traffic.reached = percent;
        if (stepIndex === 0 && inputs['health-url'].length > 0) {
            const health = await checkHealth(inputs, `Health at ${percent}%`);
            flow.record.health = recordedHealth(health);
            if (!health.healthy)
                await fail(healthRejection(health));
        }
        if (flow.analysis) {
            const report = await watchWindow(flow, percent);
            if (rejects(flow, report))
                await fail(analysisRejection(report, percent));
        }
    }
    runner_protocol/* info */.pq(`${app} serves ${rollout.release.version ?? rollout.release.releaseId} to all requests after ${steps.length} steps (previously ${label(previous)}).`);
    await succeed(flow, inputs['health-url'].length > 0);
}

;// CONCATENATED MODULE: ./actions/gated-deploy/src/main.ts



















/** The GitHub client, loaded only when a path needs GitHub (Octokit and undici are heavy). */
async function loadGitHub(token) {
    const { githubClient } = await Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(874), __nccwpck_require__.e(317)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6317));
    return githubClient(token);
}
async function main() {
    const startedAt = new Date();
    const started = performance.now();
    const inputs = readGatedDeployInputs();
    const context = (0,github_context/* runContext */.p)();
    const githubToken = inputs['github-token'];
    const app = inputs.app ?? inputs.provider;
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const cwd = inputs['working-directory']
        ? (0,external_node_path_.isAbsolute)(inputs['working-directory'])
            ? inputs['working-directory']
            : (0,external_node_path_.join)(workspace, inputs['working-directory'])
        : workspace;
    const config = { ...providerConfig(inputs, runner_protocol/* info */.pq), cwd };
    const provider = await createProvider(inputs.provider, config);
    // The deploy itself gets its own, longer time limit.
    const deployer = await createProvider(inputs.provider, {
        ...config,
        timeoutMs: inputs['deploy-timeout'],
    });
    const analysis = analysisSettingsOf(inputs);
    // Set once the deploy starts: the windows it watched go into the record and the summary.
    const ran = {};
    let client;
    const github = () => (client ??= githubToken ? loadGitHub(githubToken) : Promise.resolve(undefined));
    const record = {
        version: 1,
        status: 'failed',
        repository: `${context.owner}/${context.repo}`,
        sha: context.sha,
        ref: context.ref,
        actor: context.actor,
        runUrl: context.runUrl,
        provider: inputs.provider,
        app,
        environment: inputs.environment,
        gates: [],
        releases: {},
        startedAt: startedAt.toISOString(),
        finishedAt: startedAt.toISOString(),
        durationMs: 0,
    };
    if (inputs['override-gates']) {
        record.override = { reason: inputs['override-gates'], actor: context.actor };
        runner_protocol/* warning */.$e(`The time gates are overridden by ${context.actor || 'an unknown actor'}: ${inputs['override-gates']}`, { title: 'gated-deploy: gates overridden' });
    }
    const publish = async (status, extra = {}) => {
        record.status = status;
        record.blockedBy = extra.blockedBy;
        record.error = extra.error ?? record.error;
        record.finishedAt = new Date().toISOString();
        record.durationMs = Math.round(performance.now() - started);
        const flow = ran.flow;
        record.analysis = analysis ? analysisResult(flow?.windows ?? [], flow?.baseline) : undefined;
        const path = writeRecord(record);
        setOutputs({
            status,
            'blocked-by': extra.blockedBy ?? '',
            release: record.releases.after?.id ?? (status === 'blocked' ? '' : record.releases.before?.id),
            'previous-release': record.releases.before?.id,
            url: record.environmentUrl,
            'deployment-id': record.deploymentId,
            'rolled-back': status === 'rolled-back',
            'duration-ms': record.durationMs,
            record: path,
            analysis: JSON.stringify(record.analysis ?? analysisOff()),
            'traffic-step': record.traffic ? `${record.traffic.reached}%` : '',
        });
        await appendSummary(recordMarkdown(record) +
            (analysis && record.analysis && flow?.windows.length
                ? `\n${analysisMarkdown(record.analysis, flow.windows, analysis, flow.baseline)}`
                : ''));
    };
    // 1. Gates, before any platform call.
    let gates;
    try {
        gates = await runner_protocol/* group */.Os('Gates', () => runGates(buildGates(inputs, {
            context,
            environment: inputs.environment,
            github,
            intervalMs: gateIntervalMs(),
            log: (line) => runner_protocol/* info */.pq(line),
        }), runner_protocol/* info */.pq));
    }
    catch (err) {
        await publish('failed', { error: (0,errors/* errorMessage */.gJ)(err) });
        throw err;
    }
    record.gates = gates.reports;
    if (!gates.open && gates.blockedBy) {
        const blockedBy = `${gates.blockedBy.gate}: ${gates.blockedBy.reason}`;
        await publish('blocked', { blockedBy });
        if (inputs['on-blocked'] === 'skip') {
            runner_protocol/* notice */.lm(`Not deployed: ${blockedBy}`, { title: 'gated-deploy: blocked' });
            return;
        }
        throw new errors/* ActionFailure */.dR(`Not deployed: ${blockedBy}`, 'gated-deploy: blocked');
    }
    // 2. What serves now: the rollback target.
    const before = await runner_protocol/* group */.Os(`Releases of ${app}`, async () => {
        const releases = await provider.releases();
        for (const release of releases.slice(0, 5)) {
            runner_protocol/* info */.pq(`${release.current ? '→' : ' '} ${label(release)} ${release.status}`);
        }
        return currentRelease(releases);
    });
    record.releases.before = recorded(before);
    runner_protocol/* info */.pq(before
        ? `Serving now: ${label(before)} (the rollback target).`
        : `No release of ${app} serves yet: a failed first deploy has nothing to roll back to.`);
    if (inputs['dry-run']) {
        runner_protocol/* info */.pq(`Dry run: would deploy ${inputs.image ?? 'a new build'} of ${app} to ${inputs.environment}.`);
        await publish('dry-run');
        return;
    }
    // 3. The GitHub Deployment: created now, one final state on every path.
    const deployment = await startDeployment(inputs, context, github, {
        gates: gates.reports,
        before: record.releases.before ?? null,
        override: record.override ?? null,
    });
    const { settleDeployment } = await Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(874), __nccwpck_require__.e(704)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8704));
    const running = {
        inputs,
        app,
        record,
        provider,
        deployer,
        deployment,
        before,
        analysis,
        windows: [],
    };
    ran.flow = running;
    await settleDeployment(deployment, async () => {
        // A deploy is recorded or not done (onGitHubFailure: throw): wait for GitHub to have it.
        await deployment.started;
        record.deploymentId = deployment.id;
        running.baseline = await measureBaselineBeforeDeploy(running);
        const steps = inputs['traffic-steps'];
        if (steps && steps.length > 1 && provider.traffic && before) {
            await deployInSteps(running, provider.traffic, steps);
        }
        else {
            if (steps && steps.length > 1) {
                runner_protocol/* notice */.lm(`No release of ${app} serves yet, so there is no traffic to split: the first release takes all of it.`, { title: 'gated-deploy: traffic steps skipped' });
            }
            await deployAtOnce(running);
        }
    }).catch(async (err) => {
        await publish(record.rollback?.done ? 'rolled-back' : 'failed', { error: (0,errors/* errorMessage */.gJ)(err) });
        throw err;
    });
    await publish('deployed');
    runner_protocol/* info */.pq(`${app} is on ${record.releases.after?.id ?? 'the new release'}${record.health ? `, healthy after ${(0,durations/* formatDuration */.a3)(record.health.durationMs)}` : ''} (${(0,durations/* formatDuration */.a3)(record.durationMs)} in all).`);
}
async function startDeployment(inputs, context, github, payload) {
    const { recordDeployment } = await Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(874), __nccwpck_require__.e(791)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4791));
    return recordDeployment({
        action: 'gated-deploy',
        client: await github(),
        context,
        environment: inputs.environment,
        description: `Deploying ${inputs.app ?? inputs.provider} with flightdeck`,
        payload: { provider: inputs.provider, ...payload },
        environmentUrl: inputs['environment-url'],
        withoutToken: {
            message: 'No github-token: the deploy is not recorded as a GitHub Deployment.',
            title: 'gated-deploy: no GitHub Deployment',
        },
        // A deploy is recorded or not done: a token that cannot write deployments fails it.
        onGitHubFailure: 'throw',
        warningTitle: 'gated-deploy: GitHub Deployment',
    });
}
/** The whole action, failure handling included: what the runner, local-action and tests run. */
function run() {
    return runMain(main);
}


/***/ }),

/***/ 5098:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C7: () => (/* binding */ formatElapsed),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   _V: () => (/* binding */ formatMs),
/* harmony export */   gI: () => (/* binding */ formatMetric),
/* harmony export */   l9: () => (/* binding */ formatPercent),
/* harmony export */   zA: () => (/* binding */ shownUrl)
/* harmony export */ });
/* harmony import */ var _durations_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9503);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5931);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(2763);
// How the analysis writes its figures: the same short forms in the log, the verdict's reason
// (which ends up in a GitHub Deployment description, 140 characters at most) and the summary.



/** `5%`, `0.5%`, `33.3%`: at most one decimal, none when it is a whole number. */
function formatPercent(value) {
    return `${Number(value.toFixed(1))}%`;
}
/** `42ms`, `1.2s`: a latency as durations are written everywhere else. */
function formatMs(ms) {
    return (0,_durations_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(ms);
}
/** A Prometheus value in a few characters: `0.01`, `1500`, `1.23e-7`, `+Inf`. */
function formatMetric(value) {
    if (Number.isNaN(value))
        return 'NaN';
    if (!Number.isFinite(value))
        return value > 0 ? '+Inf' : '-Inf';
    return String(Number(value.toPrecision(4)));
}
/**
 * `m:ss` since the window began: `0:40`, `12:05`; with tenths (`0:01.4`) when measurements come
 * faster than one a second, so two of them never read alike.
 */
function formatElapsed(ms, intervalMs = 1000) {
    const tenths = intervalMs < 1000;
    const seconds = tenths ? Math.floor(ms / 100) / 10 : Math.floor(ms / 1000);
    const whole = Math.floor(seconds);
    const shown = tenths
        ? (seconds % 60).toFixed(1).padStart(4, '0')
        : String(whole % 60).padStart(2, '0');
    return `${Math.floor(whole / 60)}:${shown}`;
}
/**
 * Foreign or long text (a Prometheus error body, a URL) as one short line: control characters
 * and line breaks become spaces, and past `max` characters it ends in `…`.
 */
function oneLine(text, max) {
    return (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .clip */ .$Q)((0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(text), max);
}
/** A URL as it may be shown: without `user:password@`, one line, at most `max` characters. */
function shownUrl(url, max = 80) {
    return oneLine((0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .withoutCredentials */ .ri)(url), max);
}


/***/ }),

/***/ 1116:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ conditionHolds),
/* harmony export */   N4: () => (/* binding */ MIN_SAMPLES_PER_URL),
/* harmony export */   UI: () => (/* binding */ analysisSettings),
/* harmony export */   aY: () => (/* binding */ parseTrafficSteps),
/* harmony export */   oC: () => (/* binding */ analysisInputSchema),
/* harmony export */   vj: () => (/* binding */ analysisInputProblems)
/* harmony export */ });
/* unused harmony exports parsePercent, parseRegression, parseCondition, limitInputSchema, watchInputSchema, measurementsIn, watchInputProblems, watchSettings */
/* harmony import */ var _durations_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9503);
/* harmony import */ var _http_limits_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8583);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1884);
// The analysis inputs of gated-deploy (and health-check's `watch` window): their parsers, their
// schema, the checks across inputs, and the settings the engine runs on. Everything here runs
// before any gate or platform call, so a mistyped limit is refused before a deploy starts.



/** URLs sampled for fewer measurements than this cannot be judged (percentiles of 4 say little). */
const MIN_SAMPLES_PER_URL = 5;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
/** `5%` → 5, `0.5%` → 0.5: a share of requests, 0–100. The `%` is required: `0.05` is ambiguous. */
function parsePercent(value) {
    const match = /^(\d+(?:\.\d+)?)\s*%$/.exec(value.trim());
    if (!match) {
        const bare = NUMBER.test(value.trim()) ? ` (write it with %, e.g. ${value.trim()}%)` : '';
        throw new Error(`${(0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(value)} is not a percentage${bare} (example: 5%)`);
    }
    const percent = Number(match[1]);
    if (percent > 100)
        throw new Error(`${(0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(value)} is over 100% (example: 5%)`);
    return percent;
}
/** `2x` → 2: how many times the baseline's p95 is tolerated; at least 1. */
function parseRegression(value) {
    const match = /^(\d+(?:\.\d+)?|\.\d+)\s*[x×]?$/i.exec(value.trim());
    if (!match)
        throw new Error(`${(0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(value)} is not a factor (example: 2x)`);
    const factor = Number(match[1]);
    if (factor < 1) {
        throw new Error(`${(0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(value)} is below 1x: the release would fail even when as fast as the baseline (example: 2x)`);
    }
    return factor;
}
const OPERATORS = ['<=', '>=', '==', '!=', '<', '>'];
/** `< 0.05`, `>=0.99`, `== 1`: an operator and a number. */
function parseCondition(value) {
    const trimmed = value.trim();
    const operator = OPERATORS.find((candidate) => trimmed.startsWith(candidate));
    const example = '(example: < 0.05; operators < <= > >= == !=)';
    if (operator === undefined) {
        throw new Error(`${(0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(value)} has no comparison operator in front ${example}`);
    }
    const number = trimmed.slice(operator.length).trim();
    if (!NUMBER.test(number)) {
        throw new Error(`${(0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(value)} does not compare with a number ${example}`);
    }
    const parsed = Number(number);
    return { operator, value: parsed, text: `${operator} ${parsed}` };
}
/** Whether a Prometheus value passes the condition (NaN never does). */
function conditionHolds(condition, value) {
    switch (condition.operator) {
        case '<':
            return value < condition.value;
        case '<=':
            return value <= condition.value;
        case '>':
            return value > condition.value;
        case '>=':
            return value >= condition.value;
        case '==':
            return value === condition.value;
        case '!=':
            return value !== condition.value;
    }
}
/** `10%,50%,100%` → [10, 50, 100]: whole percents, increasing, each 1–100, the last 100. */
function parseTrafficSteps(value) {
    const example = '(example: 10%,50%,100%)';
    const items = value
        .split(/[\s,]+/)
        .map((item) => item.trim())
        .filter(Boolean);
    if (items.length === 0)
        throw new Error(`no step given ${example}`);
    const steps = items.map((item) => {
        const match = /^(\d+)\s*%?$/.exec(item);
        if (!match)
            throw new Error(`${(0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(item)} is not a whole percent ${example}`);
        const percent = Number(match[1]);
        if (percent < 1 || percent > 100) {
            throw new Error(`${(0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(item)} is outside 1–100% ${example}`);
        }
        return percent;
    });
    steps.forEach((percent, index) => {
        const before = steps[index - 1];
        if (before !== undefined && percent <= before) {
            throw new Error(`the steps must increase, but ${percent}% follows ${before}% ${example}`);
        }
    });
    if (steps[steps.length - 1] !== 100) {
        throw new Error(`the last step must be 100%, so the release ends serving everything ${example}`);
    }
    return steps;
}
/** The base URL of the Prometheus HTTP API; the query path is added to it. */
function parsePrometheusUrl(value) {
    // httpUrl masks a user:password in it before anything else (shared/inputs.ts).
    const url = new URL(value);
    if (url.search !== '' || url.hash !== '') {
        throw new Error(`the URL must not carry a query or fragment: /api/v1/query?query=… is added to it (example: https://prometheus.example.com)`);
    }
    return value;
}
const prometheusUrl = () => {
    const url = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .httpUrl */ .q3)('https://prometheus.example.com');
    return (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .parser */ .K3)((value) => {
        const checked = url.safeParse(value);
        if (!checked.success)
            throw new Error(checked.error.issues[0]?.message ?? 'is not a URL');
        return parsePrometheusUrl(checked.data);
    });
};
/** The limits health-check's `watch` shares with gated-deploy: one entry each, one meaning. */
const limitInputSchema = {
    'max-error-rate': (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lq)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .parser */ .K3)(parsePercent)),
    'max-latency-p95': (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lq)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .duration */ .p0)('800ms', { minMs: 1 })),
};
const analysisInputSchema = {
    'analysis-duration': (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .withDefault */ .IQ)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .duration */ .p0)('5m'), '0'),
    'analysis-interval': (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .withDefault */ .IQ)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .duration */ .p0)('10s', { minMs: _http_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .MIN_INTERVAL_MS */ .W }), '10s'),
    'analysis-url': (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .withDefault */ .IQ)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .httpUrls */ .bw)(), ''),
    ...limitInputSchema,
    'max-latency-regression': (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lq)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .parser */ .K3)(parseRegression)),
    'prometheus-url': (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lq)(prometheusUrl()),
    'prometheus-query': (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .withDefault */ .IQ)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(), ''),
    'prometheus-condition': (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lq)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .parser */ .K3)(parseCondition)),
    // Every value a user sets here is masked when read (headerLines → maskSensitiveHeaders).
    'prometheus-headers': (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .withDefault */ .IQ)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .headerLines */ .Hq)(), ''),
    'failure-limit': (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .withDefault */ .IQ)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .integer */ .nd)({ min: 0, example: '3' }), '3'),
    'inconclusive-limit': (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .withDefault */ .IQ)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .integer */ .nd)({ min: 0, example: '3' }), '3'),
    'on-inconclusive': (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .withDefault */ .IQ)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .oneOf */ .yL)(['rollback', 'keep']), 'rollback'),
};
/** health-check: `watch` judges a window instead of one probe, with the same limits. */
const watchInputSchema = {
    watch: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .withDefault */ .IQ)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .duration */ .p0)('5m'), '0'),
    ...limitInputSchema,
};
/** The limits that need a window, as `input` names (for "needs analysis-duration"). */
function limitsSet(inputs) {
    const set = [];
    if (inputs['max-error-rate'] !== undefined)
        set.push('max-error-rate');
    if (inputs['max-latency-p95'] !== undefined)
        set.push('max-latency-p95');
    if (inputs['max-latency-regression'] !== undefined)
        set.push('max-latency-regression');
    if (inputs['prometheus-condition'] !== undefined)
        set.push('prometheus-condition');
    return set;
}
/**
 * How many measurements fit in a window: measurement k starts at k·interval while that is
 * before the window's end.
 */
function measurementsIn(durationMs, intervalMs) {
    return durationMs <= 0 ? 0 : Math.ceil(durationMs / intervalMs);
}
/** The window must hold enough measurements to judge the URLs it samples. */
function windowProblem(durationInput, durationMs, intervalMs) {
    const count = measurementsIn(durationMs, intervalMs);
    if (count >= MIN_SAMPLES_PER_URL)
        return undefined;
    const enough = (0,_durations_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(intervalMs * MIN_SAMPLES_PER_URL);
    return `\`${durationInput}\` ${(0,_durations_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(durationMs)} at \`analysis-interval\` ${(0,_durations_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(intervalMs)} gives ${count} measurement${count === 1 ? '' : 's'}; at least ${MIN_SAMPLES_PER_URL} are needed (example: ${durationInput}: ${enough})`;
}
/**
 * The checks across inputs, each a problem naming the input and showing a good value; empty when
 * the inputs go together. `healthUrls` are what is sampled when `analysis-url` is empty.
 */
function analysisInputProblems(inputs, context) {
    const problems = [];
    const url = inputs['prometheus-url'];
    const query = inputs['prometheus-query'].trim();
    const condition = inputs['prometheus-condition'];
    const given = [
        url && 'prometheus-url',
        query && 'prometheus-query',
        condition && 'prometheus-condition',
    ];
    const present = given.filter((name) => Boolean(name));
    if (present.length > 0 && present.length < 3) {
        const missing = ['prometheus-url', 'prometheus-query', 'prometheus-condition'].filter((name) => !present.includes(name));
        problems.push(`\`${missing[0]}\` is required with \`${present[0]}\`: prometheus-url, prometheus-query and prometheus-condition go together (example: prometheus-query: sum(rate(http_requests_total{code=~"5.."}[1m])) / sum(rate(http_requests_total[1m])), prometheus-condition: < 0.05)`);
    }
    if (Object.keys(inputs['prometheus-headers']).length > 0 && !url) {
        problems.push('`prometheus-headers` is set without `prometheus-url` (example: prometheus-url: https://prometheus.example.com)');
    }
    const durationMs = inputs['analysis-duration'];
    const limits = limitsSet(inputs);
    if (durationMs === 0) {
        for (const name of limits) {
            problems.push(`\`${name}\` needs \`analysis-duration\`: with 0 there is no window to judge (example: analysis-duration: 5m)`);
        }
        return problems;
    }
    if (limits.length === 0) {
        problems.push('`analysis-duration` is set but no limit is: set max-error-rate, max-latency-p95, max-latency-regression or prometheus-condition (example: max-error-rate: 5%)');
    }
    const urls = inputs['analysis-url'].length > 0 ? inputs['analysis-url'] : context.healthUrls;
    const httpLimits = limits.filter((name) => name !== 'prometheus-condition');
    if (urls.length === 0 && (httpLimits.length > 0 || !url)) {
        problems.push(`\`analysis-url\` is needed: ${httpLimits.length > 0 ? `${httpLimits.join(', ')} judge${httpLimits.length === 1 ? 's' : ''} requests` : 'the analysis has nothing to sample'}, and there is no health-url either (example: analysis-url: https://app.example.com/)`);
    }
    if (urls.length > 0) {
        const problem = windowProblem('analysis-duration', durationMs, inputs['analysis-interval']);
        if (problem)
            problems.push(problem);
    }
    return problems;
}
/** health-check's `watch`: a limit without a window, or a window too short for its interval. */
function watchInputProblems(inputs, intervalMs) {
    const limits = ['max-error-rate', 'max-latency-p95'].filter((name) => inputs[name] !== undefined);
    if (inputs.watch === 0) {
        return limits.map((name) => `\`${name}\` needs \`watch\`: with 0 there is no window to judge (example: watch: 5m)`);
    }
    const problems = [];
    if (limits.length === 0) {
        problems.push('`watch` judges the window against a limit: set `max-error-rate` or `max-latency-p95` (example: max-error-rate: 5%)');
    }
    const count = measurementsIn(inputs.watch, intervalMs);
    if (count >= MIN_SAMPLES_PER_URL)
        return problems;
    return [
        ...problems,
        `\`watch\` ${formatDuration(inputs.watch)} at \`watch-interval\` ${formatDuration(intervalMs)} gives ${count} measurement${count === 1 ? '' : 's'}; at least ${MIN_SAMPLES_PER_URL} are needed (example: watch: ${formatDuration(intervalMs * MIN_SAMPLES_PER_URL)})`,
    ];
}
/** What the engine runs on, from checked inputs (`analysis-url`, or else the health URLs). */
function analysisSettings(inputs, healthUrls, statuses, headers) {
    const url = inputs['prometheus-url'];
    const condition = inputs['prometheus-condition'];
    const query = inputs['prometheus-query'].trim();
    return {
        urls: inputs['analysis-url'].length > 0 ? inputs['analysis-url'] : healthUrls,
        headers,
        statuses,
        durationMs: inputs['analysis-duration'],
        intervalMs: inputs['analysis-interval'],
        limits: {
            maxErrorRate: inputs['max-error-rate'],
            maxLatencyP95Ms: inputs['max-latency-p95'],
            maxLatencyRegression: inputs['max-latency-regression'],
            prometheus: url && condition && query
                ? { url, query, condition, headers: inputs['prometheus-headers'] }
                : undefined,
        },
        failureLimit: inputs['failure-limit'],
        inconclusiveLimit: inputs['inconclusive-limit'],
        onInconclusive: inputs['on-inconclusive'],
    };
}
/**
 * health-check's `watch` window: the probe's URLs at its interval, with the watch limits; no
 * Prometheus and no baseline. The tolerances are gated-deploy's defaults (3 failed
 * measurements), and the whole window is judged once more at its end.
 */
function watchSettings(inputs, urls, statuses, headers, intervalMs) {
    return {
        urls,
        headers,
        statuses,
        durationMs: inputs.watch,
        intervalMs,
        limits: {
            maxErrorRate: inputs['max-error-rate'],
            maxLatencyP95Ms: inputs['max-latency-p95'],
        },
        failureLimit: 3,
        inconclusiveLimit: 3,
        onInconclusive: 'rollback',
    };
}


/***/ }),

/***/ 9182:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F0: () => (/* binding */ Tally),
/* harmony export */   Kq: () => (/* binding */ tooFewSamples),
/* harmony export */   SK: () => (/* binding */ httpProblem),
/* harmony export */   YT: () => (/* binding */ metricProblem),
/* harmony export */   z8: () => (/* binding */ regressionLimitMs)
/* harmony export */ });
/* unused harmony export REGRESSION_FLOOR_MS */
/* harmony import */ var _http_status_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(7845);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5098);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1116);
/* harmony import */ var _samples_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(730);
/* harmony import */ var _stats_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(1066);
// What a window has seen so far and what it makes of it: the tally of requests (counts exact,
// latencies bounded by samples.ts) and the limit checks that turn it into a problem, in the
// short words a log line, a verdict's reason and a Deployment description share.





/** Every request of a window: how many per URL, how many failed, and their latencies. */
class Tally {
    statuses;
    perUrl = new Map();
    failed = 0;
    total = 0;
    latencies;
    constructor(urls, statuses, random) {
        this.statuses = statuses;
        for (const url of urls)
            this.perUrl.set(url, 0);
        this.latencies = new _samples_js__WEBPACK_IMPORTED_MODULE_2__/* .LatencySample */ .zO(undefined, random);
    }
    /**
     * A failed request is a connection error, a timeout or a status outside the expected ones;
     * the latency of every request that got an answer (whatever its status) counts.
     */
    add(url, result) {
        this.total++;
        this.perUrl.set(url, (this.perUrl.get(url) ?? 0) + 1);
        if (result.status === undefined || !(0,_http_status_js__WEBPACK_IMPORTED_MODULE_3__/* .statusMatches */ .W)(this.statuses, result.status))
            this.failed++;
        if (result.status !== undefined)
            this.latencies.add(result.latencyMs);
    }
    figures() {
        return {
            samples: this.total,
            errorRate: (0,_stats_js__WEBPACK_IMPORTED_MODULE_4__/* .errorRate */ .zi)(this.failed, this.total),
            ...this.latencies.percentiles(),
        };
    }
    /** Requests that got an answer. */
    get answered() {
        return this.latencies.count;
    }
    /** The URL sampled least, with its count (undefined when no URL is sampled). */
    fewest() {
        let fewest;
        for (const [url, count] of this.perUrl) {
            if (fewest === undefined || count < fewest.count)
                fewest = { url, count };
        }
        return fewest;
    }
    /** Whether every URL has enough samples for the HTTP limits to be judged. */
    judgeable() {
        const fewest = this.fewest();
        return fewest !== undefined && fewest.count >= _inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .MIN_SAMPLES_PER_URL */ .N4;
    }
}
/**
 * Below this much added p95 a slower release is not a regression, whatever the factor: a fast
 * endpoint's 5 ms baseline would otherwise fail at 11 ms, within the jitter of one busy runner
 * or network hop. Above a baseline of 50 ms / (factor - 1) the factor alone decides.
 */
const REGRESSION_FLOOR_MS = 50;
/** The p95 the regression limit allows: `factor` times the baseline, and never under it + 50 ms. */
function regressionLimitMs(factor, baseline) {
    return Math.max(factor * baseline.p95, baseline.p95 + REGRESSION_FLOOR_MS);
}
/**
 * The first HTTP limit the figures break, in a few words (`error rate 33% over 5%`, `p95 1.2s
 * over 800ms`, `p95 930ms over 2x the baseline's 310ms`), or undefined when all hold.
 */
function httpProblem(figures, limits, baseline) {
    if (limits.maxErrorRate !== undefined && figures.errorRate > limits.maxErrorRate) {
        return `error rate ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPercent */ .l9)(figures.errorRate)} over ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPercent */ .l9)(limits.maxErrorRate)}`;
    }
    const p95 = figures.p95;
    if (p95 === undefined)
        return undefined;
    if (limits.maxLatencyP95Ms !== undefined && p95 > limits.maxLatencyP95Ms) {
        return `p95 ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMs */ ._V)(p95)} over ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMs */ ._V)(limits.maxLatencyP95Ms)}`;
    }
    const factor = limits.maxLatencyRegression;
    if (factor !== undefined && baseline !== undefined && p95 > regressionLimitMs(factor, baseline)) {
        return `p95 ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMs */ ._V)(p95)} over ${factor}x the baseline's ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMs */ ._V)(baseline.p95)}`;
    }
    return undefined;
}
/** `metric 0.12 is not < 0.05`, or undefined when the value passes. */
function metricProblem(condition, value) {
    if ((0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .conditionHolds */ .C)(condition, value))
        return undefined;
    return `metric ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMetric */ .gI)(value)} is not ${condition.text}`;
}
/** `only 3 samples of https://app.example.com/health (5 needed)`. */
function tooFewSamples(url, count) {
    return `only ${count} sample${count === 1 ? '' : 's'} of ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .shownUrl */ .zA)(url, 80)} (${_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .MIN_SAMPLES_PER_URL */ .N4} needed)`;
}


/***/ }),

/***/ 730:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   K4: () => (/* binding */ EvenlyThinned),
/* harmony export */   zO: () => (/* binding */ LatencySample)
/* harmony export */ });
/* unused harmony exports MAX_LATENCIES, MAX_POINTS */
/* harmony import */ var _stats_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1066);
// What the engine keeps of a window, bounded whatever its length: an hour at 100ms with three
// URLs is 108,000 requests and 36,000 measurements, which must neither grow memory without end
// nor make each judgment sort everything seen so far.

/**
 * Latencies kept exactly up to this many; past it, a uniform random sample of this size.
 * 10,000 holds every request of a 5-minute window at 100ms with 3 URLs (9,000), so the usual
 * windows get exact percentiles; a longer one gets percentiles of a fair sample of the whole
 * window (reservoir sampling, Vitter's algorithm R), whose p95 is within a fraction of a
 * percentile rank of the true one. Memory stays at two arrays of 10,000 numbers.
 */
const MAX_LATENCIES = 10_000;
/** Where `value` belongs in ascending `sorted` (the first index whose item is not below it). */
function lowerBound(sorted, value) {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (sorted[middle] < value)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}
/**
 * Latencies of one window, for its percentiles. They are also kept in order as they come (one
 * binary search and one array move each), so a judgment reads a percentile without sorting:
 * a measurement every 100ms for an hour must not sort 10,000 numbers 36,000 times.
 */
class LatencySample {
    capacity;
    random;
    /** The reservoir's slots, in the order they were filled (replaced at random when full). */
    slots = [];
    sorted = [];
    seen = 0;
    constructor(capacity = MAX_LATENCIES, random = Math.random) {
        this.capacity = capacity;
        this.random = random;
    }
    add(latencyMs) {
        this.seen++;
        if (this.slots.length < this.capacity) {
            this.slots.push(latencyMs);
            this.sorted.splice(lowerBound(this.sorted, latencyMs), 0, latencyMs);
            return;
        }
        // Each of the `seen` values so far stays in the sample with the same chance.
        const slot = Math.floor(this.random() * this.seen);
        if (slot >= this.capacity)
            return;
        const replaced = this.slots[slot];
        this.slots[slot] = latencyMs;
        this.sorted.splice(lowerBound(this.sorted, replaced), 1);
        this.sorted.splice(lowerBound(this.sorted, latencyMs), 0, latencyMs);
    }
    /** How many latencies were added (not how many are kept). */
    get count() {
        return this.seen;
    }
    /** How many are kept (at most the capacity). */
    get kept() {
        return this.slots.length;
    }
    /** p50 and p95 (nearest rank) of what is kept; undefined when nothing was added. */
    percentiles() {
        return {
            p50: (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .percentileOfSorted */ .WB)(this.sorted, 50),
            p95: (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .percentileOfSorted */ .WB)(this.sorted, 95),
        };
    }
}
/** The chart shows at most this many points of a window. */
const MAX_POINTS = 200;
/**
 * A list that keeps at most `capacity` items spread evenly over everything added: every item
 * while it fits, then every second, every fourth, ... (each time it fills, every other kept item
 * is dropped and the stride doubles). The newest item is always returned last, so a chart ends
 * where the window ended.
 */
class EvenlyThinned {
    capacity;
    kept = [];
    stride = 1;
    added = 0;
    newest;
    constructor(capacity = MAX_POINTS) {
        this.capacity = capacity;
        if (capacity < 2)
            throw new Error('EvenlyThinned needs room for at least 2 items');
    }
    add(item) {
        if (this.added % this.stride === 0) {
            this.kept.push(item);
            if (this.kept.length > this.capacity) {
                this.kept = this.kept.filter((_, index) => index % 2 === 0);
                this.stride *= 2;
            }
        }
        this.added++;
        this.newest = { item };
    }
    get count() {
        return this.added;
    }
    items() {
        // Kept items are those added at multiples of the stride: the last one is the newest when
        // its place in the order is the newest's.
        const lastKeptAt = (this.kept.length - 1) * this.stride;
        if (this.newest === undefined || lastKeptAt === this.added - 1)
            return [...this.kept];
        // When full, the newest takes the last kept item's place: the end moves, the count does not.
        const room = this.kept.length < this.capacity ? this.kept : this.kept.slice(0, -1);
        return [...room, this.newest.item];
    }
}


/***/ }),

/***/ 1066:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   WB: () => (/* binding */ percentileOfSorted),
/* harmony export */   zi: () => (/* binding */ errorRate)
/* harmony export */ });
/* unused harmony export percentile */
// The two figures the analysis judges requests by. Kept apart from the engine so the report and
// the tests compute them the same way.
/**
 * The p-th percentile by the nearest-rank method: the smallest value with at least p % of the
 * values at or below it (`sorted[ceil(p/100 · n) − 1]`). It is always one of the measured
 * latencies, never an interpolation between two, so a p95 of 88ms means a request took 88ms.
 * `sorted` must be in ascending order; undefined when there are no values.
 */
function percentileOfSorted(sorted, p) {
    const count = sorted.length;
    if (count === 0)
        return undefined;
    const rank = Math.min(count, Math.max(1, Math.ceil((p / 100) * count)));
    return sorted[rank - 1];
}
/** The same over values in any order (sorted on a copy). */
function percentile(values, p) {
    return percentileOfSorted(Float64Array.from(values).sort(), p);
}
/** Percent of failed requests; 0 when none were made (nothing failed). */
function errorRate(failed, total) {
    return total === 0 ? 0 : (failed / total) * 100;
}


/***/ }),

/***/ 9503:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   rG: () => (/* binding */ MAX_DURATION_MS)
/* harmony export */ });
const UNIT_MS = {
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000,
};
/**
 * The longest wait a Node timer can hold (2^31 - 1 ms, about 24.8 days); a longer one fires at
 * once, so a duration above it is an input error, never a timer.
 */
const MAX_DURATION_MS = 2 ** 31 - 1;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
/**
 * Milliseconds in a duration such as `500ms`, `10s`, `5m`, `1h`, `7d`, `1m30s`, or a bare number of
 * seconds (`30`, `1.5`). Returns undefined for anything else.
 */
function parseDuration(text) {
    const value = text.trim().toLowerCase();
    if (value === '')
        return undefined;
    if (/^\d+(\.\d+)?$/.test(value))
        return Math.round(Number(value) * 1000);
    let total = 0;
    let consumed = 0;
    PART.lastIndex = 0;
    for (let match = PART.exec(value); match; match = PART.exec(value)) {
        total += Number(match[1]) * UNIT_MS[match[2]];
        consumed = PART.lastIndex;
    }
    if (consumed !== value.length)
        return undefined;
    return Math.round(total);
}
/** A short human form: `850ms`, `12.3s`, `5m`, `1h 2m`. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    if (ms < 60_000) {
        const seconds = ms / 1000;
        return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)}s`;
    }
    const totalSeconds = Math.round(ms / 1000);
    const hours = Math.floor(totalSeconds / 3600);
    const minutes = Math.floor((totalSeconds % 3600) / 60);
    const seconds = totalSeconds % 60;
    const parts = [];
    if (hours)
        parts.push(`${hours}h`);
    if (minutes)
        parts.push(`${minutes}m`);
    if (seconds)
        parts.push(`${seconds}s`);
    return parts.join(' ');
}


/***/ }),

/***/ 2635:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   dR: () => (/* binding */ ActionFailure),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage)
/* harmony export */ });
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

/***/ 9596:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Yy: () => (/* binding */ createDeployment),
/* harmony export */   gs: () => (/* binding */ environmentDeployments),
/* harmony export */   jG: () => (/* binding */ liveEarlierDeployments),
/* harmony export */   latestDeploymentStatus: () => (/* binding */ latestDeploymentStatus),
/* harmony export */   setDeploymentStatus: () => (/* binding */ setDeploymentStatus)
/* harmony export */ });
/* unused harmony exports MAX_DEPLOYMENTS_PER_QUERY, ENVIRONMENT_DEPLOYMENTS_QUERY, latestDeployment */
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6335);

function requestOptions(control = {}) {
    return {
        request: {
            ...(control.signal ? { signal: control.signal } : {}),
            ...(control.retries !== undefined ? { retries: control.retries } : {}),
        },
    };
}
/** Records a deployment (no merge of the default branch, no required contexts: CI gated it). */
async function createDeployment(client, context, deployment, control) {
    const response = await client.rest.repos.createDeployment({
        owner: context.owner,
        repo: context.repo,
        ref: deployment.ref,
        environment: deployment.environment,
        description: (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .deploymentDescription */ .kj)(deployment.description),
        payload: deployment.payload,
        ...(deployment.task ? { task: deployment.task } : {}),
        auto_merge: false,
        required_contexts: [],
        production_environment: deployment.production,
        transient_environment: deployment.transient,
        ...requestOptions(control),
    });
    // 202 (a merge was needed) has a message instead of an id; a cut-off answer has neither.
    const data = response.data;
    const id = data !== null && typeof data === 'object' ? data.id : undefined;
    if (typeof id !== 'number') {
        const message = data !== null && typeof data === 'object' ? data.message : '';
        throw new Error(`GitHub did not create the deployment: ${typeof message === 'string' && message ? message : `answer ${response.status} without an id`}`);
    }
    return id;
}
async function setDeploymentStatus(client, context, deploymentId, status, control) {
    const url = (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .environmentUrl */ .fw)(status.environmentUrl);
    await client.rest.repos.createDeploymentStatus({
        owner: context.owner,
        repo: context.repo,
        deployment_id: deploymentId,
        state: status.state,
        description: (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .deploymentDescription */ .kj)(status.description),
        ...(url ? { environment_url: url } : {}),
        log_url: context.runUrl,
        ...requestOptions(control),
    });
}
/** The newest status of a deployment, or undefined when it has none yet. */
async function latestDeploymentStatus(client, context, deploymentId, control) {
    const { data } = await client.rest.repos.listDeploymentStatuses({
        owner: context.owner,
        repo: context.repo,
        deployment_id: deploymentId,
        per_page: 1,
        ...requestOptions(control),
    });
    const latest = Array.isArray(data) ? data[0] : undefined;
    return latest ? { state: latest.state, description: latest.description ?? '' } : undefined;
}
/** GraphQL's page size limit. */
const MAX_DEPLOYMENTS_PER_QUERY = 100;
// Newest first: GitHub's default order is CREATED_AT ASC, which would show the oldest ones.
const ENVIRONMENT_DEPLOYMENTS_QUERY = `query EnvironmentDeployments($owner: String!, $name: String!, $environments: [String!], $first: Int!) {
  repository(owner: $owner, name: $name) {
    deployments(environments: $environments, first: $first, orderBy: {field: CREATED_AT, direction: DESC}) {
      nodes {
        databaseId
        state
        latestStatus {
          state
        }
      }
    }
  }
}`;
/**
 * The newest deployments of an environment with their newest status, in one GraphQL request
 * (the REST API needs one more request per deployment for its statuses).
 */
async function environmentDeployments(client, context, environment, options = {}) {
    // The object form: the string form refuses `url` (the run's GraphQL endpoint) as an option.
    const answer = await client.graphql({
        query: ENVIRONMENT_DEPLOYMENTS_QUERY,
        url: context.graphqlUrl,
        owner: context.owner,
        name: context.repo,
        environments: [environment],
        first: Math.min(options.first ?? MAX_DEPLOYMENTS_PER_QUERY, MAX_DEPLOYMENTS_PER_QUERY),
        ...requestOptions(options),
    });
    const nodes = answer.repository?.deployments.nodes ?? [];
    return nodes
        .filter((node) => node !== null)
        .map((node) => ({
        id: node.databaseId,
        state: node.state,
        latestStatus: node.latestStatus?.state ?? null,
    }));
}
/**
 * The deployments of the environment created before `beforeId` that still read as live
 * (newest status success): the ones to mark inactive once `beforeId` has taken over. Later
 * deployments (a deploy that finished while a rollback ran) are never touched.
 */
function liveEarlierDeployments(deployments, beforeId) {
    return deployments
        .filter((deployment) => deployment.latestStatus === 'SUCCESS')
        .map((deployment) => deployment.id)
        .filter((id) => id !== null && (beforeId === undefined || id < beforeId));
}
/** The newest deployment of an environment (REST: its payload comes with it), if any. */
async function latestDeployment(client, context, environment, control) {
    const { data } = await client.rest.repos.listDeployments({
        owner: context.owner,
        repo: context.repo,
        environment,
        per_page: 1,
        ...requestOptions(control),
    });
    const latest = Array.isArray(data) ? data[0] : undefined;
    if (!latest)
        return undefined;
    const payload = latest.payload !== null && typeof latest.payload === 'object'
        ? latest.payload
        : {};
    return { id: latest.id, payload };
}


/***/ }),

/***/ 6335:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   cy: () => (/* binding */ redactPayload),
/* harmony export */   fw: () => (/* binding */ environmentUrl),
/* harmony export */   kj: () => (/* binding */ deploymentDescription)
/* harmony export */ });
/* unused harmony exports DESCRIPTION_LIMIT, redactUrl, redactText, publishableText */
/* harmony import */ var _secret_registry_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6982);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5931);
// What may be published: what flightdeck sends to GitHub to be shown to everyone with read
// access (comments, deployment descriptions, environment URLs, payloads) is cleaned here first:
// the runner masks secrets in logs, but nothing masks what an API stores. Secrets are replaced by
// the one secret registry's function (shared/secret-registry.ts), with its one threshold.


/** GitHub's limit for deployment and deployment status descriptions, in characters. */
const DESCRIPTION_LIMIT = 140;
// Query parameters named like credentials (`?token=`, `&api_key=`, `X-Amz-Signature=`, `sig=`).
function isSensitiveParameter(name) {
    return (0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .isSensitiveHeader */ .yx)(name) || /^(sig|code|jwt|pass|pwd)$/i.test(name);
}
/**
 * A URL without `user:password@` and with credential-like query values replaced by `***`.
 * Edited as text, so the rest stays exactly as written (a URL inside a sentence may end in
 * punctuation that re-serializing would percent-encode).
 */
function redactUrl(url) {
    const withoutUserinfo = url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/?#\s]*@/i, '$1');
    return withoutUserinfo.replace(/([?&])([^=&#\s]+)=([^&#\s]*)/g, (whole, separator, name) => {
        let decoded = name;
        try {
            decoded = decodeURIComponent(name);
        }
        catch {
            // Not percent-encoded: the name as written.
        }
        return isSensitiveParameter(decoded) ? `${separator}${name}=***` : whole;
    });
}
// `scheme://` followed by anything up to whitespace or a quote.
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;
/**
 * Text with credentials taken out: URLs lose `user:password@` and credential-like query
 * values, and each of `secrets` (tokens, header values) becomes `***`.
 */
function redactText(text, secrets = []) {
    return (0,_secret_registry_js__WEBPACK_IMPORTED_MODULE_0__/* .replaceSecrets */ .Et)(text, secrets).replace(URL_IN_TEXT, (url) => redactUrl(url));
}
/**
 * Text for a public place (a PR or commit comment): every registered secret replaced, then the
 * credentials of URLs taken out as in `redactText`.
 */
function publishableText(text) {
    return redactText(replaceSecrets(text));
}
/**
 * A deployment or status description GitHub accepts and anyone may read: credentials taken
 * out, whitespace runs (newlines from CLI errors) as one space, and cut visibly at 140
 * characters (by code point, so an emoji is never split in half).
 */
function deploymentDescription(text, secrets = []) {
    const clean = redactText(text, secrets).replace(/\s+/g, ' ').trim();
    const characters = Array.from(clean);
    if (characters.length <= DESCRIPTION_LIMIT)
        return clean;
    return `${characters.slice(0, DESCRIPTION_LIMIT - 1).join('')}…`;
}
/**
 * An environment URL safe to publish: http(s) only, without `user:password@` and without
 * credential-like query parameters (a link that needs them is better missing than leaking
 * them). Undefined for anything else, so GitHub keeps the environment's earlier URL.
 */
function environmentUrl(url, secrets = []) {
    if (!url)
        return undefined;
    let parsed;
    try {
        parsed = new URL(url.trim());
    }
    catch {
        return undefined;
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
        return undefined;
    const sensitive = [...parsed.searchParams.keys()].filter(isSensitiveParameter);
    let text = url.trim();
    // Rebuilt only when something must go, so a clean URL is published exactly as given.
    if (parsed.username !== '' || parsed.password !== '' || sensitive.length > 0) {
        parsed.username = '';
        parsed.password = '';
        for (const name of sensitive)
            parsed.searchParams.delete(name);
        text = parsed.toString();
    }
    // A secret anywhere else in the URL (a path segment, a fragment): publish nothing.
    return (0,_secret_registry_js__WEBPACK_IMPORTED_MODULE_0__/* .replaceSecrets */ .Et)(text, secrets) === text ? text : undefined;
}
/**
 * A deployment payload with every string cleaned by `redactText`. Depth is bounded: payloads
 * are small records built by flightdeck, and anything deeper than this is dropped rather than
 * walked.
 */
function redactPayload(value, secrets = [], depth = 0) {
    if (typeof value === 'string')
        return redactText(value, secrets);
    if (value === null || typeof value !== 'object')
        return value;
    if (depth >= 8)
        return null;
    if (Array.isArray(value))
        return value.map((item) => redactPayload(item, secrets, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactPayload(item, secrets, depth + 1)]));
}


/***/ }),

/***/ 1563:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   MV: () => (/* binding */ parseAssertion),
/* harmony export */   nD: () => (/* binding */ checkAssertion)
/* harmony export */ });
/* unused harmony exports parsePath, resolvePath, jsonText */
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1884);

const OPERATORS = ['==', '!=', '<=', '>=', '<', '>', '~=', 'exists'];
const EXAMPLE = 'status == healthy';
/** The key inside `["..."]`, with JSON string escapes (`\"`, `\u00e9`) decoded. */
function quotedKey(text, path) {
    try {
        return JSON.parse(`"${text}"`);
    }
    catch {
        throw new Error(`${JSON.stringify(path)} has a quoted key that is not a JSON string (example: services["cache.v2"])`);
    }
}
/** Splits `services.database`, `checks[0].ok`, `$.a["b.c"]` into keys and indexes. */
function parsePath(path) {
    const segments = [];
    let rest = path.replace(/^\$\.?/, '');
    const token = /^(?:\.?([^.[\]\s]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\])/;
    while (rest.length > 0) {
        const match = token.exec(rest);
        if (!match)
            throw new Error(`${JSON.stringify(path)} is not a JSON path (example: checks[0].ok)`);
        if (match[1] !== undefined)
            segments.push(match[1]);
        else if (match[2] !== undefined)
            segments.push(Number(match[2]));
        else
            segments.push(quotedKey(match[3], path));
        rest = rest.slice(match[0].length);
    }
    return segments;
}
function parseExpected(text) {
    if (/^".*"$/s.test(text))
        return JSON.parse(text);
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
/** Parses one `PATH OP VALUE` line, e.g. `status == healthy`, `latency_ms < 500`, `db exists`. */
function parseAssertion(line) {
    const match = /^(\S+)\s+(\S+)(?:\s+(.*))?$/s.exec(line.trim());
    const operator = match?.[2];
    if (!match || !operator || !OPERATORS.includes(operator)) {
        throw new Error(`${JSON.stringify(line)} has no operator; write PATH OP VALUE with OP one of ${OPERATORS.join(' ')} (example: ${EXAMPLE})`);
    }
    const path = match[1];
    const expectedText = (match[3] ?? '').trim();
    if (operator === 'exists' && expectedText !== '') {
        throw new Error(`${JSON.stringify(line)}: \`exists\` takes no value (example: services.database exists)`);
    }
    if (operator !== 'exists' && expectedText === '') {
        throw new Error(`${JSON.stringify(line)} has no value after ${operator} (example: ${EXAMPLE})`);
    }
    const expected = operator === 'exists' ? undefined : parseExpected(expectedText);
    if (['<', '<=', '>', '>='].includes(operator) && typeof expected !== 'number') {
        throw new Error(`${JSON.stringify(line)}: ${operator} needs a number (example: latency_ms < 500)`);
    }
    if (typeof expected === 'number' && !Number.isFinite(expected)) {
        throw new Error(`${JSON.stringify(line)}: ${expectedText} is beyond the largest number JSON can compare (about 1.8e308)`);
    }
    const pattern = operator === '~=' ? (0,_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .compileRegex */ .DL)(String(expected), '^ok|ready$') : undefined;
    return {
        source: line.trim(),
        path,
        segments: parsePath(path),
        operator,
        expectedText: typeof expected === 'string' ? expected : expectedText,
        expected,
        pattern,
    };
}
function resolvePath(document, segments) {
    let current = document;
    for (const segment of segments) {
        if (current === null || typeof current !== 'object')
            return undefined;
        if (typeof segment === 'number') {
            if (!Array.isArray(current))
                return undefined;
            current = current[segment];
        }
        else {
            if (!Object.prototype.hasOwnProperty.call(current, segment))
                return undefined;
            current = current[segment];
        }
    }
    return current;
}
// Health endpoints are servers flightdeck does not control: a body may nest 100,000 arrays
// deep, carry numbers beyond what a double holds, or have keys such as `__proto__`. Everything
// below walks values with an explicit stack and a size limit instead of recursion or
// JSON.stringify, so any body that parses ends in a verdict with a reason, never a
// RangeError.
/** Longest JSON text `~=` matches a non-string value against; longer is a failure. */
const MATCH_TEXT_LIMIT = 1 << 20;
function numberText(value) {
    // JSON.parse turns numbers beyond ±1.8e308 into ±Infinity; JSON.stringify would say null.
    return Number.isFinite(value) ? String(value) : value > 0 ? 'Infinity' : '-Infinity';
}
function scalarText(value) {
    if (typeof value === 'string')
        return JSON.stringify(value);
    if (typeof value === 'number')
        return numberText(value);
    if (typeof value === 'boolean' || value === null)
        return String(value);
    return 'null';
}
/**
 * A value as compact JSON text, written with an explicit stack (any depth) and stopping once
 * it passes `limit` characters. `complete` is false when it stopped early.
 */
function jsonText(value, limit) {
    let text = '';
    const stack = [];
    const open = (item) => {
        if (Array.isArray(item)) {
            text += '[';
            stack.push({ kind: 'array', items: item, next: 0 });
        }
        else if (item !== null && typeof item === 'object') {
            text += '{';
            stack.push({ kind: 'object', entries: Object.entries(item), next: 0 });
        }
        else {
            text += scalarText(item);
        }
    };
    open(value);
    while (stack.length > 0 && text.length <= limit) {
        const frame = stack[stack.length - 1];
        if (frame.kind === 'array') {
            if (frame.next >= frame.items.length) {
                text += ']';
                stack.pop();
                continue;
            }
            if (frame.next > 0)
                text += ',';
            open(frame.items[frame.next++]);
        }
        else {
            if (frame.next >= frame.entries.length) {
                text += '}';
                stack.pop();
                continue;
            }
            const [key, item] = frame.entries[frame.next++];
            text += `${frame.next > 1 ? ',' : ''}${JSON.stringify(key)}:`;
            open(item);
        }
    }
    const complete = stack.length === 0 && text.length <= limit;
    return { text: complete ? text : text.slice(0, limit), complete };
}
/** A value for a message: compact JSON, cut at 80 characters. */
function show(value) {
    const { text, complete } = jsonText(value, 80);
    return complete ? text : `${text.slice(0, 77)}...`;
}
/**
 * Deep equality of two JSON values (object key order does not matter), with an explicit stack:
 * `expected` comes from an assertion line, but `actual` may be nested arbitrarily deep.
 */
function jsonEqual(actual, expected) {
    const pending = [[actual, expected]];
    while (pending.length > 0) {
        const [a, b] = pending.pop();
        if (a === b)
            continue;
        if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object')
            return false;
        if (Array.isArray(a) !== Array.isArray(b))
            return false;
        if (Array.isArray(a) && Array.isArray(b)) {
            if (a.length !== b.length)
                return false;
            for (let i = 0; i < a.length; i++)
                pending.push([a[i], b[i]]);
            continue;
        }
        const aKeys = Object.keys(a);
        const bRecord = b;
        if (aKeys.length !== Object.keys(b).length)
            return false;
        for (const key of aKeys) {
            if (!Object.prototype.hasOwnProperty.call(b, key))
                return false;
            pending.push([a[key], bRecord[key]]);
        }
    }
    return true;
}
/**
 * Why two numbers cannot be compared exactly, or undefined when they can. An integer beyond
 * 2^53 parses as the nearest double, so two different integers there may parse equal; when
 * they parse different, their order (and inequality) is still exact. Numbers beyond ±1.8e308
 * parse as ±Infinity, which still compares exactly against the finite numbers an assertion
 * may hold.
 */
function inexactComparison(path, actual, expected) {
    if (actual === expected && Math.abs(actual) > Number.MAX_SAFE_INTEGER) {
        return `${path} is about ${numberText(actual)}, beyond the 2^53 range where JSON numbers compare exactly`;
    }
    return undefined;
}
/** The actual value for a message; a number JSON.parse overflowed is named as such. */
function showActual(actual) {
    if (typeof actual === 'number' && !Number.isFinite(actual)) {
        return `a number beyond ${actual > 0 ? '' : '-'}1.8e308`;
    }
    return show(actual);
}
function equal(actual, assertion) {
    if (jsonEqual(actual, assertion.expected))
        return true;
    // `count == 3` holds for "3" too, and `status == healthy` for "healthy".
    return (['string', 'number', 'boolean'].includes(typeof actual) &&
        String(actual) === assertion.expectedText);
}
/** Checks one assertion against a parsed document; returns why it failed, or undefined. */
function checkAssertion(document, assertion) {
    const actual = resolvePath(document, assertion.segments);
    const { path, operator } = assertion;
    if (operator === 'exists')
        return actual === undefined ? `${path} does not exist` : undefined;
    if (actual === undefined)
        return `${path} does not exist (expected ${operator} ${show(assertion.expected)})`;
    switch (operator) {
        case '==':
        case '!=': {
            if (typeof actual === 'number' && typeof assertion.expected === 'number') {
                const inexact = inexactComparison(path, actual, assertion.expected);
                if (inexact)
                    return inexact;
            }
            const same = equal(actual, assertion);
            if (operator === '==') {
                return same
                    ? undefined
                    : `${path} was ${showActual(actual)}, not ${show(assertion.expected)}`;
            }
            return same ? `${path} was ${showActual(actual)}, expected anything else` : undefined;
        }
        case '~=': {
            let subject;
            if (typeof actual === 'string') {
                subject = actual;
            }
            else {
                const { text, complete } = jsonText(actual, MATCH_TEXT_LIMIT);
                if (!complete) {
                    return `${path} is over ${MATCH_TEXT_LIMIT} characters as JSON, too large to match against ${String(assertion.pattern)}`;
                }
                subject = text;
            }
            if (assertion.pattern)
                assertion.pattern.lastIndex = 0;
            return assertion.pattern?.test(subject)
                ? undefined
                : `${path} was ${showActual(actual)}, which does not match ${String(assertion.pattern)}`;
        }
        default: {
            const value = typeof actual === 'number'
                ? actual
                : typeof actual === 'string' && actual.trim() !== ''
                    ? Number(actual)
                    : NaN;
            if (Number.isNaN(value))
                return `${path} was ${showActual(actual)}, not a number`;
            const limit = assertion.expected;
            const inexact = inexactComparison(path, value, limit);
            if (inexact)
                return inexact;
            const holds = operator === '<'
                ? value < limit
                : operator === '<='
                    ? value <= limit
                    : operator === '>'
                        ? value > limit
                        : value >= limit;
            return holds ? undefined : `${path} was ${showActual(actual)}, not ${operator} ${limit}`;
        }
    }
}


/***/ }),

/***/ 8583:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ MIN_INTERVAL_MS)
/* harmony export */ });
// Bounds of the probe engine, in a module of their own so input schemas can name them without
// loading the network code.
/**
 * The shortest wait between two probes of one URL, whatever the inputs and jitter say: no
 * combination of interval, backoff and max-interval can flood a server.
 */
const MIN_INTERVAL_MS = 100;


/***/ }),

/***/ 7845:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ statusMatches),
/* harmony export */   o: () => (/* binding */ parseStatusSet)
/* harmony export */ });
const EXAMPLE = '200-299';
function parseStatusSet(text) {
    const ranges = [];
    const parts = text
        .split(/[\s,]+/)
        .map((part) => part.trim())
        .filter(Boolean);
    if (parts.length === 0)
        throw new Error(`no status code given (example: ${EXAMPLE})`);
    for (const part of parts) {
        const klass = /^([1-5])xx$/i.exec(part);
        if (klass) {
            const first = Number(klass[1]) * 100;
            ranges.push([first, first + 99]);
            continue;
        }
        const range = /^(\d{3})(?:-(\d{3}))?$/.exec(part);
        const low = Number(range?.[1]);
        const high = range?.[2] === undefined ? low : Number(range[2]);
        if (!range || low < 100 || high > 599 || low > high) {
            throw new Error(`${JSON.stringify(part)} is not a status code or range (example: ${EXAMPLE}, or 200,204)`);
        }
        ranges.push([low, high]);
    }
    return { text: parts.join(','), ranges };
}
function statusMatches(set, status) {
    return set.ranges.some(([low, high]) => status >= low && status <= high);
}


/***/ }),

/***/ 4458:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ unhealthyReasons),
/* harmony export */   verifyHealth: () => (/* binding */ verifyHealth)
/* harmony export */ });
/** Why a verification failed: `URL: reason` of each unhealthy URL, joined. */
function unhealthyReasons(report) {
    return report.targets
        .filter((target) => !target.healthy)
        .map((target) => `${target.url}: ${target.error ?? ''}`)
        .join('; ');
}
/**
 * The health check other actions run after changing a platform (rollback, deploy, preview):
 * the health-check action's defaults, one probe a second, verdict as soon as it is known.
 */
async function verifyHealth(check) {
    // The probe engine loads Node's network modules: only a step that checks health pays for them.
    const { pollUntilHealthy } = await __nccwpck_require__.e(/* import() */ 345).then(__nccwpck_require__.bind(__nccwpck_require__, 3345));
    const onAttempt = check.onAttempt ?? (await __nccwpck_require__.e(/* import() */ 341).then(__nccwpck_require__.bind(__nccwpck_require__, 341))).attemptLogger();
    return pollUntilHealthy(check.urls.map((url) => ({
        url,
        method: 'GET',
        headers: check.headers,
        followRedirects: true,
        insecure: false,
        ipVersion: 0,
    })), check.expect, {
        timeoutMs: check.timeoutMs,
        requestTimeoutMs: Math.min(10_000, check.timeoutMs),
        gracePeriodMs: 0,
        intervalMs: 1000,
        backoff: 'fixed',
        maxIntervalMs: 30_000,
        maxAttempts: 0,
        successThreshold: 1,
        onAttempt,
    });
}


/***/ }),

/***/ 1884:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  zM: () => (/* binding */ inputs_boolean),
  Uy: () => (/* binding */ cliArgument),
  DL: () => (/* binding */ compileRegex),
  p0: () => (/* binding */ inputs_duration),
  Hq: () => (/* binding */ headerLines),
  q3: () => (/* binding */ inputs_httpUrl),
  bw: () => (/* binding */ httpUrls),
  nd: () => (/* binding */ inputs_integer),
  yL: () => (/* binding */ oneOf),
  lq: () => (/* binding */ inputs_optional),
  TL: () => (/* binding */ parseInputs),
  K3: () => (/* binding */ parser),
  hD: () => (/* binding */ quote),
  rJ: () => (/* binding */ secret),
  uz: () => (/* binding */ splitLines),
  ry: () => (/* binding */ splitList),
  Qq: () => (/* binding */ inputs_text),
  IQ: () => (/* binding */ withDefault)
});

// UNUSED EXPORTS: environmentName, keyValueLines, lines, list, regex, required

// EXTERNAL MODULE: ./shared/runner-protocol.ts
var runner_protocol = __nccwpck_require__(8447);
;// CONCATENATED MODULE: ./node_modules/zod/v4/core/util.js

// functions
function assertEqual(val) {
    return val;
}
function assertNotEqual(val) {
    return val;
}
function toZod() {
    return (schema) => schema;
}
function assertIs(_arg) { }
function assertNever(_x) {
    throw new Error("Unexpected value in exhaustive check");
}
function assert(_) { }
function getEnumValues(entries) {
    const numericValues = Object.values(entries).filter((v) => typeof v === "number");
    const values = Object.entries(entries)
        .filter(([k, _]) => numericValues.indexOf(+k) === -1)
        .map(([_, v]) => v);
    return values;
}
function joinValues(array, separator = "|") {
    return array.map((val) => stringifyPrimitive(val)).join(separator);
}
function jsonStringifyReplacer(_, value) {
    if (typeof value === "bigint")
        return value.toString();
    return value;
}
// the accessor lives on a shared prototype: an own accessor makes every box a dictionary-mode object (~360 B and a slow load per read against ~100 B and an inlined getter here)
class Cached {
    constructor(getter) {
        this._getter = getter;
        this._value = undefined;
    }
    get value() {
        const getter = this._getter;
        if (getter !== undefined) {
            this._value = getter();
            this._getter = undefined;
        }
        return this._value;
    }
}
function cached(getter) {
    return new Cached(getter);
}
function nullish(input) {
    return input === null || input === undefined;
}
function cleanRegex(source) {
    const start = source.startsWith("^") ? 1 : 0;
    const end = source.endsWith("$") ? source.length - 1 : source.length;
    return source.slice(start, end);
}
function floatSafeRemainder(val, step) {
    const ratio = val / step;
    const roundedRatio = Math.round(ratio);
    // `val` and `step` each round to a double before the division rounds again, so a true decimal multiple's quotient can sit up to 1.5 of these scaled epsilons from the integer. A 1x tolerance therefore rejected 2.03 as a multiple of 0.07; 4x covers the worst case with margin.
    const tolerance = 4 * Number.EPSILON * Math.max(Math.abs(ratio), 1);
    if (Math.abs(ratio - roundedRatio) < tolerance)
        return 0;
    return ratio - roundedRatio;
}
const EVALUATING = /* @__PURE__*/ (/* unused pure expression or super */ null && (Symbol("evaluating")));
function defineLazy(object, key, getter) {
    let value = undefined;
    Object.defineProperty(object, key, {
        get() {
            if (value === EVALUATING) {
                // Circular reference detected, return undefined to break the cycle
                return undefined;
            }
            if (value === undefined) {
                value = EVALUATING;
                value = getter();
            }
            return value;
        },
        set(v) {
            Object.defineProperty(object, key, {
                value: v,
                // configurable: true,
            });
            // object[key] = v;
        },
        configurable: true,
    });
}
function objectClone(obj) {
    return Object.create(Object.getPrototypeOf(obj), Object.getOwnPropertyDescriptors(obj));
}
function assignProp(target, prop, value) {
    Object.defineProperty(target, prop, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
    });
}
/**
 * Whichever object a def's `shape` currently answers from: the one the caller passed until the first read, the frozen copy after it.
 *
 * Its keys and descriptors read without invoking anything, which is what lets a discriminated union check its discriminator, and the cycle walk read a shape, without resolving a getter that references the schema being constructed. A def that answers `shape` from an accessor of its own has none.
 */
function rawShape(def) {
    const desc = Object.getOwnPropertyDescriptor(def, "shape");
    return desc?.get ? desc.get.raw : desc?.value;
}
// where a builder reads its source's keys and descriptors, resolving only a shape a def answers for itself. A shape resolves by object spread, so only its enumerable keys are ever part of it.
function sourceShape(schema) {
    return rawShape(schema._zod.def) ?? schema._zod.def.shape;
}
// a key whose value is not settled yet, self-caching so every read after the first gets the same one
function deferProp(target, key, getter) {
    Object.defineProperty(target, key, {
        get() {
            const value = getter();
            assignProp(this, key, value);
            return value;
        },
        enumerable: true,
        configurable: true,
    });
}
// Writes a settled key. A plain assignment is much cheaper than `defineProperty` and produces the same descriptor, but it runs whatever setter already answers to the key — an accessor this shape deferred, or an inherited one, which `__proto__` has on every object and prototype pollution can add for any name.
function putProp(target, key, value) {
    if (key in target)
        assignProp(target, key, value);
    else
        target[key] = value;
}
/**
 * Copies `keys` of `source`'s shape onto `target`, each value passed through `wrap`.
 *
 * A key the source has resolved is copied through now, so the derived shape states it outright and nothing has to resolve it to learn what it holds. A key the source still defers stays deferred, and reads back through the source's own `shape`, so it resolves once and both shapes get that one schema.
 */
function mirrorShape(target, source, keys, wrap) {
    const raw = sourceShape(source);
    for (const key of keys) {
        const desc = Object.getOwnPropertyDescriptor(raw, key);
        if (!desc.enumerable)
            continue;
        if (desc.get) {
            deferProp(target, key, () => {
                const value = source._zod.def.shape[key];
                return wrap ? wrap(value, key) : value;
            });
        }
        else
            putProp(target, key, wrap ? wrap(desc.value, key) : desc.value);
    }
}
// same, for a plain shape a caller passed rather than a schema's
function mirrorProps(target, source) {
    for (const key of Reflect.ownKeys(source)) {
        const desc = Object.getOwnPropertyDescriptor(source, key);
        if (!desc.enumerable)
            continue;
        if (desc.get)
            deferProp(target, key, () => source[key]);
        else
            putProp(target, key, desc.value);
    }
}
function mergeDefs(...defs) {
    const mergedDescriptors = {};
    for (const def of defs) {
        const descriptors = Object.getOwnPropertyDescriptors(def);
        Object.assign(mergedDescriptors, descriptors);
    }
    return Object.defineProperties({}, mergedDescriptors);
}
function cloneDef(schema) {
    return mergeDefs(schema._zod.def);
}
function getElementAtPath(obj, path) {
    if (!path)
        return obj;
    return path.reduce((acc, key) => acc?.[key], obj);
}
function promiseAllObject(promisesObj) {
    const keys = Object.keys(promisesObj);
    const promises = keys.map((key) => promisesObj[key]);
    return Promise.all(promises).then((results) => {
        const resolvedObj = {};
        for (let i = 0; i < keys.length; i++) {
            resolvedObj[keys[i]] = results[i];
        }
        return resolvedObj;
    });
}
function randomString(length = 10) {
    const chars = "abcdefghijklmnopqrstuvwxyz";
    let str = "";
    for (let i = 0; i < length; i++) {
        str += chars[Math.floor(Math.random() * chars.length)];
    }
    return str;
}
function esc(str) {
    return JSON.stringify(str);
}
function slugify(input) {
    return input
        .toLowerCase()
        .trim()
        .replace(/[^\w\s-]/g, "")
        .replace(/[\s_-]+/g, "-")
        .replace(/^-+|-+$/g, "");
}
const captureStackTrace = ("captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => { });
function isObject(data) {
    return typeof data === "object" && data !== null && !Array.isArray(data);
}
const allowsEval = /* @__PURE__*/ (/* unused pure expression or super */ null && (cached(() => {
    // Skip the probe under `jitless`: strict CSPs report the caught `new Function` as a `securitypolicyviolation` even though the throw is swallowed.
    if (globalConfig.jitless) {
        return false;
    }
    // @ts-ignore
    if (typeof navigator !== "undefined" && navigator?.userAgent?.includes("Cloudflare")) {
        return false;
    }
    try {
        const F = Function;
        new F("");
        return true;
    }
    catch (_) {
        return false;
    }
})));
function isPlainObject(o) {
    if (isObject(o) === false)
        return false;
    // modified constructor
    const ctor = o.constructor;
    if (ctor === undefined)
        return true;
    if (typeof ctor !== "function")
        return true;
    // modified prototype
    const prot = ctor.prototype;
    if (isObject(prot) === false)
        return false;
    // ctor doesn't have static `isPrototypeOf`
    if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === false) {
        return false;
    }
    return true;
}
function shallowClone(o) {
    if (isPlainObject(o))
        return { ...o };
    if (Array.isArray(o))
        return [...o];
    if (o instanceof Map)
        return new Map(o);
    if (o instanceof Set)
        return new Set(o);
    return o;
}
function numKeys(data) {
    let keyCount = 0;
    for (const key in data) {
        if (Object.prototype.hasOwnProperty.call(data, key)) {
            keyCount++;
        }
    }
    return keyCount;
}
const getParsedType = (data) => {
    const t = typeof data;
    switch (t) {
        case "undefined":
            return "undefined";
        case "string":
            return "string";
        case "number":
            return Number.isNaN(data) ? "nan" : "number";
        case "boolean":
            return "boolean";
        case "function":
            return "function";
        case "bigint":
            return "bigint";
        case "symbol":
            return "symbol";
        case "object":
            if (Array.isArray(data)) {
                return "array";
            }
            if (data === null) {
                return "null";
            }
            if (data.then && typeof data.then === "function" && data.catch && typeof data.catch === "function") {
                return "promise";
            }
            if (typeof Map !== "undefined" && data instanceof Map) {
                return "map";
            }
            if (typeof Set !== "undefined" && data instanceof Set) {
                return "set";
            }
            if (typeof Date !== "undefined" && data instanceof Date) {
                return "date";
            }
            // @ts-ignore
            if (typeof File !== "undefined" && data instanceof File) {
                return "file";
            }
            return "object";
        default:
            throw new Error(`Unknown data type: ${t}`);
    }
};
const propertyKeyTypes = /* @__PURE__*/ new Set(["string", "number", "symbol"]);
const primitiveTypes = /* @__PURE__*/ new Set([
    "string",
    "number",
    "bigint",
    "boolean",
    "symbol",
    "undefined",
]);
function escapeRegex(str) {
    return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
// zod-specific utils
function clone(inst, def, params) {
    const cl = new inst._zod.constr(def ?? inst._zod.def);
    if (!def || params?.parent)
        cl._zod.parent = inst;
    return cl;
}
function normalizeParams(_params) {
    const params = _params;
    if (!params)
        return {};
    if (typeof params === "string")
        return { error: () => params };
    if (params?.message !== undefined) {
        if (params?.error !== undefined)
            throw new Error("Cannot specify both `message` and `error` params");
        params.error = params.message;
    }
    delete params.message;
    if (typeof params.error === "string")
        return { ...params, error: () => params.error };
    return params;
}
function createTransparentProxy(getter) {
    let target;
    return new Proxy({}, {
        get(_, prop, receiver) {
            target ?? (target = getter());
            return Reflect.get(target, prop, receiver);
        },
        set(_, prop, value, receiver) {
            target ?? (target = getter());
            return Reflect.set(target, prop, value, receiver);
        },
        has(_, prop) {
            target ?? (target = getter());
            return Reflect.has(target, prop);
        },
        deleteProperty(_, prop) {
            target ?? (target = getter());
            return Reflect.deleteProperty(target, prop);
        },
        ownKeys(_) {
            target ?? (target = getter());
            return Reflect.ownKeys(target);
        },
        getOwnPropertyDescriptor(_, prop) {
            target ?? (target = getter());
            return Reflect.getOwnPropertyDescriptor(target, prop);
        },
        defineProperty(_, prop, descriptor) {
            target ?? (target = getter());
            return Reflect.defineProperty(target, prop, descriptor);
        },
    });
}
function stringifyPrimitive(value) {
    if (typeof value === "bigint")
        return value.toString() + "n";
    if (typeof value === "string")
        return `"${value}"`;
    return `${value}`;
}
function optionalKeys(shape) {
    return Object.keys(shape).filter((k) => {
        return shape[k]._zod.optin !== undefined && shape[k]._zod.optout === "optional";
    });
}
// Wrapped in a `@__PURE__` IIFE: esbuild never tree-shakes a top-level initializer that contains a member access on `Number`, so the bare object literal survived into every bundle.
const NUMBER_FORMAT_RANGES = /*@__PURE__*/ (/* unused pure expression or super */ null && ((() => ({
    safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
    int32: [-2147483648, 2147483647],
    uint32: [0, 4294967295],
    float32: [-3.4028234663852886e38, 3.4028234663852886e38],
    float64: [-Number.MAX_VALUE, Number.MAX_VALUE],
}))()));
const BIGINT_FORMAT_RANGES = {
    int64: [/* @__PURE__*/ BigInt("-9223372036854775808"), /* @__PURE__*/ BigInt("9223372036854775807")],
    uint64: [/* @__PURE__*/ BigInt(0), /* @__PURE__*/ BigInt("18446744073709551615")],
};
function pick(schema, mask) {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(".pick() cannot be used on object schemas containing refinements");
    }
    const newShape = {};
    mirrorShape(newShape, schema, maskedKeys(schema, mask));
    return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
// the mask keys that select something, checked against the source's shape without resolving it
function maskedKeys(schema, mask) {
    const raw = sourceShape(schema);
    const keys = [];
    // `for...in` skips symbols, so a symbol in the mask would select nothing
    for (const key of Reflect.ownKeys(mask)) {
        if (!Object.getOwnPropertyDescriptor(raw, key)?.enumerable) {
            throw new Error(`Unrecognized key: "${String(key)}"`);
        }
        if (mask[key])
            keys.push(key);
    }
    return keys;
}
function omit(schema, mask) {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(".omit() cannot be used on object schemas containing refinements");
    }
    const omitted = new Set(maskedKeys(schema, mask));
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)).filter((key) => !omitted.has(key)));
    return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
function extend(schema, shape) {
    if (!isPlainObject(shape)) {
        throw new Error("Invalid input to extend: expected a plain object");
    }
    const checks = schema._zod.def.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        // Only throw if new shape overlaps with existing shape. Use getOwnPropertyDescriptor to check key existence without accessing values
        const existingShape = sourceShape(schema);
        for (const key of Reflect.ownKeys(shape)) {
            if (Object.getOwnPropertyDescriptor(existingShape, key) !== undefined) {
                throw new Error("Cannot overwrite keys on object schemas containing refinements. Use `.safeExtend()` instead.");
            }
        }
    }
    return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
// the source's keys, then the caller's overlaid on top
function extended(schema, shape) {
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)));
    mirrorProps(newShape, shape);
    return newShape;
}
function safeExtend(schema, shape) {
    if (!isPlainObject(shape)) {
        throw new Error("Invalid input to safeExtend: expected a plain object");
    }
    return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
function merge(a, b) {
    if (!b?._zod?.def) {
        throw new Error("Invalid input to merge: expected an object schema. To merge a plain shape, use `.extend()`.");
    }
    if (a._zod.def.checks?.length) {
        throw new Error(".merge() cannot be used on object schemas containing refinements. Use .safeExtend() instead.");
    }
    const newShape = {};
    mirrorShape(newShape, a, Reflect.ownKeys(sourceShape(a)));
    mirrorShape(newShape, b, Reflect.ownKeys(sourceShape(b)));
    const def = mergeDefs(a._zod.def, {
        shape: newShape,
        get catchall() {
            return b._zod.def.catchall;
        },
        checks: b._zod.def.checks ?? [],
    });
    return clone(a, def);
}
function partial(Class, schema, mask, name = "partial") {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(`.${name}() cannot be used on object schemas containing refinements`);
    }
    const selected = mask ? new Set(maskedKeys(schema, mask)) : undefined;
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), Class &&
        ((value, key) => (selected && !selected.has(key) ? value : new Class({ type: "optional", innerType: value }))));
    return clone(schema, mergeDefs(schema._zod.def, { shape: newShape, checks: [] }));
}
function required(Class, schema, mask) {
    const selected = mask ? new Set(maskedKeys(schema, mask)) : undefined;
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), (value, key) => 
    // overwrite with non-optional
    selected && !selected.has(key) ? value : new Class({ type: "nonoptional", innerType: value }));
    return clone(schema, mergeDefs(schema._zod.def, { shape: newShape }));
}
// invalid_type | too_big | too_small | invalid_format | not_multiple_of | unrecognized_keys | invalid_union | invalid_key | invalid_element | invalid_value | custom
function aborted(x, startIndex = 0) {
    if (x.aborted === true)
        return true;
    for (let i = startIndex; i < x.issues.length; i++) {
        if (x.issues[i]?.continue !== true) {
            return true;
        }
    }
    return false;
}
// Checks for explicit abort (continue === false), as opposed to implicit abort (continue === undefined). Used to respect `abort: true` in .refine() even for checks that have a `when` function.
function explicitlyAborted(x, startIndex = 0) {
    if (x.aborted === true)
        return true;
    for (let i = startIndex; i < x.issues.length; i++) {
        if (x.issues[i]?.continue === false) {
            return true;
        }
    }
    return false;
}
function prefixIssues(path, issues) {
    return issues.map((iss) => {
        var _a;
        (_a = iss).path ?? (_a.path = []);
        iss.path.unshift(path);
        return iss;
    });
}
function unwrapMessage(message) {
    return typeof message === "string" ? message : message?.message;
}
/* A check holds no link back to the schema it is attached to — the same check instance is shared by every clone of that schema — so the owner is stamped onto the issues a check just raised, at the only point where both are in scope. Runs on the failure path only; `start` is the issue count from before the check ran. */
/** The leading size checks of `defChecks` that set an upper bound, each paired with it. */
function sizeCaps(defChecks) {
    const caps = [];
    for (const ch of defChecks ?? []) {
        const d = ch._zod.def;
        // a later check may rewrite the value
        if (!/_(length|size)$|_equals$/.test(d.check))
            break;
        const max = d.maximum ?? d.length ?? d.size;
        if (max >= 0)
            caps.push([max, ch]);
    }
    return caps;
}
function attachSchema(issues, start, inst) {
    var _a;
    for (let i = start; i < issues.length; i++) {
        (_a = issues[i]).schema ?? (_a.schema = inst);
    }
}
function finalizeIssue(iss, ctx, config) {
    var _a;
    // A schema that raised an issue itself owns it outright, and outranks any stamp an enclosing check left in `attachSchema`. String formats and z.custom() are schema and check at once, so when they act as a check they defer to that stamp instead.
    const traits = iss.inst?._zod?.traits;
    if (traits?.has("$ZodType")) {
        if (traits.has("$ZodCheck"))
            (_a = iss).schema ?? (_a.schema = iss.inst);
        else
            iss.schema = iss.inst;
    }
    // Decreasing specificity, first map to return a message wins. `inst` is whatever raised the issue, so a check's own map outranks the owning schema's.
    const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : undefined;
    const message = iss.message
        ? iss.message
        : (unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ??
            unwrapMessage(schemaError?.(iss)) ??
            unwrapMessage(ctx?.error?.(iss)) ??
            unwrapMessage(config.customError?.(iss)) ??
            unwrapMessage(config.localeError?.(iss)) ??
            "Invalid input");
    // an explicit own-key copy beats object rest with excluded keys, which v8 routes through a generic runtime call; Object.keys rather than for-in so an issue pushed with a prototype does not leak inherited keys, and an own __proto__ key is dropped rather than assigned through the setter
    const full = {};
    for (const k of Object.keys(iss)) {
        if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
            continue;
        full[k] = iss[k];
    }
    full.path ?? (full.path = []);
    full.message = message;
    if (ctx?.reportInput) {
        full.input = iss.input;
    }
    return full;
}
function getSizableOrigin(input) {
    if (input instanceof Set)
        return "set";
    if (input instanceof Map)
        return "map";
    // @ts-ignore
    if (input instanceof File)
        return "file";
    return "unknown";
}
const highSurrogate = /[\uD800-\uDBFF]/;
// Code points in `str`: a surrogate pair counts once, a lone surrogate as itself. Hand-rolled because the string iterator allocates and runs ~250x slower on this path; the regex probe exits ~50x quicker for a string with no astral characters.
function codePointLength(str) {
    const units = str.length;
    if (!highSurrogate.test(str))
        return units;
    let count = units;
    for (let i = 0; i < units - 1; i++) {
        if ((str.charCodeAt(i) & 0xfc00) === 0xd800 && (str.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
            count--;
            i++;
        }
    }
    return count;
}
function getLengthableOrigin(input) {
    if (Array.isArray(input))
        return "array";
    if (typeof input === "string")
        return "string";
    return "unknown";
}
function parsedType(data) {
    const t = typeof data;
    switch (t) {
        case "number": {
            return Number.isNaN(data) ? "nan" : "number";
        }
        case "object": {
            if (data === null) {
                return "null";
            }
            if (Array.isArray(data)) {
                return "array";
            }
            const obj = data;
            if (obj && Object.getPrototypeOf(obj) !== Object.prototype && "constructor" in obj && obj.constructor) {
                return obj.constructor.name;
            }
        }
    }
    return t;
}
function issue(...args) {
    const [iss, input, inst] = args;
    if (typeof iss === "string") {
        return {
            message: iss,
            code: "custom",
            input,
            inst,
        };
    }
    return { ...iss };
}
function cleanEnum(obj) {
    return Object.entries(obj)
        .filter(([k, _]) => {
        // return true if NaN, meaning it's not a number, thus a string key
        return Number.isNaN(Number.parseInt(k, 10));
    })
        .map((el) => el[1]);
}
// Codec utility functions
function base64ToUint8Array(base64) {
    const binaryString = atob(base64);
    const bytes = new Uint8Array(binaryString.length);
    for (let i = 0; i < binaryString.length; i++) {
        bytes[i] = binaryString.charCodeAt(i);
    }
    return bytes;
}
function uint8ArrayToBase64(bytes) {
    let binaryString = "";
    for (let i = 0; i < bytes.length; i++) {
        binaryString += String.fromCharCode(bytes[i]);
    }
    return btoa(binaryString);
}
function base64urlToUint8Array(base64url) {
    const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
    const padding = "=".repeat((4 - (base64.length % 4)) % 4);
    return base64ToUint8Array(base64 + padding);
}
function uint8ArrayToBase64url(bytes) {
    return uint8ArrayToBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=/g, "");
}
function hexToUint8Array(hex) {
    const cleanHex = hex.replace(/^0x/, "");
    if (cleanHex.length % 2 !== 0) {
        throw new Error("Invalid hex string length");
    }
    const bytes = new Uint8Array(cleanHex.length / 2);
    for (let i = 0; i < cleanHex.length; i += 2) {
        bytes[i / 2] = Number.parseInt(cleanHex.slice(i, i + 2), 16);
    }
    return bytes;
}
function uint8ArrayToHex(bytes) {
    return Array.from(bytes)
        .map((b) => b.toString(16).padStart(2, "0"))
        .join("");
}
// instanceof
class Class {
    constructor(..._args) { }
}
//////////    PROTOTYPE INSTALLERS     //////////
//
// Members live on the prototype and materialize per instance on first read, which keeps own-property count under the step where V8 stops using inline slots. Changing anything here means re-measuring runtime, memory and bundle size together — see "The three axes" in AGENTS.md.
/**
 * Installs a trait's members on its prototype. Each value builds that member for the instance on first read; the built value shadows the accessor as an own property, so a detached `const { parse } = schema` keeps working.
 *
 * Call this from a `proto` initializer, which runs once per prototype — never per instance.
 */
function members(proto, table) {
    for (const key in table) {
        const desc = Object.getOwnPropertyDescriptor(table, key);
        // a getter installs as written, so it stays live: `description` reads through to the registry on every access. not enumerable: an object literal's is, and a prototype member never was
        if (desc.get)
            Object.defineProperty(proto, key, { ...desc, enumerable: false });
        // a method materializes bound on first read, which is what keeps a detached member working: `const opt = schema.optional; opt()`
        else
            defineBound(proto, key, desc.value);
    }
}
/** Shadows a prototype member with an own value, so a getter that builds from the instance runs once. */
function own(inst, key, value, enumerable = true) {
    Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
    return value;
}
/** Like {@link own}, for a member that was never an own data property and has to stay out of `Object.keys`. */
function hide(inst, key, value) {
    return own(inst, key, value, false);
}
/** Adds members a table derives from the instance: each builds on first read and shadows as own data, and assignment shadows the same way, as when these were own properties. */
function derived(computes, table) {
    for (const key in computes) {
        const compute = computes[key];
        // an object literal's accessor is configurable and enumerable, and `members` copies the descriptor as written
        Object.defineProperty(table, key, {
            configurable: true,
            enumerable: true,
            get() {
                return own(this, key, compute(this));
            },
            set(value) {
                own(this, key, value);
            },
        });
    }
    return table;
}
function defineBound(proto, key, fn) {
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // vitest's spyOn calls a prototype getter bare to find the function it wraps, so a nullish receiver answers the raw method
            return this == null ? fn : own(this, key, fn.bind(this));
        },
        set(value) {
            own(this, key, value);
        },
    });
}
/** Returns the prototype to install on, or `undefined` if this group is already installed on it. */
function claim(inst, sentinel) {
    const proto = Object.getPrototypeOf(inst);
    // Runs on every construction, so `in` rather than the costlier `hasOwnProperty.call`. Sentinels are keys the group itself defines.
    return sentinel in proto ? undefined : proto;
}
// The internals whose init chain is installing. A second call for the same one is a derived constructor overriding its base, so it must not construct another schema in between or the override is dropped.
let installing;
// Set while a getter is running, so a value that resolved through a recursion break is not memoized. One shared descriptor shadows the key for the duration, which costs no per-key allocation.
let broke = false;
const breaker = {
    configurable: true,
    get() {
        broke = true;
        return undefined;
    },
};
/**
 * Installs a lazily-derived internal on the `_zod` prototype of `inst`'s
 * constructor, computed from the internals object itself and cached there on
 * first read. One accessor per constructor rather than one per instance.
 */
function defineLazyInternal(inst, key, compute) {
    const proto = Object.getPrototypeOf(inst._zod);
    if (key in proto && installing !== inst._zod) {
        // A repeat construction: everything is installed already. Cleared here so the reference is not held past the first construction of every type.
        installing = undefined;
        return;
    }
    installing = inst._zod;
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // Shadowed before computing so a re-entrant read from a recursive schema resolves to undefined instead of running the getter again.
            Object.defineProperty(this, key, breaker);
            const outer = broke;
            broke = false;
            try {
                const value = compute(this);
                // A result that resolved through a recursion break is recomputed once the graph is complete; everything else memoizes, undefined included.
                if (broke)
                    delete this[key];
                else
                    Object.defineProperty(this, key, { configurable: true, writable: true, value });
                broke = broke || outer;
                return value;
            }
            catch (err) {
                // A compute that threw memoizes nothing, so a later read runs it again and fails the same way. The shadow goes with it, since leaving it installed would answer undefined for every later read.
                delete this[key];
                broke = broke || outer;
                throw err;
            }
        },
        set(value) {
            Object.defineProperty(this, key, { configurable: true, writable: true, value });
        },
    });
}
/**
 * Installs `key` on `inst`'s prototype, computed by `make` on first read and cached there as an own
 * data property. One accessor per constructor rather than one per instance, because an own accessor
 * puts every instance after the first into v8 dictionary mode. The key doubles as the sentinel.
 */
function installLazyProp(inst, key, make, enumerable) {
    const proto = claim(inst, key);
    if (!proto)
        return;
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // Shadowed before computing, so a re-entrant read from a self-referential shape resolves to undefined instead of running the getter again. A data property rather than an accessor: an own accessor is the dictionary-mode transition this exists to avoid.
            const desc = { configurable: true, writable: true, enumerable, value: undefined };
            Object.defineProperty(this, key, desc);
            // a compute that throws leaves the shadow behind, so later reads answer undefined instead of re-throwing; `defineLazy` did the same, and `defineLazyInternal`'s delete-on-catch would cost bytes in every bundle for a case only a throwing user getter reaches
            desc.value = make(this);
            Object.defineProperty(this, key, desc);
            return desc.value;
        },
        set(value) {
            Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value });
        },
    });
}
/** Marks the thunk `_catch` synthesises for a constant catch value. `Function.length` cannot tell that thunk from a user callback — rest and defaulted parameters both report arity 0 — and a user callback reads `ctx.error`, whose issues only finalize correctly against the caller's per-parse error map. Provenance can say what arity cannot. A plain string key rather than `Symbol.for`, whose call at module scope no bundler can prove pure — the same shape that anchored `urlCanParse` into every build. */
const CONSTANT_CATCH = "~constantCatch";
/** Wraps a constant catch value in a thunk tagged with {@link CONSTANT_CATCH}. */
function constantCatch(value) {
    const fn = () => value;
    fn[CONSTANT_CATCH] = true;
    return fn;
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/core.js
var _a;

/** A special constant with type `never` */
const NEVER = /*@__PURE__*/ Object.freeze({
    status: "aborted",
});
/* Shared descriptor for installing `_zod`; defineProperty reads it
 * synchronously, so reusing one object avoids a per-instance allocation. */
const _zodDesc = { value: undefined, enumerable: false };
// null where suppressing the capture would be unrecoverable: `parse()` puts the frames back with `captureStackTrace`, so without it the throw would lose its stack. also latched to null once `stackTraceLimit` proves unassignable, which a realm can do at any point by hardening Error
let _E = "captureStackTrace" in Error ? Error : null;
// v8 captures a stack trace inside the Error constructor, which dominates a failed parse; costs only the frames, and parse() restores those. the constructor must RUN: Object.create is cheaper and passes instanceof, but Error.isError and util.types.isNativeError check an internal slot
function newError(Definition) {
    const E = _E;
    if (E) {
        const saved = E.stackTraceLimit;
        if (typeof saved === "number") {
            try {
                E.stackTraceLimit = 0;
            }
            catch {
                _E = null;
                return new Definition();
            }
            try {
                return new Definition();
            }
            finally {
                E.stackTraceLimit = saved;
            }
        }
    }
    return new Definition();
}
function $constructor(name, initializer, 
/** This trait's members, installed once on every prototype that composes it. They cannot be declared in the initializer above: that runs per instance, and the prototype is shared. */
proto, params) {
    // Prototype for this constructor's `_zod` internals. Lazily-derived fields (`values`, `pattern`, `optin`, …) install here once rather than as an accessor on every instance.
    const zodProto = {};
    // Assigning the fields in the constructor body is what gives instances in-object slots; building the object literally and reparenting it costs a second allocation and a generic property copy.
    function Internals(def) {
        this.def = def;
        this.constr = _;
        this.traits = new Set();
    }
    Internals.prototype = zodProto;
    const protoMembers = proto;
    // One trait's members land on every prototype whose chain composes it, so the answer is per prototype rather than per trait.
    const initialized = protoMembers && new WeakSet();
    function init(inst, def) {
        if (!inst._zod) {
            _zodDesc.value = new Internals(def);
            try {
                Object.defineProperty(inst, "_zod", _zodDesc);
            }
            finally {
                // Cleared even on throw, so the shared descriptor never leaks one instance's internals into the next.
                _zodDesc.value = undefined;
            }
        }
        else if (inst._zod.traits.has(name)) {
            return;
        }
        inst._zod.traits.add(name);
        initializer(inst, def);
        if (initialized) {
            // `super(def)` from a user subclass gives `this` a prototype the subclass owns, and installing there would overwrite whatever the subclass declared. `constr` built the instance, so its prototype is the one below the subclass's that should carry the members. A receiver whose chain never reaches that prototype installs on its own, which for a plain object handed straight to `init` means `Object.prototype` — unchanged from before.
            const own = Object.getPrototypeOf(inst);
            const ctorProto = inst._zod.constr.prototype;
            let up = own;
            while (up && up !== ctorProto)
                up = Object.getPrototypeOf(up);
            const target = up ?? own;
            if (!initialized.has(target)) {
                initialized.add(target);
                members(target, protoMembers);
            }
        }
        // support prototype modifications; for-in avoids the array allocation of Object.keys on the (usually empty) prototype
        const proto = _.prototype;
        for (const k in proto) {
            if (!Object.prototype.hasOwnProperty.call(proto, k))
                continue;
            if (!(k in inst)) {
                inst[k] = proto[k].bind(inst);
            }
        }
    }
    // doesn't work if Parent has a constructor with arguments
    const Parent = params?.Parent ?? Object;
    class Definition extends Parent {
    }
    Object.defineProperty(Definition, "name", { value: name });
    function _(def) {
        const inst = params?.Parent ? newError(Definition) : this;
        init(inst, def);
        const deferred = inst._zod.deferred;
        if (deferred) {
            for (const fn of deferred) {
                fn();
            }
            // Released: initializers run once, and the list would otherwise be retained for the schema's lifetime.
            inst._zod.deferred = undefined;
        }
        // Global post-processor hook. Internal: installed by `import "zod/compile"` to enable AOT compilation for every constructed schema. Runs last, once the instance is fully built, because it hands the instance to compile(). The post-processor is expected to be reentrancy-guarded by its own implementation.
        const pp = globalThis.__zod_globalConfig?.postProcessor;
        if (pp)
            pp(inst);
        return inst;
    }
    Object.defineProperty(_, "init", { value: init });
    Object.defineProperty(_, Symbol.hasInstance, {
        value: (inst) => {
            if (params?.Parent && inst instanceof params.Parent)
                return true;
            return inst?._zod?.traits?.has(name);
        },
    });
    Object.defineProperty(_, "name", { value: name });
    return _;
}
//////////////////////////////   UTILITIES   ///////////////////////////////////////
const $brand = /*@__PURE__*/ (/* unused pure expression or super */ null && (Symbol("zod_brand")));
class $ZodAsyncError extends Error {
    constructor() {
        super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
    }
}
class $ZodEncodeError extends Error {
    constructor(name) {
        super(`Encountered unidirectional transform during encode: ${name}`);
        this.name = "ZodEncodeError";
    }
}
(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
const core_globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
    if (newConfig)
        Object.assign(core_globalConfig, newConfig);
    return core_globalConfig;
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/regexes.js

/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link cuid2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const cuid = /^[cC][0-9a-z]{6,}$/;
const cuid2 = /^[0-9a-z]+$/;
const ulid = /^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}$/;
const xid = /^[0-9a-vA-V]{20}$/;
const ksuid = /^[A-Za-z0-9]{27}$/;
const nanoid = /^[a-zA-Z0-9_-]{21}$/;
function nanoidOfLength(length) {
    return new RegExp(`^[a-zA-Z0-9_-]{${length}}$`);
}
/** ISO 8601-1 duration regex. Does not support the 8601-2 extensions like negative durations or fractional/negative components. */
const duration = /^P(?:(\d+W)|(?!.*W)(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+([.,]\d+)?S)?)?)$/;
/** Implements ISO 8601-2 extensions like explicit +- prefixes, mixing weeks with other units, and fractional/negative components. */
const extendedDuration = /^[-+]?P(?!$)(?:(?:[-+]?\d+Y)|(?:[-+]?\d+[.,]\d+Y$))?(?:(?:[-+]?\d+M)|(?:[-+]?\d+[.,]\d+M$))?(?:(?:[-+]?\d+W)|(?:[-+]?\d+[.,]\d+W$))?(?:(?:[-+]?\d+D)|(?:[-+]?\d+[.,]\d+D$))?(?:T(?=[\d+-])(?:(?:[-+]?\d+H)|(?:[-+]?\d+[.,]\d+H$))?(?:(?:[-+]?\d+M)|(?:[-+]?\d+[.,]\d+M$))?(?:[-+]?\d+(?:[.,]\d+)?S)?)??$/;
/** A regex for any UUID-like identifier: 8-4-4-4-12 hex pattern */
const guid = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
/** Returns a regex for validating an RFC 9562/4122 UUID.
 *
 * @param version Optionally specify a version 1-8. If no version is specified, all versions are supported. */
const uuid = (version) => {
    if (!version)
        return /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
    return new RegExp(`^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-${version}[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})$`);
};
const uuid4 = /*@__PURE__*/ (/* unused pure expression or super */ null && (uuid(4)));
const uuid6 = /*@__PURE__*/ (/* unused pure expression or super */ null && (uuid(6)));
const uuid7 = /*@__PURE__*/ (/* unused pure expression or super */ null && (uuid(7)));
/** Practical email validation */
const email = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
/** Equivalent to the HTML5 input[type=email] validation implemented by browsers. Source: https://developer.mozilla.org/en-US/docs/Web/HTML/Element/input/email */
const html5Email = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
/** The classic emailregex.com regex for RFC 5322-compliant emails */
const rfc5322Email = /^(([^<>()\[\]\\.,;:\s@"]+(\.[^<>()\[\]\\.,;:\s@"]+)*)|(".+"))@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}])|(([a-zA-Z\-0-9]+\.)+[a-zA-Z]{2,}))$/;
/** A loose regex that allows Unicode characters, enforces length limits, and that's about it. */
const unicodeEmail = /^[^\s@"]{1,64}@[^\s@]{1,255}$/u;
const idnEmail = (/* unused pure expression or super */ null && (unicodeEmail));
const browserEmail = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
// from https://thekevinscott.com/emojis-in-javascript/#writing-a-regular-expression
// Single character class, not an alternation: the two properties overlap (U+1F9B0-U+1F9B3), so `(A|B)+` backtracks exponentially on a failed match. The leading lookahead then demands one anchor — a pictograph, a regional indicator, or the enclosing keycap — because `\p{Emoji_Component}` on its own covers ASCII digits, `#`, `*`, ZWJ, variation selectors and skin tone modifiers, none of which is an emoji without a base.
const _emoji = (/* unused pure expression or super */ null && (`^(?=[\\s\\S]*[\\p{Extended_Pictographic}\\p{Regional_Indicator}\\u20E3])[\\p{Extended_Pictographic}\\p{Emoji_Component}]+$`));
function emoji() {
    return new RegExp(_emoji, "u");
}
const ipv4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/;
const ipv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))$/;
const mac = (delimiter) => {
    const escapedDelim = util.escapeRegex(delimiter ?? ":");
    return new RegExp(`^(?:[0-9A-F]{2}${escapedDelim}){5}[0-9A-F]{2}$|^(?:[0-9a-f]{2}${escapedDelim}){5}[0-9a-f]{2}$`);
};
const cidrv4 = /^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\/([0-9]|[1-2][0-9]|3[0-2])$/;
const cidrv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))\/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$/;
// https://stackoverflow.com/questions/7860392/determine-if-string-is-in-base64-using-javascript
const base64 = /^$|^(?:[0-9a-zA-Z+/]{4})*(?:(?:[0-9a-zA-Z+/]{2}==)|(?:[0-9a-zA-Z+/]{3}=))?$/;
const base64url = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2,3})?$/;
// based on https://stackoverflow.com/questions/106179/regular-expression-to-match-dns-hostname-or-ip-address
// export const hostname: RegExp = /^([a-zA-Z0-9-]+\.)*[a-zA-Z0-9-]+$/;
const hostname = /^(?=.{1,253}\.?$)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[-0-9a-zA-Z]{0,61}[0-9a-zA-Z])?)*\.?$/;
const domain = /^(?=.{1,253}$)([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/;
const httpProtocol = /^https?$/;
// https://blog.stevenlevithan.com/archives/validate-phone-number#r4-3 (regex sans spaces) E.164: leading digit must be 1-9; total digits (excluding '+') between 7-15
const e164 = /^\+[1-9]\d{6,14}$/;
// Credit card shape: 12–19 digits, optionally separated by single spaces or single hyphens. ISO/IEC 7812 caps the PAN at 19 digits; 12 is the shortest issued length (Maestro).
const creditCard = /^\d(?:[ -]?\d){11,18}$/;
// ISO 4217 alpha codes from the SIX list, regenerated by scripts/update-iso-4217.ts
const currencyCode = /^(?:AED|AFN|ALL|AMD|AOA|ARS|AUD|AWG|AZN|BAM|BBD|BDT|BHD|BIF|BMD|BND|BOB|BOV|BRL|BSD|BTN|BWP|BYN|BZD|CAD|CDF|CHE|CHF|CHW|CLF|CLP|CNY|COP|COU|CRC|CUP|CVE|CZK|DJF|DKK|DOP|DZD|EGP|ERN|ETB|EUR|FJD|FKP|GBP|GEL|GHS|GIP|GMD|GNF|GTQ|GYD|HKD|HNL|HTG|HUF|IDR|ILS|INR|IQD|IRR|ISK|JMD|JOD|JPY|KES|KGS|KHR|KMF|KPW|KRW|KWD|KYD|KZT|LAK|LBP|LKR|LRD|LSL|LYD|MAD|MDL|MGA|MKD|MMK|MNT|MOP|MRU|MUR|MVR|MWK|MXN|MXV|MYR|MZN|NAD|NGN|NIO|NOK|NPR|NZD|OMR|PAB|PEN|PGK|PHP|PKR|PLN|PYG|QAR|RON|RSD|RUB|RWF|SAR|SBD|SCR|SDG|SEK|SGD|SHP|SLE|SOS|SRD|SSP|STN|SVC|SYP|SZL|THB|TJS|TMT|TND|TOP|TRY|TTD|TWD|TZS|UAH|UGX|USD|USN|UYI|UYU|UYW|UZS|VED|VES|VND|VUV|WST|XAD|XAF|XAG|XAU|XBA|XBB|XBC|XBD|XCD|XCG|XDR|XOF|XPD|XPF|XPT|XSU|XTS|XUA|XXX|YER|ZAR|ZMW|ZWG)$/;
// iban electronic format: 2-letter country, check digits 02-98 (the only values `98 - remainder` can produce), 11-30 bban characters
const iban = /^[A-Z]{2}(?!00|01|99)\d{2}[A-Z0-9]{11,30}$/;
const dateSource = (/* unused pure expression or super */ null && (`(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))`));
/** Anchors a pattern source. The interpolation lives here rather than at the call site because
 * esbuild will not drop a `@__PURE__` call whose own argument interpolates a variable, but it
 * will drop `anchor(dateSource)`. Keeping it inline pinned `date` into every bundle. */
function regexes_anchor(source) {
    return new RegExp(`^${source}$`);
}
const date = /*@__PURE__*/ (/* unused pure expression or super */ null && (regexes_anchor(dateSource)));
function timeSource(args) {
    const hhmm = `(?:[01]\\d|2[0-3]):[0-5]\\d`;
    const regex = typeof args.precision === "number"
        ? args.precision === -1
            ? `${hhmm}`
            : args.precision === 0
                ? `${hhmm}:[0-5]\\d`
                : `${hhmm}:[0-5]\\d\\.\\d{${args.precision}}`
        : args.seconds
            ? `${hhmm}:[0-5]\\d(?:\\.\\d+)?`
            : `${hhmm}(?::[0-5]\\d(?:\\.\\d+)?)?`;
    return regex;
}
function time(args) {
    return new RegExp(`^${timeSource(args)}$`);
}
// Adapted from https://stackoverflow.com/a/3143231
function datetime(args) {
    const opts = ["Z"];
    // if (args.offset) opts.push(`([+-]\\d{2}:\\d{2})`);
    if (args.offset)
        opts.push(`([+-](?:[01]\\d|2[0-3]):[0-5]\\d)`);
    // RFC 3339 mandates seconds wherever the time carries a `Z` or an offset, so only the unqualified form `local` adds may omit them
    const qualified = `${timeSource({ precision: args.precision, seconds: true })}(?:${opts.join("|")})`;
    const timeRegex = args.local ? `${qualified}|${timeSource({ precision: args.precision })}` : qualified;
    return new RegExp(`^${dateSource}T(?:${timeRegex})$`);
}
// the unbounded form of `string()` as a literal, so every plain string shares one instance instead of building its own
const anyString = /^[\s\S]{0,}$/;
const string = (params) => {
    const regex = params ? `[\\s\\S]{${params?.minimum ?? 0},${params?.maximum ?? ""}}` : `[\\s\\S]*`;
    return new RegExp(`^${regex}$`);
};
const bigint = /^-?\d+n?$/;
const integer = /^-?\d+$/;
const number = /^-?\d+(?:\.\d+)?$/;
const regexes_boolean = /^(?:true|false)$/i;
const _null = /^null$/i;

const _undefined = /^undefined$/i;

// regex for string with no uppercase letters
const lowercase = /^[^A-Z]*$/;
// regex for string with no lowercase letters
const uppercase = /^[^a-z]*$/;
// regex for hexadecimal strings (any length)
const hex = /^[0-9a-fA-F]*$/;
// Hash regexes for different algorithms and encodings
// Helper function to create base64 regex with exact length and padding
function fixedBase64(bodyLength, padding) {
    return new RegExp(`^[A-Za-z0-9+/]{${bodyLength}}${padding}$`);
}
// Helper function to create base64url regex with exact length (no padding)
function fixedBase64url(length) {
    return new RegExp(`^[A-Za-z0-9_-]{${length}}$`);
}
// MD5 (16 bytes): base64 = 24 chars total (22 + "==")
const md5_hex = /^[0-9a-fA-F]{32}$/;
const md5_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(22, "==")));
const md5_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(22)));
// SHA1 (20 bytes): base64 = 28 chars total (27 + "=")
const sha1_hex = /^[0-9a-fA-F]{40}$/;
const sha1_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(27, "=")));
const sha1_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(27)));
// SHA256 (32 bytes): base64 = 44 chars total (43 + "=")
const sha256_hex = /^[0-9a-fA-F]{64}$/;
const sha256_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(43, "=")));
const sha256_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(43)));
// SHA384 (48 bytes): base64 = 64 chars total (no padding)
const sha384_hex = /^[0-9a-fA-F]{96}$/;
const sha384_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(64, "")));
const sha384_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(64)));
// SHA512 (64 bytes): base64 = 88 chars total (86 + "==")
const sha512_hex = /^[0-9a-fA-F]{128}$/;
const sha512_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(86, "==")));
const sha512_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(86)));

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/versions.js
const version = {
    major: 4,
    minor: 6,
    patch: 7,
};

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/schemas.js







const $ZodType = /*@__PURE__*/ $constructor("$ZodType", (inst, def) => {
    var _a;
    inst ?? (inst = {});
    inst._zod.def = def; // set _def property
    inst._zod.bag = inst._zod.bag || {}; // initialize _bag object
    inst._zod.version = version;
    const defChecks = inst._zod.def.checks;
    // if inst is itself a checks.$ZodCheck, run it as a check
    const checks = inst._zod.traits.has("$ZodCheck")
        ? [inst, ...(defChecks ?? [])]
        : defChecks?.length
            ? [...defChecks]
            : [];
    for (const ch of checks) {
        for (const fn of ch._zod.onattach) {
            fn(inst);
        }
    }
    if (checks.length === 0) {
        // deferred initializer inst._zod.parse is not yet defined
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred?.push(() => {
            inst._zod.run = inst._zod.parse;
        });
    }
    else {
        const runChecks = (payload, checks, ctx) => {
            if (payload.memo)
                return payload;
            let isAborted = aborted(payload);
            let asyncResult;
            for (const ch of checks) {
                if (ch._zod.def.when) {
                    if (explicitlyAborted(payload))
                        continue;
                    const shouldRun = ch._zod.def.when(payload);
                    if (!shouldRun)
                        continue;
                }
                else if (isAborted) {
                    continue;
                }
                const currLen = payload.issues.length;
                const _ = ch._zod.check(payload);
                if (_ instanceof Promise && ctx?.async === false) {
                    throw new $ZodAsyncError();
                }
                if (asyncResult || _ instanceof Promise) {
                    asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
                        await _;
                        const nextLen = payload.issues.length;
                        if (nextLen === currLen)
                            return;
                        attachSchema(payload.issues, currLen, inst);
                        if (!isAborted)
                            isAborted = aborted(payload, currLen);
                    });
                }
                else {
                    const nextLen = payload.issues.length;
                    if (nextLen === currLen)
                        continue;
                    attachSchema(payload.issues, currLen, inst);
                    if (!isAborted)
                        isAborted = aborted(payload, currLen);
                }
            }
            if (asyncResult) {
                return asyncResult.then(() => {
                    return payload;
                });
            }
            return payload;
        };
        const handleCanaryResult = (canary, payload, ctx) => {
            // abort if the canary is aborted
            if (aborted(canary)) {
                canary.aborted = true;
                return canary;
            }
            // run checks first, then
            const checkResult = runChecks(payload, checks, ctx);
            if (checkResult instanceof Promise) {
                if (ctx.async === false)
                    throw new $ZodAsyncError();
                return checkResult.then((checkResult) => inst._zod.parse(checkResult, ctx));
            }
            return inst._zod.parse(checkResult, ctx);
        };
        inst._zod.run = (payload, ctx) => {
            if (ctx.skipChecks) {
                return inst._zod.parse(payload, ctx);
            }
            if (ctx.direction === "backward") {
                // run canary initial pass (no checks)
                const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
                if (canary instanceof Promise) {
                    return canary.then((canary) => {
                        return handleCanaryResult(canary, payload, ctx);
                    });
                }
                return handleCanaryResult(canary, payload, ctx);
            }
            // forward
            const result = inst._zod.parse(payload, ctx);
            if (result instanceof Promise) {
                if (ctx.async === false)
                    throw new $ZodAsyncError();
                return result.then((result) => runChecks(result, checks, ctx));
            }
            return runChecks(result, checks, ctx);
        };
    }
}, {
    // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
    get "~standard"() {
        return hide(this, "~standard", standardProps(this));
    },
    set "~standard"(value) {
        own(this, "~standard", value);
    },
});
/** The Standard Schema surface for `inst`. Shared so wrappers can extend it without forcing it. */
// a Standard Schema result only reports issues, so a failure finalizes them straight off the raw payload: no ZodError, and no lazy result to read through
const toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
async function validateAsync(inst, value) {
    const ctx = { async: true };
    return toStandardResult((await inst._zod.run({ value, issues: [] }, ctx)), ctx);
}
function standardProps(inst) {
    return {
        validate: (value) => {
            const ctx = { async: false };
            try {
                const r = inst._zod.run({ value, issues: [] }, ctx);
                if (!(r instanceof Promise))
                    return toStandardResult(r, ctx);
            }
            catch (_) { }
            // async function so a synchronously throwing check rejects instead of escaping validate
            return validateAsync(inst, value);
        },
        vendor: "zod",
        version: 1,
    };
}

const $ZodString = /*@__PURE__*/ $constructor("$ZodString", (inst, def) => {
    $ZodType.init(inst, def);
    // a format's own pattern, else unbounded; a template literal derives the check-aware form itself
    inst._zod.pattern = def.pattern ?? anyString;
    inst._zod.parse = (payload, _) => {
        if (def.coerce)
            try {
                payload.value = String(payload.value);
            }
            catch (_) { }
        if (typeof payload.value === "string")
            return payload;
        payload.issues.push({
            expected: "string",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
});
const $ZodStringFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodStringFormat", (inst, def) => {
    // check initialization must come first
    checks.$ZodCheckStringFormat.init(inst, def);
    $ZodString.init(inst, def);
})));
const $ZodGUID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodGUID", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.guid);
    $ZodStringFormat.init(inst, def);
})));
const $ZodUUID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodUUID", (inst, def) => {
    if (def.version) {
        const versionMap = {
            v1: 1,
            v2: 2,
            v3: 3,
            v4: 4,
            v5: 5,
            v6: 6,
            v7: 7,
            v8: 8,
        };
        const v = versionMap[def.version];
        if (v === undefined)
            throw new Error(`Invalid UUID version: "${def.version}"`);
        def.pattern ?? (def.pattern = regexes.uuid(v));
    }
    else
        def.pattern ?? (def.pattern = regexes.uuid());
    $ZodStringFormat.init(inst, def);
})));
const $ZodEmail = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodEmail", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.email);
    $ZodStringFormat.init(inst, def);
})));
/** The `://` guard rejected the input before the URL constructor saw it. */
const URL_BAD_FORMAT = 1;
/** The URL parser rejected the input. */
const URL_UNPARSEABLE = 2;
function canParseURL(input) {
    try {
        if (typeof URL !== "undefined" && typeof URL.canParse === "function")
            return URL.canParse(input);
        new URL(input);
        return true;
    }
    catch {
        return false;
    }
}
function validateURL(trimmed, def) {
    if (!("normalize" in def) && !("hostname" in def) && !("protocol" in def)) {
        return canParseURL(trimmed) || URL_UNPARSEABLE;
    }
    return parseURLObject(trimmed, def);
}
/** Parses a URL while preserving the non-normalizing HTTP guard. */
function parseURLObject(trimmed, def) {
    // When normalize is off, require :// for http/https URLs. This prevents strings like "http:example.com" or "https:/path" from being silently accepted
    if (!def.normalize && def.protocol?.source === regexes.httpProtocol.source && !/^https?:\/\//i.test(trimmed)) {
        return URL_BAD_FORMAT;
    }
    try {
        if (typeof URL !== "undefined") {
            const URLStatic = URL;
            if (typeof URLStatic.parse === "function")
                return URLStatic.parse(trimmed) ?? URL_UNPARSEABLE;
        }
        // @ts-ignore
        return new URL(trimmed);
    }
    catch {
        return URL_UNPARSEABLE;
    }
}
const asciiTabOrNewline = /[\t\n\r]/g;
/** The URL parser deletes every ASCII tab, LF and CR from its input before it parses, so `new URL("https://exa\nmple.com")` reports on `example.com`. Applying the same deletion to the returned value closes the half of that divergence which can move the host; the parser's other rewrite, stripping C0 controls at the edges, cannot. */
function stripTabAndNewline(value) {
    return value.replace(asciiTabOrNewline, "");
}
function urlHostnameOk(url, hostname) {
    hostname.lastIndex = 0;
    return hostname.test(url.hostname);
}
function urlProtocolOk(url, protocol) {
    protocol.lastIndex = 0;
    return protocol.test(url.protocol.endsWith(":") ? url.protocol.slice(0, -1) : url.protocol);
}
const $ZodURL = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodURL", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        try {
            // Trim whitespace from input
            const trimmed = payload.value.trim();
            const url = validateURL(trimmed, def);
            if (url === URL_BAD_FORMAT) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid URL format",
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
                return;
            }
            if (url === URL_UNPARSEABLE) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
                return;
            }
            if (url === true) {
                payload.value = stripTabAndNewline(trimmed);
                return;
            }
            if (def.hostname && !urlHostnameOk(url, def.hostname)) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid hostname",
                    pattern: def.hostname.source,
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
            }
            if (def.protocol && !urlProtocolOk(url, def.protocol)) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid protocol",
                    pattern: def.protocol.source,
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
            }
            // Set the output value based on normalize flag
            payload.value = def.normalize ? url.href : stripTabAndNewline(trimmed);
            return;
        }
        catch (_) {
            payload.issues.push({
                code: "invalid_format",
                format: "url",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
})));
const $ZodEmoji = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodEmoji", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.emoji());
    $ZodStringFormat.init(inst, def);
})));
const $ZodNanoID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNanoID", (inst, def) => {
    if (def.length !== undefined && (!Number.isInteger(def.length) || def.length < 1))
        throw new Error(`Invalid nanoid length: ${def.length}`);
    def.pattern ?? (def.pattern = def.length === undefined ? regexes.nanoid : regexes.nanoidOfLength(def.length));
    $ZodStringFormat.init(inst, def);
})));
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link $ZodCUID2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const $ZodCUID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCUID", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.cuid);
    $ZodStringFormat.init(inst, def);
})));
const $ZodCUID2 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCUID2", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.cuid2);
    $ZodStringFormat.init(inst, def);
})));
const $ZodULID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodULID", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.ulid);
    $ZodStringFormat.init(inst, def);
})));
const $ZodXID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodXID", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.xid);
    $ZodStringFormat.init(inst, def);
})));
const $ZodKSUID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodKSUID", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.ksuid);
    $ZodStringFormat.init(inst, def);
})));
const $ZodISODateTime = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodISODateTime", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.datetime(def));
    $ZodStringFormat.init(inst, def);
})));
const $ZodISODate = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodISODate", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.date);
    $ZodStringFormat.init(inst, def);
})));
const $ZodISOTime = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodISOTime", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.time(def));
    $ZodStringFormat.init(inst, def);
})));
const $ZodISODuration = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodISODuration", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.duration);
    $ZodStringFormat.init(inst, def);
})));
const $ZodIPv4 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodIPv4", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.ipv4);
    $ZodStringFormat.init(inst, def);
})));
/** An IPv6 address is written with hex digits, colons and dots, and nothing else. The guard is what makes the check below an IPv6 check: `new URL("http://[...]")` parses an authority, not an address, so `@` and `\` re-delimit it and `"::@1\\"` validates against the host `0.0.0.1`. The URL parser also deletes ASCII tab, LF and CR rather than failing, which is how `"::1\n"` validated as `::1`. */
const ipv6Alphabet = /^[0-9a-fA-F:.]+$/;
function isValidIPv6(value) {
    if (!ipv6Alphabet.test(value))
        return false;
    return canParseURL(`http://[${value}]`);
}
const $ZodIPv6 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodIPv6", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.ipv6);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (!isValidIPv6(payload.value)) {
            payload.issues.push({
                code: "invalid_format",
                format: "ipv6",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
})));
const $ZodMAC = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodMAC", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.mac(def.delimiter));
    $ZodStringFormat.init(inst, def);
})));
const $ZodCIDRv4 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCIDRv4", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.cidrv4);
    $ZodStringFormat.init(inst, def);
})));
function isValidCIDRv6(value) {
    const parts = value.split("/");
    if (parts.length !== 2)
        return false;
    const [address, prefix] = parts;
    if (!prefix)
        return false;
    const prefixNum = Number(prefix);
    if (`${prefixNum}` !== prefix)
        return false;
    if (prefixNum < 0 || prefixNum > 128)
        return false;
    return isValidIPv6(address);
}
const $ZodCIDRv6 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCIDRv6", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.cidrv6); // not used for validation
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (!isValidCIDRv6(payload.value)) {
            payload.issues.push({
                code: "invalid_format",
                format: "cidrv6",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
})));
//////////////////////////////   ZodBase64   //////////////////////////////
function isValidBase64(data) {
    if (data === "")
        return true;
    // atob ignores whitespace, so reject it up front.
    if (/\s/.test(data))
        return false;
    if (data.length % 4 !== 0)
        return false;
    try {
        // @ts-ignore
        atob(data);
        return true;
    }
    catch {
        return false;
    }
}
// lax on purpose: the quantified regexes.base64 overflows the regex stack on multi-MB input and its leading ^$| alternation leaks through template-literal composition; isValidBase64 enforces length and padding
const base64Charset = /^[0-9a-zA-Z+/]*={0,2}$/;
const $ZodBase64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodBase64", (inst, def) => {
    def.pattern ?? (def.pattern = base64Charset);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidBase64(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "base64",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
//////////////////////////////   ZodBase64URL   //////////////////////////////
// lax on purpose: the quantified regexes.base64url overflows the regex stack on multi-MB input; isValidBase64 enforces length on the padded string
const base64urlCharset = /^[A-Za-z0-9_-]*$/;
function isValidBase64URL(data) {
    if (!base64urlCharset.test(data))
        return false;
    const base64 = data.replace(/[-_]/g, (c) => (c === "-" ? "+" : "/"));
    const padded = base64.padEnd(Math.ceil(base64.length / 4) * 4, "=");
    return isValidBase64(padded);
}
const $ZodBase64URL = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodBase64URL", (inst, def) => {
    def.pattern ?? (def.pattern = base64urlCharset);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidBase64URL(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "base64url",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodE164 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodE164", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.e164);
    $ZodStringFormat.init(inst, def);
})));
//////////////////////////////   ZodCreditCard   //////////////////////////////
const CC_SANITIZE = /[- ]/g;
/** Luhn checksum on a digit-only string. Adapted from valibot (MIT). */
function isLuhnAlgo(digits) {
    let length = digits.length;
    let bit = 1;
    let sum = 0;
    while (length) {
        const value = digits.charCodeAt(--length) - 48;
        bit ^= 1;
        sum += bit ? [0, 2, 4, 6, 8, 1, 3, 5, 7, 9][value] : value;
    }
    return sum % 10 === 0;
}
function isValidCreditCard(input) {
    if (!regexes.creditCard.test(input))
        return false;
    return isLuhnAlgo(input.replace(CC_SANITIZE, ""));
}
const $ZodCreditCard = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCreditCard", (inst, def) => {
    // Shape only — the Luhn check below is not expressible as a pattern, so consumers of `pattern` (JSON Schema, template literals) get the length and separator rules alone.
    def.pattern ?? (def.pattern = regexes.creditCard);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidCreditCard(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "credit_card",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
//////////////////////////////   ZodIBAN   //////////////////////////////
// iso 7064 mod 97-10 checksum without BigInt
function isIso7064Mod97(iban) {
    let remainder = 0;
    const len = iban.length;
    for (let i = 4; i < len; i++) {
        const code = iban.charCodeAt(i);
        remainder = (code >= 65 ? remainder * 100 + (code - 55) : remainder * 10 + (code - 48)) % 97;
    }
    for (let i = 0; i < 4; i++) {
        const code = iban.charCodeAt(i);
        remainder = (code >= 65 ? remainder * 100 + (code - 55) : remainder * 10 + (code - 48)) % 97;
    }
    return remainder === 1;
}
function isValidIBAN(input) {
    if (!regexes.iban.test(input))
        return false;
    return isIso7064Mod97(input);
}
const $ZodIBAN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodIBAN", (inst, def) => {
    // shape only — checksum is not expressible as a pattern
    def.pattern ?? (def.pattern = regexes.iban);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidIBAN(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "iban",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
//////////////////////////////   ZodJWT   //////////////////////////////
function isValidJWT(token, algorithm = null) {
    try {
        const tokensParts = token.split(".");
        if (tokensParts.length !== 3)
            return false;
        const [header] = tokensParts;
        if (!header)
            return false;
        // @ts-ignore
        const parsedHeader = JSON.parse(atob(header));
        if ("typ" in parsedHeader && parsedHeader?.typ !== "JWT")
            return false;
        if (!parsedHeader.alg)
            return false;
        if (algorithm && (!("alg" in parsedHeader) || parsedHeader.alg !== algorithm))
            return false;
        return true;
    }
    catch {
        return false;
    }
}
const $ZodJWT = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodJWT", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidJWT(payload.value, def.alg))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "jwt",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCustomStringFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCustomStringFormat", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (def.fn(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: def.format,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodNumber = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNumber", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = regexes.number;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = Number(payload.value);
            }
            catch (_) { }
        const input = payload.value;
        if (typeof input === "number" && !Number.isNaN(input) && Number.isFinite(input)) {
            return payload;
        }
        const received = typeof input === "number"
            ? Number.isNaN(input)
                ? "NaN"
                : !Number.isFinite(input)
                    ? String(input)
                    : undefined
            : undefined;
        payload.issues.push({
            expected: "number",
            code: "invalid_type",
            input,
            inst,
            ...(received ? { received } : {}),
        });
        return payload;
    };
})));
const $ZodNumberFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNumberFormat", (inst, def) => {
    checks.$ZodCheckNumberFormat.init(inst, def);
    $ZodNumber.init(inst, def); // no format checks
})));
const $ZodBoolean = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodBoolean", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = regexes.boolean;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = Boolean(payload.value);
            }
            catch (_) { }
        const input = payload.value;
        if (typeof input === "boolean")
            return payload;
        payload.issues.push({
            expected: "boolean",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodBigInt = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodBigInt", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = regexes.bigint;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = BigInt(payload.value);
            }
            catch (_) { }
        if (typeof payload.value === "bigint")
            return payload;
        payload.issues.push({
            expected: "bigint",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
})));
const $ZodBigIntFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodBigIntFormat", (inst, def) => {
    checks.$ZodCheckBigIntFormat.init(inst, def);
    $ZodBigInt.init(inst, def); // no format checks
})));
const $ZodSymbol = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodSymbol", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (typeof input === "symbol")
            return payload;
        payload.issues.push({
            expected: "symbol",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodUndefined = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodUndefined", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = regexes.undefined;
    inst._zod.values = new Set([undefined]);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (typeof input === "undefined")
            return payload;
        payload.issues.push({
            expected: "undefined",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodNull = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNull", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = regexes.null;
    inst._zod.values = new Set([null]);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (input === null)
            return payload;
        payload.issues.push({
            expected: "null",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodAny = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodAny", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload) => payload;
})));
const $ZodUnknown = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodUnknown", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload) => payload;
})));
const $ZodNever = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNever", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        payload.issues.push({
            expected: "never",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
})));
const $ZodVoid = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodVoid", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (typeof input === "undefined")
            return payload;
        payload.issues.push({
            expected: "void",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodDate = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodDate", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce) {
            try {
                payload.value = new Date(payload.value);
            }
            catch (_err) { }
        }
        const input = payload.value;
        const isDate = input instanceof Date;
        const isValidDate = isDate && !Number.isNaN(input.getTime());
        if (isValidDate)
            return payload;
        payload.issues.push({
            expected: "date",
            code: "invalid_type",
            input,
            ...(isDate ? { received: "Invalid Date" } : {}),
            inst,
        });
        return payload;
    };
})));
// an oversized container fails its leading size checks before any element is parsed
function capSize(inst, size) {
    const caps = util.sizeCaps(inst._zod.def.checks);
    if (!caps.length)
        return;
    const cap = Math.min(...caps.map((c) => c[0]));
    const parse = inst._zod.parse;
    inst._zod.parse = (payload, ctx) => {
        const n = size(payload.value);
        if (n > cap && !ctx?.skipChecks && ctx?.direction !== "backward") {
            for (const [max, ch] of util.sizeCaps(inst._zod.def.checks)) {
                if (n > max && ch._zod.def.when(payload)) {
                    const start = payload.issues.length;
                    ch._zod.check(payload);
                    // the value is still the raw input, so no later check may read it
                    payload.issues[start].continue = false;
                    util.attachSchema(payload.issues, start, inst);
                    return payload;
                }
            }
        }
        return parse(payload, ctx);
    };
}
const arraySize = (input) => (Array.isArray(input) ? input.length : -1);
const mapSize = (input) => (input instanceof Map ? input.size : -1);
const setSize = (input) => (input instanceof Set ? input.size : -1);
function handleArrayResult(result, final, index) {
    if (result.issues.length) {
        final.issues.push(...util.prefixIssues(index, result.issues));
    }
    final.value[index] = result.value;
}
const $ZodArray = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodArray", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = core.globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!Array.isArray(input)) {
            payload.issues.push({
                expected: "array",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, Array(input.length), ctx) : Array(input.length);
        const proms = [];
        const abortEarly = ctx?.abortEarly;
        for (let i = 0; i < input.length; i++) {
            const item = input[i];
            const result = def.element._zod.run({
                value: item,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                proms.push(result.then((result) => handleArrayResult(result, payload, i)));
            }
            else {
                handleArrayResult(result, payload, i);
                // the element's payload is authoritative here, since handleArrayResult forwards every issue; an object's is not, because it drops a failed absent optional
                if (abortEarly && result.issues.length !== 0 && util.aborted(result))
                    break;
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => payload);
        }
        return payload; //handleArrayResultsAsync(parseResults, final);
    };
    capSize(inst, arraySize);
})));
function handlePropertyResult(result, final, key, input, optin, optout) {
    const isPresent = key in input;
    const isOptionalOut = optout === "optional";
    // The middle rung means "absence permitted, nothing supplied in its place", so an absent key contributes nothing — whatever the schema made of `undefined` is invented, not substituted. Only `optional` reaches this with a value: `defaulted` substitutes, and a schema that isn't optional-out has to keep the key.
    if (!isPresent && isOptionalOut && optin === "optional") {
        return;
    }
    if (result.issues.length) {
        // For optional-in/out schemas, ignore errors on absent keys.
        if (optin !== undefined && isOptionalOut && !isPresent) {
            return;
        }
        final.issues.push(...util.prefixIssues(key, result.issues));
    }
    if (!isPresent && optin === undefined) {
        if (!result.issues.length) {
            final.issues.push({
                code: "invalid_type",
                expected: "nonoptional",
                input: undefined,
                path: [key],
            });
        }
        return;
    }
    if (result.value === undefined) {
        if (isPresent || (optin === "defaulted" && !isOptionalOut)) {
            final.value[key] = undefined;
        }
    }
    else {
        final.value[key] = result.value;
    }
}
// one shared instance; a fresh [] per schema cost 56 bytes retained
const NO_SYMBOL_KEYS = (/* unused pure expression or super */ null && ([]));
function normalizeDef(def) {
    const keys = Object.keys(def.shape);
    const ownSymbols = Object.getOwnPropertySymbols(def.shape);
    const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
    // aliases `keys` when there are no symbols, so a string-only shape keeps one array
    const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
    for (const k of allKeys) {
        if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) {
            throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
        }
    }
    const okeys = util.optionalKeys(def.shape);
    return {
        ...def,
        allKeys,
        symbolKeys,
        // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
        keySet: new Set(keys),
        numKeys: keys.length,
        optionalKeys: new Set(okeys),
    };
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
    const unrecognized = [];
    const keySet = def.keySet;
    const _catchall = def.catchall._zod;
    const t = _catchall.def.type;
    const optin = _catchall.optin;
    const optout = _catchall.optout;
    // starts at 0, not the current length: the shape phase already ran and may have aborted
    let seen = 0;
    for (const key in input) {
        if (abortEarly && payload.issues.length !== seen) {
            if (util.aborted(payload, seen))
                break;
            seen = payload.issues.length;
        }
        // Must precede the __proto__ branch: a declared key is not unrecognized, even though the shape loop deliberately strips __proto__ from the parsed output.
        if (keySet.has(key))
            continue;
        // Don't copy an undeclared __proto__ into the result; assignment to a plain {} would replace the result prototype. But in strict mode it is still an unknown key, so report it before skipping.
        if (key === "__proto__") {
            if (t === "never")
                unrecognized.push(key);
            continue;
        }
        if (t === "never") {
            unrecognized.push(key);
            continue;
        }
        const r = _catchall.run({ value: input[key], issues: [] }, ctx);
        if (r instanceof Promise) {
            proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
        }
        else {
            handlePropertyResult(r, payload, key, input, optin, optout);
        }
    }
    if (unrecognized.length) {
        payload.issues.push({
            code: "unrecognized_keys",
            keys: unrecognized,
            input,
            inst,
            // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
            continue: true,
        });
    }
    if (!proms.length)
        return payload;
    return Promise.all(proms).then(() => {
        return payload;
    });
}
const $ZodObject = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodObject", (inst, def) => {
    // requires cast because technically $ZodObject doesn't extend
    $ZodType.init(inst, def);
    const desc = Object.getOwnPropertyDescriptor(def, "shape");
    // a cloned def carries its source's accessor, which knows the shape it answers from; adopting that keeps the clone's keys readable without running it
    const sh = desc?.get ? desc.get.raw : (def.shape ?? {});
    if (sh) {
        // Freezes the shape on first read, so its getters resolve once and every later read sees the same schemas.
        const get = () => {
            const newSh = { ...sh };
            Object.defineProperty(def, "shape", { value: newSh });
            get.raw = newSh;
            return newSh;
        };
        get.raw = sh;
        Object.defineProperty(def, "shape", { get });
    }
    const _normalized = util.cached(() => normalizeDef(def));
    util.defineLazyInternal(inst, "propValues", (zod) => {
        const shape = zod.def.shape;
        const propValues = {};
        for (const key in shape) {
            const field = shape[key]._zod;
            if (field.values) {
                if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
                    util.assignProp(propValues, key, new Set());
                }
                for (const v of field.values)
                    propValues[key].add(v);
                // An omittable slot reads back as undefined at a discriminator lookup, so it has to claim undefined: two options that can both omit the key are not discriminable on it.
                if (field.optin !== undefined)
                    propValues[key].add(undefined);
            }
        }
        return propValues;
    });
    const isObject = util.isObject;
    const catchall = def.catchall;
    let value;
    const memo = core.globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject(input)) {
            payload.issues.push({
                expected: "object",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
        const proms = [];
        const shape = value.shape;
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const key of value.allKeys) {
            if (abortEarly && payload.issues.length !== seen) {
                if (util.aborted(payload, seen))
                    break;
                seen = payload.issues.length;
            }
            if (key === "__proto__")
                continue;
            const el = shape[key];
            const optin = el._zod.optin;
            const optout = el._zod.optout;
            const r = el._zod.run({ value: input[key], issues: [] }, ctx);
            if (r instanceof Promise) {
                proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
            }
            else {
                handlePropertyResult(r, payload, key, input, optin, optout);
            }
        }
        if (!catchall) {
            return proms.length ? Promise.all(proms).then(() => payload) : payload;
        }
        return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
    };
})));
const $ZodObjectJIT = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodObjectJIT", (inst, def) => {
    // requires cast because technically $ZodObject doesn't extend
    $ZodObject.init(inst, def);
    const superParse = inst._zod.parse;
    const _normalized = util.cached(() => normalizeDef(def));
    const memo = core.globalConfig.memoizer;
    const generateFastpass = (shape) => {
        const normalized = _normalized.value;
        const syms = normalized.symbolKeys;
        // a symbol has no source literal, so it is read as `syms[i]` off the closed-over scope
        const doc = new Doc(["payload", "ctx"], { shape, inst, memo, syms });
        const parseStr = (k) => `shape[${k}]._zod.run({ value: input[${k}], issues: [] }, ctx)`;
        // prefixes in place, like util.prefixIssues. newResult must land before the early return: a catchall runs after this and would otherwise write onto the caller's input
        const prefixStr = (id, k) => `
          let ${id}_ab = false;
          for (let i = 0; i < ${id}.issues.length; i++) {
            const iss = ${id}.issues[i];
            iss.path = iss.path ? [${k}, ...iss.path] : [${k}];
            payload.issues.push(iss);
            if (iss.continue !== true) ${id}_ab = true;
          }
          if (${id}_ab && ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }`;
        doc.write(`const input = payload.value;`);
        const ids = Object.create(null);
        let counter = 0;
        for (const key of normalized.allKeys) {
            ids[key] = `key_${counter++}`;
        }
        // A: preserve key order {
        doc.write(memo ? `const newResult = memo.alloc(inst, payload, {}, ctx);` : `const newResult = {};`);
        for (const key of normalized.allKeys) {
            if (key === "__proto__")
                continue;
            const id = ids[key];
            const k = typeof key === "symbol" ? `syms[${syms.indexOf(key)}]` : util.esc(key);
            const isPresent = `${k} in input`;
            const schema = shape[key];
            const optin = schema?._zod?.optin;
            const isOptionalIn = optin !== undefined;
            const isOptionalOut = schema?._zod?.optout === "optional";
            doc.write(`const ${id} = ${parseStr(k)};`);
            if (isOptionalIn && isOptionalOut) {
                // For optional-in/out schemas, ignore errors on absent keys — and, like the interpreted path, drop the value produced alongside them. The middle rung goes further: it permits absence without supplying anything in its place, so an absent key contributes nothing at all.
                const assign = optin === "optional" ? `${id}_present` : `${id}.value !== undefined || ${id}_present`;
                doc.write(`
        const ${id}_present = ${isPresent};
        if (!${id}.issues.length || ${id}_present) {
          if (${id}.issues.length) {${prefixStr(id, k)}
          }

          if (${assign}) {
            newResult[${k}] = ${id}.value;
          }
        }

      `);
            }
            else if (!isOptionalIn) {
                doc.write(`
        const ${id}_present = ${isPresent};
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
        if (!${id}_present && !${id}.issues.length) {
          payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: undefined,
            path: [${k}]
          });
          if (ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }
        }

        if (${id}_present) {
          newResult[${k}] = ${id}.value;
        }

      `);
            }
            else {
                doc.write(`
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
      `);
                if (optin === "defaulted") {
                    doc.write(`newResult[${k}] = ${id}.value;`);
                }
                else {
                    doc.write(`
        if (${id}.value !== undefined || ${isPresent}) {
          newResult[${k}] = ${id}.value;
        }
      `);
                }
            }
        }
        doc.write(`payload.value = newResult;`);
        doc.write(`return payload;`);
        // closing `shape` in is what pays: turbofan specializes the parser against that one shape object, so every `shape[k]._zod.run` folds to a known callee. as a parameter it stays a generic load and measures 13% slower even with the forwarding frame gone
        return doc.compile();
    };
    let fastpass;
    const isObject = util.isObject;
    const jit = !core.globalConfig.jitless;
    const allowsEval = util.allowsEval;
    const fastEnabled = jit && allowsEval.value; // && !def.catchall;
    const catchall = def.catchall;
    let value;
    inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject(input)) {
            payload.issues.push({
                expected: "object",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        if (jit && fastEnabled && ctx?.async === false && ctx.jitless !== true) {
            // always synchronous
            if (!fastpass)
                fastpass = generateFastpass(def.shape);
            payload = fastpass(payload, ctx);
            if (!catchall)
                return payload;
            return handleCatchall([], input, payload, ctx, value, inst, ctx?.abortEarly === true);
        }
        return superParse(payload, ctx);
    };
})));
function handleUnionResults(results, final, inst, ctx) {
    for (const result of results) {
        if (result.issues.length === 0) {
            final.value = result.value;
            return final;
        }
    }
    const nonaborted = results.filter((r) => !util.aborted(r));
    if (nonaborted.length === 1) {
        final.value = nonaborted[0].value;
        return nonaborted[0];
    }
    final.issues.push({
        code: "invalid_union",
        input: final.value,
        inst,
        errors: results.map((result) => result.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config()))),
    });
    return final;
}
const $ZodUnion = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodUnion", (inst, def) => {
    $ZodType.init(inst, def);
    util.defineLazyInternal(inst, "optin", (zod) => zod.def.options.some((o) => o._zod.optin === "defaulted")
        ? "defaulted"
        : zod.def.options.some((o) => o._zod.optin !== undefined)
            ? "optional"
            : undefined);
    util.defineLazyInternal(inst, "optout", (zod) => zod.def.options.some((o) => o._zod.optout === "optional") ? "optional" : undefined);
    util.defineLazyInternal(inst, "values", (zod) => {
        if (zod.def.options.every((o) => o._zod.values)) {
            return new Set(zod.def.options.flatMap((option) => Array.from(option._zod.values)));
        }
        return undefined;
    });
    util.defineLazyInternal(inst, "pattern", (zod) => {
        if (zod.def.options.every((o) => o._zod.pattern)) {
            const patterns = zod.def.options.map((o) => o._zod.pattern);
            return new RegExp(`^(${patterns.map((p) => util.cleanRegex(p.source)).join("|")})$`);
        }
        return undefined;
    });
    const first = def.options.length === 1 ? def.options[0]._zod.run : null;
    inst._zod.parse = (payload, ctx) => {
        if (first) {
            return first(payload, ctx);
        }
        let async = false;
        const results = [];
        for (const option of def.options) {
            const result = option._zod.run({
                value: payload.value,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                results.push(result);
                async = true;
            }
            else {
                if (result.issues.length === 0)
                    return result;
                results.push(result);
            }
        }
        if (!async)
            return handleUnionResults(results, payload, inst, ctx);
        return Promise.all(results).then((results) => {
            return handleUnionResults(results, payload, inst, ctx);
        });
    };
})));
function handleExclusiveUnionResults(results, final, inst, ctx) {
    const matches = [];
    for (let i = 0; i < results.length; i++) {
        if (results[i].issues.length === 0)
            matches.push(i);
    }
    if (matches.length === 1) {
        final.value = results[matches[0]].value;
        return final;
    }
    if (matches.length === 0) {
        // No matches - same as regular union
        final.issues.push({
            code: "invalid_union",
            input: final.value,
            inst,
            errors: results.map((result) => result.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config()))),
        });
    }
    else {
        // Multiple matches - exclusive union failure
        final.issues.push({
            code: "invalid_union",
            input: final.value,
            inst,
            errors: [],
            inclusive: false,
            matches,
        });
    }
    return final;
}
const $ZodXor = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodXor", (inst, def) => {
    $ZodUnion.init(inst, def);
    def.inclusive = false;
    const first = def.options.length === 1 ? def.options[0]._zod.run : null;
    inst._zod.parse = (payload, ctx) => {
        if (first) {
            return first(payload, ctx);
        }
        let async = false;
        const results = [];
        for (const option of def.options) {
            const result = option._zod.run({
                value: payload.value,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                results.push(result);
                async = true;
            }
            else {
                results.push(result);
            }
        }
        if (!async)
            return handleExclusiveUnionResults(results, payload, inst, ctx);
        return Promise.all(results).then((results) => {
            return handleExclusiveUnionResults(results, payload, inst, ctx);
        });
    };
})));
/** Returns the option whose discriminator claims `value`, or throws if ambiguous. */
function getDiscriminatedOption(union, value) {
    const internals = union._zod;
    let map = internals.bag.optionsMap;
    if (!map) {
        map = discriminatorMap(internals.def);
        internals.bag.optionsMap = map;
    }
    const option = map.get(value);
    if (option === null)
        throw new Error(`Ambiguous discriminator value "${String(value)}"`);
    return option;
}
function discriminatorMap(def) {
    const map = new Map();
    for (const option of def.options) {
        const values = option._zod.propValues?.[def.discriminator];
        if (!values || values.size === 0)
            throw new Error(`Invalid discriminated union option at index "${def.options.indexOf(option)}"`);
        for (const value of values) {
            if (map.has(value)) {
                if (value !== undefined)
                    throw new Error(`Duplicate discriminator value "${String(value)}"`);
                // keep the collision marked so a later member cannot reclaim it
                map.set(value, null);
            }
            else {
                map.set(value, option);
            }
        }
    }
    return map;
}
const $ZodDiscriminatedUnion = 
/*@__PURE__*/
(/* unused pure expression or super */ null && (core.$constructor("$ZodDiscriminatedUnion", (inst, def) => {
    def.inclusive = false;
    $ZodUnion.init(inst, def);
    const _super = inst._zod.parse;
    util.defineLazyInternal(inst, "propValues", (zod) => {
        const propValues = {};
        let undefinedCount = 0;
        for (const option of zod.def.options) {
            const pv = option._zod.propValues;
            if (!pv || Object.keys(pv).length === 0)
                throw new Error(`Invalid discriminated union option at index "${zod.def.options.indexOf(option)}"`);
            if (pv[zod.def.discriminator]?.has(undefined))
                undefinedCount++;
            for (const [k, v] of Object.entries(pv)) {
                if (!Object.prototype.hasOwnProperty.call(propValues, k)) {
                    util.assignProp(propValues, k, new Set());
                }
                for (const val of v) {
                    propValues[k].add(val);
                }
            }
        }
        if (!zod.def.unionFallback && undefinedCount > 1)
            propValues[zod.def.discriminator]?.delete(undefined);
        return propValues;
    });
    // Checked now rather than in the lookup map below, so an option that lacks the discriminator fails at the `discriminatedUnion` call instead of on the first object parsed. Options whose shape cannot be enumerated without resolving it — pipes and lazies — are left to the map.
    def.options.forEach((option, i) => {
        const propShape = util.rawShape(option._zod.def);
        if (propShape && !Object.prototype.hasOwnProperty.call(propShape, def.discriminator)) {
            throw new Error(`Invalid discriminated union option at index "${i}"`);
        }
    });
    const disc = util.cached(() => discriminatorMap(def));
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!util.isObject(input)) {
            payload.issues.push({
                code: "invalid_type",
                expected: "object",
                input,
                inst,
            });
            return payload;
        }
        const value = input?.[def.discriminator];
        const opt = disc.value.get(value);
        // forward metadata cannot choose an encoder for an absent tag
        if (opt && (value !== undefined || ctx.direction !== "backward")) {
            return opt._zod.run(payload, ctx);
        }
        // Fall back to union matching when the fast discriminator path fails:
        // - explicitly enabled via unionFallback, or
        // - during backward direction (encode), since codec-based discriminators have different values in forward vs backward directions
        if (def.unionFallback || ctx.direction === "backward") {
            return _super(payload, ctx);
        }
        // no matching discriminator
        payload.issues.push({
            code: "invalid_union",
            errors: [],
            note: "No matching discriminator",
            discriminator: def.discriminator,
            options: Array.from(disc.value.keys()).filter((value) => disc.value.get(value) !== null),
            input,
            path: [def.discriminator],
            inst,
        });
        return payload;
    };
})));
const $ZodIntersection = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodIntersection", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        const left = def.left._zod.run({ value: input, issues: [] }, ctx);
        const right = def.right._zod.run({ value: input, issues: [] }, ctx);
        const async = left instanceof Promise || right instanceof Promise;
        if (async) {
            return Promise.all([left, right]).then(([left, right]) => {
                return handleIntersectionResults(payload, left, right);
            });
        }
        return handleIntersectionResults(payload, left, right);
    };
})));
function mergeValues(a, b) {
    // const aType = parse.t(a);
    // const bType = parse.t(b);
    if (a === b) {
        return { valid: true, data: a };
    }
    if (a instanceof Date && b instanceof Date && +a === +b) {
        return { valid: true, data: a };
    }
    if (util.isPlainObject(a) && util.isPlainObject(b)) {
        const bKeys = Object.keys(b);
        const sharedKeys = Object.keys(a).filter((key) => bKeys.indexOf(key) !== -1);
        const newObj = { ...a, ...b };
        if (Object.prototype.hasOwnProperty.call(newObj, "__proto__"))
            delete newObj.__proto__;
        for (const key of sharedKeys) {
            if (key === "__proto__")
                continue;
            const sharedValue = mergeValues(a[key], b[key]);
            if (!sharedValue.valid) {
                return {
                    valid: false,
                    mergeErrorPath: [key, ...sharedValue.mergeErrorPath],
                };
            }
            newObj[key] = sharedValue.data;
        }
        return { valid: true, data: newObj };
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        if (a.length !== b.length) {
            return { valid: false, mergeErrorPath: [] };
        }
        const newArray = [];
        for (let index = 0; index < a.length; index++) {
            const itemA = a[index];
            const itemB = b[index];
            const sharedValue = mergeValues(itemA, itemB);
            if (!sharedValue.valid) {
                return {
                    valid: false,
                    mergeErrorPath: [index, ...sharedValue.mergeErrorPath],
                };
            }
            newArray.push(sharedValue.data);
        }
        return { valid: true, data: newArray };
    }
    return { valid: false, mergeErrorPath: [] };
}
function handleIntersectionResults(result, left, right) {
    // Track which side(s) reject each key. A key rejection is reported only when BOTH sides reject it, so a key owned by one branch survives the other's key schema. strictObject reports these as unrecognized_keys; a record with an open key schema reports one invalid_key per key.
    const unrecKeys = new Map();
    let unrecIssue;
    const keyIssues = new Map();
    const collect = (iss, side) => {
        let keys;
        if (iss.code === "unrecognized_keys" && !iss.path?.length) {
            unrecIssue ?? (unrecIssue = iss);
            keys = iss.keys;
        }
        else if (iss.code === "invalid_key" && iss.origin === "record" && iss.path?.length === 1) {
            const k = String(iss.path[0]);
            if (!keyIssues.has(k))
                keyIssues.set(k, iss);
            keys = [k];
        }
        else {
            return false;
        }
        for (const k of keys) {
            if (!unrecKeys.has(k))
                unrecKeys.set(k, {});
            unrecKeys.get(k)[side] = true;
        }
        return true;
    };
    for (const iss of left.issues) {
        if (!collect(iss, "l"))
            result.issues.push(iss);
    }
    for (const iss of right.issues) {
        if (!collect(iss, "r"))
            result.issues.push(iss);
    }
    // Report only keys rejected by BOTH sides
    const bothKeys = [...unrecKeys].filter(([, f]) => f.l && f.r).map(([k]) => k);
    if (bothKeys.length) {
        const aggregated = unrecIssue ? bothKeys.filter((k) => unrecIssue.keys.includes(k)) : [];
        if (aggregated.length)
            result.issues.push({ ...unrecIssue, keys: aggregated });
        for (const k of bothKeys) {
            if (!aggregated.includes(k) && keyIssues.has(k))
                result.issues.push(keyIssues.get(k));
        }
    }
    const merged = mergeValues(left.value, right.value);
    if (!merged.valid) {
        if (util.aborted(result))
            return result;
        throw new Error(`Unmergable intersection. Error path: ` + `${JSON.stringify(merged.mergeErrorPath)}`);
    }
    result.value = merged.data;
    return result;
}
const $ZodTuple = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodTuple", (inst, def) => {
    $ZodType.init(inst, def);
    const items = def.items;
    const memo = core.globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!Array.isArray(input)) {
            payload.issues.push({
                input,
                inst,
                expected: "tuple",
                code: "invalid_type",
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, [], ctx) : [];
        const proms = [];
        const optinStart = getTupleOptStart(items, "optin");
        const optoutStart = getTupleOptStart(items, "optout");
        if (!def.rest) {
            if (input.length < optinStart) {
                payload.issues.push({
                    code: "too_small",
                    minimum: optinStart,
                    inclusive: true,
                    input,
                    inst,
                    origin: "array",
                });
                return payload;
            }
            if (input.length > items.length) {
                payload.issues.push({
                    code: "too_big",
                    maximum: items.length,
                    inclusive: true,
                    input,
                    inst,
                    origin: "array",
                });
            }
        }
        // Run every item in parallel, collecting results into an indexed array. The post-processing in `handleTupleResults` walks them in order so it can decide whether an absent optional-output error can truncate the tail or must be reported to preserve required output.
        const itemResults = new Array(items.length);
        // only tracked when there is a rest loop to skip
        const abortEarly = def.rest ? ctx?.abortEarly : undefined;
        let itemAborted = false;
        for (let i = 0; i < items.length; i++) {
            const r = items[i]._zod.run({ value: input[i], issues: [] }, ctx);
            if (r instanceof Promise) {
                proms.push(r.then((rr) => {
                    itemResults[i] = rr;
                }));
            }
            else {
                itemResults[i] = r;
                if (abortEarly && !itemAborted && r.issues.length)
                    itemAborted = util.aborted(r);
            }
        }
        // sound because rest is non-empty exactly when every fixed index is present, the one case handleTupleResults cannot discard an item's issues
        if (def.rest && !itemAborted) {
            let i = items.length - 1;
            const rest = input.slice(items.length);
            let seen = payload.issues.length;
            for (const el of rest) {
                if (abortEarly && payload.issues.length !== seen) {
                    if (util.aborted(payload, seen))
                        break;
                    seen = payload.issues.length;
                }
                i++;
                const result = def.rest._zod.run({ value: el, issues: [] }, ctx);
                if (result instanceof Promise) {
                    proms.push(result.then((r) => handleTupleResult(r, payload, i)));
                }
                else {
                    handleTupleResult(result, payload, i);
                }
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => handleTupleResults(itemResults, payload, items, input, optoutStart));
        }
        return handleTupleResults(itemResults, payload, items, input, optoutStart);
    };
})));
function getTupleOptStart(items, key) {
    for (let i = items.length - 1; i >= 0; i--) {
        // optin is a three-rung ladder so any rung above `undefined` permits an absent slot; optout stays two-valued.
        const omittable = key === "optin" ? items[i]._zod.optin !== undefined : items[i]._zod.optout === "optional";
        if (!omittable)
            return i + 1;
    }
    return 0;
}
function handleTupleResult(result, final, index) {
    if (result.issues.length) {
        final.issues.push(...util.prefixIssues(index, result.issues));
    }
    final.value[index] = result.value;
}
function handleTupleResults(itemResults, final, items, input, optoutStart) {
    // Walk results in order. Mirror $ZodObject's swallow-on-absent-optional rule, but only after `optoutStart`: the first index where the output tuple tail can be absent.
    for (let i = 0; i < items.length; i++) {
        const r = itemResults[i];
        const isPresent = i < input.length;
        // The array analog of `handlePropertyResult`'s absent-key early return: the middle rung permits absence without supplying anything in its place, so the tail truncates here instead of materializing whatever the item made of `undefined`.
        if (!isPresent && i >= optoutStart && items[i]._zod.optin === "optional") {
            final.value.length = i;
            break;
        }
        if (r.issues.length) {
            if (!isPresent && i >= optoutStart) {
                final.value.length = i;
                break;
            }
            final.issues.push(...util.prefixIssues(i, r.issues));
        }
        final.value[i] = r.value;
    }
    // Drop trailing slots that produced `undefined` for absent input
    // (the array analog of an absent optional key on an object). The
    // `i >= input.length` floor is critical: an explicit `undefined`
    // *inside* the input must be preserved even when the schema is
    // optional-out (e.g. `z.string().or(z.undefined())` accepting an
    // explicit undefined value).
    for (let i = final.value.length - 1; i >= input.length; i--) {
        if (items[i]._zod.optout === "optional" && final.value[i] === undefined) {
            final.value.length = i;
        }
        else {
            break;
        }
    }
    return final;
}
const $ZodRecord = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodRecord", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = core.globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!util.isPlainObject(input)) {
            payload.issues.push({
                expected: "record",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        // no guard in either loop below: a record's invalid_key aborts but an enclosing intersection can reconcile it, so a stopped loop hides keys the sibling does not own and the intersection then rejects nothing
        const proms = [];
        const values = def.keyType._zod.values;
        if (values && !def.partial) {
            payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
            const recordKeys = new Set();
            for (const key of values) {
                if (typeof key === "string" || typeof key === "number" || typeof key === "symbol") {
                    recordKeys.add(typeof key === "number" ? key.toString() : key);
                    // A declared __proto__ is stripped but is not an unrecognized key.
                    if (key === "__proto__")
                        continue;
                    const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
                    if (keyResult instanceof Promise) {
                        throw new Error("Async schemas not supported in object keys currently");
                    }
                    if (keyResult.issues.length) {
                        payload.issues.push({
                            code: "invalid_key",
                            origin: "record",
                            issues: keyResult.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config())),
                            input: key,
                            path: [key],
                            inst,
                        });
                        continue;
                    }
                    const outKey = keyResult.value;
                    if (outKey === "__proto__")
                        continue;
                    const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
                    if (result instanceof Promise) {
                        proms.push(result.then((result) => {
                            if (result.issues.length) {
                                payload.issues.push(...util.prefixIssues(key, result.issues));
                            }
                            payload.value[outKey] = result.value;
                        }));
                    }
                    else {
                        if (result.issues.length) {
                            payload.issues.push(...util.prefixIssues(key, result.issues));
                        }
                        payload.value[outKey] = result.value;
                    }
                }
            }
            let unrecognized;
            for (const key in input) {
                if (!recordKeys.has(key)) {
                    if (def.mode === "loose") {
                        // skip __proto__ so it can't replace the result prototype via the assignment setter on the plain {} we build into
                        if (key === "__proto__")
                            continue;
                        payload.value[key] = input[key];
                    }
                    else {
                        unrecognized = unrecognized ?? [];
                        unrecognized.push(key);
                    }
                }
            }
            if (unrecognized && unrecognized.length > 0) {
                payload.issues.push({
                    code: "unrecognized_keys",
                    input,
                    inst,
                    keys: unrecognized,
                    continue: true,
                });
            }
        }
        else {
            payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
            // An enumerable key schema declares which keys the record owns, so a key outside the set is unrecognized. A non-enumerable one (regex, refine) is a constraint every key must satisfy, so a failing key is invalid. Only the former is reconcilable against the other side of an intersection.
            let unrecognized;
            // Reflect.ownKeys for Symbol-key support; filter non-enumerable to match z.object()
            for (const key of Reflect.ownKeys(input)) {
                if (key === "__proto__")
                    continue;
                if (!Object.prototype.propertyIsEnumerable.call(input, key))
                    continue;
                let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
                if (keyResult instanceof Promise) {
                    throw new Error("Async schemas not supported in object keys currently");
                }
                // Numeric string fallback: if key is a numeric string and failed, retry with Number(key). This handles z.number(), z.literal([1, 2, 3]), and unions containing numeric literals
                const checkNumericKey = typeof key === "string" && regexes.number.test(key) && keyResult.issues.length;
                if (checkNumericKey) {
                    const retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx);
                    if (retryResult instanceof Promise) {
                        throw new Error("Async schemas not supported in object keys currently");
                    }
                    if (retryResult.issues.length === 0) {
                        keyResult = retryResult;
                    }
                }
                if (keyResult.issues.length) {
                    if (def.mode === "loose") {
                        // Pass through unchanged
                        payload.value[key] = input[key];
                    }
                    else if (values) {
                        unrecognized = unrecognized ?? [];
                        unrecognized.push(key);
                    }
                    else {
                        // Default "strict" behavior: error on invalid key
                        payload.issues.push({
                            code: "invalid_key",
                            origin: "record",
                            issues: keyResult.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config())),
                            input: key,
                            path: [key],
                            inst,
                        });
                    }
                    continue;
                }
                // the guard above tests the raw input key, but the key schema can normalize an ordinary key into __proto__; re-check the key we actually write under
                const outKey = keyResult.value;
                if (outKey === "__proto__")
                    continue;
                const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
                if (result instanceof Promise) {
                    proms.push(result.then((result) => {
                        if (result.issues.length) {
                            payload.issues.push(...util.prefixIssues(key, result.issues));
                        }
                        payload.value[outKey] = result.value;
                    }));
                }
                else {
                    if (result.issues.length) {
                        payload.issues.push(...util.prefixIssues(key, result.issues));
                    }
                    payload.value[outKey] = result.value;
                }
            }
            if (unrecognized && unrecognized.length > 0) {
                payload.issues.push({
                    code: "unrecognized_keys",
                    input,
                    inst,
                    keys: unrecognized,
                    continue: true,
                });
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => payload);
        }
        return payload;
    };
})));
const $ZodMap = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodMap", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = core.globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!(input instanceof Map)) {
            payload.issues.push({
                expected: "map",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        const proms = [];
        payload.value = memo ? memo.alloc(inst, payload, new Map(), ctx) : new Map();
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const [key, value] of input) {
            if (abortEarly && payload.issues.length !== seen) {
                if (util.aborted(payload, seen))
                    break;
                seen = payload.issues.length;
            }
            const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
            const valueResult = def.valueType._zod.run({ value: value, issues: [] }, ctx);
            if (keyResult instanceof Promise || valueResult instanceof Promise) {
                proms.push(Promise.all([keyResult, valueResult]).then(([keyResult, valueResult]) => {
                    handleMapResult(keyResult, valueResult, payload, key, input, inst, ctx);
                }));
            }
            else {
                handleMapResult(keyResult, valueResult, payload, key, input, inst, ctx);
            }
        }
        if (proms.length)
            return Promise.all(proms).then(() => payload);
        return payload;
    };
    capSize(inst, mapSize);
})));
function handleMapResult(keyResult, valueResult, final, key, input, inst, ctx) {
    if (keyResult.issues.length) {
        if (util.propertyKeyTypes.has(typeof key)) {
            final.issues.push(...util.prefixIssues(key, keyResult.issues));
        }
        else {
            final.issues.push({
                code: "invalid_key",
                origin: "map",
                input,
                inst,
                issues: keyResult.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config())),
            });
        }
    }
    if (valueResult.issues.length) {
        if (util.propertyKeyTypes.has(typeof key)) {
            final.issues.push(...util.prefixIssues(key, valueResult.issues));
        }
        else {
            final.issues.push({
                origin: "map",
                code: "invalid_element",
                input,
                inst,
                key: key,
                issues: valueResult.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config())),
            });
        }
    }
    final.value.set(keyResult.value, valueResult.value);
}
const $ZodSet = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodSet", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = core.globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!(input instanceof Set)) {
            payload.issues.push({
                input,
                inst,
                expected: "set",
                code: "invalid_type",
            });
            return payload;
        }
        const proms = [];
        payload.value = memo ? memo.alloc(inst, payload, new Set(), ctx) : new Set();
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const item of input) {
            if (abortEarly && payload.issues.length !== seen) {
                if (util.aborted(payload, seen))
                    break;
                seen = payload.issues.length;
            }
            const result = def.valueType._zod.run({ value: item, issues: [] }, ctx);
            if (result instanceof Promise) {
                proms.push(result.then((result) => handleSetResult(result, payload)));
            }
            else
                handleSetResult(result, payload);
        }
        if (proms.length)
            return Promise.all(proms).then(() => payload);
        return payload;
    };
    capSize(inst, setSize);
})));
function handleSetResult(result, final) {
    if (result.issues.length) {
        final.issues.push(...result.issues);
    }
    final.value.add(result.value);
}
const $ZodEnum = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodEnum", (inst, def) => {
    $ZodType.init(inst, def);
    const values = util.getEnumValues(def.entries);
    const valuesSet = new Set(values);
    inst._zod.values = valuesSet;
    util.defineLazyInternal(inst, "pattern", (zod) => {
        const patternValues = util.getEnumValues(zod.def.entries).filter((k) => util.propertyKeyTypes.has(typeof k));
        // unmatchable fallback, RE2-safe: an empty alternation would compile to /^()$/, which matches ""
        return new RegExp(patternValues.length ? `^(${patternValues.map((o) => util.escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
    });
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (valuesSet.has(input)) {
            return payload;
        }
        payload.issues.push({
            code: "invalid_value",
            values,
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodLiteral = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodLiteral", (inst, def) => {
    $ZodType.init(inst, def);
    const values = new Set(def.values);
    inst._zod.values = values;
    util.defineLazyInternal(inst, "pattern", (zod) => {
        const vals = zod.def.values;
        // unmatchable fallback, RE2-safe: an empty alternation would compile to /^()$/, which matches ""
        return new RegExp(vals.length
            ? `^(${vals
                .map((o) => typeof o === "string" ? util.escapeRegex(o) : o ? util.escapeRegex(o.toString()) : String(o))
                .join("|")})$`
            : "^[^\\s\\S]$");
    });
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (values.has(input)) {
            return payload;
        }
        payload.issues.push({
            code: "invalid_value",
            values: def.values,
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodFile = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodFile", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        // @ts-ignore
        if (input instanceof File)
            return payload;
        payload.issues.push({
            expected: "file",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodTransform = /*@__PURE__*/ $constructor("$ZodTransform", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.optin = "optional";
    core_globalConfig.memoizer?.guard(inst);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            throw new $ZodEncodeError(inst.constructor.name);
        }
        const _out = def.transform(payload.value, payload);
        if (ctx.async) {
            const output = _out instanceof Promise ? _out : Promise.resolve(_out);
            return output.then((output) => {
                payload.value = output;
                return payload;
            });
        }
        if (_out instanceof Promise) {
            throw new $ZodAsyncError();
        }
        payload.value = _out;
        return payload;
    };
});
function handleOptionalResult(payload, result) {
    // A substituting schema that still failed has no usable answer; yield undefined. Its issues are simply dropped: it ran on a payload of its own, so there is no shared array to truncate and nothing of the caller's to lose with it.
    payload.value = result.issues.length ? undefined : result.value;
    return payload;
}
const $ZodOptional = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodOptional", (inst, def) => {
    $ZodType.init(inst, def);
    // .optional() propagates absence rather than substituting for it, so a defaulted inner keeps its rung.
    util.defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
    inst._zod.optout = "optional";
    util.defineLazyInternal(inst, "values", (zod) => {
        const values = zod.def.innerType._zod.values;
        return values ? new Set([...values, undefined]) : undefined;
    });
    util.defineLazyInternal(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${util.cleanRegex(pattern.source)})?$`) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        if (payload.value === undefined) {
            // Only the top rung substitutes a value for absence; everything else leaves it intact, which is what .optional() means.
            if (def.innerType._zod.optin !== "defaulted")
                return payload;
            // Its own payload, for the same reason $ZodCatch gets one: a pipe forwards an unrecognized key through the caller's issues array, and this must not read that as the substituting schema failing and drop it.
            const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
            if (result instanceof Promise)
                return result.then((result) => handleOptionalResult(payload, result));
            return handleOptionalResult(payload, result);
        }
        return def.innerType._zod.run(payload, ctx);
    };
})));
const $ZodExactOptional = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodExactOptional", (inst, def) => {
    // Call parent init - inherits optin/optout = "optional"
    $ZodOptional.init(inst, def);
    // Override values/pattern to NOT add undefined
    util.defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    util.defineLazyInternal(inst, "pattern", (zod) => zod.def.innerType._zod.pattern);
    // Override parse to just delegate (no undefined handling)
    inst._zod.parse = (payload, ctx) => {
        return def.innerType._zod.run(payload, ctx);
    };
})));
const $ZodNullable = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNullable", (inst, def) => {
    $ZodType.init(inst, def);
    util.defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin);
    util.defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
    util.defineLazyInternal(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${util.cleanRegex(pattern.source)}|null)$`) : undefined;
    });
    util.defineLazyInternal(inst, "values", (zod) => {
        return zod.def.innerType._zod.values ? new Set([...zod.def.innerType._zod.values, null]) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        // Forward direction (decode): allow null to pass through
        if (payload.value === null)
            return payload;
        return def.innerType._zod.run(payload, ctx);
    };
})));
const $ZodDefault = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodDefault", (inst, def) => {
    $ZodType.init(inst, def);
    // inst._zod.qin = "true";
    inst._zod.optin = "defaulted";
    util.defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply defaults for undefined input
        if (payload.value === undefined) {
            payload.value = def.defaultValue;
            /**
             * $ZodDefault returns the default value immediately in forward direction.
             * It doesn't pass the default value into the validator ("prefault"). There's no reason to pass the default value through validation. The validity of the default is enforced by TypeScript statically. Otherwise, it's the responsibility of the user to ensure the default is valid. In the case of pipes with divergent in/out types, you can specify the default on the `in` schema of your ZodPipe to set a "prefault" for the pipe.   */
            return payload;
        }
        // Forward direction: continue with default handling
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleDefaultResult(result, def));
        }
        return handleDefaultResult(result, def);
    };
})));
function handleDefaultResult(payload, def) {
    if (payload.value === undefined) {
        payload.value = def.defaultValue;
    }
    return payload;
}
const $ZodPrefault = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodPrefault", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.optin = "defaulted";
    util.defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply prefault for undefined input
        if (payload.value === undefined) {
            payload.value = def.defaultValue;
        }
        return def.innerType._zod.run(payload, ctx);
    };
})));
const $ZodNonOptional = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNonOptional", (inst, def) => {
    $ZodType.init(inst, def);
    util.defineLazyInternal(inst, "values", (zod) => {
        const v = zod.def.innerType._zod.values;
        return v ? new Set([...v].filter((x) => x !== undefined)) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleNonOptionalResult(result, inst));
        }
        return handleNonOptionalResult(result, inst);
    };
})));
function handleNonOptionalResult(payload, inst) {
    if (!payload.issues.length && payload.value === undefined) {
        payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: payload.value,
            inst,
        });
    }
    return payload;
}
const $ZodSuccess = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodSuccess", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            throw new core.$ZodEncodeError("ZodSuccess");
        }
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => {
                payload.value = result.issues.length === 0;
                return payload;
            });
        }
        payload.value = result.issues.length === 0;
        return payload;
    };
})));
function handleCatchResult(payload, result, def, ctx) {
    if (!result.issues.length) {
        payload.value = result.value;
        // The value carries up, so the flag describing it has to carry with it: a back-edge into a node still being parsed must not be frozen by an enclosing readonly, and its checks belong to the node itself. Guarded so the ordinary case adds no own property.
        if (result.memo)
            payload.memo = true;
        return payload;
    }
    // Spread the inner's own payload, not ours: `value` has to stay the input the catch was handed, and the inner ran on a payload of its own so its issues are already private to this call.
    payload.value = def.catchValue({
        ...result,
        value: payload.value,
        error: {
            issues: result.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config())),
        },
        input: payload.value,
    });
    return payload;
}
const $ZodCatch = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCatch", (inst, def) => {
    $ZodType.init(inst, def);
    util.defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
    util.defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
    util.defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply catch logic
        const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleCatchResult(payload, result, def, ctx));
        }
        return handleCatchResult(payload, result, def, ctx);
    };
})));
const $ZodNaN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNaN", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        if (typeof payload.value !== "number" || !Number.isNaN(payload.value)) {
            payload.issues.push({
                input: payload.value,
                inst,
                expected: "nan",
                code: "invalid_type",
            });
            return payload;
        }
        return payload;
    };
})));
const $ZodPipe = /*@__PURE__*/ $constructor("$ZodPipe", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values);
    defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin);
    defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout);
    defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            const right = def.out._zod.run(payload, ctx);
            if (right instanceof Promise) {
                return right.then((right) => handlePipeResult(right, def.in, ctx));
            }
            return handlePipeResult(right, def.in, ctx);
        }
        const left = def.in._zod.run(payload, ctx);
        if (left instanceof Promise) {
            return left.then((left) => handlePipeResult(left, def.out, ctx));
        }
        return handlePipeResult(left, def.out, ctx);
    };
});
function handlePipeResult(left, next, ctx) {
    // Any issue stops the pipe, so a failing refinement never feeds its transform. An unrecognized key is the exception: it describes the input's extra properties, not the value being piped, and an enclosing intersection may yet reconcile it.
    if (left.issues.some((iss) => iss.code !== "unrecognized_keys")) {
        // prevent further checks
        left.aborted = true;
        return left;
    }
    return next._zod.run({ value: left.value, issues: left.issues }, ctx);
}
const $ZodCodec = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCodec", (inst, def) => {
    $ZodType.init(inst, def);
    util.defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values);
    util.defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin);
    util.defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout);
    util.defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues);
    inst._zod.parse = (payload, ctx) => {
        const direction = ctx.direction || "forward";
        if (direction === "forward") {
            const left = def.in._zod.run(payload, ctx);
            if (left instanceof Promise) {
                return left.then((left) => handleCodecAResult(left, def, ctx));
            }
            return handleCodecAResult(left, def, ctx);
        }
        else {
            const right = def.out._zod.run(payload, ctx);
            if (right instanceof Promise) {
                return right.then((right) => handleCodecAResult(right, def, ctx));
            }
            return handleCodecAResult(right, def, ctx);
        }
    };
})));
function handleCodecAResult(result, def, ctx) {
    if (result.issues.length) {
        // prevent further checks
        result.aborted = true;
        return result;
    }
    const direction = ctx.direction || "forward";
    if (direction === "forward") {
        const transformed = def.transform(result.value, result);
        if (transformed instanceof Promise) {
            return transformed.then((value) => handleCodecTxResult(result, value, def.out, ctx));
        }
        return handleCodecTxResult(result, transformed, def.out, ctx);
    }
    else {
        const transformed = def.reverseTransform(result.value, result);
        if (transformed instanceof Promise) {
            return transformed.then((value) => handleCodecTxResult(result, value, def.in, ctx));
        }
        return handleCodecTxResult(result, transformed, def.in, ctx);
    }
}
function handleCodecTxResult(left, value, nextSchema, ctx) {
    // Check if transform added any issues
    if (left.issues.length) {
        left.aborted = true;
        return left;
    }
    return nextSchema._zod.run({ value, issues: left.issues }, ctx);
}
const $ZodPreprocess = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodPreprocess", (inst, def) => {
    $ZodPipe.init(inst, def);
})));
const $ZodReadonly = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodReadonly", (inst, def) => {
    $ZodType.init(inst, def);
    util.defineLazyInternal(inst, "propValues", (zod) => zod.def.innerType._zod.propValues);
    util.defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    util.defineLazyInternal(inst, "optin", (zod) => zod.def.innerType?._zod?.optin);
    util.defineLazyInternal(inst, "optout", (zod) => zod.def.innerType?._zod?.optout);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then(handleReadonlyResult);
        }
        return handleReadonlyResult(result);
    };
})));
function handleReadonlyResult(payload) {
    // A repeat visit hands back a node that is still being built; freezing it here would make the rest of its keys fail to assign.
    if (!payload.memo)
        payload.value = Object.freeze(payload.value);
    return payload;
}
// a leaf's pattern source with its own checks folded in: the last pattern-carrying check wins, else length bounds narrow the catch-all, else an integer format narrows the number form. the fold lives here instead of on `_zod.pattern` so a bundle without template literals never pays for it
function leafPattern(schema) {
    const def = schema._zod.def;
    let pattern = def.pattern;
    let isInt = !!def.format?.includes("int");
    let minimum;
    let maximum;
    for (const ch of def.checks ?? []) {
        const d = ch._zod.def;
        if (d.pattern)
            pattern = d.pattern;
        isInt || (isInt = !!d.format?.includes("int"));
        const lo = d.minimum ?? d.length;
        const hi = d.maximum ?? d.length;
        if (lo !== undefined && (minimum === undefined || lo > minimum))
            minimum = lo;
        if (hi !== undefined && (maximum === undefined || hi < maximum))
            maximum = hi;
    }
    if (pattern)
        return pattern.source;
    // an empty range matches nothing at runtime, and `{8,5}` is not a legal quantifier
    if (minimum !== undefined && maximum !== undefined && minimum > maximum)
        return "(?!)";
    if (minimum !== undefined || maximum !== undefined)
        return regexes.string({ minimum, maximum }).source;
    const own = schema._zod.pattern;
    return (isInt && own === regexes.number ? regexes.integer : own)?.source;
}
// a part's pattern source. a wrapper's pattern embeds its inner pattern's source verbatim, so the folded form is substituted in place without knowing the wrapper's own composition; a union's options are joined the way the union builds its own pattern
function partPattern(schema) {
    const def = schema._zod.def;
    const own = schema._zod.pattern?.source;
    // lazy resolves its inner on the internals, not the def
    const inner = def.innerType ?? schema._zod.innerType;
    if (inner) {
        const before = inner._zod.pattern?.source;
        const after = partPattern(inner);
        if (own && before && after && after !== before) {
            return own.replace(util.cleanRegex(before), () => util.cleanRegex(after));
        }
        return own;
    }
    if (def.options) {
        const sources = def.options.map(partPattern);
        if (sources.every(Boolean))
            return `^(${sources.map((s) => util.cleanRegex(s)).join("|")})$`;
    }
    return leafPattern(schema);
}
const $ZodTemplateLiteral = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodTemplateLiteral", (inst, def) => {
    $ZodType.init(inst, def);
    const regexParts = [];
    for (const part of def.parts) {
        if (typeof part === "object" && part !== null) {
            // is Zod schema
            const source = partPattern(part);
            if (!source) {
                throw new Error(`Invalid template literal part, no pattern found: ${[...part._zod.traits].shift()}`);
            }
            regexParts.push(util.cleanRegex(source));
        }
        else if (part === null || util.primitiveTypes.has(typeof part)) {
            regexParts.push(util.escapeRegex(`${part}`));
        }
        else {
            throw new Error(`Invalid template literal part: ${part}`);
        }
    }
    inst._zod.pattern = new RegExp(`^${regexParts.join("")}$`);
    inst._zod.parse = (payload, _ctx) => {
        if (typeof payload.value !== "string") {
            payload.issues.push({
                input: payload.value,
                inst,
                expected: "string",
                code: "invalid_type",
            });
            return payload;
        }
        inst._zod.pattern.lastIndex = 0;
        if (!inst._zod.pattern.test(payload.value)) {
            payload.issues.push({
                input: payload.value,
                inst,
                code: "invalid_format",
                format: def.format ?? "template_literal",
                pattern: inst._zod.pattern.source,
            });
            return payload;
        }
        return payload;
    };
})));
const $ZodFunction = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodFunction", (inst, def) => {
    $ZodType.init(inst, def);
    // Defined, not assigned: the classic prototype exposes `_def` as a getter with no setter.
    Object.defineProperty(inst, "_def", { value: def });
    inst._zod.def = def;
    inst.implement = (func) => {
        if (typeof func !== "function") {
            throw new Error("implement() must be called with a function");
        }
        // Defined inline so the closure stays anonymous: binding it to a `const` first names it, which costs 256 bytes per implemented function.
        return Object.defineProperty(function (...args) {
            const parsedArgs = inst._def.input ? parse(inst._def.input, args) : args;
            const result = Reflect.apply(func, this, parsedArgs);
            if (inst._def.output) {
                return parse(inst._def.output, result);
            }
            return result;
        }, "_zod", { value: inst._zod, enumerable: false });
    };
    inst.implementAsync = (func) => {
        if (typeof func !== "function") {
            throw new Error("implementAsync() must be called with a function");
        }
        return Object.defineProperty(async function (...args) {
            const parsedArgs = inst._def.input ? await parseAsync(inst._def.input, args) : args;
            const result = await Reflect.apply(func, this, parsedArgs);
            if (inst._def.output) {
                return await parseAsync(inst._def.output, result);
            }
            return result;
        }, "_zod", { value: inst._zod, enumerable: false });
    };
    inst._zod.parse = (payload, _ctx) => {
        if (typeof payload.value !== "function") {
            payload.issues.push({
                code: "invalid_type",
                expected: "function",
                input: payload.value,
                inst,
            });
            return payload;
        }
        // Check if output is a promise type to determine if we should use async implementation
        const hasPromiseOutput = inst._def.output && inst._def.output._zod.def.type === "promise";
        if (hasPromiseOutput) {
            payload.value = inst.implementAsync(payload.value);
        }
        else {
            payload.value = inst.implement(payload.value);
        }
        return payload;
    };
    inst.input = (...args) => {
        const F = inst.constructor;
        if (Array.isArray(args[0])) {
            return new F({
                type: "function",
                input: new $ZodTuple({
                    type: "tuple",
                    items: args[0],
                    rest: args[1],
                }),
                output: inst._def.output,
            });
        }
        return new F({
            type: "function",
            input: args[0],
            output: inst._def.output,
        });
    };
    inst.output = (output) => {
        const F = inst.constructor;
        return new F({
            type: "function",
            input: inst._def.input,
            output,
        });
    };
    return inst;
})));
const $ZodPromise = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodPromise", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, ctx) => {
        return Promise.resolve(payload.value).then((inner) => def.innerType._zod.run({ value: inner, issues: [] }, ctx));
    };
})));
const $ZodLazy = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodLazy", (inst, def) => {
    $ZodType.init(inst, def);
    // Cache the resolved inner type on the shared `def` so all clones of this lazy (e.g. via `.describe()`/`.meta()`) share the same inner instance, preserving identity for cycle detection on recursive schemas.
    util.defineLazy(inst._zod, "innerType", () => {
        const d = def;
        if (!d._cachedInner)
            d._cachedInner = def.getter();
        return d._cachedInner;
    });
    util.defineLazyInternal(inst, "pattern", (zod) => zod.innerType?._zod?.pattern);
    util.defineLazyInternal(inst, "propValues", (zod) => zod.innerType?._zod?.propValues);
    util.defineLazyInternal(inst, "optin", (zod) => zod.innerType?._zod?.optin ?? undefined);
    util.defineLazyInternal(inst, "optout", (zod) => zod.innerType?._zod?.optout ?? undefined);
    inst._zod.parse = (payload, ctx) => {
        const inner = inst._zod.innerType;
        return inner._zod.run(payload, ctx);
    };
})));
const $ZodCustom = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCustom", (inst, def) => {
    checks.$ZodCheck.init(inst, def);
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _) => {
        return payload;
    };
    inst._zod.check = (payload) => {
        const input = payload.value;
        const r = def.fn(input);
        if (r instanceof Promise) {
            return r.then((r) => handleRefineResult(r, payload, input, inst));
        }
        handleRefineResult(r, payload, input, inst);
        return;
    };
})));
function handleRefineResult(result, payload, input, inst) {
    if (!result) {
        const _iss = {
            code: "custom",
            input,
            inst, // incorporates params.error into issue reporting
            path: [...(inst._zod.def.path ?? [])], // incorporates params.error into issue reporting
            continue: !inst._zod.def.abort,
            // params: inst._zod.def.params,
        };
        if (inst._zod.def.params)
            _iss.params = inst._zod.def.params;
        payload.issues.push(util.issue(_iss));
    }
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/checks.js
// import { $ZodType } from "./schemas.js";



const $ZodCheck = /*@__PURE__*/ $constructor("$ZodCheck", (inst, def) => {
    var _a;
    inst._zod ?? (inst._zod = {});
    inst._zod.def = def;
    (_a = inst._zod).onattach ?? (_a.onattach = []);
});
/** Default `when` for size-based checks: run only on non-nullish values with a `size`. */
const _whenHasSize = (payload) => {
    const val = payload.value;
    return !util.nullish(val) && val.size !== undefined;
};
/** Default `when` for length-based checks: run only on non-nullish values with a `length`. */
const _whenHasLength = (payload) => {
    const val = payload.value;
    return !util.nullish(val) && val.length !== undefined;
};
const numericOriginMap = {
    number: "number",
    bigint: "bigint",
    object: "date",
};
const $ZodCheckLessThan = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckLessThan", (inst, def) => {
    $ZodCheck.init(inst, def);
    const origin = numericOriginMap[typeof def.value];
    inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value <= def.value : payload.value < def.value) {
            return;
        }
        payload.issues.push({
            origin: numericOriginMap[typeof payload.value] ?? origin,
            code: "too_big",
            maximum: typeof def.value === "object" ? def.value.getTime() : def.value,
            input: payload.value,
            inclusive: def.inclusive,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckGreaterThan = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckGreaterThan", (inst, def) => {
    $ZodCheck.init(inst, def);
    const origin = numericOriginMap[typeof def.value];
    inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value >= def.value : payload.value > def.value) {
            return;
        }
        payload.issues.push({
            origin: numericOriginMap[typeof payload.value] ?? origin,
            code: "too_small",
            minimum: typeof def.value === "object" ? def.value.getTime() : def.value,
            input: payload.value,
            inclusive: def.inclusive,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckMultipleOf = 
/*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckMultipleOf", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        if (typeof payload.value !== typeof def.value)
            throw new Error("Cannot mix number and bigint in multiple_of check.");
        const isMultiple = typeof payload.value === "bigint"
            ? // `value % 0n` throws, and nothing is a multiple of zero — the number branch already fails this way via NaN
                def.value !== BigInt(0) && payload.value % def.value === BigInt(0)
            : util.floatSafeRemainder(payload.value, def.value) === 0;
        if (isMultiple)
            return;
        payload.issues.push({
            origin: typeof payload.value,
            code: "not_multiple_of",
            divisor: def.value,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckNumberFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckNumberFormat", (inst, def) => {
    $ZodCheck.init(inst, def); // no format checks
    def.format = def.format || "float64";
    const isInt = def.format?.includes("int");
    const origin = isInt ? "int" : "number";
    const [minimum, maximum] = util.NUMBER_FORMAT_RANGES[def.format];
    inst._zod.check = (payload) => {
        const input = payload.value;
        if (isInt) {
            if (!Number.isInteger(input)) {
                // invalid_format issue
                // payload.issues.push({
                //   expected: def.format,
                //   format: def.format,
                //   code: "invalid_format",
                //   input,
                //   inst,
                // });
                // invalid_type issue
                payload.issues.push({
                    expected: origin,
                    format: def.format,
                    code: "invalid_type",
                    continue: false,
                    input,
                    inst,
                });
                return;
                // not_multiple_of issue
                // payload.issues.push({
                //   code: "not_multiple_of",
                //   origin: "number",
                //   input,
                //   inst,
                //   divisor: 1,
                // });
            }
            if (!Number.isSafeInteger(input)) {
                if (input > 0) {
                    // too_big
                    payload.issues.push({
                        input,
                        code: "too_big",
                        maximum: Number.MAX_SAFE_INTEGER,
                        note: "Integers must be within the safe integer range.",
                        inst,
                        origin,
                        inclusive: true,
                        continue: !def.abort,
                    });
                }
                else {
                    // too_small
                    payload.issues.push({
                        input,
                        code: "too_small",
                        minimum: Number.MIN_SAFE_INTEGER,
                        note: "Integers must be within the safe integer range.",
                        inst,
                        origin,
                        inclusive: true,
                        continue: !def.abort,
                    });
                }
                return;
            }
        }
        if (input < minimum) {
            payload.issues.push({
                origin: "number",
                input,
                code: "too_small",
                minimum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
        if (input > maximum) {
            payload.issues.push({
                origin: "number",
                input,
                code: "too_big",
                maximum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
    };
})));
const $ZodCheckBigIntFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckBigIntFormat", (inst, def) => {
    $ZodCheck.init(inst, def); // no format checks
    const [minimum, maximum] = util.BIGINT_FORMAT_RANGES[def.format];
    inst._zod.check = (payload) => {
        const input = payload.value;
        if (input < minimum) {
            payload.issues.push({
                origin: "bigint",
                input,
                code: "too_small",
                minimum: minimum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
        if (input > maximum) {
            payload.issues.push({
                origin: "bigint",
                input,
                code: "too_big",
                maximum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
    };
})));
const $ZodCheckMaxSize = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckMaxSize", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasSize);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const size = input.size;
        if (size <= def.maximum)
            return;
        payload.issues.push({
            origin: util.getSizableOrigin(input),
            code: "too_big",
            maximum: def.maximum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckMinSize = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckMinSize", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasSize);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const size = input.size;
        if (size >= def.minimum)
            return;
        payload.issues.push({
            origin: util.getSizableOrigin(input),
            code: "too_small",
            minimum: def.minimum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckSizeEquals = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckSizeEquals", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasSize);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const size = input.size;
        if (size === def.size)
            return;
        const tooBig = size > def.size;
        payload.issues.push({
            origin: util.getSizableOrigin(input),
            ...(tooBig ? { code: "too_big", maximum: def.size } : { code: "too_small", minimum: def.size }),
            inclusive: true,
            exact: true,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckMaxLength = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckMaxLength", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // Strings are measured in Unicode code points, not UTF-16 units. A code point is at most two units, so a string that already fits in units fits in code points; only an overflow has to be counted.
        const length = typeof input === "string" && units > def.maximum ? util.codePointLength(input) : units;
        if (length <= def.maximum)
            return;
        const origin = util.getLengthableOrigin(input);
        payload.issues.push({
            origin,
            code: "too_big",
            maximum: def.maximum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckMinLength = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckMinLength", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // A code point is one or two UTF-16 units, so fewer units than the floor can never reach it and twice the floor always clears it. Only in between is the exact count in doubt.
        const length = typeof input === "string" && units >= def.minimum && units < def.minimum * 2
            ? util.codePointLength(input)
            : units;
        if (length >= def.minimum)
            return;
        const origin = util.getLengthableOrigin(input);
        payload.issues.push({
            origin,
            code: "too_small",
            minimum: def.minimum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckLengthEquals = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckLengthEquals", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // A code point is one or two UTF-16 units, so outside `[length, length * 2]` units the target is missed either way — and missed in the same direction in both measures.
        const length = typeof input === "string" && units >= def.length && units <= def.length * 2
            ? util.codePointLength(input)
            : units;
        if (length === def.length)
            return;
        const origin = util.getLengthableOrigin(input);
        const tooBig = length > def.length;
        payload.issues.push({
            origin,
            ...(tooBig ? { code: "too_big", maximum: def.length } : { code: "too_small", minimum: def.length }),
            inclusive: true,
            exact: true,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckStringFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckStringFormat", (inst, def) => {
    var _a, _b;
    $ZodCheck.init(inst, def);
    if (def.pattern)
        (_a = inst._zod).check ?? (_a.check = (payload) => {
            def.pattern.lastIndex = 0;
            if (def.pattern.test(payload.value))
                return;
            payload.issues.push({
                origin: "string",
                code: "invalid_format",
                format: def.format,
                input: payload.value,
                ...(def.pattern ? { pattern: def.pattern.toString() } : {}),
                inst,
                continue: !def.abort,
            });
        });
    else
        (_b = inst._zod).check ?? (_b.check = () => { });
})));
const $ZodCheckRegex = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckRegex", (inst, def) => {
    $ZodCheckStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        def.pattern.lastIndex = 0;
        if (def.pattern.test(payload.value))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "regex",
            input: payload.value,
            pattern: def.pattern.toString(),
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckLowerCase = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckLowerCase", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.lowercase);
    $ZodCheckStringFormat.init(inst, def);
})));
const $ZodCheckUpperCase = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckUpperCase", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.uppercase);
    $ZodCheckStringFormat.init(inst, def);
})));
const $ZodCheckIncludes = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckIncludes", (inst, def) => {
    $ZodCheck.init(inst, def);
    const escapedRegex = util.escapeRegex(def.includes);
    // `String.prototype.includes(sub, position)` matches `sub` at `position`
    // OR LATER, so the pattern must allow at least `position` leading chars
    // (`{N,}`), not exactly `position` chars (`{N}`).
    const pattern = new RegExp(typeof def.position === "number" ? `^.{${def.position},}${escapedRegex}` : escapedRegex);
    def.pattern = pattern;
    inst._zod.check = (payload) => {
        if (payload.value.includes(def.includes, def.position))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "includes",
            includes: def.includes,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckStartsWith = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckStartsWith", (inst, def) => {
    $ZodCheck.init(inst, def);
    const pattern = new RegExp(`^${util.escapeRegex(def.prefix)}.*`);
    def.pattern ?? (def.pattern = pattern);
    inst._zod.check = (payload) => {
        if (payload.value.startsWith(def.prefix))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "starts_with",
            prefix: def.prefix,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckEndsWith = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckEndsWith", (inst, def) => {
    $ZodCheck.init(inst, def);
    const pattern = new RegExp(`.*${util.escapeRegex(def.suffix)}$`);
    def.pattern ?? (def.pattern = pattern);
    inst._zod.check = (payload) => {
        if (payload.value.endsWith(def.suffix))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "ends_with",
            suffix: def.suffix,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
///////////////////////////////////
/////    $ZodCheckProperty    /////
///////////////////////////////////
function handleCheckPropertyResult(result, payload, property) {
    if (result.issues.length) {
        payload.issues.push(...util.prefixIssues(property, result.issues));
    }
}
const $ZodCheckProperty = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckProperty", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        const result = def.schema._zod.run({
            value: payload.value[def.property],
            issues: [],
        }, {});
        if (result instanceof Promise) {
            return result.then((result) => handleCheckPropertyResult(result, payload, def.property));
        }
        handleCheckPropertyResult(result, payload, def.property);
        return;
    };
})));
const $ZodCheckProperties = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckProperties", (inst, def) => {
    $ZodCheck.init(inst, def);
    util.hide(inst, Symbol.iterator, function* () {
        yield inst;
    });
    // key and schema snapshotted together: reading one live and the other cached lets a later mutation of the caller's shape object pair a stale key with a missing schema
    let entries;
    inst._zod.check = (payload) => {
        // the base schema already typed the value, so only a nullish one is rejected here: the properties read on a primitive too, matching z.property() on a string's length
        if (payload.value == null) {
            payload.issues.push({ expected: "object", code: "invalid_type", input: payload.value, inst });
            return undefined;
        }
        entries ?? (entries = Reflect.ownKeys(def.shape).map((key) => [key, def.shape[key]]));
        const input = payload.value;
        let proms;
        for (const [key, schema] of entries) {
            const result = schema._zod.run({ value: input[key], issues: [] }, {});
            if (result instanceof Promise) {
                proms ?? (proms = []);
                proms.push(result.then((result) => handleCheckPropertyResult(result, payload, key)));
            }
            else {
                handleCheckPropertyResult(result, payload, key);
            }
        }
        if (proms)
            return Promise.all(proms).then(() => undefined);
        return undefined;
    };
})));
const $ZodCheckMimeType = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckMimeType", (inst, def) => {
    $ZodCheck.init(inst, def);
    const mimeSet = new Set(def.mime);
    inst._zod.check = (payload) => {
        if (mimeSet.has(payload.value.type))
            return;
        payload.issues.push({
            code: "invalid_value",
            values: def.mime,
            input: payload.value.type,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckOverwrite = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckOverwrite", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        payload.value = def.tx(payload.value);
    };
})));

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/registries.js
var registries_a;
const $output = /*@__PURE__*/ (/* unused pure expression or super */ null && (Symbol("ZodOutput")));
const $input = /*@__PURE__*/ (/* unused pure expression or super */ null && (Symbol("ZodInput")));
class $ZodRegistry {
    constructor() {
        this._map = new WeakMap();
        this._idmap = new Map();
    }
    add(schema, ..._meta) {
        const meta = _meta[0];
        this._map.set(schema, meta);
        if (meta && typeof meta === "object" && "id" in meta) {
            this._idmap.set(meta.id, schema);
        }
        return this;
    }
    clear() {
        this._map = new WeakMap();
        this._idmap = new Map();
        return this;
    }
    remove(schema) {
        const meta = this._map.get(schema);
        if (meta && typeof meta === "object" && "id" in meta) {
            this._idmap.delete(meta.id);
        }
        this._map.delete(schema);
        return this;
    }
    get(schema) {
        // return this._map.get(schema) as any;
        // inherit metadata
        const p = schema._zod.parent;
        if (p) {
            const pm = { ...(this.get(p) ?? {}) };
            delete pm.id; // do not inherit id
            const f = { ...pm, ...this._map.get(schema) };
            return Object.keys(f).length ? f : undefined;
        }
        return this._map.get(schema);
    }
    has(schema) {
        return this._map.has(schema);
    }
}
// registries
function registry() {
    return new $ZodRegistry();
}
(registries_a = globalThis).__zod_globalRegistry ?? (registries_a.__zod_globalRegistry = registry());
const globalRegistry = globalThis.__zod_globalRegistry;

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/api.js




function snapshotChecks(def) {
    if (def.checks)
        def.checks = [...def.checks];
    return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class, params) {
    return new Class(snapshotChecks({ type: "string", ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _coercedString(Class, params) {
    return new Class(snapshotChecks({ type: "string", coerce: true, ...util.normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _email(Class, params) {
    return new Class({
        type: "string",
        format: "email",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _guid(Class, params) {
    return new Class({
        type: "string",
        format: "guid",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuid(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv4(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v4",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv6(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v6",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv7(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v7",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _url(Class, params) {
    return new Class({
        type: "string",
        format: "url",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function api_emoji(Class, params) {
    return new Class({
        type: "string",
        format: "emoji",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _nanoid(Class, params) {
    return new Class({
        type: "string",
        format: "nanoid",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link _cuid2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
// @__NO_SIDE_EFFECTS__
function _cuid(Class, params) {
    return new Class({
        type: "string",
        format: "cuid",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cuid2(Class, params) {
    return new Class({
        type: "string",
        format: "cuid2",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ulid(Class, params) {
    return new Class({
        type: "string",
        format: "ulid",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _xid(Class, params) {
    return new Class({
        type: "string",
        format: "xid",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ksuid(Class, params) {
    return new Class({
        type: "string",
        format: "ksuid",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ipv4(Class, params) {
    return new Class({
        type: "string",
        format: "ipv4",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ipv6(Class, params) {
    return new Class({
        type: "string",
        format: "ipv6",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _mac(Class, params) {
    return new Class({
        type: "string",
        format: "mac",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cidrv4(Class, params) {
    return new Class({
        type: "string",
        format: "cidrv4",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cidrv6(Class, params) {
    return new Class({
        type: "string",
        format: "cidrv6",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _base64(Class, params) {
    return new Class({
        type: "string",
        format: "base64",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _base64url(Class, params) {
    return new Class({
        type: "string",
        format: "base64url",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _e164(Class, params) {
    return new Class({
        type: "string",
        format: "e164",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _creditCard(Class, params) {
    return new Class({
        type: "string",
        format: "credit_card",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _iban(Class, params) {
    return new Class({
        type: "string",
        format: "iban",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _jwt(Class, params) {
    return new Class({
        type: "string",
        format: "jwt",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
const TimePrecision = {
    Any: null,
    Minute: -1,
    Second: 0,
    Millisecond: 3,
    Microsecond: 6,
};
// @__NO_SIDE_EFFECTS__
function _isoDateTime(Class, params) {
    return new Class({
        type: "string",
        format: "datetime",
        check: "string_format",
        offset: false,
        local: false,
        precision: null,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoDate(Class, params) {
    return new Class({
        type: "string",
        format: "date",
        check: "string_format",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoTime(Class, params) {
    return new Class({
        type: "string",
        format: "time",
        check: "string_format",
        precision: null,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoDuration(Class, params) {
    return new Class({
        type: "string",
        format: "duration",
        check: "string_format",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _number(Class, params) {
    return new Class(snapshotChecks({ type: "number", checks: [], ...util.normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _coercedNumber(Class, params) {
    return new Class(snapshotChecks({ type: "number", coerce: true, checks: [], ...util.normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _int(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "safeint",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _float32(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "float32",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _float64(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "float64",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _int32(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "int32",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uint32(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "uint32",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _boolean(Class, params) {
    return new Class({
        type: "boolean",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _coercedBoolean(Class, params) {
    return new Class({
        type: "boolean",
        coerce: true,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _bigint(Class, params) {
    return new Class({
        type: "bigint",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _coercedBigint(Class, params) {
    return new Class({
        type: "bigint",
        coerce: true,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _int64(Class, params) {
    return new Class({
        type: "bigint",
        check: "bigint_format",
        abort: false,
        format: "int64",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uint64(Class, params) {
    return new Class({
        type: "bigint",
        check: "bigint_format",
        abort: false,
        format: "uint64",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _symbol(Class, params) {
    return new Class({
        type: "symbol",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function api_undefined(Class, params) {
    return new Class({
        type: "undefined",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function api_null(Class, params) {
    return new Class({
        type: "null",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _any(Class) {
    return new Class({
        type: "any",
    });
}
// @__NO_SIDE_EFFECTS__
function _unknown(Class) {
    return new Class({
        type: "unknown",
    });
}
// @__NO_SIDE_EFFECTS__
function _never(Class, params) {
    return new Class({
        type: "never",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _void(Class, params) {
    return new Class({
        type: "void",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _date(Class, params) {
    return new Class({
        type: "date",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _coercedDate(Class, params) {
    return new Class({
        type: "date",
        coerce: true,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _nan(Class, params) {
    return new Class({
        type: "nan",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _lt(value, params) {
    return new checks.$ZodCheckLessThan({
        check: "less_than",
        ...util.normalizeParams(params),
        value,
        inclusive: false,
    });
}
// @__NO_SIDE_EFFECTS__
function _lte(value, params) {
    return new checks.$ZodCheckLessThan({
        check: "less_than",
        ...util.normalizeParams(params),
        value,
        inclusive: true,
    });
}

// @__NO_SIDE_EFFECTS__
function _gt(value, params) {
    return new checks.$ZodCheckGreaterThan({
        check: "greater_than",
        ...util.normalizeParams(params),
        value,
        inclusive: false,
    });
}
// @__NO_SIDE_EFFECTS__
function _gte(value, params) {
    return new checks.$ZodCheckGreaterThan({
        check: "greater_than",
        ...util.normalizeParams(params),
        value,
        inclusive: true,
    });
}

// @__NO_SIDE_EFFECTS__
function _positive(params) {
    return _gt(0, params);
}
// negative
// @__NO_SIDE_EFFECTS__
function _negative(params) {
    return _lt(0, params);
}
// nonpositive
// @__NO_SIDE_EFFECTS__
function _nonpositive(params) {
    return _lte(0, params);
}
// nonnegative
// @__NO_SIDE_EFFECTS__
function _nonnegative(params) {
    return _gte(0, params);
}
// @__NO_SIDE_EFFECTS__
function _multipleOf(value, params) {
    return new checks.$ZodCheckMultipleOf({
        check: "multiple_of",
        ...util.normalizeParams(params),
        value,
    });
}
// @__NO_SIDE_EFFECTS__
function _maxSize(maximum, params) {
    return new checks.$ZodCheckMaxSize({
        check: "max_size",
        ...util.normalizeParams(params),
        maximum,
    });
}
// @__NO_SIDE_EFFECTS__
function _minSize(minimum, params) {
    return new checks.$ZodCheckMinSize({
        check: "min_size",
        ...util.normalizeParams(params),
        minimum,
    });
}
// @__NO_SIDE_EFFECTS__
function _size(size, params) {
    return new checks.$ZodCheckSizeEquals({
        check: "size_equals",
        ...util.normalizeParams(params),
        size,
    });
}
// @__NO_SIDE_EFFECTS__
function _maxLength(maximum, params) {
    const ch = new checks.$ZodCheckMaxLength({
        check: "max_length",
        ...util.normalizeParams(params),
        maximum,
    });
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
    return new checks.$ZodCheckMinLength({
        check: "min_length",
        ...util.normalizeParams(params),
        minimum,
    });
}
// @__NO_SIDE_EFFECTS__
function _length(length, params) {
    return new checks.$ZodCheckLengthEquals({
        check: "length_equals",
        ...util.normalizeParams(params),
        length,
    });
}
// @__NO_SIDE_EFFECTS__
function _regex(pattern, params) {
    return new checks.$ZodCheckRegex({
        check: "string_format",
        format: "regex",
        ...util.normalizeParams(params),
        pattern,
    });
}
// @__NO_SIDE_EFFECTS__
function _lowercase(params) {
    return new checks.$ZodCheckLowerCase({
        check: "string_format",
        format: "lowercase",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uppercase(params) {
    return new checks.$ZodCheckUpperCase({
        check: "string_format",
        format: "uppercase",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _includes(includes, params) {
    return new checks.$ZodCheckIncludes({
        check: "string_format",
        format: "includes",
        ...util.normalizeParams(params),
        includes,
    });
}
// @__NO_SIDE_EFFECTS__
function _startsWith(prefix, params) {
    return new checks.$ZodCheckStartsWith({
        check: "string_format",
        format: "starts_with",
        ...util.normalizeParams(params),
        prefix,
    });
}
// @__NO_SIDE_EFFECTS__
function _endsWith(suffix, params) {
    return new checks.$ZodCheckEndsWith({
        check: "string_format",
        format: "ends_with",
        ...util.normalizeParams(params),
        suffix,
    });
}
// @__NO_SIDE_EFFECTS__
function _property(property, schema, params) {
    return new checks.$ZodCheckProperty({
        check: "property",
        property,
        schema,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _properties(shape, params) {
    return new checks.$ZodCheckProperties({
        check: "properties",
        shape,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _mime(types, params) {
    return new checks.$ZodCheckMimeType({
        check: "mime_type",
        mime: types,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _overwrite(tx) {
    return new checks.$ZodCheckOverwrite({
        check: "overwrite",
        tx,
    });
}
// normalize
// @__NO_SIDE_EFFECTS__
function _normalize(form) {
    return _overwrite((input) => input.normalize(form));
}
// trim
// @__NO_SIDE_EFFECTS__
function _trim() {
    return _overwrite((input) => input.trim());
}
// toLowerCase
// @__NO_SIDE_EFFECTS__
function _toLowerCase() {
    return _overwrite((input) => input.toLowerCase());
}
// toUpperCase
// @__NO_SIDE_EFFECTS__
function _toUpperCase() {
    return _overwrite((input) => input.toUpperCase());
}
// slugify
// @__NO_SIDE_EFFECTS__
function _slugify() {
    return _overwrite((input) => util.slugify(input));
}
// @__NO_SIDE_EFFECTS__
function _array(Class, element, params) {
    return new Class({
        type: "array",
        element,
        // get element() {
        //   return element;
        // },
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _union(Class, options, params) {
    return new Class({
        type: "union",
        options,
        ...util.normalizeParams(params),
    });
}
function _xor(Class, options, params) {
    return new Class({
        type: "union",
        options,
        inclusive: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _discriminatedUnion(Class, discriminator, options, params) {
    return new Class({
        type: "union",
        options: options,
        discriminator,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _intersection(Class, left, right) {
    return new Class({
        type: "intersection",
        left,
        right,
    });
}
// export function _tuple(
//   Class: util.SchemaClass<schemas.$ZodTuple>,
//   items: [],
//   params?: string | $ZodTupleParams
// ): schemas.$ZodTuple<[], null>;
// @__NO_SIDE_EFFECTS__
function _tuple(Class, items, _paramsOrRest, _params) {
    const hasRest = _paramsOrRest instanceof schemas.$ZodType;
    const params = hasRest ? _params : _paramsOrRest;
    const rest = hasRest ? _paramsOrRest : null;
    return new Class({
        type: "tuple",
        items,
        rest,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _record(Class, keyType, valueType, params) {
    return new Class({
        type: "record",
        keyType,
        valueType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _map(Class, keyType, valueType, params) {
    return new Class({
        type: "map",
        keyType,
        valueType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _set(Class, valueType, params) {
    return new Class({
        type: "set",
        valueType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _enum(Class, values, params) {
    const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
    // if (Array.isArray(values)) {
    //   for (const value of values) {
    //     entries[value] = value;
    //   }
    // } else {
    //   Object.assign(entries, values);
    // }
    // const entries: util.EnumLike = {};
    // for (const val of values) {
    //   entries[val] = val;
    // }
    return new Class({
        type: "enum",
        entries,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
/** @deprecated This API has been merged into `z.enum()`. Use `z.enum()` instead.
 *
 * ```ts
 * enum Colors { red, green, blue }
 * z.enum(Colors);
 * ```
 */
function _nativeEnum(Class, entries, params) {
    return new Class({
        type: "enum",
        entries,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _literal(Class, value, params) {
    return new Class({
        type: "literal",
        values: Array.isArray(value) ? value : [value],
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _file(Class, params) {
    return new Class({
        type: "file",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _transform(Class, fn) {
    return new Class({
        type: "transform",
        transform: fn,
    });
}
// @__NO_SIDE_EFFECTS__
function _optional(Class, innerType) {
    return new Class({
        type: "optional",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _nullable(Class, innerType) {
    return new Class({
        type: "nullable",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _default(Class, innerType, defaultValue) {
    return new Class({
        type: "default",
        innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : util.shallowClone(defaultValue);
        },
    });
}
// @__NO_SIDE_EFFECTS__
function _nonoptional(Class, innerType, params) {
    return new Class({
        type: "nonoptional",
        innerType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _success(Class, innerType) {
    return new Class({
        type: "success",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _catch(Class, innerType, catchValue) {
    return new Class({
        type: "catch",
        innerType,
        catchValue: (typeof catchValue === "function" ? catchValue : util.constantCatch(catchValue)),
    });
}
// @__NO_SIDE_EFFECTS__
function _pipe(Class, in_, out) {
    return new Class({
        type: "pipe",
        in: in_,
        out,
    });
}
// @__NO_SIDE_EFFECTS__
function _readonly(Class, innerType) {
    return new Class({
        type: "readonly",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _templateLiteral(Class, parts, params) {
    return new Class({
        type: "template_literal",
        parts,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _lazy(Class, getter) {
    return new Class({
        type: "lazy",
        getter,
    });
}
// @__NO_SIDE_EFFECTS__
function _promise(Class, innerType) {
    return new Class({
        type: "promise",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _custom(Class, fn, _params) {
    const norm = util.normalizeParams(_params);
    norm.abort ?? (norm.abort = true); // default to abort:false
    const schema = new Class({
        type: "custom",
        check: "custom",
        fn: fn,
        ...norm,
    });
    return schema;
}
// same as _custom but defaults to abort:false
// @__NO_SIDE_EFFECTS__
function _refine(Class, fn, _params) {
    const schema = new Class({
        type: "custom",
        check: "custom",
        fn: fn,
        ...util.normalizeParams(_params),
    });
    return schema;
}
// @__NO_SIDE_EFFECTS__
function _superRefine(fn, params) {
    const ch = _check((payload) => {
        payload.addIssue = (issue) => {
            if (typeof issue === "string") {
                payload.issues.push(util.issue(issue, payload.value, ch._zod.def));
            }
            else {
                // for Zod 3 backwards compatibility
                const _issue = issue;
                if (_issue.fatal)
                    _issue.continue = false;
                _issue.code ?? (_issue.code = "custom");
                if (!("input" in _issue))
                    _issue.input = payload.value;
                _issue.inst ?? (_issue.inst = ch);
                _issue.continue ?? (_issue.continue = !ch._zod.def.abort); // abort is always undefined, so this is always true...
                payload.issues.push(util.issue(_issue));
            }
        };
        return fn(payload.value, payload);
    }, params);
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _check(fn, params) {
    const ch = new checks.$ZodCheck({
        check: "custom",
        ...util.normalizeParams(params),
    });
    ch._zod.check = fn;
    return ch;
}
// @__NO_SIDE_EFFECTS__
function describe(description) {
    const ch = new $ZodCheck({ check: "describe" });
    ch._zod.onattach = [
        (inst) => {
            const existing = globalRegistry.get(inst) ?? {};
            globalRegistry.add(inst, { ...existing, description });
        },
    ];
    ch._zod.check = () => { }; // no-op check
    return ch;
}
// @__NO_SIDE_EFFECTS__
function meta(metadata) {
    const ch = new $ZodCheck({ check: "meta" });
    ch._zod.onattach = [
        (inst) => {
            const existing = globalRegistry.get(inst) ?? {};
            globalRegistry.add(inst, { ...existing, ...metadata });
        },
    ];
    ch._zod.check = () => { }; // no-op check
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _stringbool(Classes, _params) {
    const params = util.normalizeParams(_params);
    let truthyArray = params.truthy ?? ["true", "1", "yes", "on", "y", "enabled"];
    let falsyArray = params.falsy ?? ["false", "0", "no", "off", "n", "disabled"];
    if (params.case !== "sensitive") {
        truthyArray = truthyArray.map((v) => (typeof v === "string" ? v.toLowerCase() : v));
        falsyArray = falsyArray.map((v) => (typeof v === "string" ? v.toLowerCase() : v));
    }
    const truthySet = new Set(truthyArray);
    const falsySet = new Set(falsyArray);
    const _Codec = Classes.Codec ?? schemas.$ZodCodec;
    const _Boolean = Classes.Boolean ?? schemas.$ZodBoolean;
    const _String = Classes.String ?? schemas.$ZodString;
    const stringSchema = new _String({ type: "string", error: params.error });
    const booleanSchema = new _Boolean({ type: "boolean", error: params.error });
    const codec = new _Codec({
        type: "pipe",
        in: stringSchema,
        out: booleanSchema,
        transform: ((input, payload) => {
            let data = input;
            if (params.case !== "sensitive")
                data = data.toLowerCase();
            if (truthySet.has(data)) {
                return true;
            }
            else if (falsySet.has(data)) {
                return false;
            }
            else {
                payload.issues.push({
                    code: "invalid_value",
                    expected: "stringbool",
                    values: [...truthySet, ...falsySet],
                    input: payload.value,
                    inst: codec,
                    continue: false,
                });
                return {};
            }
        }),
        reverseTransform: ((input, _payload) => {
            if (input === true) {
                return truthyArray[0] || "true";
            }
            else {
                return falsyArray[0] || "false";
            }
        }),
        error: params.error,
    });
    codec._zod.bag.truthy = truthyArray;
    codec._zod.bag.falsy = falsyArray;
    codec._zod.bag.case = params.case ?? "insensitive";
    return codec;
}
// @__NO_SIDE_EFFECTS__
function _stringFormat(Class, format, fnOrRegex, _params = {}) {
    const params = util.normalizeParams(_params);
    const def = {
        check: "string_format",
        type: "string",
        format,
        fn: typeof fnOrRegex === "function" ? fnOrRegex : (val) => fnOrRegex.test(val),
        ...params,
    };
    if (fnOrRegex instanceof RegExp) {
        def.pattern = fnOrRegex;
    }
    const inst = new Class(def);
    return inst;
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/errors.js


/* Computing the message eagerly is expensive (pretty-printed JSON of all
 * issues), so defer it until first read. The accessor functions and
 * descriptors are shared across instances to keep error construction
 * cheap; the computed message is cached on the internals object. The
 * setter preserves plain assignment semantics for consumers that
 * overwrite `message`. */
function _getMessage() {
    const internals = this._zod;
    internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
    return internals.message;
}
function _setMessage(value) {
    this._zod.message = value;
}
const _messageDesc = {
    get: _getMessage,
    set: _setMessage,
    enumerable: true,
    configurable: true,
};
const _issuesDesc = { value: undefined, enumerable: false };
/* Prototypes that already carry the lazy `toString`. Seeded with the
 * intrinsics so that `init` on a foreign object — it accepts any object —
 * can never install an accessor onto a prototype we do not own. */
const _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
const initializer = (inst, def) => {
    inst.name = "$ZodError";
    // `_zod` is already non-enumerable: $constructor's init defined it with this same descriptor
    _issuesDesc.value = def;
    Object.defineProperty(inst, "issues", _issuesDesc);
    // Clear the shared slot; a retained `value` pins the last error's issues.
    _issuesDesc.value = undefined;
    Object.defineProperty(inst, "message", _messageDesc);
    /* `toString` lives as a non-enumerable lazy getter on the shared
     * prototype; on first access it caches a per-instance closure so
     * detached usage still works. */
    const proto = Object.getPrototypeOf(inst);
    if (!_installedToString.has(proto)) {
        _installedToString.add(proto);
        Object.defineProperty(proto, "toString", {
            configurable: true,
            enumerable: false,
            get() {
                const value = () => this.message;
                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
                return value;
            },
            set(value) {
                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
            },
        });
    }
};
const $ZodError = $constructor("$ZodError", initializer);
const $ZodRealError = $constructor("$ZodError", initializer, undefined, {
    Parent: Error,
});
/** Get-or-create `obj[key]` as an own data property. A path segment naming an inherited member
 * ("toString", "constructor") would otherwise read through to the prototype, and assigning
 * "__proto__" would hit the setter instead of creating a key. */
function node(obj, key, make) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) {
        if (key === "__proto__") {
            Object.defineProperty(obj, key, { value: make(), writable: true, enumerable: true, configurable: true });
        }
        else {
            obj[key] = make();
        }
    }
    return obj[key];
}
function flattenError(error, mapper = (issue) => issue.message) {
    const fieldErrors = {};
    const formErrors = [];
    for (const sub of error.issues) {
        if (sub.path.length > 0) {
            node(fieldErrors, sub.path[0], () => []).push(mapper(sub));
        }
        else {
            formErrors.push(mapper(sub));
        }
    }
    return { formErrors, fieldErrors };
}
function formatError(error, mapper = (issue) => issue.message) {
    const fieldErrors = { _errors: [] };
    const processError = (error, path = []) => {
        for (const issue of error.issues) {
            if (issue.code === "invalid_union" && issue.errors.length) {
                issue.errors.map((issues) => processError({ issues }, [...path, ...issue.path]));
            }
            else if (issue.code === "invalid_key") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else if (issue.code === "invalid_element") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else {
                const fullpath = [...path, ...issue.path];
                if (fullpath.length === 0) {
                    fieldErrors._errors.push(mapper(issue));
                }
                else {
                    let curr = fieldErrors;
                    let i = 0;
                    while (i < fullpath.length) {
                        const el = fullpath[i];
                        const terminal = i === fullpath.length - 1;
                        // `_errors` is reserved by this legacy format, so merge a matching path segment into the current node instead of treating its array as a child.
                        if (el === "_errors") {
                            if (terminal)
                                curr._errors.push(mapper(issue));
                            i++;
                            continue;
                        }
                        // A path element may collide with an inherited property name such as
                        // "__proto__" or "constructor". Truthiness checks read the prototype
                        // (so no node is created, then ._errors.push throws), and bracket
                        // assignment of "__proto__" hits the setter instead of creating an
                        // own key. Guard the read with hasOwnProperty and create the node
                        // with defineProperty so any path element becomes a real own key.
                        if (!Object.prototype.hasOwnProperty.call(curr, el)) {
                            Object.defineProperty(curr, el, {
                                value: { _errors: [] },
                                enumerable: true,
                                writable: true,
                                configurable: true,
                            });
                        }
                        const node = curr[el];
                        if (terminal) {
                            node._errors.push(mapper(issue));
                        }
                        curr = node;
                        i++;
                    }
                }
            }
        }
    };
    processError(error);
    return fieldErrors;
}
function treeifyError(error, mapper = (issue) => issue.message) {
    const result = { errors: [] };
    const processError = (error, path = []) => {
        var _a;
        for (const issue of error.issues) {
            if (issue.code === "invalid_union" && issue.errors.length) {
                // regular union error
                issue.errors.map((issues) => processError({ issues }, [...path, ...issue.path]));
            }
            else if (issue.code === "invalid_key") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else if (issue.code === "invalid_element") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else {
                const fullpath = [...path, ...issue.path];
                if (fullpath.length === 0) {
                    result.errors.push(mapper(issue));
                    continue;
                }
                let curr = result;
                let i = 0;
                while (i < fullpath.length) {
                    const el = fullpath[i];
                    const terminal = i === fullpath.length - 1;
                    if (typeof el === "string") {
                        curr.properties ?? (curr.properties = {});
                        // el may collide with an inherited property name ("__proto__",
                        // "constructor", ...); ??= reads the prototype so the node is never
                        // created and curr.errors.push throws. Guard with hasOwnProperty and
                        // create the node with defineProperty so "__proto__" becomes a real
                        // own key rather than invoking the prototype setter.
                        if (!Object.prototype.hasOwnProperty.call(curr.properties, el)) {
                            Object.defineProperty(curr.properties, el, {
                                value: { errors: [] },
                                enumerable: true,
                                writable: true,
                                configurable: true,
                            });
                        }
                        curr = curr.properties[el];
                    }
                    else {
                        curr.items ?? (curr.items = []);
                        (_a = curr.items)[el] ?? (_a[el] = { errors: [] });
                        curr = curr.items[el];
                    }
                    if (terminal) {
                        curr.errors.push(mapper(issue));
                    }
                    i++;
                }
            }
        }
    };
    processError(error);
    return result;
}
/** Format a ZodError as a human-readable string in the following form.
 *
 * From
 *
 * ```ts
 * ZodError {
 *   issues: [
 *     {
 *       expected: 'string',
 *       code: 'invalid_type',
 *       path: [ 'username' ],
 *       message: 'Invalid input: expected string'
 *     },
 *     {
 *       expected: 'number',
 *       code: 'invalid_type',
 *       path: [ 'favoriteNumbers', 1 ],
 *       message: 'Invalid input: expected number'
 *     }
 *   ];
 * }
 * ```
 *
 * to
 *
 * ```
 * username
 *   ✖ Expected number, received string at "username
 * favoriteNumbers[0]
 *   ✖ Invalid input: expected number
 * ```
 */
function toDotPath(_path) {
    const segs = [];
    const path = _path.map((seg) => (typeof seg === "object" ? seg.key : seg));
    for (const seg of path) {
        if (typeof seg === "number")
            segs.push(`[${seg}]`);
        else if (typeof seg === "symbol")
            segs.push(`[${JSON.stringify(String(seg))}]`);
        else if (/[^\w$]/.test(seg))
            segs.push(`[${JSON.stringify(seg)}]`);
        else {
            if (segs.length)
                segs.push(".");
            segs.push(seg);
        }
    }
    return segs.join("");
}
function prettifyError(error) {
    const lines = [];
    // sort by path length
    const issues = [...error.issues].sort((a, b) => (a.path ?? []).length - (b.path ?? []).length);
    // Process each issue
    for (const issue of issues) {
        lines.push(`✖ ${issue.message}`);
        if (issue.path?.length)
            lines.push(`  → at ${toDotPath(issue.path)}`);
    }
    // Convert Map to formatted string
    return lines.join("\n");
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/parse.js



// Always both keys, so the `_params` read site in `_parse` sees one object shape rather than two.
function finalizeParams(callee, params) {
    return { callee: params?.callee ?? callee, Err: params?.Err };
}
const _parse = (_Err) => {
    const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
        const result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise) {
            throw new $ZodAsyncError();
        }
        if (result.issues.length) {
            const e = new (_params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
            captureStackTrace(e, _params?.callee ?? fn);
            throw e;
        }
        return result.value;
    };
    return fn;
};
const parse_parse = /* @__PURE__*/ _parse($ZodRealError);
const _parseAsync = (_Err) => {
    const fn = async (schema, value, _ctx, params) => {
        const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
        let result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise)
            result = await result;
        if (result.issues.length) {
            const e = new (params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
            captureStackTrace(e, params?.callee ?? fn);
            throw e;
        }
        return result.value;
    };
    return fn;
};
const parse_parseAsync = /* @__PURE__*/ _parseAsync($ZodRealError);
const _safeParse = (_Err) => (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
    const result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise) {
        throw new $ZodAsyncError();
    }
    return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
const safeParse = /* @__PURE__*/ _safeParse($ZodRealError);
// the error is built on the first read of `error`: finalizing the issues and constructing the instance is most of a failing parse, and a caller that only branches on `success` never pays it. a getter in the literal keeps this small; the alternative, one shared accessor descriptor plus a hidden state slot, reads ~15% faster but costs ~75 B gzipped in every bundle
function failure(Err, issues, ctx) {
    let error;
    return {
        success: false,
        get error() {
            if (!error) {
                error = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
                // finalizeIssue drops `input`, so the built error holds nothing; keeping the raw issues past this point pins the parsed value for the life of the result
                issues = undefined;
                ctx = undefined;
            }
            return error;
        },
        set error(e) {
            error = e;
            // a replacement makes the getter's branch unreachable, so the captures have to go here too
            issues = undefined;
            ctx = undefined;
        },
    };
}
const _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
        result = await result;
    return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
const safeParseAsync = /* @__PURE__*/ _safeParseAsync($ZodRealError);
// registry mirrors of the compiler's sentinels, so this module never imports the compiler
const COMPILE_INVALID = /* @__PURE__ */ (/* unused pure expression or super */ null && (Symbol.for("zod.compile.invalid")));
const COMPILE_FALLBACK = /* @__PURE__ */ (/* unused pure expression or super */ null && (Symbol.for("zod.compile.fallback")));
// Deliberately tiny, because v8 will not inline a body carrying the fallback's object literals and throw. Everything that is not the compiled happy path lives in validateFallback, and that split is worth ~35% on a compiled schema.
const validate = ((schema, value, _ctx) => {
    const validator = schema._zod.bag.validator;
    if (validator !== undefined) {
        if (validator(value) !== COMPILE_INVALID)
            return true;
        // a definite sentinel means the runtime would reject, so skip the re-parse; a ctx can still change the answer
        if (validator.definite === true && _ctx === undefined)
            return false;
    }
    return validateFallback(schema, value, _ctx);
});
function validateFallback(schema, value, _ctx) {
    const ctx = _ctx
        ? { ..._ctx, async: false, abortEarly: true }
        : { async: false, abortEarly: true };
    const fallbackRun = schema._zod.bag.fallbackRun;
    let result;
    if (fallbackRun) {
        // skip nested fast paths on the fallback, so user callbacks keep the at-most-twice bound
        ctx[COMPILE_FALLBACK] = true;
        result = fallbackRun({ value, issues: [] }, ctx);
    }
    else {
        result = schema._zod.run({ value, issues: [] }, ctx);
    }
    if (result instanceof Promise) {
        throw new core.$ZodAsyncError();
    }
    return result.issues.length === 0;
}
// no fast path: the compiler keeps async parses on the runtime, because a promise-returning callback that is not declared async compiles to a throw
const parse_validateAsync = async (schema, value, _ctx) => {
    const ctx = _ctx
        ? { ..._ctx, async: true, abortEarly: true }
        : { async: true, abortEarly: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
        result = await result;
    return result.issues.length === 0;
};
const _encode = (_Err) => {
    const parse = _parse(_Err);
    const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
        return parse(schema, value, ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const encode = /* @__PURE__*/ _encode($ZodRealError);
const _decode = (_Err) => {
    const parse = _parse(_Err);
    const fn = (schema, value, _ctx, _params) => {
        return parse(schema, value, _ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const decode = /* @__PURE__*/ _decode($ZodRealError);
const _encodeAsync = (_Err) => {
    const parseAsync = _parseAsync(_Err);
    const fn = async (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
        return (await parseAsync(schema, value, ctx, finalizeParams(fn, _params)));
    };
    return fn;
};
const encodeAsync = /* @__PURE__*/ _encodeAsync($ZodRealError);
const _decodeAsync = (_Err) => {
    const parseAsync = _parseAsync(_Err);
    const fn = async (schema, value, _ctx, _params) => {
        return await parseAsync(schema, value, _ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const decodeAsync = /* @__PURE__*/ _decodeAsync($ZodRealError);
const _safeEncode = (_Err) => (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return _safeParse(_Err)(schema, value, ctx);
};
const safeEncode = /* @__PURE__*/ _safeEncode($ZodRealError);
const _safeDecode = (_Err) => (schema, value, _ctx) => {
    return _safeParse(_Err)(schema, value, _ctx);
};
const safeDecode = /* @__PURE__*/ _safeDecode($ZodRealError);
const _safeEncodeAsync = (_Err) => async (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return _safeParseAsync(_Err)(schema, value, ctx);
};
const safeEncodeAsync = /* @__PURE__*/ _safeEncodeAsync($ZodRealError);
const _safeDecodeAsync = (_Err) => async (schema, value, _ctx) => {
    return _safeParseAsync(_Err)(schema, value, _ctx);
};
const safeDecodeAsync = /* @__PURE__*/ _safeDecodeAsync($ZodRealError);

;// CONCATENATED MODULE: ./node_modules/zod/v4/mini/schemas.js




const ZodMiniType = /*@__PURE__*/ $constructor("ZodMiniType", (inst, def) => {
    if (!inst._zod)
        throw new Error("Uninitialized schema in ZodMiniType.");
    $ZodType.init(inst, def);
    inst.def = def;
    inst.type = def.type;
}, {
    // `with` is an alias for `check`: the same function object, not a wrapper.
    get with() {
        return this.check;
    },
    set with(value) {
        own(this, "with", value);
    },
    parse(data, params) {
        return parse_parse(this, data, params, { callee: this.parse });
    },
    parseAsync(data, params) {
        return parse_parseAsync(this, data, params, { callee: this.parseAsync });
    },
    safeParse(data, params) {
        return safeParse(this, data, params);
    },
    safeParseAsync(data, params) {
        return safeParseAsync(this, data, params);
    },
    check(...checks) {
        const def = this.def;
        return this.clone({
            ...def,
            checks: [
                ...(def.checks ?? []),
                ...checks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch),
            ],
        }, { parent: true });
    },
    clone(_def, params) {
        return clone(this, _def, params);
    },
    brand() {
        return this;
    },
    register(reg, meta) {
        reg.add(this, meta);
        return this;
    },
    apply(fn, ...args) {
        return args.length === 0 ? fn(this) : fn(this, ...args);
    },
});
const ZodMiniString = /*@__PURE__*/ $constructor("ZodMiniString", (inst, def) => {
    $ZodString.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function schemas_string(params) {
    return _string(ZodMiniString, params);
}
const ZodMiniStringFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniStringFormat", (inst, def) => {
    core.$ZodStringFormat.init(inst, def);
    ZodMiniString.init(inst, def);
})));
const ZodMiniEmail = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniEmail", (inst, def) => {
    core.$ZodEmail.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_email(params) {
    return core._email(ZodMiniEmail, params);
}
const ZodMiniGUID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniGUID", (inst, def) => {
    core.$ZodGUID.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_guid(params) {
    return core._guid(ZodMiniGUID, params);
}
const ZodMiniUUID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniUUID", (inst, def) => {
    core.$ZodUUID.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_uuid(params) {
    return core._uuid(ZodMiniUUID, params);
}
// @__NO_SIDE_EFFECTS__
function uuidv4(params) {
    return core._uuidv4(ZodMiniUUID, params);
}
// ZodMiniUUIDv6
// @__NO_SIDE_EFFECTS__
function uuidv6(params) {
    return core._uuidv6(ZodMiniUUID, params);
}
// ZodMiniUUIDv7
// @__NO_SIDE_EFFECTS__
function uuidv7(params) {
    return core._uuidv7(ZodMiniUUID, params);
}
const ZodMiniURL = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniURL", (inst, def) => {
    core.$ZodURL.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function url(params) {
    return core._url(ZodMiniURL, params);
}
// @__NO_SIDE_EFFECTS__
function httpUrl(params) {
    return core._url(ZodMiniURL, {
        protocol: regexes.httpProtocol,
        hostname: regexes.domain,
        ...util.normalizeParams(params),
    });
}
const ZodMiniEmoji = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniEmoji", (inst, def) => {
    core.$ZodEmoji.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_emoji(params) {
    return core._emoji(ZodMiniEmoji, params);
}
const ZodMiniNanoID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniNanoID", (inst, def) => {
    core.$ZodNanoID.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_nanoid(params) {
    return core._nanoid(ZodMiniNanoID, params);
}
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link ZodMiniCUID2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const ZodMiniCUID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniCUID", (inst, def) => {
    core.$ZodCUID.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
/**
 * Validates a CUID v1 string.
 *
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link cuid2 | `z.cuid2()`} instead.
 * See https://github.com/paralleldrive/cuid.
 */
// @__NO_SIDE_EFFECTS__
function schemas_cuid(params) {
    return core._cuid(ZodMiniCUID, params);
}
const ZodMiniCUID2 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniCUID2", (inst, def) => {
    core.$ZodCUID2.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_cuid2(params) {
    return core._cuid2(ZodMiniCUID2, params);
}
const ZodMiniULID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniULID", (inst, def) => {
    core.$ZodULID.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_ulid(params) {
    return core._ulid(ZodMiniULID, params);
}
const ZodMiniXID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniXID", (inst, def) => {
    core.$ZodXID.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_xid(params) {
    return core._xid(ZodMiniXID, params);
}
const ZodMiniKSUID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniKSUID", (inst, def) => {
    core.$ZodKSUID.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_ksuid(params) {
    return core._ksuid(ZodMiniKSUID, params);
}
const ZodMiniIPv4 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniIPv4", (inst, def) => {
    core.$ZodIPv4.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_ipv4(params) {
    return core._ipv4(ZodMiniIPv4, params);
}
const ZodMiniIPv6 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniIPv6", (inst, def) => {
    core.$ZodIPv6.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_ipv6(params) {
    return core._ipv6(ZodMiniIPv6, params);
}
const ZodMiniCIDRv4 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniCIDRv4", (inst, def) => {
    core.$ZodCIDRv4.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_cidrv4(params) {
    return core._cidrv4(ZodMiniCIDRv4, params);
}
const ZodMiniCIDRv6 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniCIDRv6", (inst, def) => {
    core.$ZodCIDRv6.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_cidrv6(params) {
    return core._cidrv6(ZodMiniCIDRv6, params);
}
const ZodMiniMAC = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniMAC", (inst, def) => {
    core.$ZodMAC.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_mac(params) {
    return core._mac(ZodMiniMAC, params);
}
const ZodMiniBase64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniBase64", (inst, def) => {
    core.$ZodBase64.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_base64(params) {
    return core._base64(ZodMiniBase64, params);
}
const ZodMiniBase64URL = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniBase64URL", (inst, def) => {
    core.$ZodBase64URL.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_base64url(params) {
    return core._base64url(ZodMiniBase64URL, params);
}
const ZodMiniE164 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniE164", (inst, def) => {
    core.$ZodE164.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_e164(params) {
    return core._e164(ZodMiniE164, params);
}
const ZodMiniCreditCard = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniCreditCard", (inst, def) => {
    core.$ZodCreditCard.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_creditCard(params) {
    return core._creditCard(ZodMiniCreditCard, params);
}
const ZodMiniIBAN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniIBAN", (inst, def) => {
    core.$ZodIBAN.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_iban(params) {
    return core._iban(ZodMiniIBAN, params);
}
const ZodMiniJWT = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniJWT", (inst, def) => {
    core.$ZodJWT.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function jwt(params) {
    return core._jwt(ZodMiniJWT, params);
}
const ZodMiniCustomStringFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniCustomStringFormat", (inst, def) => {
    core.$ZodCustomStringFormat.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function stringFormat(format, fnOrRegex, _params = {}) {
    return core._stringFormat(ZodMiniCustomStringFormat, format, fnOrRegex, _params);
}
// @__NO_SIDE_EFFECTS__
function schemas_hostname(_params) {
    return core._stringFormat(ZodMiniCustomStringFormat, "hostname", regexes.hostname, _params);
}
// @__NO_SIDE_EFFECTS__
function schemas_hex(_params) {
    return core._stringFormat(ZodMiniCustomStringFormat, "hex", regexes.hex, _params);
}
// @__NO_SIDE_EFFECTS__
function schemas_currencyCode(_params) {
    return core._stringFormat(ZodMiniCustomStringFormat, "currency_code", regexes.currencyCode, _params);
}
// @__NO_SIDE_EFFECTS__
function hash(alg, params) {
    const enc = params?.enc ?? "hex";
    const format = `${alg}_${enc}`;
    const regex = core.regexes[format];
    // check for unrecognized format
    if (!regex)
        throw new Error(`Unrecognized hash format: ${format}`);
    return core._stringFormat(ZodMiniCustomStringFormat, format, regex, params);
}
const ZodMiniNumber = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniNumber", (inst, def) => {
    core.$ZodNumber.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_number(params) {
    return core._number(ZodMiniNumber, params);
}
const ZodMiniNumberFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniNumberFormat", (inst, def) => {
    core.$ZodNumberFormat.init(inst, def);
    ZodMiniNumber.init(inst, def);
})));
function schemas_int(params) {
    return core._int(ZodMiniNumberFormat, params);
}
function float32(params) {
    return core._float32(ZodMiniNumberFormat, params);
}
function float64(params) {
    return core._float64(ZodMiniNumberFormat, params);
}
function int32(params) {
    return core._int32(ZodMiniNumberFormat, params);
}
function uint32(params) {
    return core._uint32(ZodMiniNumberFormat, params);
}
const ZodMiniBoolean = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniBoolean", (inst, def) => {
    core.$ZodBoolean.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_boolean(params) {
    return core._boolean(ZodMiniBoolean, params);
}
const ZodMiniBigInt = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniBigInt", (inst, def) => {
    core.$ZodBigInt.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_bigint(params) {
    return core._bigint(ZodMiniBigInt, params);
}
const ZodMiniBigIntFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniBigIntFormat", (inst, def) => {
    core.$ZodBigIntFormat.init(inst, def);
    ZodMiniBigInt.init(inst, def);
})));
function int64(params) {
    return core._int64(ZodMiniBigIntFormat, params);
}
function uint64(params) {
    return core._uint64(ZodMiniBigIntFormat, params);
}
const ZodMiniSymbol = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniSymbol", (inst, def) => {
    core.$ZodSymbol.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function symbol(params) {
    return core._symbol(ZodMiniSymbol, params);
}
const ZodMiniUndefined = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniUndefined", (inst, def) => {
    core.$ZodUndefined.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_undefined(params) {
    return core._undefined(ZodMiniUndefined, params);
}

const ZodMiniNull = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniNull", (inst, def) => {
    core.$ZodNull.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_null(params) {
    return core._null(ZodMiniNull, params);
}

const ZodMiniAny = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniAny", (inst, def) => {
    core.$ZodAny.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function any() {
    return core._any(ZodMiniAny);
}
const ZodMiniUnknown = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniUnknown", (inst, def) => {
    core.$ZodUnknown.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function unknown() {
    return core._unknown(ZodMiniUnknown);
}
const ZodMiniNever = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniNever", (inst, def) => {
    core.$ZodNever.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function never(params) {
    return core._never(ZodMiniNever, params);
}
const ZodMiniVoid = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniVoid", (inst, def) => {
    core.$ZodVoid.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_void(params) {
    return core._void(ZodMiniVoid, params);
}

const ZodMiniDate = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniDate", (inst, def) => {
    core.$ZodDate.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_date(params) {
    return core._date(ZodMiniDate, params);
}
const ZodMiniArray = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniArray", (inst, def) => {
    core.$ZodArray.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function array(element, params) {
    return new ZodMiniArray({
        type: "array",
        element: element,
        ...util.normalizeParams(params),
    });
}
// .keyof
// @__NO_SIDE_EFFECTS__
function keyof(schema) {
    const shape = schema._zod.def.shape;
    return schemas_enum(Object.keys(shape));
}
const ZodMiniObject = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniObject", (inst, def) => {
    core.$ZodObject.init(inst, def);
    ZodMiniType.init(inst, def);
    util.installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
})));
// @__NO_SIDE_EFFECTS__
function object(shape, params) {
    const def = {
        type: "object",
        shape: shape ?? {},
        ...util.normalizeParams(params),
    };
    return new ZodMiniObject(def);
}
// strictObject
// @__NO_SIDE_EFFECTS__
function strictObject(shape, params) {
    return new ZodMiniObject({
        type: "object",
        shape,
        catchall: never(),
        ...util.normalizeParams(params),
    });
}
// looseObject
// @__NO_SIDE_EFFECTS__
function looseObject(shape, params) {
    return new ZodMiniObject({
        type: "object",
        shape,
        catchall: unknown(),
        ...util.normalizeParams(params),
    });
}
// object methods
// @__NO_SIDE_EFFECTS__
function schemas_extend(schema, shape) {
    return util.extend(schema, shape);
}
// @__NO_SIDE_EFFECTS__
function schemas_safeExtend(schema, shape) {
    return util.safeExtend(schema, shape);
}
/**
 * @deprecated Use [`z.extend(A, B.shape)`](https://zod.dev/api?id=extend) instead.
 */
// @__NO_SIDE_EFFECTS__
function schemas_merge(a, b) {
    return util.merge(a, b);
}
// @__NO_SIDE_EFFECTS__
function schemas_pick(schema, mask) {
    return util.pick(schema, mask);
}
// .omit
// @__NO_SIDE_EFFECTS__
function schemas_omit(schema, mask) {
    return util.omit(schema, mask);
}
// @__NO_SIDE_EFFECTS__
function schemas_partial(schema, mask) {
    const def = schema._zod.def;
    if (def.type !== "tuple")
        return util.partial(ZodMiniOptional, schema, mask);
    // a refinement was authored against the full arity; partialing would run it on a shorter array
    if (def.checks?.length)
        throw new Error(".partial() cannot be used on tuple schemas containing refinements");
    return util.clone(schema, {
        ...def,
        items: def.items.map((item) => new ZodMiniOptional({ type: "optional", innerType: item })),
    });
}
// @__NO_SIDE_EFFECTS__
function exactPartial(schema, mask) {
    return util.partial(ZodMiniExactOptional, schema, mask, "exactPartial");
}
// @__NO_SIDE_EFFECTS__
function schemas_required(schema, mask) {
    return util.required(ZodMiniNonOptional, schema, mask);
}
// @__NO_SIDE_EFFECTS__
function catchall(inst, catchall) {
    // `mergeDefs` rather than a spread: spreading reads `shape`, and resolving it can mint a whole fresh subtree
    return inst.clone(util.mergeDefs(inst._zod.def, { catchall: catchall }));
}
const ZodMiniUnion = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniUnion", (inst, def) => {
    core.$ZodUnion.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function union(options, params) {
    return new ZodMiniUnion({
        type: "union",
        options: options,
        ...util.normalizeParams(params),
    });
}
const ZodMiniXor = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniXor", (inst, def) => {
    ZodMiniUnion.init(inst, def);
    core.$ZodXor.init(inst, def);
})));
/** Creates an exclusive union (XOR) where exactly one option must match.
 * Unlike regular unions that succeed when any option matches, xor fails if
 * zero or more than one option matches the input. */
function xor(options, params) {
    return new ZodMiniXor({
        type: "union",
        options: options,
        inclusive: false,
        ...util.normalizeParams(params),
    });
}
const ZodMiniDiscriminatedUnion = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniDiscriminatedUnion", (inst, def) => {
    core.$ZodDiscriminatedUnion.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function discriminatedUnion(discriminator, options, params) {
    return new ZodMiniDiscriminatedUnion({
        type: "union",
        options: options,
        discriminator,
        ...util.normalizeParams(params),
    });
}
const ZodMiniIntersection = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniIntersection", (inst, def) => {
    core.$ZodIntersection.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function intersection(left, right) {
    return new ZodMiniIntersection({
        type: "intersection",
        left: left,
        right: right,
    });
}
const ZodMiniTuple = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniTuple", (inst, def) => {
    core.$ZodTuple.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function tuple(items, _paramsOrRest, _params) {
    const hasRest = _paramsOrRest instanceof core.$ZodType;
    const params = hasRest ? _params : _paramsOrRest;
    const rest = hasRest ? _paramsOrRest : null;
    return new ZodMiniTuple({
        type: "tuple",
        items: items,
        rest,
        ...util.normalizeParams(params),
    });
}
const ZodMiniRecord = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniRecord", (inst, def) => {
    core.$ZodRecord.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function record(keyType, valueType, params) {
    // v3-compat: z.record(valueType, params?) — defaults keyType to z.string()
    if (!valueType || !valueType._zod) {
        return new ZodMiniRecord({
            type: "record",
            keyType: schemas_string(),
            valueType: keyType,
            ...util.normalizeParams(valueType),
        });
    }
    return new ZodMiniRecord({
        type: "record",
        keyType,
        valueType: valueType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function partialRecord(keyType, valueType, params) {
    return new ZodMiniRecord({
        type: "record",
        keyType,
        valueType: valueType,
        ...util.normalizeParams(params),
        partial: true,
    });
}
function looseRecord(keyType, valueType, params) {
    return new ZodMiniRecord({
        type: "record",
        keyType,
        valueType: valueType,
        mode: "loose",
        ...util.normalizeParams(params),
    });
}
const ZodMiniMap = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniMap", (inst, def) => {
    core.$ZodMap.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function map(keyType, valueType, params) {
    return new ZodMiniMap({
        type: "map",
        keyType: keyType,
        valueType: valueType,
        ...util.normalizeParams(params),
    });
}
const ZodMiniSet = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniSet", (inst, def) => {
    core.$ZodSet.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function set(valueType, params) {
    return new ZodMiniSet({
        type: "set",
        valueType: valueType,
        ...util.normalizeParams(params),
    });
}
const ZodMiniEnum = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniEnum", (inst, def) => {
    core.$ZodEnum.init(inst, def);
    ZodMiniType.init(inst, def);
    // reuse the parsed value set so a numeric TS enum's reverse-mapping keys stay out
    inst.options = [...inst._zod.values];
})));
// @__NO_SIDE_EFFECTS__
function schemas_enum(values, params) {
    const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
    return new ZodMiniEnum({
        type: "enum",
        entries,
        ...util.normalizeParams(params),
    });
}

// @__NO_SIDE_EFFECTS__
/** @deprecated This API has been merged into `z.enum()`. Use `z.enum()` instead.
 *
 * ```ts
 * enum Colors { red, green, blue }
 * z.enum(Colors);
 * ```
 */
function nativeEnum(entries, params) {
    return new ZodMiniEnum({
        type: "enum",
        entries,
        ...util.normalizeParams(params),
    });
}
const ZodMiniLiteral = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniLiteral", (inst, def) => {
    core.$ZodLiteral.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function literal(value, params) {
    return new ZodMiniLiteral({
        type: "literal",
        values: Array.isArray(value) ? value : [value],
        ...util.normalizeParams(params),
    });
}
const ZodMiniFile = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniFile", (inst, def) => {
    core.$ZodFile.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function file(params) {
    return core._file(ZodMiniFile, params);
}
const ZodMiniTransform = /*@__PURE__*/ $constructor("ZodMiniTransform", (inst, def) => {
    $ZodTransform.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function schemas_transform(fn) {
    return new ZodMiniTransform({
        type: "transform",
        transform: fn,
    });
}
const ZodMiniOptional = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniOptional", (inst, def) => {
    core.$ZodOptional.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function optional(innerType) {
    return new ZodMiniOptional({
        type: "optional",
        innerType: innerType,
    });
}
const ZodMiniExactOptional = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniExactOptional", (inst, def) => {
    core.$ZodExactOptional.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function exactOptional(innerType) {
    return new ZodMiniExactOptional({
        type: "optional",
        innerType: innerType,
    });
}
const ZodMiniNullable = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniNullable", (inst, def) => {
    core.$ZodNullable.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function nullable(innerType) {
    return new ZodMiniNullable({
        type: "nullable",
        innerType: innerType,
    });
}
// nullish
// @__NO_SIDE_EFFECTS__
function schemas_nullish(innerType) {
    return optional(nullable(innerType));
}
const ZodMiniDefault = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniDefault", (inst, def) => {
    core.$ZodDefault.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_default(innerType, defaultValue) {
    return new ZodMiniDefault({
        type: "default",
        innerType: innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : util.shallowClone(defaultValue);
        },
    });
}
const ZodMiniPrefault = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniPrefault", (inst, def) => {
    core.$ZodPrefault.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function prefault(innerType, defaultValue) {
    return new ZodMiniPrefault({
        type: "prefault",
        innerType: innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : util.shallowClone(defaultValue);
        },
    });
}
const ZodMiniNonOptional = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniNonOptional", (inst, def) => {
    core.$ZodNonOptional.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function nonoptional(innerType, params) {
    return new ZodMiniNonOptional({
        type: "nonoptional",
        innerType: innerType,
        ...util.normalizeParams(params),
    });
}
const ZodMiniSuccess = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniSuccess", (inst, def) => {
    core.$ZodSuccess.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function success(innerType) {
    return new ZodMiniSuccess({
        type: "success",
        innerType: innerType,
    });
}
const ZodMiniCatch = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniCatch", (inst, def) => {
    core.$ZodCatch.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_catch(innerType, catchValue) {
    return new ZodMiniCatch({
        type: "catch",
        innerType: innerType,
        catchValue: (typeof catchValue === "function" ? catchValue : core.util.constantCatch(catchValue)),
    });
}

const ZodMiniNaN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniNaN", (inst, def) => {
    core.$ZodNaN.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function nan(params) {
    return core._nan(ZodMiniNaN, params);
}
const ZodMiniPipe = /*@__PURE__*/ $constructor("ZodMiniPipe", (inst, def) => {
    $ZodPipe.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function pipe(in_, out) {
    return new ZodMiniPipe({
        type: "pipe",
        in: in_,
        out: out,
    });
}
const ZodMiniCodec = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniCodec", (inst, def) => {
    ZodMiniPipe.init(inst, def);
    core.$ZodCodec.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function codec(in_, out, params) {
    return new ZodMiniCodec({
        type: "pipe",
        in: in_,
        out: out,
        transform: params.decode,
        reverseTransform: params.encode,
    });
}
// @__NO_SIDE_EFFECTS__
function invertCodec(codec) {
    const def = codec._zod.def;
    return new ZodMiniCodec({
        type: "pipe",
        in: def.out,
        out: def.in,
        transform: def.reverseTransform,
        reverseTransform: def.transform,
    });
}
const ZodMiniReadonly = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniReadonly", (inst, def) => {
    core.$ZodReadonly.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function readonly(innerType) {
    return new ZodMiniReadonly({
        type: "readonly",
        innerType: innerType,
    });
}
const ZodMiniTemplateLiteral = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniTemplateLiteral", (inst, def) => {
    core.$ZodTemplateLiteral.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function templateLiteral(parts, params) {
    return new ZodMiniTemplateLiteral({
        type: "template_literal",
        parts,
        ...util.normalizeParams(params),
    });
}
const ZodMiniLazy = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniLazy", (inst, def) => {
    core.$ZodLazy.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// export function lazy<T extends object>(getter: () => T): T {
//   return util.createTransparentProxy<T>(getter);
// }
// @__NO_SIDE_EFFECTS__
function schemas_lazy(getter) {
    return new ZodMiniLazy({
        type: "lazy",
        getter: getter,
    });
}

const ZodMiniPromise = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniPromise", (inst, def) => {
    core.$ZodPromise.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function promise(innerType) {
    return new ZodMiniPromise({
        type: "promise",
        innerType: innerType,
    });
}
const ZodMiniCustom = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniCustom", (inst, def) => {
    core.$ZodCustom.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// custom checks
// @__NO_SIDE_EFFECTS__
function check(fn, params) {
    const ch = new core.$ZodCheck({
        check: "custom",
        ...util.normalizeParams(params),
    });
    ch._zod.check = fn;
    return ch;
}
// ZodCustom custom schema
// @__NO_SIDE_EFFECTS__
function custom(fn, _params) {
    return core._custom(ZodMiniCustom, fn ?? (() => true), _params);
}
// refine
// @__NO_SIDE_EFFECTS__
function refine(fn, _params = {}) {
    return core._refine(ZodMiniCustom, fn, _params);
}
// superRefine
// @__NO_SIDE_EFFECTS__
function superRefine(fn, params) {
    return core._superRefine(fn, params);
}
// Re-export describe and meta from core
const schemas_describe = describe;
const schemas_meta = meta;
// instanceof
class schemas_Class {
    constructor(..._args) { }
}
// @__NO_SIDE_EFFECTS__
function _instanceof(cls, params = {}) {
    const inst = custom((data) => data instanceof cls, params);
    inst._zod.bag.Class = cls;
    // Override check to emit invalid_type instead of custom
    inst._zod.check = (payload) => {
        if (!(payload.value instanceof cls)) {
            payload.issues.push({
                code: "invalid_type",
                expected: cls.name,
                input: payload.value,
                inst,
                path: [...(inst._zod.def.path ?? [])],
            });
        }
    };
    return inst;
}

// stringbool
const stringbool = (...args) => core._stringbool({
    Codec: ZodMiniCodec,
    Boolean: ZodMiniBoolean,
    String: ZodMiniString,
}, ...args);
// @__NO_SIDE_EFFECTS__
function json() {
    const jsonSchema = schemas_lazy(() => {
        return union([schemas_string(), schemas_number(), schemas_boolean(), schemas_null(), array(jsonSchema), record(schemas_string(), jsonSchema)]);
    });
    return jsonSchema;
}
const ZodMiniFunction = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniFunction", (inst, def) => {
    core.$ZodFunction.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function _function(params) {
    return new ZodMiniFunction({
        type: "function",
        input: Array.isArray(params?.input) ? tuple(params?.input) : (params?.input ?? array(unknown())),
        output: params?.output ?? unknown(),
    });
}


// EXTERNAL MODULE: ./shared/durations.ts
var durations = __nccwpck_require__(9503);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __nccwpck_require__(2635);
// EXTERNAL MODULE: ./shared/secrets.ts
var secrets = __nccwpck_require__(5931);
;// CONCATENATED MODULE: ./shared/inputs.ts

// zod/mini: the same zod, without the chainable API; a fifth of the bundle size and start-up.




const REQUIRED = 'is required';
/** Quotes a user's value for an error message, shortened so one line stays one line. */
function quote(value) {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return JSON.stringify(shown);
}
function fail(ctx, message) {
    ctx.issues.push({ code: 'custom', message, input: ctx.value });
    return NEVER;
}
/** A schema over the raw text of an input. */
function fromText(transform) {
    return pipe(schemas_string(), schemas_transform(transform));
}
/** Builds a schema from a function that returns a value or throws a message. */
function parser(parse) {
    return fromText((text, ctx) => {
        try {
            return parse(text.trim());
        }
        catch (err) {
            return fail(ctx, err instanceof Error ? err.message : String(err));
        }
    });
}
/** Empty text means "not given": the value is undefined. */
function inputs_optional(schema) {
    return fromText((text, ctx) => {
        if (text.trim() === '')
            return undefined;
        const result = schema.safeParse(text);
        if (result.success)
            return result.data;
        return fail(ctx, result.error.issues[0]?.message ?? 'is invalid');
    });
}
/** Empty text means the default, given as the text a user would write (as in action.yml). */
function withDefault(schema, defaultText) {
    return pipe(fromText((text) => (text.trim() === '' ? defaultText : text)), schema);
}
/** Empty text is an error that shows a good value. */
function inputs_required(schema, example) {
    return fromText((text, ctx) => {
        if (text.trim() === '')
            return fail(ctx, `${REQUIRED} (example: ${example})`);
        const result = schema.safeParse(text);
        if (result.success)
            return result.data;
        return fail(ctx, result.error.issues[0]?.message ?? 'is invalid');
    });
}
const inputs_text = () => schemas_string();
/**
 * A credential (token, password, key), or undefined when not given: registered for masking the
 * moment it is read, before any other input is checked or anything is written.
 */
const secret = () => fromText((value) => {
    const trimmed = value.trim();
    if (trimmed === '')
        return undefined;
    (0,secrets/* maskSecret */.$l)(trimmed);
    return trimmed;
});
const inputs_duration = (example = '30s', options = {}) => parser((text) => {
    const ms = (0,durations/* parseDuration */.E9)(text);
    if (ms === undefined) {
        throw new Error(`${quote(text)} is not a duration (example: ${example}; units ms, s, m, h)`);
    }
    if (options.minMs !== undefined && ms < options.minMs) {
        throw new Error(`${quote(text)} is too short: the least is ${(0,durations/* formatDuration */.a3)(options.minMs)} (example: ${example})`);
    }
    if (ms > durations/* MAX_DURATION_MS */.rG) {
        throw new Error(`${quote(text)} is longer than the longest wait a timer can hold, 24 days (example: ${example})`);
    }
    return ms;
});
/**
 * A value that reaches a CLI as one argument (a path, an image, an org): it must not start
 * with `-`, where a CLI would read it as a flag, nor hold a line break.
 */
const cliArgument = (example) => parser((value) => {
    if (value.startsWith('-') || /[\r\n]/.test(value)) {
        throw new Error(`${quote(value)} must not start with - or hold a line break (example: ${example})`);
    }
    return value;
});
const inputs_boolean = () => parser((text) => {
    const value = text.toLowerCase();
    if (value === 'true')
        return true;
    if (value === 'false')
        return false;
    throw new Error(`${quote(text)} is not a boolean (example: true or false)`);
});
const inputs_integer = (options) => parser((text) => {
    if (!/^-?\d+$/.test(text)) {
        throw new Error(`${quote(text)} is not a whole number (example: ${options.example})`);
    }
    const value = Number(text);
    if (options.min !== undefined && value < options.min) {
        throw new Error(`${value} is below the minimum ${options.min} (example: ${options.example})`);
    }
    if (options.max !== undefined && value > options.max) {
        throw new Error(`${value} is above the maximum ${options.max} (example: ${options.example})`);
    }
    return value;
});
const oneOf = (values) => parser((text) => {
    const match = values.find((value) => value.toLowerCase() === text.toLowerCase());
    if (match === undefined) {
        throw new Error(`${quote(text)} is not one of ${values.join(', ')} (example: ${values[0]})`);
    }
    return match;
});
/** Items separated by newlines or commas; blanks dropped. */
function splitList(text) {
    return text
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter((item) => item !== '');
}
/** Non-blank lines, with `#` comment lines dropped. */
function splitLines(text) {
    return text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#'));
}
const list = () => parser(splitList);
const lines = () => parser(splitLines);
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** `KEY=VALUE` lines, as for environment variables. */
const keyValueLines = () => parser((text) => {
    const entries = {};
    for (const line of splitLines(text)) {
        const at = line.indexOf('=');
        const key = at > 0 ? line.slice(0, at).trim() : '';
        if (!ENV_NAME.test(key)) {
            throw new Error(`${quote(line)} is not a KEY=VALUE line (example: LOG_LEVEL=info)`);
        }
        entries[key] = line.slice(at + 1);
    }
    return entries;
});
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/**
 * What fetch sends as a header value: no CR, LF or NUL (they would end or split the header) and
 * nothing past U+00FF (a header is bytes; undici refuses it only when the request is made, which
 * the health check would report as "unhealthy").
 */
const HEADER_VALUE = /^[^\0\r\n\u0100-\uffff]*$/;
/** `Name: value` lines, as for HTTP headers. Names keep the user's spelling. */
const headerLines = () => parser((text) => {
    const headers = {};
    for (const line of splitLines(text)) {
        const at = line.indexOf(':');
        const name = at > 0 ? line.slice(0, at).trim() : '';
        if (!HEADER_NAME.test(name)) {
            // Never echo the line: it may hold a credential.
            throw new Error(`a line is not a "Name: value" header (example: Authorization: Bearer abc)`);
        }
        const value = line.slice(at + 1).trim();
        if (!HEADER_VALUE.test(value)) {
            // Named by its header, never shown: the value may be a credential.
            throw new Error(`the value of header ${quote(name)} has a carriage return, line feed, NUL or a character outside Latin-1, which a header value cannot hold (example: Authorization: Bearer abc)`);
        }
        headers[name] = value;
    }
    (0,secrets/* maskSensitiveHeaders */.BD)(headers);
    return headers;
});
/**
 * The name of a GitHub environment (production, Preview EU): one line of printable text, at most
 * 255 characters, as GitHub allows. A line break would end the log line or record field it is
 * written into and start another.
 */
const environmentName = (example = 'production') => parser((value) => {
    if (/[\p{Cc}\u2028\u2029]/u.test(value) || value.length > 255) {
        throw new Error(`${quote(value)} is not an environment name: one line of at most 255 characters, without control characters (example: ${example})`);
    }
    return value;
});
/** An http(s) URL; a user or password in it is masked at once and never quoted in errors. */
function checkHttpUrl(text, example) {
    const shown = (0,secrets/* maskUrlCredentials */.gn)(text);
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new Error(`${quote(shown.replace(/\/\/[^/@]*@/, '//'))} is not a URL (example: ${example})`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new Error(`${quote(shown)} is not an http(s) URL (example: ${example})`);
    }
    return text;
}
const inputs_httpUrl = (example = 'https://app.example.com/health') => parser((text) => checkHttpUrl(text, example));
const httpUrls = (example = 'https://app.example.com/health') => parser((text) => splitList(text).map((item) => checkHttpUrl(item, example)));
/** A regular expression, plain (`ok|ready`) or with flags (`/ready/i`). */
const regex = (example = 'ready|ok') => parser((text) => compileRegex(text, example));
function compileRegex(text, example) {
    const literal = /^\/(.+)\/([dgimsuvy]*)$/s.exec(text);
    try {
        return literal ? new RegExp(literal[1], literal[2]) : new RegExp(text);
    }
    catch (err) {
        const why = err instanceof Error ? err.message.replace(/^Invalid regular expression: /, '') : '';
        throw new Error(`${quote(text)} is not a valid regular expression (${why}) (example: ${example})`);
    }
}
/**
 * A `${{ ... }}` that reached the action unexpanded (a default that a local runner such as
 * @github/local-action passes literally) is no value: it reads as not given, with a warning.
 */
function expandedOrEmpty(name, raw) {
    const trimmed = raw.trim();
    if (!/^\$\{\{[^]*\}\}$/.test(trimmed))
        return raw;
    runner_protocol/* warning */.$e(`\`${name}\` is the unexpanded expression ${quote(trimmed)}; it is treated as not set. Pass a real value (a runner expands it; locally, set INPUT_${name.replace(/ /g, '_').toUpperCase()}).`, { title: `unexpanded ${name}` });
    return '';
}
/**
 * Reads and checks every input of a schema before anything happens. All problems are reported
 * together in one error, each naming its input and showing a good value.
 */
function parseInputs(schema, read = (name) => runner_protocol/* getInput */.V4(name)) {
    const values = {};
    const problems = [];
    for (const [name, inputSchema] of Object.entries(schema)) {
        const result = inputSchema.safeParse(expandedOrEmpty(name, read(name)));
        if (result.success) {
            values[name] = result.data;
            continue;
        }
        const message = result.error.issues[0]?.message ?? 'is invalid';
        problems.push(message.startsWith(REQUIRED) ? `\`${name}\` ${message}` : `invalid \`${name}\`: ${message}`);
    }
    if (problems.length > 0)
        throw new errors/* InputError */.dz(problems);
    return values;
}


/***/ }),

/***/ 8548:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  z1: () => (/* binding */ CliError),
  ay: () => (/* binding */ commandLine),
  Hr: () => (/* binding */ failureReason),
  ew: () => (/* binding */ parseCliJson),
  ak: () => (/* binding */ runCli),
  aJ: () => (/* binding */ stripAnsi),
  RT: () => (/* binding */ tail)
});

// UNUSED EXPORTS: KILL_GRACE_MS, MAX_CAPTURE_BYTES

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
// EXTERNAL MODULE: ./shared/durations.ts
var durations = __nccwpck_require__(9503);
// EXTERNAL MODULE: ./shared/runner-protocol.ts
var runner_protocol = __nccwpck_require__(8447);
;// CONCATENATED MODULE: ./shared/process.ts
// Runs a CLI the one way flightdeck runs any program: an argument array (never a shell string),
// credentials in the environment, a time limit after which the whole process group is killed,
// output captured within a cap, and every echoed line printed as data (shared/runner-protocol.ts).
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
        runner_protocol/* info */.pq(line.length > MAX_ECHO_LINE ? `${line.slice(0, MAX_ECHO_LINE)} …(cut)` : line);
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
            runner_protocol/* info */.pq(`Received ${signal}: stopping ${running.size} running command(s).`);
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
    runner_protocol/* info */.pq(`[command]${shown}`);
    const echo = options.echo !== false;
    const stdout = new CappedBuffer(MAX_CAPTURE_BYTES);
    const stderr = new CappedBuffer(MAX_CAPTURE_BYTES);
    const echoOut = new LineEcho();
    const echoErr = new LineEcho();
    const started = performance.now();
    return new Promise((resolve, reject) => {
        let child;
        try {
            child = (0,external_node_child_process_namespaceObject.spawn)(tool, args, {
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
            stoppedFor = `\`${shown}\` was stopped after ${(0,durations/* formatDuration */.a3)(performance.now() - started)}: it did not finish within its time limit of ${(0,durations/* formatDuration */.a3)(options.timeoutMs)}`;
            runner_protocol/* info */.pq(stoppedFor);
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
            const drained = runner_protocol/* logDrained */.Gk();
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
            runner_protocol/* debug */.Yz(`${shown} exited ${result.exitCode}`);
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

/***/ 8447:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ warning),
/* harmony export */   C1: () => (/* binding */ setFailed),
/* harmony export */   E$: () => (/* reexport safe */ _secret_registry_js__WEBPACK_IMPORTED_MODULE_2__.E$),
/* harmony export */   Gk: () => (/* binding */ logDrained),
/* harmony export */   LZ: () => (/* binding */ saveState),
/* harmony export */   Os: () => (/* binding */ group),
/* harmony export */   Pq: () => (/* binding */ setSecret),
/* harmony export */   V4: () => (/* binding */ getInput),
/* harmony export */   Yz: () => (/* binding */ debug),
/* harmony export */   lm: () => (/* binding */ notice),
/* harmony export */   nz: () => (/* binding */ appendSummaryFile),
/* harmony export */   pq: () => (/* binding */ info),
/* harmony export */   uH: () => (/* binding */ setOutput),
/* harmony export */   wW: () => (/* reexport safe */ _secret_registry_js__WEBPACK_IMPORTED_MODULE_2__.wW),
/* harmony export */   z3: () => (/* binding */ error)
/* harmony export */ });
/* unused harmony exports escapeData, escapeProperty, couldBeCommand, safeLogText, startGroup, endGroup, isDebug, exportVariable, addPath, getState */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _secret_registry_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6982);
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
        .map(([key, value]) => `${key}=${escapeProperty((0,_secret_registry_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(String(value)))}`)
        .join(',');
    const data = command === 'add-mask' ? message : (0,_secret_registry_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(message);
    writeLog(`::${command}${props ? ` ${props}` : ''}::${escapeData(data)}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
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
    return `::stop-commands::${token}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}${text}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}::${token}::`;
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
    writeLog(`${safeLogText((0,_secret_registry_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(message))}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
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
    (0,_secret_registry_js__WEBPACK_IMPORTED_MODULE_2__/* .registerSecret */ .cl)(value);
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
    return `${key}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}${value}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}${delimiter}`;
}
function appendCommandFile(variable, line) {
    const path = process.env[variable];
    if (!path)
        return false;
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(path, `${line}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`, 'utf8');
    return true;
}
/** Sets a step output; registered secrets in it become `***`. */
function setOutput(name, rawValue) {
    const value = (0,_secret_registry_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(rawValue);
    if (appendCommandFile('GITHUB_OUTPUT', keyValueBlock(name, value)))
        return;
    // Outside a runner (a terminal, local-action), show the output where a person can see it.
    writeLog(node_os__WEBPACK_IMPORTED_MODULE_1__.EOL);
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
    return appendCommandFile('GITHUB_STEP_SUMMARY', (0,_secret_registry_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(markdown).replace(/\r?\n$/, ''));
}


/***/ }),

/***/ 6982:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   Et: () => (/* binding */ replaceSecrets),
/* harmony export */   ZN: () => (/* binding */ isReplaceable),
/* harmony export */   cl: () => (/* binding */ registerSecret),
/* harmony export */   wW: () => (/* binding */ registeredSecrets)
/* harmony export */ });
/* unused harmony export MIN_SECRET_LENGTH */
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
/* harmony export */   BD: () => (/* binding */ maskSensitiveHeaders),
/* harmony export */   b5: () => (/* binding */ isCredentialHeader),
/* harmony export */   gn: () => (/* binding */ maskUrlCredentials),
/* harmony export */   ri: () => (/* binding */ withoutCredentials),
/* harmony export */   yx: () => (/* binding */ isSensitiveHeader)
/* harmony export */ });
/* unused harmony export maskWebhookUrl */
/* harmony import */ var _runner_protocol_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8447);
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

/***/ 5045:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ sleep)
/* harmony export */ });
/** Resolves after `ms`, or at once when the signal aborts. */
function sleep(ms, signal) {
    if (ms <= 0 || signal?.aborted)
        return Promise.resolve();
    return new Promise((resolve) => {
        const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
    });
}


/***/ }),

/***/ 2763:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ clip),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   TN: () => (/* binding */ oneLine)
/* harmony export */ });
/* unused harmony export httpUrlOrUndefined */
/** `1 attempt`, `3 attempts`. */
function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
/** The value when it is an http(s) URL: links in messages never carry another scheme. */
function httpUrlOrUndefined(value) {
    if (typeof value !== 'string')
        return undefined;
    try {
        const url = new URL(value);
        return url.protocol === 'https:' || url.protocol === 'http:' ? value : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Text on one line: every line break and other control character (C0, DEL, C1 such as U+0085,
 * U+2028/U+2029), with the white space around it, becomes one space.
 */
function oneLine(text) {
    return text.replace(/\s*[\p{Cc}\u2028\u2029]+\s*/gu, ' ').trim();
}
/** At most `max` characters (UTF-16 units), ending with `…` when cut; surrogate pairs kept whole. */
function clip(text, max) {
    if (text.length <= max)
        return text;
    let cut = text.slice(0, Math.max(0, max - 1));
    if (/[\ud800-\udbff]$/.test(cut))
        cut = cut.slice(0, -1);
    return `${cut}…`;
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

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

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

/***/ 714:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:vm");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
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
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
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
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
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
/******/ var __webpack_exports__ = __nccwpck_require__(1553);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
