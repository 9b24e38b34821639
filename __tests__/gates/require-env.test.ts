// The require-env gate masks the values it reads: they are credentials.
import { checkRequiredEnv } from '../../shared/gates/env.js'
import { redact, registeredSecrets } from '../../shared/runner-protocol.js'

describe('require-env', () => {
  it('registers each value it reads as a secret, and says which are missing', () => {
    const env = { SENTRY_DSN: 'https://k3y@o1.ingest.sentry.io/2', FLAG: 'yes', EMPTY: ' ' }
    expect(checkRequiredEnv(['SENTRY_DSN', 'FLAG'], env)).toEqual({
      open: true,
      reason: 'SENTRY_DSN, FLAG set',
    })
    expect(registeredSecrets()).toContain('https://k3y@o1.ingest.sentry.io/2')
    expect(redact('deploy failed: dsn https://k3y@o1.ingest.sentry.io/2 refused')).toBe(
      'deploy failed: dsn *** refused',
    )
    // A switch of a few characters is not a credential: every "yes" in the log stays readable.
    expect(registeredSecrets()).not.toContain('yes')
    expect(checkRequiredEnv(['SENTRY_DSN', 'EMPTY', 'UNSET'], env)).toEqual({
      open: false,
      reason: 'not set or empty: EMPTY, UNSET',
    })
  })
})
