// Test side of the fake CLIs: a state folder, PATH with fakes/bin first, and readers for what
// the fakes recorded.
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'

export const fakeBin = new URL('./bin/', import.meta.url).pathname

export interface FakeCall {
  tool: string
  args: string[]
  env: Record<string, string>
  stdin?: string
  /** Epoch milliseconds when the fake began and finished handling the call. */
  startedAt?: number
  endedAt?: number
}

export interface FakeBehaviour {
  exitCode?: number
  stderr?: string
  stdout?: string
  hangMs?: number
  malformed?: boolean
}

export class FakeClis {
  readonly stateDir = mkdtempSync(join(tmpdir(), 'flightdeck-fake-cli-'))

  /** Environment for a process that should find the fakes first. */
  env(): Record<string, string> {
    return {
      PATH: `${fakeBin}${delimiter}${process.env.PATH ?? ''}`,
      FAKE_CLI_STATE: this.stateDir,
    }
  }

  /** Points this process at the fakes (for in-process tests); returns a function that undoes it. */
  install(): () => void {
    const saved = { PATH: process.env.PATH, FAKE_CLI_STATE: process.env.FAKE_CLI_STATE }
    Object.assign(process.env, this.env())
    return () => {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key]
        else process.env[key] = value
      }
    }
  }

  setState(tool: string, state: unknown): void {
    writeFileSync(join(this.stateDir, `${tool}.json`), JSON.stringify(state, null, 2))
  }

  state<T = Record<string, unknown>>(tool: string): T {
    const path = join(this.stateDir, `${tool}.json`)
    return (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {}) as T
  }

  /** Makes calls whose subcommand (e.g. `releases`, `apps create`, or `*`) matches misbehave. */
  behave(tool: string, behaviours: Record<string, FakeBehaviour>): void {
    writeFileSync(join(this.stateDir, `${tool}.behaviour.json`), JSON.stringify(behaviours))
  }

  calls(tool?: string): FakeCall[] {
    const path = join(this.stateDir, 'calls.jsonl')
    if (!existsSync(path)) return []
    return readFileSync(path, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as FakeCall)
      .filter((call) => tool === undefined || call.tool === tool)
  }
}
