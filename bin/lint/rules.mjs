// What `flightdeck lint` finds: the deployment defects every seed team hand-wrote, each with the
// flightdeck piece that replaces it. Decided by a workflow's content, never by its file name.
// Messages are built from fixed text and the few words the patterns matched (a command, a
// number, an action reference of safe characters), never from free text of the file.
import { commandsOf, deployCommand, httpProbe, sleepSeconds } from './shell.mjs'

/**
 * @typedef {'error' | 'warning'} Severity
 * @typedef {object} Finding
 * @property {number} line
 * @property {string} rule
 * @property {Severity} severity
 * @property {string} message
 * @property {string} suggestion
 */

const FD = 'flightdeck-actions/flightdeck'

/** The rules, by id, with what each replaces it with (also the docs' table). */
export const RULES = {
  'sleep-health-check': `health-check (${FD}/actions/health-check@v1: polls until healthy, within a time limit), or health-url on ${FD}/.github/workflows/deploy.yml@v1`,
  'redeploy-rollback': `rollback (${FD}/actions/rollback@v1 returns to the last good release: flyctl deploy --image <its image>, wrangler rollback, vercel rollback), or auto-rollback on deploy.yml`,
  'workflow-run-rollback': `auto-rollback: true on ${FD}/.github/workflows/deploy.yml@v1 rolls back in the same job, as soon as the health check fails`,
  'repeated-pr-comment': `preview-app's sticky comment (${FD}/.github/workflows/preview.yml@v1): one comment, updated on every push, marked torn down on close`,
  'unchecked-deploy': `gated-deploy (${FD}/actions/gated-deploy@v1) or deploy.yml with health-url: deploy, health check and automatic rollback in one step`,
  'branch-pinned-action':
    'pin a release tag or a commit SHA (zizmor unpinned-uses owns this); flightdeck setup installs deploy CLIs at pinned, checksum-verified versions',
  'untrusted-input-in-run':
    'pass it through env: and use "$NAME" in the script (actionlint and zizmor own this check)',
}

