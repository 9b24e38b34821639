export const id = 449;
export const ids = [449];
export const modules = {

/***/ 3449:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readCommits: () => (/* binding */ readCommits),
/* harmony export */   readDeployments: () => (/* binding */ readDeployments)
/* harmony export */ });
/* unused harmony exports LOOKBACK_MS, MAX_DEPLOYMENT_PAGES, MAX_COMMIT_PAGES */
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8271);

const DAY_MS = 86_400_000;
/**
 * Deployments are listed by creation, the figures go by final status: read on this far
 * before `since` for deployments created earlier that ended in the period.
 */
const LOOKBACK_MS = 7 * DAY_MS;
/** At most this many pages of 100 per environment, and of commits per report. */
const MAX_DEPLOYMENT_PAGES = 200;
const MAX_COMMIT_PAGES = 200;
const DEPLOYMENTS_QUERY = `query DeployReportDeployments($owner: String!, $name: String!, $environments: [String!], $after: String) {
  repository(owner: $owner, name: $name) {
    deployments(environments: $environments, orderBy: {field: CREATED_AT, direction: DESC}, first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes {
        databaseId
        environment
        commitOid
        createdAt
        payload
        latestStatus { state createdAt }
        statuses(first: 100) { nodes { state description createdAt } }
      }
    }
  }
}`;
const HISTORY_QUERY = `query DeployReportHistory($owner: String!, $name: String!, $oid: GitObjectID!, $after: String) {
  repository(owner: $owner, name: $name) {
    object(oid: $oid) {
      ... on Commit {
        history(first: 100, after: $after) {
          pageInfo { hasNextPage endCursor }
          nodes { oid committedDate parents(first: 10) { nodes { oid } } }
        }
      }
    }
  }
}`;
/** Every deployment of `environment` that may end in the period or restore one of its failures. */
async function readDeployments(client, repository, environment, period, log) {
    const records = [];
    let after = null;
    for (let page = 1;; page++) {
        const answer = await client.graphql(DEPLOYMENTS_QUERY, {
            ...repository,
            environments: [environment],
            after,
        });
        if (!answer.repository)
            throw new Error(`GitHub has no repository ${repository.owner}/${repository.name}`);
        const { nodes, pageInfo } = answer.repository.deployments;
        for (const node of nodes) {
            if (!node || node.databaseId === null)
                continue;
            records.push({
                id: node.databaseId,
                environment: node.environment ?? environment,
                sha: node.commitOid,
                createdAt: Date.parse(node.createdAt),
                payload: (0,_history_js__WEBPACK_IMPORTED_MODULE_0__/* .parsePayload */ .ex)(node.payload),
                statuses: node.statuses.nodes.map((status) => ({
                    state: status.state.toLowerCase(),
                    description: status.description ?? '',
                    createdAt: Date.parse(status.createdAt),
                })),
            });
        }
        if (!pageInfo.hasNextPage || !pageInfo.endCursor)
            break;
        if (readEnough(records, period))
            break;
        if (page >= MAX_DEPLOYMENT_PAGES) {
            log.warning(`Read ${records.length} deployments of ${environment} (${page} pages) and stopped: older ones are left out.`);
            break;
        }
        after = pageInfo.endCursor;
    }
    return records;
}
/**
 * Enough once the oldest read was created a lookback before `since` and a success before the
 * period (the lead-time base of its first success) is known.
 */
function readEnough(records, period) {
    const oldest = records.at(-1);
    if (!oldest || oldest.createdAt >= period.since - LOOKBACK_MS)
        return false;
    return records.some((record) => {
        const end = (0,_history_js__WEBPACK_IMPORTED_MODULE_0__/* .ended */ .v6)(record);
        return end?.outcome === 'succeeded' && !end.restoration && end.endedAt < period.since;
    });
}
/**
 * The commit graph around `heads` (the deployed commits, newest deployment first): the
 * history of the newest, page by page, until every head is in it; then of any head it did not
 * reach (a deploy from another branch).
 */
async function readCommits(client, repository, heads, log) {
    const graph = new Map();
    const missing = new Set();
    const pending = () => heads.filter((oid) => !graph.has(oid) && !missing.has(oid));
    let pages = 0;
    for (let tip = pending()[0]; tip !== undefined; tip = pending()[0]) {
        let after = null;
        let foundTip = false;
        for (;;) {
            if (pages >= MAX_COMMIT_PAGES) {
                log.warning(`Read ${graph.size} commits (${pages} pages) and stopped: lead times of older deployments are left out.`);
                return graph;
            }
            pages++;
            const answer = await client.graphql(HISTORY_QUERY, {
                ...repository,
                oid: tip,
                after,
            });
            const history = answer.repository?.object?.history;
            if (!history)
                break;
            let fresh = 0;
            for (const node of history.nodes) {
                if (node.oid === tip)
                    foundTip = true;
                if (graph.has(node.oid))
                    continue;
                fresh++;
                graph.set(node.oid, {
                    oid: node.oid,
                    committedAt: Date.parse(node.committedDate),
                    parents: node.parents.nodes.map((parent) => parent.oid),
                });
            }
            // Done when every head is read, or this history runs into commits already read.
            if (pending().length === 0 || fresh === 0 || !history.pageInfo.hasNextPage)
                break;
            after = history.pageInfo.endCursor;
        }
        if (!foundTip)
            missing.add(tip);
    }
    if (missing.size > 0) {
        log.info(`GitHub has no commit ${[...missing].slice(0, 3).join(', ')}${missing.size > 3 ? ' …' : ''}: those deployments have no lead time.`);
    }
    return graph;
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


/***/ })

};
