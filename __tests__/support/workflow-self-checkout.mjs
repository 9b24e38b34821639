// How flightdeck's reusable workflows run flightdeck's actions at their own commit, as the
// workflow runner (workflow-runner.mjs) models it.
//
// A reusable workflow pinned by a commit SHA would still run `flightdeck/actions/x@v1` if its
// steps named the actions by tag. So each job that runs flightdeck actions starts with a step
// (id `flightdeck`) that checks the workflow's own repository out at the workflow's own commit
// (`job.workflow_repository`, `job.workflow_sha`) beside the workspace, in ../__flightdeck__,
// and its steps use `./../__flightdeck__/actions/<name>` (the layout SLSA's reusable builders
// use). Beside, not inside: the caller's checkout in the workspace is what gets deployed.
//
// The runner does not run that step (it fetches from GitHub); it checks that the step is given
// this job's repository and commit, and from then on resolves `./../__flightdeck__/actions/<name>`
// to this repository's actions/<name>, whose committed bundles it runs.

/** Where the step checks flightdeck out, relative to the workspace. */
export const CHECKOUT_DIR = '../__flightdeck__'

/** The id of the step that checks flightdeck out. */
export const CHECKOUT_STEP_ID = 'flightdeck'

/** The repository `flightdeck-actions/flightdeck/...@ref` names. */
export const FLIGHTDECK_REPOSITORY = 'flightdeck-actions/flightdeck'

/**
 * The commit a tag or branch (`@v1`, `@main`) stands for in a run: the runner has no git, so
 * one fixed SHA plays "the commit v1 points to". A full SHA in `uses:` is that SHA.
 */
export const RELEASE_SHA = '5f1e0c3a9b7d2468ace013579bdf2468ace01357'

const TAGGED_ACTION =
  /^(?:flightdeck-actions\/flightdeck\/actions\/|\.\/actions\/)([\w-]+)(?:@[\w./-]+)?$/
const CHECKED_OUT_ACTION = /^\.\/\.\.\/__flightdeck__\/actions\/([\w-]+)$/
const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/

/**
 * The flightdeck action a step's `uses:` names: by tag or from this repository
 * (`flightdeck-actions/flightdeck/actions/<name>@v1`, `./actions/<name>`), or from the checkout
 * of flightdeck at the workflow's commit (`./../__flightdeck__/actions/<name>`).
 * @param {string | undefined} uses
 * @returns {{ name: string, fromCheckout: boolean } | undefined}
 */
export function flightdeckAction(uses) {
  if (typeof uses !== 'string') return undefined
  const checkedOut = CHECKED_OUT_ACTION.exec(uses)?.[1]
  if (checkedOut) return { name: checkedOut, fromCheckout: true }
  const tagged = TAGGED_ACTION.exec(uses)?.[1]
  return tagged ? { name: tagged, fromCheckout: false } : undefined
}

/**
 * @typedef {object} JobWorkflow what `job.workflow_*` says in a job
 * @property {string} repository owner/name of the repository holding the job's workflow file
 * @property {string} sha the commit of that file
 * @property {string} ref `owner/name/.github/workflows/<file>@<ref>`
 * @property {string} filePath `.github/workflows/<file>`
 */

/**
 * `job.workflow_*` for the jobs of the workflow the run starts from: the caller's own.
 * @param {Record<string, unknown>} github
 * @param {string} file
 * @returns {JobWorkflow}
 */
export function topLevelJobWorkflow(github, file) {
  const repository = String(github.repository)
  const filePath = `.github/workflows/${file}`
  return {
    repository,
    sha: String(github.sha),
    ref: `${repository}/${filePath}@${github.ref}`,
    filePath,
  }
}

/**
 * `job.workflow_*` for the jobs of a called workflow: flightdeck's at the ref `uses:` names
 * (a full SHA, or RELEASE_SHA for a tag), or the caller's repository and commit for
 * `./.github/workflows/<file>` (the same commit as the caller, as on GitHub).
 * @param {string} uses
 * @param {string} file
 * @param {JobWorkflow} caller
 * @returns {JobWorkflow}
 */
export function calledJobWorkflow(uses, file, caller) {
  const filePath = `.github/workflows/${file}`
  if (uses.startsWith('./')) {
    return {
      repository: caller.repository,
      sha: caller.sha,
      ref: `${caller.repository}/${filePath}@${caller.ref.split('@').pop()}`,
      filePath,
    }
  }
  const ref = uses.slice(uses.lastIndexOf('@') + 1)
  return {
    repository: FLIGHTDECK_REPOSITORY,
    sha: FULL_SHA.test(ref) ? ref : RELEASE_SHA,
    ref: `${FLIGHTDECK_REPOSITORY}/${filePath}@${FULL_SHA.test(ref) ? ref : `refs/tags/${ref}`}`,
    filePath,
  }
}

/**
 * The `job` context: status, and the workflow identity GitHub gives every job.
 * @param {string} status
 * @param {JobWorkflow} workflow
 */
export function jobContext(status, workflow) {
  return {
    status: status === 'success' ? 'success' : 'failure',
    workflow_repository: workflow.repository,
    workflow_sha: workflow.sha,
    workflow_ref: workflow.ref,
    workflow_file_path: workflow.filePath,
  }
}

/**
 * Whether a step is the one that checks flightdeck out (only in flightdeck's own workflows).
 * @param {Record<string, unknown>} step
 */
export function isCheckoutStep(step) {
  return step.id === CHECKOUT_STEP_ID && typeof step.run === 'string'
}

/**
 * Checks the checkout step is given this job's workflow repository and commit (the
 * expressions that pick them are the point; the fetch itself is tested on its own) and
 * returns what it would check out.
 * @param {Record<string, string>} env the step's evaluated env
 * @param {JobWorkflow} workflow
 * @param {string} where
 * @param {(message: string) => Error} fail
 */
export function checkCheckoutStep(env, workflow, where, fail) {
  const repository = env.FLIGHTDECK_REPOSITORY
  const sha = env.FLIGHTDECK_SHA
  if (repository !== workflow.repository || sha !== workflow.sha) {
    throw fail(
      `${where}: checks out ${repository}@${sha}, but this job's workflow is ${workflow.repository}@${workflow.sha} (FLIGHTDECK_REPOSITORY and FLIGHTDECK_SHA must come from job.workflow_repository and job.workflow_sha)`,
    )
  }
  return { repository, sha }
}

/**
 * The error for a step that uses the checkout before the job has checked flightdeck out.
 * @param {string} uses
 * @param {string} where
 */
export function notCheckedOutMessage(uses, where) {
  return `${where}: uses ${uses} before the step with id ${CHECKOUT_STEP_ID} has checked flightdeck out into ${CHECKOUT_DIR}`
}