const FAILURE_PATH = /failure\(\)|conclusion\s*==\s*['"]failure['"]/
const ROLLBACK_WORDS = /roll[\s_-]?back|revert/i
const UNTRUSTED =
  /\$\{\{\s*(github\.head_ref|github\.event\.pull_request\.(?:title|body|head\.ref|head\.label)|github\.event\.head_commit\.message)\s*\}\}/g
/** Actions that check health (flightdeck's, and others with "health" in their name). */
const HEALTH_ACTION = /(?:^|\/)(?:health-check|gated-deploy|rollback)@|health/i

/**
 * @param {import('./workflow.mjs').Workflow} workflow
 * @returns {Finding[]}
 */
export function lintWorkflow(workflow) {
  /** @type {Finding[]} */
  const findings = []
  /** @param {number} line @param {keyof typeof RULES} rule @param {string} message @param {Severity} [severity] */
  const report = (line, rule, message, severity = 'error') =>
    findings.push({ line, rule, severity, message, suggestion: RULES[rule] })
  const triggers = workflow.triggers
  const onWorkflowRun = triggers.has('workflow_run')
  const onPullRequest = triggers.has('pull_request') || triggers.has('pull_request_target')
  const allScripts = workflow.jobs.flatMap((job) =>
    job.steps.flatMap((step) => [step.run?.text ?? '', ...Object.values(step.with)]),
  )
  const updatesComments = allScripts.some((text) =>
    /updateComment|listComments|--edit-last|-X\s*PATCH|--request\s+PATCH/.test(text),
  )
  let rollbackWorkflow = false

  for (const job of workflow.jobs) {
    const jobRollback =
      ROLLBACK_WORDS.test(`${job.id} ${job.name}`) || FAILURE_PATH.test(job.if ?? '')
    /** Deploys of this job not yet followed by a health check: [line, cli]. */
    /** @type {Array<{ line: number, cli: string }>} */
    let unchecked = []
    let deploysHere = false
    /** The sleep that ended the previous step's script, waiting for the next step's probe. */
    /** @type {{ line: number, seconds: number } | undefined} */
    let pendingSleep

    for (const step of job.steps) {
      // A failure path: a job or step that runs when something failed (failure(), a
      // workflow_run whose conclusion is failure), or one named as a rollback. A workflow_run
      // that deploys after a green CI run is not one.
      const inRollback =
        jobRollback || FAILURE_PATH.test(step.if ?? '') || ROLLBACK_WORDS.test(step.name)
      // A rollback workflow: one that says so, or deploys or rolls back on a failure path.
      if (ROLLBACK_WORDS.test(`${job.id} ${job.name} ${step.name}`)) rollbackWorkflow = true

      // A sleep that ended the previous step counts only if this step probes first.
      let waiting = pendingSleep
      pendingSleep = undefined
      if (step.uses) {
        const ref = step.uses
        if (HEALTH_ACTION.test(ref)) unchecked = []
        const action = deployAction(ref, step.with)
        if (action) {
          deploysHere = true
          unchecked.push({ line: step.line, cli: action })
        }
        waiting = undefined
      }

      const script = step.run
      if (script) {
        const commands = commandsOf(script.text)
        for (let i = 0; i < commands.length; i++) {
          const command = /** @type {import('./shell.mjs').Command} */ (commands[i])
          const line = script.lineOf(command.line)
          const probe = httpProbe(command.text)
          if (waiting && (probe || deployCommand(command.text))) {
            if (probe) reportSleep(waiting, probe)
            waiting = undefined
          }
          if (probe) unchecked = []
          const seconds = sleepSeconds(command.text)
          if (seconds !== undefined && !command.inLoop) {
            const next = commands
              .slice(i + 1)
              .find((c) => httpProbe(c.text) || deployCommand(c.text))
            if (next && httpProbe(next.text))
              reportSleep({ line, seconds }, /** @type {string} */ (httpProbe(next.text)))
            else if (!next) pendingSleep = { line, seconds }
          }
          const deploy = deployCommand(command.text)
          if (inRollback && (deploy || /\brollback\b/.test(command.text))) rollbackWorkflow = true
          if (!deploy) continue
          deploysHere = true
          const relabel = deploy.imageLabel && (inRollback || deploy.imageLabel === 'previous')
          if (relabel || (inRollback && !deploy.image)) {
            report(
              line,
              'redeploy-rollback',
              relabel
                ? `\`flyctl deploy --image-label ${safeWord(deploy.imageLabel ?? '')}\` builds the current code again and ships it under that label: it does not return to an earlier release`
                : `\`${deploy.cli}\` on a failure path deploys the code again instead of returning to the release that worked`,
            )
            continue
          }
          // A deploy of an earlier image on a failure path is a rollback: the rollback rules
          // judge it, gated-deploy is not its replacement.
          if (!inRollback) unchecked.push({ line, cli: deploy.cli })
        }
      }

      if (onPullRequest && !updatesComments) {
        for (const [key, value] of Object.entries(step.withScripts)) {
          if (key !== 'script' || !/github-script/.test(step.uses ?? '')) continue
          const index = value.text.split('\n').findIndex((l) => /\.createComment\s*\(/.test(l))
          if (index >= 0) {
            report(
              value.lineOf(index),
              'repeated-pr-comment',
              'issues.createComment on every pull_request run posts a new comment each push: the pull request fills with stale ones',
            )
          }
        }
        if (script) {
          const lines = script.text.split('\n')
          lines.forEach((text, index) => {
            const gh = /\bgh\s+pr\s+comment\b/.test(text)
            const rest =
              /\bcurl\b.*\/issues\/[^/\s]+\/comments\b/.test(text) &&
              !/\bPATCH\b|-X\s*GET/.test(text)
            if (gh || rest) {
              report(
                script.lineOf(index),
                'repeated-pr-comment',
                `${gh ? '`gh pr comment`' : 'a POST to /issues/{n}/comments'} on every pull_request run posts a new comment each push: the pull request fills with stale ones`,
              )
            }
          })
        }
      }

      if (script) {
        for (const [index, text] of script.text.split('\n').entries()) {
          for (const match of text.matchAll(UNTRUSTED)) {
            report(
              script.lineOf(index),
              'untrusted-input-in-run',
              `\`\${{ ${match[1]} }}\` is pasted into the script before the shell runs it: a branch name or title can run code`,
              'warning',
            )
          }
        }
      }
    }

    for (const deploy of unchecked) {
      report(
        deploy.line,
        'unchecked-deploy',
        `\`${deploy.cli}\` and nothing checks the release afterwards in this job: a broken release stays live`,
      )
    }
    const deployJob =
      deploysHere || jobRollback || /deploy|release|prod/i.test(`${job.id} ${job.name}`)
    if (deployJob) {
      for (const step of job.steps) {
        const pinned = /^([\w.-]+\/[\w./-]+)@(master|main)$/.exec(step.uses ?? '')
        if (pinned) {
          report(
            step.usesLine ?? step.line,
            'branch-pinned-action',
            `\`${pinned[0]}\` runs whatever its ${pinned[2]} branch holds at run time, in a job that deploys`,
            'warning',
          )
        }
      }
    }
  }

  if (onWorkflowRun && rollbackWorkflow) {
    report(
      workflow.triggers.get('workflow_run') ?? 1,
      'workflow-run-rollback',
      'a separate rollback workflow started by workflow_run runs minutes after the failed deploy, in another job with another checkout, while the broken release serves',
    )
  }
  return findings.sort((a, b) => a.line - b.line)

  /** @param {{ line: number, seconds: number }} sleep @param {string} probe */
  function reportSleep(sleep, probe) {
    report(
      sleep.line,
      'sleep-health-check',
      `\`sleep ${sleep.seconds}\` then \`${probe}\`: a health check that waits ${sleep.seconds} s whatever happens, then asks once`,
    )
  }
}

/** A deploy done by a known third-party action, named as lint reports it. */
function deployAction(uses, withValues) {
  const ref = uses.toLowerCase()
  if (ref.startsWith('cloudflare/wrangler-action@')) {
    const command = withValues.command ?? 'deploy'
    return /\b(?:deploy|publish)\b/.test(command) && !/rollback/.test(command)
      ? 'wrangler deploy'
      : undefined
  }
  if (ref.startsWith('amondnet/vercel-action@')) {
    return /--prod\b/.test(withValues['vercel-args'] ?? '') ? 'vercel deploy --prod' : undefined
  }
  if (/^superfly\/flyctl-actions@/.test(ref)) {
    return /^deploy\b/.test((withValues.args ?? '').trim()) ? 'flyctl deploy' : undefined
  }
  return undefined
}

/** A word matched from the file, shown only when it is made of safe characters. */
function safeWord(text) {
  return /^[\w.:-]{1,40}$/.test(text) ? text : '…'
}
