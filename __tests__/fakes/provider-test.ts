// The set-up every provider test over fake CLIs shares: fresh fakes first on PATH, the
// provider's credential variables cleared, its log lines and the process's stdout (masks and
// echoed command lines) captured so tests can check what a log would show.
import { afterEach, beforeEach, jest } from '@jest/globals'
import { FakeClis } from './fake-cli.js'

export interface FakeCliTest {
  /** The fakes of the running test (new for each test). */
  readonly clis: FakeClis
  /** Lines the provider logged through `config.log`. */
  readonly logs: string[]
  /** Everything written to stdout. */
  readonly output: string[]
  /** The argv of each call of `tool`, in order. */
  argvs(): string[][]
}

export function useFakeClis(tool: string, credentialVars: readonly string[]): FakeCliTest {
  let clis: FakeClis | undefined
  let restore = () => {}
  const logs: string[] = []
  const output: string[] = []
  const clearCredentials = () => {
    for (const name of credentialVars) delete process.env[name]
  }

  beforeEach(() => {
    clis = new FakeClis()
    restore = clis.install()
    logs.length = 0
    output.length = 0
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      output.push(String(chunk))
      return true
    })
    clearCredentials()
  })

  afterEach(() => {
    jest.restoreAllMocks()
    restore()
    clearCredentials()
  })

  return {
    get clis() {
      if (!clis) throw new Error('useFakeClis: clis is only there inside a test')
      return clis
    },
    logs,
    output,
    argvs() {
      return this.clis.calls(tool).map((call) => call.args)
    },
  }
}
