import { InputError } from '../../../shared/errors.js'
import {
  boolean,
  duration,
  environmentName,
  httpUrl,
  oneOf,
  optional,
  parseInputs,
  parser,
  quote,
  required,
  splitLines,
  splitList,
  text,
  withDefault,
  type InputValues,
} from '../../../shared/inputs.js'
import {
  channelCredentials,
  channelOptions,
  configureChannels,
  type ChannelConfigs,
} from '../../../shared/notify/registry.js'
import { parseMention } from '../../../shared/notify/mentions.js'
import { STATUSES, type NotifyStatus } from '../../../shared/notify/status.js'

const status = () => oneOf(STATUSES)

/** `Name: value` lines, shown as extra fields; `#` lines are comments. */
const fieldLines = () =>
  parser((value) =>
    splitLines(value).map((line) => {
      const at = line.indexOf(':')
      const name = at > 0 ? line.slice(0, at).trim() : ''
      if (!name || name.length > 100) {
        throw new Error(`${quote(line)} is not a "Name: value" line (example: Region: eu-west-1)`)
      }
      return { name, value: line.slice(at + 1).trim() }
    }),
  )

/** The message: the same for every channel. */
const messageSchema = {
  status: required(status(), 'success'),
  title: optional(text()),
  message: optional(text()),
  environment: optional(environmentName()),
  url: optional(httpUrl('https://my-app.fly.dev')),
  version: optional(text()),
  fields: withDefault(fieldLines(), ''),
  'mention-on-failure': withDefault(
    parser((value) => splitList(value).map(parseMention)),
    '',
  ),
  'deployment-record': optional(text()),
}

/** When and how long to send. */
const behaviourSchema = {
  'only-on': withDefault(
    parser((value) =>
      splitList(value).map((item) => {
        const match = STATUSES.find((known) => known === item.toLowerCase())
        if (!match) {
          throw new Error(
            `${quote(item)} is not one of ${STATUSES.join(', ')} (example: failure, rolled-back)`,
          )
        }
        return match
      }),
    ),
    '',
  ),
  'fail-on-error': withDefault(boolean(), 'false'),
  timeout: withDefault(duration('10s', { minMs: 1000 }), '10s'),
}

/**
 * Every input of the action: the channels' credentials first (they are masked before any other
 * input can echo them in an error), then the message, the channels' options and the behaviour.
 */
export const notifySchema = {
  ...channelCredentials,
  ...messageSchema,
  ...channelOptions,
  ...behaviourSchema,
}

export type NotifyInputs = InputValues<typeof notifySchema>

export interface NotifySettings {
  inputs: NotifyInputs
  channels: ChannelConfigs
  onlyOn: NotifyStatus[]
}

/** Every input checked, then the channels they configure; all problems in one error. */
export function readNotifyInputs(read?: (name: string) => string): NotifySettings {
  const inputs = parseInputs(notifySchema, read)
  const problems: string[] = []
  const channels = configureChannels(inputs, problems)
  if (problems.length > 0) throw new InputError(problems)
  return { inputs, channels, onlyOn: inputs['only-on'] }
}
