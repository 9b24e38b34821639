import { ActionFailure, errorMessage } from '../../../shared/errors.js'
import { formatDuration } from '../../../shared/durations.js'
import { runContext } from '../../../shared/github/context.js'
import {
  configuredChannels,
  deliverAll,
  type ChannelResult,
} from '../../../shared/notify/deliver.js'
import { readEventFacts } from '../../../shared/github/event.js'
import { buildMessage, headline, type NotifyMessage } from '../../../shared/notify/message.js'
import { readRecord, summarizeRecord, type RecordSummary } from '../../../shared/notify/record.js'
import { CHANNEL_INPUTS, type ChannelName } from '../../../shared/notify/registry.js'
import { retryPolicy } from '../../../shared/notify/retry.js'
import { setOutputs } from '../../../shared/outputs.js'
import { runMain } from '../../../shared/action-main.js'
import * as core from '../../../shared/runner-protocol.js'
import { appendSummary, code, escapeMarkdown, markdownTable } from '../../../shared/summary.js'
import { readNotifyInputs } from './inputs.js'

const OUTCOME_MARK: Record<ChannelResult['outcome'], string> = {
  sent: '✅ sent',
  failed: '❌ failed',
  skipped: '⏭️ nothing to send',
}

interface NotifyOutputs {
  sent: string
  failed: string
  'slack-ts': string
  'slack-channel-id': string
}

function publish(outputs: NotifyOutputs): void {
  setOutputs({ ...outputs })
}

function summaryMarkdown(message: NotifyMessage, results: ChannelResult[]): string {
  const rows = results.map((result) => [
    result.channel,
    OUTCOME_MARK[result.outcome],
    code(result.detail),
    result.outcome === 'skipped'
      ? ''
      : `${result.attempts} in ${formatDuration(result.durationMs)}`,
  ])
  return `### ${message.style.emoji} notify: ${escapeMarkdown(message.title)}\n\n${markdownTable(
    ['channel', 'result', 'detail', 'attempts'],
    rows,
  )}\n`
}

function readDeploymentRecord(path: string | undefined): RecordSummary | undefined {
  if (!path) return undefined
  try {
    return summarizeRecord(readRecord(path))
  } catch (err) {
    core.warning(`The message goes out without the deployment's facts: ${errorMessage(err)}`, {
      title: 'notify: deployment-record',
    })
    return undefined
  }
}

async function main(): Promise<void> {
  const { inputs, channels, onlyOn } = readNotifyInputs()
  const policy = retryPolicy(inputs.timeout)
  const status = inputs.status

  if (onlyOn.length > 0 && !onlyOn.includes(status)) {
    const why = `status ${status} is not in only-on (${onlyOn.join(', ')})`
    core.info(`Nothing sent: ${why}.`)
    publish({ sent: '', failed: '', 'slack-ts': '', 'slack-channel-id': '' })
    await appendSummary(`### notify: nothing sent\n\n${escapeMarkdown(why)}.\n`)
    return
  }

  const names = configuredChannels(channels)
  if (names.length === 0) {
    core.warning(
      `No channel is configured, so nothing was sent. Set at least one of: ${CHANNEL_INPUTS}.`,
      { title: 'notify: no channel configured' },
    )
    publish({ sent: '', failed: '', 'slack-ts': '', 'slack-channel-id': '' })
    await appendSummary(
      `### notify: no channel configured\n\nNothing was sent. Set at least one of: ${escapeMarkdown(CHANNEL_INPUTS)}.\n`,
    )
    return
  }

  const message = buildMessage({
    status,
    title: inputs.title,
    text: inputs.message,
    environment: inputs.environment,
    version: inputs.version,
    url: inputs.url,
    fields: inputs.fields,
    mentions: inputs['mention-on-failure'],
    context: runContext(),
    event: readEventFacts(process.env.GITHUB_EVENT_PATH),
    workflow: process.env.GITHUB_WORKFLOW,
    refName: process.env.GITHUB_HEAD_REF || process.env.GITHUB_REF_NAME || undefined,
    record: readDeploymentRecord(inputs['deployment-record']),
  })

  core.info(
    `Sending "${headline(message)}" to ${names.join(', ')} (within ${formatDuration(inputs.timeout)}).`,
  )
  const results = await deliverAll(channels, message, policy, (channel, line) =>
    core.info(`${channel}: ${line}`),
  )

  const failOnError = inputs['fail-on-error']
  for (const result of results) {
    if (result.outcome === 'sent') core.info(`✓ ${result.channel}: ${result.detail}`)
    else if (result.outcome === 'skipped') core.info(`· ${result.channel}: ${result.detail}`)
    else if (failOnError) core.info(`✗ ${result.channel}: ${result.detail}`)
    else {
      core.warning(`${result.channel}: ${result.detail}`, {
        title: `notify: ${result.channel} not delivered`,
      })
    }
  }
  const named = (outcome: ChannelResult['outcome']): ChannelName[] =>
    results.filter((result) => result.outcome === outcome).map((result) => result.channel)
  const failed = named('failed')
  const slack = results.find((result) => result.slackTs)
  publish({
    sent: named('sent').join(','),
    failed: failed.join(','),
    'slack-ts': slack?.slackTs ?? '',
    'slack-channel-id': slack?.slackChannelId ?? '',
  })
  await appendSummary(summaryMarkdown(message, results))

  if (failed.length > 0 && failOnError) {
    const why = results
      .filter((result) => result.outcome === 'failed')
      .map((result) => `${result.channel} (${result.detail})`)
      .join('; ')
    throw new ActionFailure(
      `Not delivered to ${failed.join(', ')}: ${why}`,
      'notify: not delivered',
    )
  }
}

/** The whole action, failure handling included: what the runner, local-action and tests run. */
export function run(): Promise<void> {
  return runMain(main)
}
