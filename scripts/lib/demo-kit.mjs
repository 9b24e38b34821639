// What every part of the demo (scripts/demo.mjs) shares: running a bundled action with its log
// streamed as the runner shows it, printing what a user sees (the workflow step, outputs,
// summary), and the checklist and secrets the demo checks at the end. One demo per process.
import { runBundledAction } from '../../__tests__/support/bundle-runner.mjs'
import { lineSplitter } from '../../bin/lib/step-host.mjs'
import { LogTranslator, Masker } from '../../bin/lib/step-log.mjs'

export const bold = (text) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text)
export const dim = (text) => (process.stdout.isTTY ? `\x1b[2m${text}\x1b[0m` : text)

/** @type {Array<{ label: string, ok: boolean, detail: string }>} the closing checklist */
export const checklist = []
export function expectThat(label, ok, detail) {
  checklist.push({ label, ok: Boolean(ok), detail })
}

/** Every step that ran, and every secret the demo gave one, for the leak check at the end. */
export const steps = []
export const secrets = []

/**
 * Prints the step's log as it comes, the way the runner shows it: workflow commands carried out
 * and masked values hidden, by the same translation the flightdeck CLI uses (bin/lib/step-log.mjs).
 */
function streamLog() {
  const translator = new LogTranslator(new Masker())
  const lines = lineSplitter((line) => {
    const shown = translator.line(line)
    if (shown !== undefined) console.log(shown)
  })
  return lines.write
}

/** Runs a bundled action with its log streamed under a heading. */
export async function step(name, action, options) {
  console.log(bold('\n── step log ──'))
  const result = await runBundledAction(action, { ...options, onOutput: streamLog() })
  steps.push({ name, result })
  return result
}

export function showResult(result) {
  console.log(bold('\n── outputs ──'))
  for (const [name, value] of Object.entries(result.outputs)) console.log(`${name}: ${value}`)
  console.log(bold('\n── job summary ──'))
  console.log(result.summary)
}

/** The workflow step as a user writes it. */
export function showUses(action, withLines, condition) {
  const lines = [`  - uses: flightdeck-actions/flightdeck/actions/${action}@v1`]
  if (condition) lines.push(`    if: ${condition}`)
  lines.push('    with:')
  for (const [name, value] of Object.entries(withLines)) {
    const values = value.split('\n')
    if (values.length === 1) lines.push(`      ${name}: ${value}`)
    else lines.push(`      ${name}: |`, ...values.map((line) => `        ${line}`))
  }
  console.log(dim(lines.join('\n')))
}

export const quote = (text) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => `  │ ${line}`)
    .join('\n')

/**
 * The GitHub Deployment a step recorded, as one line: its id, environment and last status.
 * @param {{ deployments: Array<any> }} github the fake GitHub API
 */
export function deploymentState(github, id) {
  const deployment = github.deployments.find((d) => String(d.id) === String(id))
  const latest = deployment?.statuses[0]
  return deployment
    ? `${deployment.id} (${deployment.environment}): ${latest?.state ?? 'no status'}${latest?.description ? `, "${latest.description}"` : ''}`
    : 'none recorded'
}
