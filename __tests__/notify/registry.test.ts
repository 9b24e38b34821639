// Notify channels as an extension point: each channel declares its inputs, configuration, send
// and limits in its own module; the action's inputs, checks and lists come from the registry.
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { notifySchema, readNotifyInputs } from '../../actions/notify/src/inputs.js'
import { InputError } from '../../shared/errors.js'
import {
  CHANNEL_INPUTS,
  CHANNEL_NAMES,
  CHANNELS,
  channelCredentials,
  channelOptions,
} from '../../shared/notify/registry.js'

const action = parse(readFileSync('actions/notify/action.yml', 'utf8')) as {
  inputs: Record<string, { description?: string }>
}

function readerOf(values: Record<string, string>): (name: string) => string {
  return (name) => values[name] ?? ''
}

function problemsOf(values: Record<string, string>): string[] {
  try {
    readNotifyInputs(readerOf(values))
  } catch (err) {
    if (err instanceof InputError) return err.problems
    throw err
  }
  return []
}

describe('the notify channel registry', () => {
  it('lists each channel once, with what turns it on and the limits it keeps to', () => {
    expect(CHANNEL_NAMES).toEqual([
      'slack',
      'slack-bot',
      'teams',
      'discord',
      'webhook',
      'pagerduty',
      'email',
      'github',
    ])
    for (const channel of CHANNELS) {
      expect(channel.enabledBy).not.toBe('')
      expect(channel.limits).not.toBe('')
      expect(CHANNEL_INPUTS).toContain(channel.enabledBy)
      expect(typeof channel.send).toBe('function')
    }
  })

  it('gives no two channels the same input', () => {
    const names = CHANNELS.flatMap((channel) => [
      ...Object.keys(channel.credentials),
      ...Object.keys(channel.options),
    ])
    expect(new Set(names).size).toBe(names.length)
  })

  it('reads every credential before any other input, so none is echoed unmasked', () => {
    const keys = Object.keys(notifySchema)
    const credentials = Object.keys(channelCredentials)
    expect(keys.slice(0, credentials.length)).toEqual(credentials)
    expect(credentials).toEqual([
      'slack-webhook-url',
      'slack-bot-token',
      'teams-webhook-url',
      'discord-webhook-url',
      'webhook-url',
      'webhook-secret',
      'pagerduty-routing-key',
      'smtp-password',
      'github-token',
    ])
  })

  it('is what action.yml declares: every channel input, and no channel input beside them', () => {
    const declared = Object.keys(action.inputs).sort()
    expect(declared).toEqual(Object.keys(notifySchema).sort())
    for (const name of [...Object.keys(channelCredentials), ...Object.keys(channelOptions)]) {
      expect(action.inputs[name]?.description).toBeTruthy()
    }
  })

  it('configures each channel from its own declaration', () => {
    const { channels } = readNotifyInputs(
      readerOf({
        status: 'failure',
        'slack-bot-token': 'xoxb-test-token',
        'slack-channel': '#deploys',
        'pagerduty-routing-key': 'R0UTINGKEY0123456789',
        'smtp-host': 'smtp.example.com',
        'smtp-secure': 'true',
        'email-from': 'deploys@example.com',
        'email-to': 'a@example.com, b@example.com',
        'github-comment': 'true',
        'github-token': 'ghs_test_token',
      }),
    )
    expect(channels).toEqual({
      'slack-bot': {
        token: 'xoxb-test-token',
        channel: '#deploys',
        ts: undefined,
        apiUrl: 'https://slack.com/api',
      },
      pagerduty: { routingKey: 'R0UTINGKEY0123456789', apiUrl: 'https://events.pagerduty.com' },
      email: {
        host: 'smtp.example.com',
        port: 465,
        secure: true,
        username: undefined,
        password: undefined,
        from: 'deploys@example.com',
        to: ['a@example.com', 'b@example.com'],
      },
      github: { token: 'ghs_test_token' },
    })
  })

  it('reports every half-configured channel at once, in registry order', () => {
    expect(
      problemsOf({
        status: 'success',
        'slack-ts': '1712345678.123456',
        'webhook-secret': 'whsec_0123456789',
        'email-to': 'a@example.com',
        'github-comment': 'true',
      }),
    ).toEqual([
      '`slack-ts` needs `slack-bot-token`: only the bot can update its message',
      '`webhook-secret` needs `webhook-url` (example: https://hooks.example.com/deploys)',
      'e-mail needs `smtp-host` (example: smtp.example.com)',
      '`github-comment: true` needs `github-token` (default: ${{ github.token }})',
    ])
  })
})

describe('the reusable workflows that send notifications', () => {
  // github-token is the run's own token; a weekly report has nothing to page anyone about.
  const NOT_PASSED: Record<string, string[]> = {
    deploy: ['github-token'],
    rollback: ['github-token'],
    monitor: ['github-token'],
    report: ['github-token', 'pagerduty-routing-key'],
  }

  it.each(Object.keys(NOT_PASSED))(
    '%s.yml takes every channel credential of the registry as a secret',
    (name) => {
      const workflow = parse(readFileSync(`.github/workflows/${name}.yml`, 'utf8')) as {
        on: { workflow_call: { secrets?: Record<string, unknown> } }
      }
      const secrets = Object.keys(workflow.on.workflow_call.secrets ?? {})
      const expected = Object.keys(channelCredentials).filter(
        (input) => !NOT_PASSED[name]?.includes(input),
      )
      expect(expected.filter((input) => !secrets.includes(input))).toEqual([])
    },
  )
})
