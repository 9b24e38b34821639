// Generates Deployment histories as flightdeck records them (statuses, payloads, deployed
// commits) and the commit graph behind them, for the figures tests (in process), the action
// tests (through the fake GitHub API) and the benchmark.
import type { FakeCommit, FakeDeployment, FakeGitHubApi } from '../fakes/github-api.js'
import type { DeploymentRecord } from '../../shared/report/history.js'
import type { CommitGraph } from '../../shared/report/commits.js'

export interface Status {
  state: string
  description?: string
  /** ISO 8601, any offset */
  at: string
}

export interface GenDeployment {
  id: number
  environment: string
  sha: string
  /** ISO 8601 */
  createdAt: string
  /** oldest first */
  statuses: Status[]
  payload: Record<string, unknown>
}

export interface History {
  deployments: GenDeployment[]
  commits: FakeCommit[]
}

/** Builds a history step by step: commits on one line, deployments of them. */
export class HistoryBuilder {
  readonly history: History = { deployments: [], commits: [] }
  private nextId = 1

  /** A commit on top of the previous one (or of `parents`). */
  commit(oid: string, committedAt: string, parents?: string[]): string {
    const previous = this.history.commits.at(-1)?.oid
    this.history.commits.push({
      oid,
      committedDate: new Date(committedAt).toISOString(),
      parents: parents ?? (previous ? [previous] : []),
    })
    return oid
  }

  /** A deployment: created at the first status's time unless given. */
  deploy(
    sha: string,
    statuses: Status[],
    options: { environment?: string; createdAt?: string; restoration?: boolean } = {},
  ): GenDeployment {
    const deployment: GenDeployment = {
      id: this.nextId++,
      environment: options.environment ?? 'production',
      sha,
      createdAt: new Date(options.createdAt ?? (statuses[0] as Status).at).toISOString(),
      statuses: statuses.map((s) => ({ ...s, at: new Date(s.at).toISOString() })),
      payload: {
        flightdeck: options.restoration
          ? { action: 'rollback', provider: 'fly', from: 'v9', to: 'v8' }
          : { action: 'gated-deploy', provider: 'fly' },
      },
    }
    this.history.deployments.push(deployment)
    return deployment
  }
}

/** The same history as the report code reads it from GitHub. */
export function toRecords(history: History): DeploymentRecord[] {
  return history.deployments.map((d) => ({
    id: d.id,
    environment: d.environment,
    sha: d.sha,
    createdAt: Date.parse(d.createdAt),
    payload: d.payload,
    statuses: d.statuses.map((s) => ({
      state: s.state,
      description: s.description ?? '',
      createdAt: Date.parse(s.at),
    })),
  }))
}

export function toGraph(history: History): CommitGraph {
  return new Map(
    history.commits.map((c) => [
      c.oid,
      { oid: c.oid, committedAt: Date.parse(c.committedDate), parents: c.parents },
    ]),
  )
}

/** Loads the history into the fake GitHub API: deployments newest first, statuses too. */
export function loadInto(api: FakeGitHubApi, history: History): void {
  const fakes: FakeDeployment[] = history.deployments.map((d) => ({
    id: d.id,
    environment: d.environment,
    sha: d.sha,
    createdAt: d.createdAt,
    payload: d.payload,
    statuses: [...d.statuses].reverse().map((s) => ({
      state: s.state,
      createdAt: s.at,
      ...(s.description !== undefined ? { description: s.description } : {}),
    })),
  }))
  fakes.sort((a, b) => Date.parse(b.createdAt ?? '') - Date.parse(a.createdAt ?? '') || b.id - a.id)
  api.deployments.push(...fakes)
  for (const commit of history.commits) api.commits.set(commit.oid, commit)
}

/** A deterministic pseudo-random generator (mulberry32), so generated histories repeat. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const MINUTE = 60_000
const hex = (n: number) => n.toString(16).padStart(40, '0')

/**
 * A busy repository: `deployments` production deployments and `commits` commits spread over
 * `days` days before `end`, about 1 in 12 deployments failed and 1 in 25 rolled back, a
 * restoration after some failures, and a few staging deployments in between.
 */
export function busyHistory(options: {
  deployments: number
  commits: number
  days: number
  end: number
  seed?: number
}): History {
  const random = seeded(options.seed ?? 42)
  const builder = new HistoryBuilder()
  const start = options.end - options.days * 86_400_000
  const commitGap = (options.end - start) / options.commits
  const deployGap = (options.end - start) / options.deployments
  let committed = 0
  for (let i = 0; i < options.deployments; i++) {
    const at = start + i * deployGap
    // Every commit made before this deployment starts.
    while (committed < options.commits && start + committed * commitGap < at - MINUTE) {
      builder.commit(hex(committed + 1), new Date(start + committed * commitGap).toISOString())
      committed++
    }
    const sha =
      builder.history.commits.at(-1)?.oid ??
      builder.commit(hex(1), new Date(at - 2 * MINUTE).toISOString())
    const minutes = 3 + Math.floor(random() * 12)
    const roll = random()
    const final: Status =
      roll < 0.04
        ? {
            state: 'failure',
            description: 'Rolled back to v1 (rel-1): the new release was unhealthy',
            at: '',
          }
        : roll < 0.12
          ? { state: 'failure', description: 'Deploy failed: exit code 1', at: '' }
          : { state: 'success', description: 'Deployed, healthy', at: '' }
    final.at = new Date(at + minutes * MINUTE).toISOString()
    builder.deploy(sha, [{ state: 'in_progress', at: new Date(at).toISOString() }, final])
    if (roll >= 0.04 && roll < 0.07) {
      builder.deploy(
        sha,
        [
          { state: 'in_progress', at: new Date(at + (minutes + 5) * MINUTE).toISOString() },
          {
            state: 'success',
            description: 'Rolled back to v1 (rel-1)',
            at: new Date(at + (minutes + 8) * MINUTE).toISOString(),
          },
        ],
        { restoration: true },
      )
    }
  }
  return builder.history
}
