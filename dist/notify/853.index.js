export const id = 853;
export const ids = [853];
export const modules = {

/***/ 7853:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   stickyMarker: () => (/* binding */ stickyMarker),
/* harmony export */   upsertStickyComment: () => (/* binding */ upsertStickyComment)
/* harmony export */ });
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
function withMarker(marker, body) {
    const text = `${marker}\n${body}`;
    return text.length <= MAX_BODY ? text : `${text.slice(0, MAX_BODY - 20)}\n\n…(cut)`;
}
/** Ours when the marker is the first line: a reply that quotes it (`> <!-- ... -->`) is not. */
function hasMarker(body, marker) {
    return (body ?? '').split(/\r?\n/, 1)[0] === marker;
}
async function findByMarker(client, context, target, marker) {
    const { owner, repo } = context;
    // Newest pages last: read every page (100 a request), so a PR with 250 comments is 3 calls.
    const pages = target.kind === 'issue'
        ? client.paginate.iterator(client.rest.issues.listComments, {
            owner,
            repo,
            issue_number: target.number,
            per_page: PER_PAGE,
        })
        : client.paginate.iterator(client.rest.repos.listCommentsForCommit, {
            owner,
            repo,
            commit_sha: target.sha,
            per_page: PER_PAGE,
        });
    // The oldest match by an app (github-actions[bot] is the job token's author) wins: it is the
    // one people have seen and linked to. A person's comment that starts with the marker (pasted,
    // or planted) is taken only when no app wrote one, and if the token may not edit it, a new
    // comment is made instead (see upsertStickyComment).
    let byPerson;
    for await (const page of pages) {
        for (const comment of page.data) {
            if (!hasMarker(comment.body, marker))
                continue;
            if (comment.user?.type === 'Bot')
                return comment.id;
            byPerson ??= comment.id;
        }
    }
    return byPerson;
}
async function update(client, context, target, id, body) {
    const { owner, repo } = context;
    const { data } = target.kind === 'issue'
        ? await client.rest.issues.updateComment({ owner, repo, comment_id: id, body })
        : await client.rest.repos.updateCommitComment({ owner, repo, comment_id: id, body });
    return { id: data.id, url: data.html_url, created: false };
}
function isNotFound(err) {
    return err?.status === 404;
}
/** GitHub's answer when the token may not edit a comment: someone else wrote it. */
function isForbidden(err) {
    return err?.status === 403;
}
/**
 * Creates the comment marked `marker` on `target`, or updates the one already there: with a
 * known id that still exists, one request; otherwise the conversation is read page by page
 * (100 comments each) until the marker is found.
 */
async function upsertStickyComment(client, context, target, marker, body, options = {}) {
    const text = withMarker(marker, body);
    if (options.knownId !== undefined) {
        try {
            return await update(client, context, target, options.knownId, text);
        }
        catch (err) {
            // Deleted by someone since: look for another, or start again.
            if (!isNotFound(err) && !isForbidden(err))
                throw err;
        }
    }
    const existing = await findByMarker(client, context, target, marker);
    if (existing !== undefined && existing !== options.knownId) {
        try {
            return await update(client, context, target, existing, text);
        }
        catch (err) {
            // A person's comment carrying the marker: leave it, and write ours.
            if (!isForbidden(err))
                throw err;
        }
    }
    const { owner, repo } = context;
    const { data } = target.kind === 'issue'
        ? await client.rest.issues.createComment({
            owner,
            repo,
            issue_number: target.number,
            body: text,
        })
        : await client.rest.repos.createCommitComment({
            owner,
            repo,
            commit_sha: target.sha,
            body: text,
        });
    return { id: data.id, url: data.html_url, created: true };
}


/***/ })

};
