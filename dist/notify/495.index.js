export const id = 495;
export const ids = [495];
export const modules = {

/***/ 9495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  stickyMarker: () => (/* binding */ stickyMarker),
  upsertStickyComment: () => (/* binding */ upsertStickyComment)
});

// UNUSED EXPORTS: tokenLogin, writtenBy

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
    return redactText((0,secret_registry/* replaceSecrets */.Et)(text));
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
    return replaceSecrets(text, secrets) === text ? text : undefined;
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

;// CONCATENATED MODULE: ./shared/github/sticky-comment.ts

// GitHub's limit on a comment body is 65536 characters.
const MAX_BODY = 65_000;
const PER_PAGE = 100;
/**
 * The hidden line that marks flightdeck's comment for `key` (e.g. `preview:web-pr-12`). Only
 * letters, digits and `:._/-` survive, so the marker cannot close the HTML comment early.
 */
function stickyMarker(key) {
    return `<!-- flightdeck:${key.replace(/[^A-Za-z0-9:._/-]/g, '_')} -->`;
}
/**
 * The body as it may be published: everyone with read access sees a comment, and nothing masks
 * what an API stores, so it goes through the log's redaction (every registered secret) and
 * loses URL credentials, as a Deployment description does.
 */
function withMarker(marker, body) {
    const text = `${marker}\n${publishableText(body)}`;
    return text.length <= MAX_BODY ? text : `${text.slice(0, MAX_BODY - 20)}\n\n…(cut)`;
}
/** Ours when the marker is the first line: a reply that quotes it (`> <!-- ... -->`) is not. */
function hasMarker(body, marker) {
    return (body ?? '').split(/\r?\n/, 1)[0] === marker;
}
/**
 * Whether `user` is the account the token writes as. GitHub lets the job token edit ANY comment
 * in the repository, so the marker alone proves nothing: a person can paste it. An app's token
 * (the job token is the GitHub Actions app) writes as `<slug>[bot]`, of type Bot; a personal
 * token writes as its owner. A person's comment is never the job token's.
 */
function writtenBy(user, author) {
    if (!user?.login)
        return false;
    if (user.login.toLowerCase() !== author.toLowerCase())
        return false;
    return author.endsWith('[bot]') ? user.type === 'Bot' : user.type !== 'Bot';
}
/**
 * The login the token writes as: GraphQL's `viewer`, which answers for the job token, app
 * installation tokens and personal tokens alike (REST `GET /user` refuses app tokens).
 */
async function tokenLogin(client, signal) {
    const answer = await client.graphql('query flightdeckViewer { viewer { login } }', { request: { signal } });
    const login = answer.viewer?.login;
    if (typeof login !== 'string' || login === '') {
        throw new Error('GitHub did not say which account the token writes as (viewer.login)');
    }
    return login;
}
async function findOurs(client, context, target, marker, author, signal) {
    const { owner, repo } = context;
    const request = { signal };
    // Newest pages last: read every page (100 a request), so a PR with 250 comments is 3 calls.
    const pages = target.kind === 'issue'
        ? client.paginate.iterator(client.rest.issues.listComments, {
            owner,
            repo,
            issue_number: target.number,
            per_page: PER_PAGE,
            request,
        })
        : client.paginate.iterator(client.rest.repos.listCommentsForCommit, {
            owner,
            repo,
            commit_sha: target.sha,
            per_page: PER_PAGE,
            request,
        });
    // The oldest one the token's own account wrote wins: it is the one people have seen and
    // linked to. Anyone else's comment that starts with the marker (pasted, or planted to be
    // taken over) is left alone.
    for await (const page of pages) {
        for (const comment of page.data) {
            if (hasMarker(comment.body, marker) && writtenBy(comment.user, author))
                return comment.id;
        }
    }
    return undefined;
}
/** Whether the comment `id` is still there, carries the marker and was written by `author`. */
async function stillOurs(client, context, target, id, marker, author, signal) {
    const { owner, repo } = context;
    try {
        const { data } = target.kind === 'issue'
            ? await client.rest.issues.getComment({ owner, repo, comment_id: id, request: { signal } })
            : await client.rest.repos.getCommitComment({
                owner,
                repo,
                comment_id: id,
                request: { signal },
            });
        return hasMarker(data.body, marker) && writtenBy(data.user, author);
    }
    catch (err) {
        // Deleted by someone since: look for another, or start again.
        if (isNotFound(err))
            return false;
        throw err;
    }
}
async function update(client, context, target, id, body, signal) {
    const { owner, repo } = context;
    const request = { signal };
    const { data } = target.kind === 'issue'
        ? await client.rest.issues.updateComment({ owner, repo, comment_id: id, body, request })
        : await client.rest.repos.updateCommitComment({ owner, repo, comment_id: id, body, request });
    return { id: data.id, url: data.html_url, created: false, author: data.user?.login };
}
function isNotFound(err) {
    return err?.status === 404;
}
/**
 * Creates the comment marked `marker` on `target`, or updates the token's own one already
 * there: a known id is read and updated only when it is still the token's own and marked;
 * otherwise the conversation is read page by page (100 comments each) for it. A comment anyone
 * else wrote is never edited, whatever it says.
 */
async function upsertStickyComment(client, context, target, marker, body, options = {}) {
    const { signal } = options;
    const text = withMarker(marker, body);
    const author = options.author ?? (await tokenLogin(client, signal));
    if (options.knownId !== undefined &&
        (await stillOurs(client, context, target, options.knownId, marker, author, signal))) {
        return update(client, context, target, options.knownId, text, signal);
    }
    const existing = await findOurs(client, context, target, marker, author, signal);
    if (existing !== undefined)
        return update(client, context, target, existing, text, signal);
    const { owner, repo } = context;
    const request = { signal };
    const { data } = target.kind === 'issue'
        ? await client.rest.issues.createComment({
            owner,
            repo,
            issue_number: target.number,
            body: text,
            request,
        })
        : await client.rest.repos.createCommitComment({
            owner,
            repo,
            commit_sha: target.sha,
            body: text,
            request,
        });
    return { id: data.id, url: data.html_url, created: true, author: data.user?.login };
}


/***/ })

};
