// Every gate gated-deploy runs, in the order it runs them. Adding a gate is one module (see
// gate.ts) and one line here: its inputs join gated-deploy's schema, and its verdict the log,
// the deployment record and `blocked-by`.
import { concurrencyGate } from './concurrency.js'
import { deployWindowGate } from './deploy-window.js'
import { requireEnvGate } from './env.js'
import { freezeGate } from './freeze.js'
import type { GateEnvironment } from './gate.js'
import type { HealthInputs } from '../http/health-inputs.js'
import type { InputValues } from '../inputs.js'
import { requireChecksGate } from './checks.js'
import { requireHealthyGate } from './require-healthy.js'
import type { Gate } from './run.js'

export const GATES = [
  deployWindowGate,
  freezeGate,
  requireEnvGate,
  requireChecksGate,
  requireHealthyGate,
  concurrencyGate,
] as const

type Intersection<U> = (U extends unknown ? (part: U) => void : never) extends (
  all: infer I,
) => void
  ? I
  : never

type GateSchemas = Intersection<(typeof GATES)[number]['inputs']>

/** The inputs of every gate, for gated-deploy's input schema (in the gates' order). */
export const gateInputSchema = Object.assign({}, ...GATES.map((gate) => gate.inputs)) as GateSchemas

export type GateInputs = InputValues<GateSchemas>

/** What the gates read: their own inputs, the health check's statuses and override-gates. */
export type GatesInputs = GateInputs &
  Pick<HealthInputs, 'health-expected-status'> & { 'override-gates'?: string | undefined }

/** The gates to run for these inputs, each ready to evaluate. */
export function buildGates(inputs: GatesInputs, env: GateEnvironment): Gate[] {
  return GATES.map((spec) => ({
    name: spec.name,
    configured: spec.configured(inputs),
    ...(spec.overridable ? { override: inputs['override-gates'] } : {}),
    evaluate: () => spec.evaluate(inputs, env),
  }))
}
