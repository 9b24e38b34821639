// A Deployment's history as deploy-report reads it, and what it came to: the outcome, when it
// started and ended, and whether it was a restoration (the rollback action's record).
import { isRolledBack } from '../github/deployment-wording.js'

export interface StatusRecord {
  /** GitHub's state, lower case: queued, in_progress, success, failure, error, inactive… */
  state: string
  description: string
  /** epoch ms */
  createdAt: number
}

export interface DeploymentRecord {
  id: number
  environment: string
  sha: string
  /** epoch ms */
  createdAt: number
  statuses: StatusRecord[]
  /** The payload flightdeck wrote (`{ flightdeck: { action, … } }`), or {}. */
  payload: Record<string, unknown>
}

export type Outcome = 'succeeded' | 'failed' | 'rolled-back'

/** A deployment with a final status, as the figures use it. */
export interface Ended {
  deployment: DeploymentRecord
  outcome: Outcome
  /** The rollback action's own record: it ends a failure's time to restore, it is no deploy. */
  restoration: boolean
  /** epoch ms: the first in_progress status, or the deployment's creation. */
  startedAt: number
  /** epoch ms: the final status. */
  endedAt: number
}

const FINAL_STATES = new Set(['success', 'failure', 'error'])

/** The rollback action marks its deployments `payload.flightdeck.action: "rollback"`. */
export function isRestoration(payload: Record<string, unknown>): boolean {
  const flightdeck = payload.flightdeck
  return (
    typeof flightdeck === 'object' &&
    flightdeck !== null &&
    (flightdeck as { action?: unknown }).action === 'rollback'
  )
}

/**
 * The deployment's final status (its latest success, failure or error; `inactive`, which
 * GitHub adds when a later deployment replaces it, is no outcome) and what it means; undefined
 * while it has none.
 */
export function ended(deployment: DeploymentRecord): Ended | undefined {
  const byTime = [...deployment.statuses].sort((a, b) => a.createdAt - b.createdAt)
  const final = byTime.filter((status) => FINAL_STATES.has(status.state)).at(-1)
  if (!final) return undefined
  const started = byTime.find((status) => status.state === 'in_progress')
  const outcome: Outcome =
    final.state === 'success'
      ? 'succeeded'
      : final.state === 'failure' && isRolledBack(final.description)
        ? 'rolled-back'
        : 'failed'
  return {
    deployment,
    outcome,
    restoration: isRestoration(deployment.payload),
    startedAt: started?.createdAt ?? deployment.createdAt,
    endedAt: final.createdAt,
  }
}

/** A deployment's payload from GraphQL's JSON text; {} when it is not a JSON object. */
export function parsePayload(text: string | null | undefined): Record<string, unknown> {
  if (!text) return {}
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {}
  } catch {
    return {}
  }
}
