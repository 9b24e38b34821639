import {
  lines,
  oneOf,
  parseInputs,
  parser,
  quote,
  secret,
  text,
  withDefault,
} from '../../../shared/inputs.js'
import { InputError } from '../../../shared/errors.js'
import { parseSince, parseUntil, type Period } from '../../../shared/report/period.js'

// GitHub's rules: an owner is up to 39 letters, digits and hyphens; a name up to 100 letters,
// digits, `.`, `_` and `-`.
const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/

export function parseRepository(value: string): { owner: string; name: string } {
  if (!REPOSITORY.test(value) || value.endsWith('/.') || value.endsWith('/..')) {
    throw new Error(`${quote(value)} is not a repository owner/name (example: acme/shop)`)
  }
  const [owner, name] = value.split('/') as [string, string]
  return { owner, name }
}

// Lengths such as 30d count back from the moment the inputs are read.
let readAt = Date.now()

export const deployReportSchema = {
  environment: withDefault(lines(), 'production'),
  since: withDefault(
    parser((value) => parseSince(value, readAt)),
    '30d',
  ),
  until: parser((value) => parseUntil(value, readAt)),
  'github-token': secret(),
  repository: text(),
  format: withDefault(oneOf(['summary', 'json'] as const), 'summary'),
}

export interface DeployReportInputs {
  environments: string[]
  period: Period
  token: string
  repository: { owner: string; name: string }
  format: 'summary' | 'json'
}

/**
 * Every input checked before any request: the period runs forwards, the repository is
 * owner/name (the current one when not given), there is a token.
 */
export function readDeployReportInputs(
  read?: (name: string) => string,
  now = Date.now(),
  currentRepository = process.env.GITHUB_REPOSITORY ?? '',
): DeployReportInputs {
  readAt = now
  const values = parseInputs(deployReportSchema, read)
  const problems: string[] = []
  if (values.until <= values.since) {
    problems.push(
      `invalid \`until\`: ${new Date(values.until).toISOString()} is not after since (${new Date(values.since).toISOString()}) (example: until: 2026-03-31 with since: 2026-01-01)`,
    )
  }
  let repository = { owner: '', name: '' }
  const named = values.repository.trim() || currentRepository
  if (named === '') {
    problems.push('`repository` is required outside a workflow run (example: acme/shop)')
  } else {
    try {
      repository = parseRepository(named)
    } catch (err) {
      problems.push(`invalid \`repository\`: ${(err as Error).message}`)
    }
  }
  const token = values['github-token']
  if (!token) {
    problems.push(
      '`github-token` is required (example: github-token: ${{ github.token }}, with permissions deployments: read and contents: read)',
    )
  }
  if (problems.length > 0) throw new InputError(problems)
  return {
    environments: [...new Set(values.environment)],
    period: { since: values.since, until: values.until },
    token: token as string,
    repository,
    format: values.format,
  }
}
