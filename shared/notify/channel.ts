// What every channel is, declared in its own module (shared/notify/channels/*) and listed once
// in shared/notify/registry.ts: a name, the inputs it reads (credentials apart, so they are
// masked before any other input can echo them), how those become its configuration, a send
// that renders the shared message in the platform's own format and delivers it under the shared
// retry policy, and the size limits that rendering keeps to.
import type { InputSchema, InputValues } from '../inputs.js'
import type { NotifyMessage } from './message.js'
import type { AttemptLog, RetryPolicy } from './retry.js'

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

export type InputSchemas = Record<string, InputSchema>

export interface ChannelSpec<
  N extends string,
  Credentials extends InputSchemas,
  Options extends InputSchemas,
  Config,
> {
  name: N
  /** The inputs that turn it on, as a user would set them (warnings and docs). */
  enabledBy: string
  /** Inputs holding a credential: parsed, and so masked, before every other input. */
  credentials: Credentials
  /** Its other inputs. */
  options: Options
  /**
   * Its configuration from the parsed inputs, or undefined when it is not asked for; what is
   * missing or contradictory goes to `problems` (all reported at once, before anything is sent).
   */
  configure(inputs: InputValues<Credentials & Options>, problems: string[]): Config | undefined
  send: Sender<Config>
  /** What the receiver accepts, as the renderer keeps to it (for the docs). */
  limits: string
}

/** A channel's declaration, its name kept as a literal type for the registry. */
export function defineChannel<
  const N extends string,
  Credentials extends InputSchemas,
  Options extends InputSchemas,
  Config,
>(
  spec: ChannelSpec<N, Credentials, Options, Config>,
): ChannelSpec<N, Credentials, Options, Config> {
  return spec
}
