// The shapes the Vercel API stand-in (vercel-api.ts) and its rolling releases
// (vercel-rolling-release.ts) share, apart so that neither imports the other's module.
import type { IncomingMessage } from 'node:http'

export interface StandInDeployment {
  id: string
  /** Host without a scheme, as the API gives it. */
  url: string
  name: string
  projectId: string
  ownerId: string
  target: 'production' | null
  readyState: 'QUEUED' | 'BUILDING' | 'INITIALIZING' | 'READY' | 'ERROR' | 'CANCELED'
  createdAt: number
  buildingAt: number
  ready?: number
  meta: Record<string, string>
  /** GET /v13/deployments/{id} answers that many more times BUILDING before READY. */
  buildPolls: number
  /** Why its build fails, when it does: it ends in ERROR with errorCode BUILD_FAILED. */
  buildError?: string
}

export interface StandInProject {
  id: string
  name: string
  accountId: string
  lastAliasRequest?: {
    fromDeploymentId: string | null
    toDeploymentId: string
    jobStatus: 'pending' | 'in-progress' | 'succeeded' | 'failed' | 'skipped'
    requestedAt: number
    type: 'rollback' | 'promote'
  }
  /** The deployment its production domains point at. */
  productionDeploymentId?: string
  env: Array<{ key: string; value: string; target: string[]; type: string }>
}

export interface RecordedVercelRequest {
  method: string
  path: string
  query: Record<string, string>
  headers: IncomingMessage['headers']
  body: unknown
}
