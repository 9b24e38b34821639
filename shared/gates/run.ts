// Evaluates a deploy's gates in order, each with its verdict and reason, and stops at the
// first closed one: nothing after it (and no platform call) happens. A gate that cannot be
// evaluated (GitHub unreachable, say) is closed: a deploy gate fails safe.
import { errorMessage } from '../errors.js'
import type { GateResult } from './gate.js'

/** A gate's name (the gates and their order: registry.ts). */
export type GateName = string

export type GateVerdict = 'passed' | 'failed' | 'overridden' | 'not set' | 'not evaluated'

export interface GateReport {
  gate: GateName
  verdict: GateVerdict
  reason: string
  durationMs: number
}

export interface Gate {
  name: GateName
  /** False when its input is empty: reported as `not set`. */
  configured: boolean
  /** A reason to let this gate pass even when closed (override-gates, time gates only). */
  override?: string
  evaluate(): Promise<GateResult>
}

export interface GatesOutcome {
  open: boolean
  /** The closed gate that blocked the deploy. */
  blockedBy?: GateReport
  reports: GateReport[]
}

const MARK: Record<GateVerdict, string> = {
  passed: '✓',
  failed: '✗',
  overridden: '⚠',
  'not set': '·',
  'not evaluated': '·',
}

export function describeGate(report: GateReport): string {
  return `${MARK[report.verdict]} ${report.gate}: ${report.verdict === 'passed' ? '' : `${report.verdict}, `}${report.reason}`
}

export async function runGates(gates: Gate[], log: (line: string) => void): Promise<GatesOutcome> {
  const reports: GateReport[] = []
  let blockedBy: GateReport | undefined
  for (const gate of gates) {
    const started = performance.now()
    let report: GateReport
    if (blockedBy) {
      report = {
        gate: gate.name,
        verdict: 'not evaluated',
        reason: `${blockedBy.gate} is closed`,
        durationMs: 0,
      }
    } else if (!gate.configured) {
      report = { gate: gate.name, verdict: 'not set', reason: 'no input given', durationMs: 0 }
    } else {
      let open: boolean
      let reason: string
      try {
        ;({ open, reason } = await gate.evaluate())
      } catch (err) {
        open = false
        reason = `could not be evaluated: ${errorMessage(err)}`
      }
      const durationMs = Math.round(performance.now() - started)
      if (open) report = { gate: gate.name, verdict: 'passed', reason, durationMs }
      else if (gate.override !== undefined) {
        report = {
          gate: gate.name,
          verdict: 'overridden',
          reason: `${reason}; overridden: ${gate.override}`,
          durationMs,
        }
      } else {
        report = { gate: gate.name, verdict: 'failed', reason, durationMs }
        blockedBy = report
      }
    }
    reports.push(report)
    log(describeGate(report))
  }
  return { open: blockedBy === undefined, blockedBy, reports }
}
