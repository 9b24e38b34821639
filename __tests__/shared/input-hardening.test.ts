// Inputs refused at validation, naming the input, rather than failing later in a way that hides
// the cause: header values a request cannot carry, an environment that spans lines. And inputs
// the chosen provider never reads, named in a warning.
import { readdirSync, readFileSync } from 'node:fs'
import { jest } from '@jest/globals'
import { readGatedDeployInputs } from '../../actions/gated-deploy/src/inputs.js'
import { readHealthCheckInputs } from '../../actions/health-check/src/inputs.js'
import { readNotifyInputs } from '../../actions/notify/src/inputs.js'
import { readPreviewInputs } from '../../actions/preview-app/src/inputs.js'
import { readRollbackInputs } from '../../actions/rollback/src/inputs.js'
import { InputError } from '../../shared/errors.js'
import { environmentName, headerLines } from '../../shared/inputs.js'
import {
  INPUTS_READ_BY,
  PROVIDER_SPECIFIC_INPUTS,
  warnUnreadProviderInputs,
} from '../../shared/providers/inputs.js'
import { PROVIDER_NAMES } from '../../shared/providers/registry.js'

const readerOf = (values: Record<string, string>) => (name: string) => values[name] ?? ''

function problemsOf(fn: () => unknown): string[] {
  try {
    fn()
  } catch (err) {
    if (err instanceof InputError) return err.problems
    throw err
  }
  throw new Error('expected an InputError')
}

describe('header values', () => {
  it.each([
    ['a carriage return', 'X-Token: s3cr3t\rX-Injected: 1'],
    ['a NUL', 'X-Token: s3cr3t\u0000def'],
    ['a character past Latin-1', 'X-Token: s3cr3t€'],
    ['an emoji', 'X-Token: s3cr3t🚀'],
  ])('refuses a value with %s, naming the header but not the value', (_what, text) => {
    const result = headerLines().safeParse(text)
    expect(result.success).toBe(false)
    const message = result.error?.issues[0]?.message ?? ''
    expect(message).toContain('"X-Token"')
    expect(message).not.toContain('s3cr3t')
  })

  it('takes Latin-1 and tabs, which fetch sends', () => {
    expect(headerLines().parse('X-City: Zürich\tcentre')).toEqual({ 'X-City': 'Zürich\tcentre' })
  })

  it('health-check names `headers`', () => {
    const problems = problemsOf(() =>
      readHealthCheckInputs(
        readerOf({ url: 'https://app.example.com/health', headers: 'Authorization: Bearer ✓' }),
      ),
    )
    expect(problems).toEqual([expect.stringContaining('invalid `headers`: the value of header')])
  })

  it('gated-deploy names `health-headers`', () => {
    const problems = problemsOf(() =>
      readGatedDeployInputs(
        readerOf({
          app: 'shop',
          'health-url': 'https://shop.example/health',
          'health-headers': 'X-Key: a\rb',
        }),
      ),
    )
    expect(problems).toEqual([
      expect.stringContaining('invalid `health-headers`: the value of header "X-Key"'),
    ])
  })
})

describe('environment', () => {
  it('takes a GitHub environment name, spaces included', () => {
    expect(environmentName().parse('Preview EU')).toBe('Preview EU')
  })

  it.each(['production\nstaging', 'prod\rx', 'prod\u2028x', 'x'.repeat(256)])(
    'refuses %j',
    (value) => {
      expect(environmentName().safeParse(value).success).toBe(false)
    },
  )

  it('rollback refuses an environment with a newline, naming it', () => {
    const problems = problemsOf(() =>
      readRollbackInputs(readerOf({ app: 'shop', environment: 'production\n::warning::x' })),
    )
    expect(problems).toEqual([expect.stringContaining('invalid `environment`')])
  })

  it('notify refuses an environment with a newline, naming it', () => {
    const problems = problemsOf(() =>
      readNotifyInputs(
        readerOf({
          status: 'success',
          environment: 'production\nstaging',
          'webhook-url': 'https://hooks.example/x',
        }),
      ),
    )
    expect(problems).toEqual([expect.stringContaining('invalid `environment`')])
  })

  it('gated-deploy refuses an environment with a newline, naming it', () => {
    const problems = problemsOf(() =>
      readGatedDeployInputs(readerOf({ app: 'shop', environment: 'production\nstaging' })),
    )
    expect(problems).toEqual([expect.stringContaining('invalid `environment`')])
  })
})

describe('inputs the chosen provider never reads', () => {
  it('names releases-command with provider fly in a warning', () => {
    const warn = jest.fn<(message: string) => void>()
    const unread = warnUnreadProviderInputs(
      readGatedDeployInputs(readerOf({ app: 'shop', 'releases-command': './releases.sh' })),
      warn,
    )
    expect(unread).toEqual(['releases-command'])
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining(
        '`releases-command` is set, but provider `fly` never reads it (only command does)',
      ),
    )
  })

  it('stays quiet for what the provider reads', () => {
    const warn = jest.fn<(message: string) => void>()
    const inputs = readGatedDeployInputs(
      readerOf({
        provider: 'railway',
        app: 'svc',
        'environment-id': 'env-1',
        'project-id': 'p-1',
        'api-url': 'https://railway.example/graphql',
      }),
    )
    expect(warnUnreadProviderInputs(inputs, warn)).toEqual([])
    expect(warn).not.toHaveBeenCalled()
  })

  it('gated-deploy, rollback and preview-app warn as they read their inputs', () => {
    const lines: string[] = []
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk))
      return true
    })
    try {
      readGatedDeployInputs(readerOf({ app: 'shop', 'account-id': 'abc' }))
      readRollbackInputs(readerOf({ app: 'shop', 'org-id': 'team_1' }))
      readPreviewInputs(readerOf({ 'project-id': 'prj_1' }))
    } finally {
      spy.mockRestore()
    }
    const out = lines.join('')
    expect(out).toMatch(/::warning title=input not used::`account-id` is set, but provider `fly`/)
    expect(out).toMatch(/::warning title=input not used::`org-id` is set, but provider `fly`/)
    expect(out).toMatch(/::warning title=input not used::`project-id` is set, but provider `fly`/)
  })

  // The table is written down in each provider's spec (providers load lazily); derive it again
  // from what the provider's modules (`fly.ts`, `vercel-cli.ts`, ...) read: config.apiUrl, and
  // the quoted input names they look up.
  it.each(PROVIDER_NAMES.map((name) => [name]))('matches what %s reads', (provider) => {
    const dir = new URL('../../shared/providers/', import.meta.url)
    const source = readdirSync(dir)
      .filter((file) => file === `${provider}.ts` || file.startsWith(`${provider}-`))
      .map((file) => readFileSync(new URL(file, dir), 'utf8'))
      .join('\n')
    const read = PROVIDER_SPECIFIC_INPUTS.filter((name) =>
      name === 'api-url' ? /\bconfig\.apiUrl\b/.test(source) : source.includes(`'${name}'`),
    )
    expect([...INPUTS_READ_BY[provider]].sort()).toEqual([...read].sort())
  })
})
