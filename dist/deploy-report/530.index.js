export const id = 530;
export const ids = [530];
export const modules = {

/***/ 5530:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildReport: () => (/* binding */ buildReport),
  headlineOutputs: () => (/* binding */ headlineOutputs)
});

// UNUSED EXPORTS: reportJson

;// CONCATENATED MODULE: ./shared/report/bands.ts
const DAY_H = 24;
const WEEK_H = 7 * DAY_H;
/** Elite < 1 day; high 1 day–1 week; medium 1 week–1 month; low beyond. */
function leadTimeBand(hours) {
    if (hours === undefined)
        return undefined;
    if (hours < DAY_H)
        return 'elite';
    if (hours < WEEK_H)
        return 'high';
    if (hours < 30 * DAY_H)
        return 'medium';
    return 'low';
}
/**
 * Elite: on demand, several a day (more than 7 a week); high: daily to weekly (at least 1 a
 * week); medium: weekly to monthly (at least 12 a year); low: less often.
 */
function frequencyBand(perWeek) {
    if (perWeek === undefined)
        return undefined;
    if (perWeek > 7)
        return 'elite';
    if (perWeek >= 1)
        return 'high';
    if (perWeek >= 12 / 52)
        return 'medium';
    return 'low';
}
/**
 * The report gives one typical rate per level, not ranges, and medium's (10 %) is lower than
 * high's (20 %): elite 5 %, medium 10 %, high 20 %, low 40 %. A rate gets the level whose
 * rate is nearest (a tie goes to the lower rate): ≤ 7.5 % elite, ≤ 15 % medium, ≤ 30 % high.
 */
function failureRateBand(percent) {
    if (percent === undefined)
        return undefined;
    if (percent <= 7.5)
        return 'elite';
    if (percent <= 15)
        return 'medium';
    if (percent <= 30)
        return 'high';
    return 'low';
}
/**
 * Elite < 1 hour; high < 1 day; medium < 1 week (the report says < 1 day for medium too and
 * starts low at 1 week); low beyond.
 */
function restoreBand(hours) {
    if (hours === undefined)
        return undefined;
    if (hours < 1)
        return 'elite';
    if (hours < DAY_H)
        return 'high';
    if (hours < WEEK_H)
        return 'medium';
    return 'low';
}
function bandsOf(figures) {
    return {
        deploymentFrequency: frequencyBand(figures.deploymentsPerWeek),
        leadTime: leadTimeBand(figures.leadTimeHours),
        changeFailureRate: failureRateBand(figures.changeFailureRate),
        timeToRestore: restoreBand(figures.timeToRestoreHours),
    };
}
/** The seeds' targets: success rate > 95 %, deployment time < 10 min, rollbacks < 5 %. */
function kpiChecks(figures) {
    const check = (name, target, value, met) => ({ name, target, value, met: value === undefined ? undefined : met(value) });
    return [
        check('success-rate', '> 95 %', figures.successRate, (v) => v > 95),
        check('deployment-time', '< 10 min (median)', figures.durationMinutes, (v) => v < 10),
        check('rollback-rate', '< 5 % of deployments', figures.rollbackRate, (v) => v < 5),
    ];
}

// EXTERNAL MODULE: ./shared/report/period.ts
var period = __webpack_require__(9016);
// EXTERNAL MODULE: ./shared/report/stats.ts
var stats = __webpack_require__(9898);
;// CONCATENATED MODULE: ./shared/report/report.ts
// The `report` output and the headline outputs, from each environment's figures.



function buildReport(repository, period, environments) {
    return {
        repository,
        period,
        environments: environments.map((entry) => ({
            ...entry,
            bands: bandsOf(entry.figures),
            kpis: kpiChecks(entry.figures),
        })),
    };
}
/** A figure in JSON: rounded to 2 decimals, null when there is nothing to measure. */
const num = (value) => value === undefined || !Number.isFinite(value) ? null : Math.round(value * 100) / 100;
/** The `report` output: every figure, count, band and check of every environment. */
function reportJson(report) {
    return JSON.stringify({
        repository: report.repository,
        since: new Date(report.period.since).toISOString(),
        until: new Date(report.period.until).toISOString(),
        days: num((0,period/* periodDays */.lh)(report.period)),
        environments: report.environments.map(({ environment, counts, figures, bands, kpis }) => ({
            environment,
            counts: {
                deployments: counts.deployments,
                succeeded: counts.succeeded,
                failed: counts.failed,
                'rolled-back': counts.rolledBack,
                'in-progress': counts.inProgress,
                restorations: counts.restorations,
                unrestored: counts.unrestored,
            },
            figures: {
                'deployments-per-week': num(figures.deploymentsPerWeek),
                'lead-time-hours': num(figures.leadTimeHours),
                'lead-time-p90-hours': num(figures.leadTimeP90Hours),
                'change-failure-rate': num(figures.changeFailureRate),
                'time-to-restore-hours': num(figures.timeToRestoreHours),
                'success-rate': num(figures.successRate),
                'rollback-rate': num(figures.rollbackRate),
                'deployment-minutes': num(figures.durationMinutes),
                'deployment-p95-minutes': num(figures.durationP95Minutes),
                commits: figures.commits,
            },
            bands: {
                'deployment-frequency': bands.deploymentFrequency ?? null,
                'lead-time': bands.leadTime ?? null,
                'change-failure-rate': bands.changeFailureRate ?? null,
                'time-to-restore': bands.timeToRestore ?? null,
            },
            kpis: kpis.map((kpi) => ({
                name: kpi.name,
                target: kpi.target,
                value: num(kpi.value),
                met: kpi.met ?? null,
            })),
        })),
    });
}
/** The headline outputs, for the first environment: plain decimals, empty when unmeasured. */
function headlineOutputs(report) {
    const first = report.environments[0];
    const figures = first?.figures;
    return {
        deployments: first ? String(first.counts.deployments) : '',
        'deployments-per-week': (0,stats/* plainNumber */.ku)(figures?.deploymentsPerWeek),
        'lead-time-hours': (0,stats/* plainNumber */.ku)(figures?.leadTimeHours),
        'change-failure-rate': (0,stats/* plainNumber */.ku)(figures?.changeFailureRate),
        'time-to-restore-hours': (0,stats/* plainNumber */.ku)(figures?.timeToRestoreHours),
        'success-rate': (0,stats/* plainNumber */.ku)(figures?.successRate),
        report: reportJson(report),
    };
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
