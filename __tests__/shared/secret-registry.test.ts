// The one secret registry: one threshold and one replace function for every writer (the runner
// protocol's log, outputs and summary, and what is published on GitHub).
import { jest } from '@jest/globals'
import {
  MIN_SECRET_LENGTH,
  redact,
  registeredSecrets,
  replaceSecrets,
} from '../../shared/secret-registry.js'
import { publishableText, redactText } from '../../shared/github/redact.js'
import * as core from '../../shared/runner-protocol.js'
import { maskSecret, maskWebhookUrl } from '../../shared/secrets.js'

beforeEach(() => {
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
})
afterEach(() => jest.restoreAllMocks())

describe('the secret registry', () => {
  it('replaces with one threshold, in the log and in what is published alike', () => {
    expect(MIN_SECRET_LENGTH).toBe(3)
    // Three characters: replaced on GitHub as in the log (public text used to skip them).
    expect(redactText('pin x9z failed', ['x9z'])).toBe('pin *** failed')
    expect(replaceSecrets('a 42 b', ['42'])).toBe('a 42 b')
    core.setSecret('q7w')
    expect(redact('got q7w back')).toBe('got *** back')
    expect(publishableText('got q7w back')).toBe('got *** back')
  })

  it('replaces a secret that contains another whole, longest first', () => {
    expect(replaceSecrets('tok-abcdef', ['abc', 'tok-abcdef'])).toBe('***')
  })

  it('is the runner protocol’s registry: setSecret registers, core.redact reads it', () => {
    core.setSecret('reg1stered-value')
    expect(registeredSecrets()).toContain('reg1stered-value')
    expect(core.registeredSecrets()).toEqual(registeredSecrets())
    expect(core.redact('x reg1stered-value y')).toBe('x *** y')
  })

  it('publishes text without registered secrets or URL credentials', () => {
    core.setSecret('pub-s3cret')
    expect(publishableText('see https://u:pw@h.example/a?token=t and pub-s3cret')).toBe(
      'see https://h.example/a?token=*** and ***',
    )
  })

  it('registers the lines of a multi-line secret down to the threshold', () => {
    maskSecret('line-one-x\nab3\nzz')
    expect(registeredSecrets()).toEqual(expect.arrayContaining(['line-one-x', 'ab3']))
    expect(registeredSecrets()).not.toContain('zz')
  })

  it('registers a webhook URL whole and its long parts', () => {
    maskWebhookUrl('https://hooks.example.com/services/T000/B000/abcdefghijklmnopqrst')
    expect(registeredSecrets()).toEqual(
      expect.arrayContaining([
        'https://hooks.example.com/services/T000/B000/abcdefghijklmnopqrst',
        '/services/T000/B000/abcdefghijklmnopqrst',
        'abcdefghijklmnopqrst',
      ]),
    )
  })
})
