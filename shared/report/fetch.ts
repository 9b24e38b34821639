// Reads what the figures need through GitHub's GraphQL API, in pages of 100, never one
// request per deployment or per commit: the deployments of an environment with their
// statuses, newest first, then the commit history of the deployed commits.
import type { GitHubClient } from '../github/client.js'
import type { CommitRecord } from './commits.js'
import { ended, parsePayload, type DeploymentRecord } from './history.js'
import type { Period } from './period.js'

const DAY_MS = 86_400_000
/**
 * Deployments are listed by creation, the figures go by final status: read on this far
 * before `since` for deployments created earlier that ended in the period.
 */
export const LOOKBACK_MS = 7 * DAY_MS
/** At most this many pages of 100 per environment, and of commits per report. */
export const MAX_DEPLOYMENT_PAGES = 200
export const MAX_COMMIT_PAGES = 200

const DEPLOYMENTS_QUERY = `query DeployReportDeployments($owner: String!, $name: String!, $environments: [String!], $after: String) {
  repository(owner: $owner, name: $name) {
    deployments(environments: $environments, orderBy: {field: CREATED_AT, direction: DESC}, first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes {
        databaseId
        environment
        commitOid
        createdAt
        payload
        latestStatus { state createdAt }
        statuses(first: 100) { nodes { state description createdAt } }
      }
    }
  }
}`

const HISTORY_QUERY = `query DeployReportHistory($owner: String!, $name: String!, $oid: GitObjectID!, $after: String) {
  repository(owner: $owner, name: $name) {
    object(oid: $oid) {
      ... on Commit {
        history(first: 100, after: $after) {
          pageInfo { hasNextPage endCursor }
          nodes { oid committedDate parents(first: 10) { nodes { oid } } }
        }
      }
    }
  }
}`

interface PageInfo {
  hasNextPage: boolean
  endCursor: string | null
}

interface DeploymentsAnswer {
  repository: {
    deployments: {
      pageInfo: PageInfo
      nodes: Array<{
        databaseId: number | null
        environment: string | null
        commitOid: string
        createdAt: string
        payload: string | null
        statuses: {
          nodes: Array<{ state: string; description: string | null; createdAt: string }>
        }
      } | null>
    }
  } | null
}

interface HistoryAnswer {
  repository: {
    object: {
      history?: {
        pageInfo: PageInfo
        nodes: Array<{
          oid: string
          committedDate: string
          parents: { nodes: Array<{ oid: string }> }
        }>
      }
    } | null
  } | null
}

export interface Repository {
  owner: string
  name: string
}

export interface ReadLog {
  info: (message: string) => void
  warning: (message: string) => void
}

/** Every deployment of `environment` that may end in the period or restore one of its failures. */
export async function readDeployments(
  client: GitHubClient,
  repository: Repository,
  environment: string,
  period: Period,
  log: ReadLog,
): Promise<DeploymentRecord[]> {
  const records: DeploymentRecord[] = []
  let after: string | null = null
  for (let page = 1; ; page++) {
    const answer: DeploymentsAnswer = await client.graphql<DeploymentsAnswer>(DEPLOYMENTS_QUERY, {
      ...repository,
      environments: [environment],
      after,
    })
    if (!answer.repository)
      throw new Error(`GitHub has no repository ${repository.owner}/${repository.name}`)
    const { nodes, pageInfo } = answer.repository.deployments
    for (const node of nodes) {
      if (!node || node.databaseId === null) continue
      records.push({
        id: node.databaseId,
        environment: node.environment ?? environment,
        sha: node.commitOid,
        createdAt: Date.parse(node.createdAt),
        payload: parsePayload(node.payload),
        statuses: node.statuses.nodes.map((status) => ({
          state: status.state.toLowerCase(),
          description: status.description ?? '',
          createdAt: Date.parse(status.createdAt),
        })),
      })
    }
    if (!pageInfo.hasNextPage || !pageInfo.endCursor) break
    if (readEnough(records, period)) break
    if (page >= MAX_DEPLOYMENT_PAGES) {
      log.warning(
        `Read ${records.length} deployments of ${environment} (${page} pages) and stopped: older ones are left out.`,
      )
      break
    }
    after = pageInfo.endCursor
  }
  return records
}

/**
 * Enough once the oldest read was created a lookback before `since` and a success before the
 * period (the lead-time base of its first success) is known.
 */
function readEnough(records: readonly DeploymentRecord[], period: Period): boolean {
  const oldest = records.at(-1)
  if (!oldest || oldest.createdAt >= period.since - LOOKBACK_MS) return false
  return records.some((record) => {
    const end = ended(record)
    return end?.outcome === 'succeeded' && !end.restoration && end.endedAt < period.since
  })
}

/**
 * The commit graph around `heads` (the deployed commits, newest deployment first): the
 * history of the newest, page by page, until every head is in it; then of any head it did not
 * reach (a deploy from another branch).
 */
export async function readCommits(
  client: GitHubClient,
  repository: Repository,
  heads: readonly string[],
  log: ReadLog,
): Promise<Map<string, CommitRecord>> {
  const graph = new Map<string, CommitRecord>()
  const missing = new Set<string>()
  const pending = () => heads.filter((oid) => !graph.has(oid) && !missing.has(oid))
  let pages = 0
  for (let tip = pending()[0]; tip !== undefined; tip = pending()[0]) {
    let after: string | null = null
    let foundTip = false
    for (;;) {
      if (pages >= MAX_COMMIT_PAGES) {
        log.warning(
          `Read ${graph.size} commits (${pages} pages) and stopped: lead times of older deployments are left out.`,
        )
        return graph
      }
      pages++
      const answer: HistoryAnswer = await client.graphql<HistoryAnswer>(HISTORY_QUERY, {
        ...repository,
        oid: tip,
        after,
      })
      const history = answer.repository?.object?.history
      if (!history) break
      let fresh = 0
      for (const node of history.nodes) {
        if (node.oid === tip) foundTip = true
        if (graph.has(node.oid)) continue
        fresh++
        graph.set(node.oid, {
          oid: node.oid,
          committedAt: Date.parse(node.committedDate),
          parents: node.parents.nodes.map((parent) => parent.oid),
        })
      }
      // Done when every head is read, or this history runs into commits already read.
      if (pending().length === 0 || fresh === 0 || !history.pageInfo.hasNextPage) break
      after = history.pageInfo.endCursor
    }
    if (!foundTip) missing.add(tip)
  }
  if (missing.size > 0) {
    log.info(
      `GitHub has no commit ${[...missing].slice(0, 3).join(', ')}${missing.size > 3 ? ' …' : ''}: those deployments have no lead time.`,
    )
  }
  return graph
}
