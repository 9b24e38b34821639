export const id = 768;
export const ids = [768];
export const modules = {

/***/ 4768:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  latestDeploymentStatus: () => (/* binding */ latestDeploymentStatus),
  setDeploymentStatus: () => (/* binding */ setDeploymentStatus)
});

// UNUSED EXPORTS: ENVIRONMENT_DEPLOYMENTS_QUERY, MAX_DEPLOYMENTS_PER_QUERY, createDeployment, environmentDeployments, latestDeployment, liveEarlierDeployments

// EXTERNAL MODULE: ./shared/secret-registry.ts
var secret_registry = __webpack_require__(6982);
// EXTERNAL MODULE: ./shared/secrets.ts
var secrets = __webpack_require__(5931);
;// CONCATENATED MODULE: ./shared/github/redact.ts
// What may be published: what flightdeck sends to GitHub to be shown to everyone with read
// access (comments, deployment descriptions, environment URLs, payloads) is cleaned here first:
// the runner masks secrets in logs, but nothing masks what an API stores. Secrets are replaced by
// the one secret registry's function (shared/secret-registry.ts), with its one threshold.


/** GitHub's limit for deployment and deployment status descriptions, in characters. */
const DESCRIPTION_LIMIT = 140;
// Query parameters named like credentials (`?token=`, `&api_key=`, `X-Amz-Signature=`, `sig=`).
function isSensitiveParameter(name) {
    return (0,secrets/* isSensitiveHeader */.yx)(name) || /^(sig|code|jwt|pass|pwd)$/i.test(name);
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
    return (0,secret_registry/* replaceSecrets */.Et)(text, secrets).replace(URL_IN_TEXT, (url) => redactUrl(url));
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
function redact_deploymentDescription(text, secrets = []) {
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
    return (0,secret_registry/* replaceSecrets */.Et)(text, secrets) === text ? text : undefined;
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

;// CONCATENATED MODULE: ./shared/github/deployments.ts

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
        description: deploymentDescription(deployment.description),
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
    const url = environmentUrl(status.environmentUrl);
    await client.rest.repos.createDeploymentStatus({
        owner: context.owner,
        repo: context.repo,
        deployment_id: deploymentId,
        state: status.state,
        description: redact_deploymentDescription(status.description),
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
const ENVIRONMENT_DEPLOYMENTS_QUERY = (/* unused pure expression or super */ null && (`query EnvironmentDeployments($owner: String!, $name: String!, $environments: [String!], $first: Int!) {
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
}`));
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
