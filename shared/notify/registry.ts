// Every notify channel, once. The notify action's inputs, its configuration checks, the
// deliveries and the docs' lists all come from here: adding a channel is its module
// (shared/notify/channels/<name>.ts, declared with defineChannel) and one line below.
// The order is the order channels are checked, sent to and reported in.
import type { InputValues } from '../inputs.js'
import { discordChannel } from './channels/discord.js'
import { emailChannel } from './channels/email.js'
import { gitHubChannel } from './channels/github.js'
import { pagerDutyChannel } from './channels/pagerduty.js'
import { slackBotChannel } from './channels/slack-bot.js'
import { slackChannel } from './channels/slack.js'
import { teamsChannel } from './channels/teams.js'
import { webhookChannel } from './channels/webhook.js'

export const CHANNELS = [
  slackChannel,
  slackBotChannel,
  teamsChannel,
  discordChannel,
  webhookChannel,
  pagerDutyChannel,
  emailChannel,
  gitHubChannel,
] as const

type Channel = (typeof CHANNELS)[number]
export type ChannelName = Channel['name']
export const CHANNEL_NAMES: readonly ChannelName[] = CHANNELS.map((channel) => channel.name)

type ConfigOf<C> = C extends { configure(...args: never[]): infer R }
  ? Exclude<R, undefined>
  : never

/** Each configured channel's configuration, by name. */
export type ChannelConfigs = { [C in Channel as C['name']]?: ConfigOf<C> }

type Intersection<U> = (U extends unknown ? (value: U) => void : never) extends (
  value: infer I,
) => void
  ? I
  : never

/** Every channel's credential inputs, in registry order. */
export type ChannelCredentials = Intersection<Channel['credentials']>
/** Every channel's other inputs, in registry order. */
export type ChannelOptions = Intersection<Channel['options']>

export const channelCredentials = Object.assign(
  {},
  ...CHANNELS.map((channel) => channel.credentials),
) as ChannelCredentials
export const channelOptions = Object.assign(
  {},
  ...CHANNELS.map((channel) => channel.options),
) as ChannelOptions

/** What turns each channel on, for the warning when none is configured. */
export const CHANNEL_INPUTS = CHANNELS.map((channel) => channel.enabledBy).join('; ')

/** The channels the inputs configure; what is missing or contradictory goes to `problems`. */
export function configureChannels(
  inputs: InputValues<ChannelCredentials & ChannelOptions>,
  problems: string[],
): ChannelConfigs {
  const configs: Record<string, unknown> = {}
  for (const channel of CHANNELS) {
    const config = channel.configure(inputs as never, problems)
    if (config !== undefined) configs[channel.name] = config
  }
  return configs as ChannelConfigs
}

/** A channel's declaration by name. */
export function channelNamed(name: ChannelName): Channel {
  const channel = CHANNELS.find((candidate) => candidate.name === name)
  if (!channel) throw new Error(`no notify channel ${name}`)
  return channel
}
