// The bundled preview-app as the runner runs it, against a fake flyctl on PATH and the local
// fake GitHub API (which refuses what GitHub would refuse): shared by the process-level tests.
import { runBundledAction } from '../support/bundle-runner.mjs'
import type { FakeClis } from '../fakes/fake-cli.js'
import type { FakeGitHubApi } from '../fakes/github-api.js'

export const TOKEN = 'FlyV1 fm2_plantedpreviewtoken0123456789'
export const DB_SECRET = 's3cr3t-db'
export const HEAD_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
export const BASE_SHA = 'ffac537e6cbbf934b08745a378932722df287a53'

export interface PrOptions {
  number?: number
  branch?: string
  fork?: boolean
  merged?: boolean
}

export function prEvent(action: string, options: PrOptions = {}) {
  const number = options.number ?? 12
  return {
    action,
    number,
    pull_request: {
      number,
      title: 'Checkout: one page',
      state: action === 'closed' ? 'closed' : 'open',
      merged: options.merged ?? false,
      head: {
        ref: options.branch ?? 'feat/checkout',
        sha: HEAD_SHA,
        repo: { full_name: options.fork ? 'mallory/shop' : 'acme/shop' },
      },
      base: { ref: 'main', sha: BASE_SHA, repo: { full_name: 'acme/shop' } },
    },
  }
}

export interface PreviewOptions extends PrOptions {
  inputs?: Record<string, string>
  token?: string | null
  eventName?: string
  env?: Record<string, string>
  timeoutMs?: number
}

/** Runs the bundle for a pull request event with a platform token, a secret and a variable. */
export function runPreview(
  api: FakeGitHubApi,
  clis: FakeClis,
  action: string,
  options: PreviewOptions = {},
) {
  return runBundledAction('preview-app', {
    event: prEvent(action, options),
    eventName: options.eventName ?? 'pull_request',
    apiUrl: api.url,
    env: { ...clis.env(), ...options.env },
    inputs: {
      ...(options.token === null ? {} : { token: options.token ?? TOKEN }),
      org: 'acme',
      secrets: `DATABASE_URL=postgres://preview:${DB_SECRET}@db.internal/shop`,
      env: 'LOG_LEVEL=debug',
      ...options.inputs,
    },
    timeoutMs: options.timeoutMs ?? 60_000,
  })
}

/** The fake flyctl's calls whose arguments start with `verb` (`apps create`, `deploy`). */
export function flyCalls(clis: FakeClis, verb: string) {
  return clis
    .calls('flyctl')
    .filter((call) => call.args.slice(0, verb.split(' ').length).join(' ') === verb)
}
