// What a gate is: one module declares the gated-deploy inputs it reads (with their checks and
// defaults), when it counts as set, and how it decides; shared/gates/registry.ts lists the
// gates in the order they run. gated-deploy only orchestrates them (shared/gates/run.ts).
import { parseDuration } from '../durations.js'
import type { GitHubClient } from '../github/client.js'
import type { RunContext } from '../github/context.js'
import type { InputSchema, InputValues } from '../inputs.js'

export interface GateResult {
  open: boolean
  reason: string
}

/** What a gate may use besides its own inputs. */
export interface GateEnvironment {
  context: RunContext
  /** The environment the deploy goes to. */
  environment: string
  /** The GitHub client, loaded on first use; undefined without a github-token. */
  github: () => Promise<GitHubClient | undefined>
  /** Wait between two looks for gates that wait (checks, concurrency). */
  intervalMs: number
  log: (line: string) => void
}

export type GateInputSchema = Record<string, InputSchema>

/**
 * One gate. `Extra` names inputs the gate reads that another part of the action declares
 * (require-healthy reads the health check's expected statuses).
 */
export interface GateSpec<S extends GateInputSchema, Extra = unknown> {
  /** The gate's name in the log, the record and `blocked-by`. */
  name: string
  /** The inputs the gate reads, merged into gated-deploy's input schema. */
  inputs: S
  /** Time gates: `override-gates` lets them pass (reported as overridden). */
  overridable?: boolean
  /** False when its inputs are empty: reported as `not set` and not evaluated. */
  configured(inputs: InputValues<S>): boolean
  evaluate(inputs: InputValues<S> & Extra, env: GateEnvironment): Promise<GateResult>
}

/** Declares a gate (a typed identity: the inputs' types flow to configured and evaluate). */
export function defineGate<S extends GateInputSchema, Extra = unknown>(
  spec: GateSpec<S, Extra>,
): GateSpec<S, Extra> {
  return spec
}

/** How often the checks and concurrency gates look again: FLIGHTDECK_GATE_INTERVAL, else 10s. */
export function gateIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  const configured = parseDuration(env.FLIGHTDECK_GATE_INTERVAL ?? '')
  return configured !== undefined && configured >= 100 ? configured : 10_000
}
