// What the tests that run a real deploy CLI share: where the CLI is, whether it is installed, an
// environment that keeps it away from the user's own config, caches and the network, and the
// capture of what the provider logged and echoed.
import { afterAll, beforeAll, beforeEach, afterEach, jest } from '@jest/globals'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'

export const BIN = new URL('../../node_modules/.bin/', import.meta.url).pathname

/** The CLI in node_modules/.bin (a dev dependency), if it is installed. */
export function installedCli(name: string): string | undefined {
  const path = join(BIN, name)
  return existsSync(path) ? path : undefined
}

export interface RealCliSession {
  /** A fresh folder for this test file: config, caches, logs and temp files of the CLI. */
  readonly dir: string
  /** Lines the provider logged through `config.log`. */
  readonly logs: string[]
  /** Everything the provider wrote to stdout: echoed command lines and CLI output. */
  readonly output: string[]
}

/**
 * Sets the process environment the CLI inherits (runCli passes process.env on) for the whole test
 * file, and puts node_modules/.bin first on PATH so that the provider finds the real CLI by name.
 * `vars` may hold functions, read once the folder exists. Credential variables are cleared: the
 * provider must pass its own.
 */
export function useRealCliEnv(
  vars: (dir: string) => Record<string, string | undefined>,
  clear: readonly string[],
): RealCliSession {
  const saved = new Map<string, string | undefined>()
  const session = { dir: '', logs: [] as string[], output: [] as string[] }

  const set = (name: string, value: string | undefined) => {
    if (!saved.has(name)) saved.set(name, process.env[name])
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }

  beforeAll(() => {
    session.dir = mkdtempSync(join(tmpdir(), 'flightdeck-real-cli-'))
    for (const sub of ['tmp', 'runner-temp', 'logs', 'config', 'data']) {
      mkdirSync(join(session.dir, sub), { recursive: true })
    }
    set('PATH', `${BIN}${delimiter}${process.env.PATH ?? ''}`)
    for (const name of clear) set(name, undefined)
    for (const [name, value] of Object.entries(vars(session.dir))) set(name, value)
  })

  afterAll(() => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
    rmSync(session.dir, { recursive: true, force: true })
  })

  beforeEach(() => {
    session.logs.length = 0
    session.output.length = 0
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      session.output.push(String(chunk))
      return true
    })
  })

  afterEach(() => {
    jest.restoreAllMocks()
  })

  return session
}
