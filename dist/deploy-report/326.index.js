export const id = 326;
export const ids = [326];
export const modules = {

/***/ 5326:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  environmentFigures: () => (/* binding */ environmentFigures),
  leadTimeHeads: () => (/* binding */ leadTimeHeads)
});

;// CONCATENATED MODULE: ./shared/report/commits.ts
// Which commits a deployment shipped: those reachable from its commit and not from the commit
// of the previous successful deployment, walked over the commit graph read from GitHub.
/** Every commit reachable from `oid` within the graph read (itself included). */
function ancestors(graph, oid) {
    const seen = new Set();
    const pending = [oid];
    while (pending.length > 0) {
        const next = pending.pop();
        if (seen.has(next))
            continue;
        const commit = graph.get(next);
        if (!commit)
            continue;
        seen.add(next);
        pending.push(...commit.parents);
    }
    return seen;
}
/**
 * The commits a deployment of `head` shipped after a deployment of `base`: reachable from
 * head and not from base. With no base, only head itself. Commits outside the graph read are
 * not counted (a history that GitHub no longer has, e.g. after a force push).
 */
function shippedCommits(graph, head, base) {
    const own = graph.get(head);
    if (base === undefined)
        return own ? [own] : [];
    const before = ancestors(graph, base);
    return [...ancestors(graph, head)]
        .filter((oid) => !before.has(oid))
        .map((oid) => graph.get(oid));
}

// EXTERNAL MODULE: ./shared/report/history.ts + 1 modules
var report_history = __webpack_require__(8271);
// EXTERNAL MODULE: ./shared/report/period.ts
var report_period = __webpack_require__(9016);
// EXTERNAL MODULE: ./shared/report/stats.ts
var stats = __webpack_require__(9898);
;// CONCATENATED MODULE: ./shared/report/figures.ts
// The delivery figures of one environment over a period, from its Deployments (README,
// "deploy-report", states every definition used here).




const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
/** The time a failure was restored, or undefined while it is not. */
function restoredAt(failure, later) {
    // flightdeck's rollback proved the old release healthy when it ended the deployment.
    if (failure.outcome === 'rolled-back')
        return failure.endedAt;
    // Otherwise the next success after it, a deploy or a restoration, even after the period.
    return later.find((next) => next.endedAt > failure.endedAt && next.outcome === 'succeeded')
        ?.endedAt;
}
/**
 * The commits whose history the lead time needs: each successful deployment of the period and
 * the one before the first of them (its base), newest first.
 */
function leadTimeHeads(records, period) {
    const successes = records
        .flatMap((record) => (0,report_history/* ended */.v6)(record) ?? [])
        .filter((entry) => entry.outcome === 'succeeded' && !entry.restoration)
        .filter((entry) => entry.endedAt < period.until)
        .sort((a, b) => b.endedAt - a.endedAt);
    const inPeriod = successes.filter((entry) => entry.endedAt >= period.since);
    const base = successes.find((entry) => entry.endedAt < period.since);
    return [...new Set([...inPeriod, ...(base ? [base] : [])].map((e) => e.deployment.sha))];
}
/** The figures of one environment: `records` are all its deployments read (any order). */
function environmentFigures(environment, records, graph, period) {
    const inPeriod = (at) => at >= period.since && at < period.until;
    const all = records.flatMap((record) => (0,report_history/* ended */.v6)(record) ?? []);
    // "Previous" and "next" follow the time of the final status.
    all.sort((a, b) => a.endedAt - b.endedAt || a.deployment.id - b.deployment.id);
    const deploys = all.filter((entry) => !entry.restoration);
    const counted = deploys.filter((entry) => inPeriod(entry.endedAt));
    const succeeded = counted.filter((entry) => entry.outcome === 'succeeded');
    const failures = counted.filter((entry) => entry.outcome !== 'succeeded');
    const rolledBack = failures.filter((entry) => entry.outcome === 'rolled-back').length;
    const inProgress = records.filter((record) => inPeriod(record.createdAt) && !(0,report_history/* ended */.v6)(record) && !(0,report_history/* isRestoration */.TW)(record.payload)).length;
    const restorations = all.filter((entry) => entry.restoration && entry.outcome === 'succeeded' && inPeriod(entry.endedAt)).length;
    // Lead time: every commit each successful deployment shipped.
    const leadTimes = [];
    let missingCommits = 0;
    for (const deploy of succeeded) {
        const index = deploys.indexOf(deploy);
        const previous = deploys
            .slice(0, index)
            .reverse()
            .find((entry) => entry.outcome === 'succeeded');
        if (!graph.has(deploy.deployment.sha)) {
            missingCommits++;
            continue;
        }
        for (const commit of shippedCommits(graph, deploy.deployment.sha, previous?.deployment.sha)) {
            leadTimes.push((deploy.endedAt - commit.committedAt) / HOUR_MS);
        }
    }
    // Time to restore: from the failed deployment's start to the restoration.
    const restoreTimes = [];
    let unrestored = 0;
    for (const failure of failures) {
        const at = restoredAt(failure, all);
        if (at === undefined)
            unrestored++;
        else
            restoreTimes.push((at - failure.startedAt) / HOUR_MS);
    }
    const durations = counted.map((entry) => (entry.endedAt - entry.startedAt) / MINUTE_MS);
    const days = (0,report_period/* periodDays */.lh)(period);
    return {
        environment,
        counts: {
            deployments: counted.length,
            succeeded: succeeded.length,
            failed: failures.length - rolledBack,
            rolledBack,
            inProgress,
            restorations,
            unrestored,
        },
        figures: {
            successRate: (0,stats/* percent */.KN)(succeeded.length, counted.length),
            changeFailureRate: (0,stats/* percent */.KN)(failures.length, counted.length),
            rollbackRate: (0,stats/* percent */.KN)(rolledBack, counted.length),
            deploymentsPerWeek: days > 0 ? succeeded.length / (days / 7) : undefined,
            leadTimeHours: (0,stats/* median */.JZ)(leadTimes),
            leadTimeP90Hours: (0,stats/* quantile */.YV)(leadTimes, 0.9),
            timeToRestoreHours: (0,stats/* median */.JZ)(restoreTimes),
            durationMinutes: (0,stats/* median */.JZ)(durations),
            durationP95Minutes: (0,stats/* quantile */.YV)(durations, 0.95),
            commits: leadTimes.length,
        },
        deployments: counted.map((entry, i) => ({
            id: entry.deployment.id,
            outcome: entry.outcome,
            endedAt: entry.endedAt,
            durationMinutes: durations[i],
        })),
        missingCommits,
    };
}


