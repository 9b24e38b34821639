export const id = 596;
export const ids = [596];
export const modules = {

/***/ 9596:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Yy: () => (/* binding */ createDeployment),
/* harmony export */   gs: () => (/* binding */ environmentDeployments),
/* harmony export */   jG: () => (/* binding */ liveEarlierDeployments),
/* harmony export */   latestDeployment: () => (/* binding */ latestDeployment),
/* harmony export */   latestDeploymentStatus: () => (/* binding */ latestDeploymentStatus),
/* harmony export */   setDeploymentStatus: () => (/* binding */ setDeploymentStatus)
/* harmony export */ });
/* unused harmony exports MAX_DEPLOYMENTS_PER_QUERY, ENVIRONMENT_DEPLOYMENTS_QUERY */
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6335);

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


/***/ })

};
