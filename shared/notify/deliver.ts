// Sends one message to every configured channel at once, each through the send its declaration
// names (shared/notify/registry.ts). A channel's client (nodemailer, Octokit) is loaded only
// when that channel is used; each ends in a result, never an exception, and none outlives the
// step's deadline.
import { formatDuration } from '../durations.js'
import { errorMessage } from '../errors.js'
import type { Delivery, SendContext } from './channel.js'
import type { NotifyMessage } from './message.js'
import { CHANNEL_NAMES, channelNamed, type ChannelConfigs, type ChannelName } from './registry.js'
import { DeliveryFailed, type RetryPolicy } from './retry.js'

export interface ChannelResult {
  channel: ChannelName
  outcome: 'sent' | 'failed' | 'skipped'
  detail: string
  attempts: number
  durationMs: number
  slackTs?: string
  slackChannelId?: string
}

type Send = (config: never, context: SendContext) => Promise<Delivery>

/** The configured channels, in the order they are reported. */
export function configuredChannels(configs: ChannelConfigs): ChannelName[] {
  return CHANNEL_NAMES.filter((name) => configs[name] !== undefined)
}

/** Grace past the deadline for a channel to report the failure it is already ending with. */
const REPORT_GRACE_MS = 1000

async function deliverOne(
  channel: ChannelName,
  config: unknown,
  message: NotifyMessage,
  policy: RetryPolicy,
  log: (channel: ChannelName, line: string) => void,
): Promise<ChannelResult> {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<never>((_, reject) => {
    const left = Math.max(0, policy.deadline - performance.now()) + REPORT_GRACE_MS
    timer = setTimeout(
      () => reject(new Error(`no result within the step's time limit (${formatDuration(left)})`)),
      left,
    )
  })
  try {
    const send = channelNamed(channel).send as Send
    const delivery = await Promise.race([
      send(config as never, { message, policy, log: (line) => log(channel, line) }),
      deadline,
    ])
    return {
      channel,
      outcome: delivery.skipped ? 'skipped' : 'sent',
      detail: delivery.detail,
      attempts: delivery.attempts ?? (delivery.skipped ? 0 : 1),
      durationMs: elapsed(),
      slackTs: delivery.slackTs,
      slackChannelId: delivery.slackChannelId,
    }
  } catch (err) {
    return {
      channel,
      outcome: 'failed',
      detail: errorMessage(err),
      attempts: err instanceof DeliveryFailed ? err.attempts : 1,
      durationMs: elapsed(),
    }
  } finally {
    clearTimeout(timer)
  }
}

/** Sends `message` to every configured channel in parallel; one result per channel. */
export function deliverAll(
  configs: ChannelConfigs,
  message: NotifyMessage,
  policy: RetryPolicy,
  log: (channel: ChannelName, line: string) => void,
): Promise<ChannelResult[]> {
  return Promise.all(
    configuredChannels(configs).map((channel) =>
      deliverOne(channel, configs[channel], message, policy, log),
    ),
  )
}
