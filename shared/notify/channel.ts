// What every channel is: a name, its configuration, and a send that renders the shared message
// in the platform's own format and delivers it under the shared retry policy.
import type { NotifyMessage } from './message.js'
import type { AttemptLog, RetryPolicy } from './retry.js'

export const CHANNEL_NAMES = [
  'slack',
  'slack-bot',
  'teams',
  'discord',
  'webhook',
  'pagerduty',
  'email',
  'github',
] as const
export type ChannelName = (typeof CHANNEL_NAMES)[number]

export interface ChannelConfigs {
  slack?: { webhookUrl: string }
  'slack-bot'?: { token: string; channel: string; ts?: string; apiUrl: string }
  teams?: { webhookUrl: string }
  discord?: { webhookUrl: string }
  webhook?: { url: string; secret?: string }
  pagerduty?: { routingKey: string; apiUrl: string }
  email?: {
    host: string
    port: number
    secure: boolean
    username?: string
    password?: string
    from: string
    to: string[]
  }
  github?: { token: string }
}

export interface SendContext {
  message: NotifyMessage
  policy: RetryPolicy
  /** A log line about this channel (retries, what was done). */
  log(line: string): void
}

export interface Delivery {
  /** What was done, for the log and the summary: `posted to #deploys`, `incident triggered`. */
  detail: string
  /** True when the channel had nothing to send for this status (PagerDuty on `started`). */
  skipped?: boolean
  attempts?: number
  /** The Slack bot message's timestamp. */
  slackTs?: string
  /** The id of the Slack bot message's channel (C…), which chat.update needs. */
  slackChannelId?: string
}

export type Sender<C> = (config: C, context: SendContext) => Promise<Delivery>

/** Logs each retry of a channel: why the attempt failed and how long it waits. */
export function retryLog(context: SendContext): AttemptLog {
  return {
    retrying: (attempt, error, delayMs) =>
      context.log(`attempt ${attempt} failed: ${error.message}; trying again in ${delayMs}ms`),
  }
}
