// What the main step leaves for the post step: the GitHub Deployment it has open. The main
// step clears it once the deployment has its final state; the post step (post-if: always())
// ends one still open, which is what a cancelled or killed job leaves behind.

export const DEPLOYMENT_STATE = 'open-deployment'

export interface SavedDeployment {
  id: number
  environment: string
}

export function readSavedDeployment(text: string): SavedDeployment | undefined {
  if (!text.trim()) return undefined
  try {
    const saved = JSON.parse(text) as Partial<SavedDeployment>
    if (typeof saved.id === 'number' && typeof saved.environment === 'string') {
      return { id: saved.id, environment: saved.environment }
    }
  } catch {
    // Not ours: nothing to end.
  }
  return undefined
}
