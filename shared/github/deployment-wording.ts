// The words flightdeck ends a Deployment with, where other tools read them: deploy-report
// counts a deploy as rolled back when its final `failure` status begins ROLLED_BACK, and as
// failed otherwise. The wording is a documented contract (README, "deploy-report"): change it
// here only, and only compatibly.

/**
 * How the final status of a deploy that flightdeck rolled back, and proved healthy, begins:
 * `Rolled back to v41 (rel-41): the new release was unhealthy`.
 */
export const ROLLED_BACK = 'Rolled back'

/**
 * A rollback that did not restore a healthy app: it must not read as rolled back, or a
 * report would count an outage that is still going on as restored.
 */
export function rollbackFailedDescription(release: string, why: string): string {
  return `Rollback to ${release} failed: ${why}`
}

/** Did flightdeck's rollback end this deploy and prove the old release healthy? */
export function isRolledBack(description: string | null | undefined): boolean {
  return (description ?? '').startsWith(ROLLED_BACK)
}
