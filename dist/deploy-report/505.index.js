export const id = 505;
export const ids = [505];
export const modules = {

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


/***/ }),

/***/ 2505:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   reportMarkdown: () => (/* binding */ reportMarkdown)
/* harmony export */ });
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6566);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2763);
/* harmony import */ var _stats_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9898);
// The job summary of a report: per environment, the figures with their DORA bands, the seeds'
// targets, and two Mermaid charts GitHub renders (deployments per week by outcome, deployment
// time per week).



const WEEK_MS = 7 * 86_400_000;
/** Text flightdeck wrote itself (numbers, units, level names): Markdown as it is. */
const own = (text) => ({ markdown: text });
const day = (ms) => new Date(ms).toISOString().slice(0, 10);
function shown(value, unit = '') {
    if (value === undefined)
        return '—';
    return `${Math.round(value * 100) / 100}${unit}`;
}
function hours(value) {
    if (value === undefined)
        return '—';
    if (value < 1)
        return `${Math.round(value * 60)} min`;
    if (value < 48)
        return `${Math.round(value * 10) / 10} h`;
    return `${Math.round((value / 24) * 10) / 10} days`;
}
function weeks(entry, since, until) {
    const list = [];
    for (let start = since; start < until; start += WEEK_MS) {
        list.push({ start, succeeded: 0, failed: 0, rolledBack: 0, minutes: [] });
    }
    for (const point of entry.deployments) {
        const week = list[Math.floor((point.endedAt - since) / WEEK_MS)];
        if (!week)
            continue;
        if (point.outcome === 'succeeded')
            week.succeeded++;
        else if (point.outcome === 'rolled-back')
            week.rolledBack++;
        else
            week.failed++;
        week.minutes.push(point.durationMinutes);
    }
    return list;
}
/**
 * Bars drawn over each other, tallest first, read as stacked: all deployments (green shows
 * the successes), failed + rolled back (red shows the failures), rolled back (amber).
 */
function outcomesChart(list) {
    const labels = list.map((week) => `"${day(week.start).slice(5)}"`).join(', ');
    const total = list.map((w) => w.succeeded + w.failed + w.rolledBack);
    const failures = list.map((w) => w.failed + w.rolledBack);
    const rolledBack = list.map((w) => w.rolledBack);
    const top = Math.max(1, ...total);
    return [
        '```mermaid',
        '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#2da44e, #cf222e, #bf8700"}}}}%%',
        'xychart-beta',
        '  title "Deployments per week: succeeded (green), failed (red), rolled back (amber)"',
        `  x-axis [${labels}]`,
        `  y-axis "deployments" 0 --> ${top}`,
        `  bar [${total.join(', ')}]`,
        `  bar [${failures.join(', ')}]`,
        `  bar [${rolledBack.join(', ')}]`,
        '```',
    ].join('\n');
}
function durationChart(list) {
    const labels = list.map((week) => `"${day(week.start).slice(5)}"`).join(', ');
    const medians = list.map((w) => w.minutes.length ? Math.round((0,_stats_js__WEBPACK_IMPORTED_MODULE_1__/* .median */ .JZ)(w.minutes) * 10) / 10 : 0);
    return [
        '```mermaid',
        'xychart-beta',
        '  title "Median deployment time per week (minutes; 0: no deployment)"',
        `  x-axis [${labels}]`,
        `  y-axis "minutes" 0 --> ${Math.max(1, Math.ceil(Math.max(...medians)))}`,
        `  line [${medians.join(', ')}]`,
        '```',
    ].join('\n');
}
function environmentSection(entry, report) {
    const { counts, figures, bands } = entry;
    const title = `### ${(0,_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(entry.environment)}`;
    const { since, until } = report.period;
    const period = `${day(since)} to ${day(until - 1)}`;
    if (counts.deployments === 0) {
        const note = counts.inProgress > 0 ? ` (${counts.inProgress} still in progress)` : '';
        return `${title}\n\nNo deployments of ${(0,_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(entry.environment).markdown} ended from ${period}${note}.`;
    }
    const band = (value) => own(value ?? '—');
    const table = (0,_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownTable */ .Qj)(['figure', 'value', 'DORA 2024 level'], [
        [
            'deployments per week',
            shown(figures.deploymentsPerWeek),
            band(bands.deploymentFrequency),
        ],
        ['lead time for changes (median)', hours(figures.leadTimeHours), band(bands.leadTime)],
        ['lead time, 90th percentile', hours(figures.leadTimeP90Hours), own('')],
        [
            'change failure rate',
            shown(figures.changeFailureRate, ' %'),
            band(bands.changeFailureRate),
        ],
        ['time to restore (median)', hours(figures.timeToRestoreHours), band(bands.timeToRestore)],
        ['success rate', shown(figures.successRate, ' %'), own('')],
        ['deployment time (median)', shown(figures.durationMinutes, ' min'), own('')],
        ['deployment time, 95th percentile', shown(figures.durationP95Minutes, ' min'), own('')],
    ].map(([figure, value, level]) => [own(figure), own(value), level]));
    const countLine = `${(0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(counts.deployments, 'deployment')} from ${period}: ${counts.succeeded} succeeded, ${counts.failed} failed, ${counts.rolledBack} rolled back; ${counts.inProgress} in progress, ${(0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(counts.restorations, 'restoration')}, ${counts.unrestored} not restored yet; ${(0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(figures.commits, 'commit')} shipped.`;
    const kpis = (0,_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownTable */ .Qj)(['target', 'value', 'met'], entry.kpis.map((kpi) => [
        own(`${kpi.name} ${(0,_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(kpi.target)}`),
        own(shown(kpi.value, kpi.name === 'deployment-time' ? ' min' : ' %')),
        own(kpi.met === undefined ? '—' : kpi.met ? '✅ yes' : '❌ no'),
    ]));
    const list = weeks(entry, since, until);
    return [title, countLine, table, kpis, outcomesChart(list), durationChart(list)].join('\n\n');
}
function reportMarkdown(report) {
    const heading = `## Delivery report of ${(0,_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(report.repository).markdown}`;
    return [heading, ...report.environments.map((entry) => environmentSection(entry, report))].join('\n\n');
}


/***/ })

};
