export const id = 853;
export const ids = [853];
export const modules = {

/***/ 7853:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   stickyMarker: () => (/* binding */ stickyMarker),
/* harmony export */   upsertStickyComment: () => (/* binding */ upsertStickyComment)
/* harmony export */ });
/* unused harmony exports writtenBy, tokenLogin */
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6335);

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
    const text = `${marker}\n${(0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .publishableText */ .RN)(body)}`;
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