/***/ }),

/***/ 8271:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  v6: () => (/* binding */ ended),
  TW: () => (/* binding */ isRestoration),
  ex: () => (/* binding */ parsePayload)
});

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

;// CONCATENATED MODULE: ./shared/report/history.ts
// A Deployment's history as deploy-report reads it, and what it came to: the outcome, when it
// started and ended, and whether it was a restoration (the rollback action's record).

const FINAL_STATES = new Set(['success', 'failure', 'error']);
/** The rollback action marks its deployments `payload.flightdeck.action: "rollback"`. */
function isRestoration(payload) {
    const flightdeck = payload.flightdeck;
    return (typeof flightdeck === 'object' &&
        flightdeck !== null &&
        flightdeck.action === 'rollback');
}
/**
 * The deployment's final status (its latest success, failure or error; `inactive`, which
 * GitHub adds when a later deployment replaces it, is no outcome) and what it means; undefined
 * while it has none.
 */
function ended(deployment) {
    const byTime = [...deployment.statuses].sort((a, b) => a.createdAt - b.createdAt);
    const final = byTime.filter((status) => FINAL_STATES.has(status.state)).at(-1);
    if (!final)
        return undefined;
    const started = byTime.find((status) => status.state === 'in_progress');
    const outcome = final.state === 'success'
        ? 'succeeded'
        : final.state === 'failure' && isRolledBack(final.description)
            ? 'rolled-back'
            : 'failed';
    return {
        deployment,
        outcome,
        restoration: isRestoration(deployment.payload),
        startedAt: started?.createdAt ?? deployment.createdAt,
        endedAt: final.createdAt,
    };
}
/** A deployment's payload from GraphQL's JSON text; {} when it is not a JSON object. */
function parsePayload(text) {
    if (!text)
        return {};
    try {
        const value = JSON.parse(text);
        return typeof value === 'object' && value !== null && !Array.isArray(value)
            ? value
            : {};
    }
    catch {
        return {};
    }
}


/***/ }),

/***/ 9898:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JZ: () => (/* binding */ median),
/* harmony export */   KN: () => (/* binding */ percent),
/* harmony export */   YV: () => (/* binding */ quantile),
/* harmony export */   ku: () => (/* binding */ plainNumber)
/* harmony export */ });
// Medians and percentiles of measured values. Linear interpolation between the closest ranks
// (R-7, spreadsheets' PERCENTILE.INC): the median of an even count is the mean of the two
// middle values, as the report's definitions say.
/** The p-th quantile (0..1) of the values, or undefined when there are none. */
function quantile(values, p) {
    if (values.length === 0)
        return undefined;
    const sorted = [...values].sort((a, b) => a - b);
    const rank = (sorted.length - 1) * p;
    const below = Math.floor(rank);
    const low = sorted[below];
    const high = sorted[Math.min(below + 1, sorted.length - 1)];
    return low + (high - low) * (rank - below);
}
const median = (values) => quantile(values, 0.5);
/** a ÷ b × 100, or undefined when b is 0. */
function percent(part, whole) {
    return whole > 0 ? (part / whole) * 100 : undefined;
}
/** A figure as an output: a plain decimal with at most 2 decimals, empty when unmeasured. */
function plainNumber(value) {
    if (value === undefined || !Number.isFinite(value))
        return '';
    return String(Math.round(value * 100) / 100);
}


/***/ })

};
