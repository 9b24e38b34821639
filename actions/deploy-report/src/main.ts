import * as core from '../../../shared/runner-protocol.js'
import { setOutputs } from '../../../shared/outputs.js'
import { appendSummary } from '../../../shared/summary.js'
import { runMain } from '../../../shared/action-main.js'
import { plural } from '../../../shared/text.js'
import { readDeployReportInputs } from './inputs.js'

async function main(): Promise<void> {
  // Every input is checked before the first request.
  const inputs = readDeployReportInputs()
  const { owner, name } = inputs.repository
  const { since, until } = inputs.period
  core.info(
    `Delivery figures of ${owner}/${name} (${inputs.environments.join(', ')}) from ${new Date(since).toISOString()} to ${new Date(until).toISOString()}.`,
  )
  // Octokit and the report code load only once the inputs are good.
  const { githubClient } = await import('../../../shared/github/client.js')
  const { readCommits, readDeployments } = await import('../../../shared/report/fetch.js')
  const { environmentFigures, leadTimeHeads } = await import('../../../shared/report/figures.js')
  const { buildReport, headlineOutputs } = await import('../../../shared/report/report.js')
  const client = githubClient(inputs.token)
  const log = {
    info: (message: string) => core.info(message),
    warning: (message: string) => core.warning(message, { title: 'deploy-report' }),
  }

  const records = new Map<string, Awaited<ReturnType<typeof readDeployments>>>()
  for (const environment of inputs.environments) {
    const read = await readDeployments(client, inputs.repository, environment, inputs.period, log)
    core.info(`${environment}: read ${plural(read.length, 'deployment')}.`)
    records.set(environment, read)
  }
  const heads = [...records.values()].flatMap((list) => leadTimeHeads(list, inputs.period))
  const graph = await readCommits(client, inputs.repository, [...new Set(heads)], log)
  core.info(`Read ${plural(graph.size, 'commit')}.`)

  const report = buildReport(
    `${owner}/${name}`,
    inputs.period,
    inputs.environments.map((environment) =>
      environmentFigures(environment, records.get(environment) ?? [], graph, inputs.period),
    ),
  )
  const outputs = headlineOutputs(report)
  setOutputs(outputs)
  for (const entry of report.environments) {
    const { counts } = entry
    core.info(
      `${entry.environment}: ${plural(counts.deployments, 'deployment')} (${counts.succeeded} succeeded, ${counts.failed} failed, ${counts.rolledBack} rolled back, ${counts.inProgress} in progress).`,
    )
    if (entry.missingCommits > 0) {
      core.warning(
        `${entry.environment}: GitHub gave no commit for ${plural(entry.missingCommits, 'successful deployment')}; ${entry.missingCommits === 1 ? 'it is' : 'they are'} left out of the lead time.`,
        { title: 'deploy-report' },
      )
    }
  }
  if (inputs.format === 'summary') {
    const { reportMarkdown } = await import('../../../shared/report/summary.js')
    await appendSummary(reportMarkdown(report))
  }
}

/** The whole action, failure handling included: what the runner, local-action and tests run. */
export function run(): Promise<void> {
  return runMain(main)
}
