// The concurrency gate: one deploy at a time per environment. Another GitHub Deployment of the
// environment whose newest status is still queued, pending or in progress is waited for (or
// blocks at once), read in one GraphQL request per look.
import { formatDuration } from '../durations.js'
import type { GitHubClient } from '../github/client.js'
import type { RunContext } from '../github/context.js'
import { environmentDeployments } from '../github/deployments.js'
import { duration, oneOf, withDefault } from '../inputs.js'
import * as core from '../runner-protocol.js'
import { sleep } from '../sleep.js'
import { defineGate } from './gate.js'

const UNFINISHED = new Set(['IN_PROGRESS', 'QUEUED', 'PENDING'])

export interface ConcurrencyGateOptions {
  client: GitHubClient
  context: RunContext
  environment: string
  mode: 'wait' | 'fail'
  timeoutMs: number
  intervalMs: number
  log: (line: string) => void
}

export interface ConcurrencyGateResult {
  open: boolean
  reason: string
}

/** Ids of the environment's deployments that have not finished. */
export async function unfinishedDeployments(
  client: GitHubClient,
  context: RunContext,
  environment: string,
): Promise<number[]> {
  const deployments = await environmentDeployments(client, context, environment, { first: 30 })
  return deployments
    .filter((deployment) => UNFINISHED.has(deployment.latestStatus ?? deployment.state ?? ''))
    .map((deployment) => deployment.id)
    .filter((id): id is number => id !== null)
}

export async function checkConcurrency(
  options: ConcurrencyGateOptions,
): Promise<ConcurrencyGateResult> {
  const deadline = performance.now() + options.timeoutMs
  let waited = false
  for (;;) {
    const running = await unfinishedDeployments(
      options.client,
      options.context,
      options.environment,
    )
    if (running.length === 0) {
      return {
        open: true,
        reason: waited
          ? `the other deploy to ${options.environment} finished`
          : `no other deploy to ${options.environment} in progress`,
      }
    }
    const which = `deployment ${running.join(', ')} to ${options.environment} is in progress`
    if (options.mode === 'fail') return { open: false, reason: `${which} (concurrency: fail)` }
    const left = deadline - performance.now()
    if (left <= 0) {
      return {
        open: false,
        reason: `${which}, still after waiting ${formatDuration(options.timeoutMs)}`,
      }
    }
    options.log(`Waiting for ${which} to finish; ${formatDuration(left)} left`)
    waited = true
    await sleep(Math.min(options.intervalMs, left))
  }
}

export const concurrencyGate = defineGate({
  name: 'concurrency',
  inputs: {
    concurrency: withDefault(oneOf(['wait', 'fail', 'off'] as const), 'wait'),
    'concurrency-timeout': withDefault(duration('15m'), '15m'),
  },
  configured: (inputs) => inputs.concurrency !== 'off',
  evaluate: async (inputs, { context, environment, github, intervalMs, log }) => {
    const client = await github()
    if (!client) {
      core.warning('No github-token: other deploys to the environment cannot be seen.', {
        title: 'gated-deploy: concurrency not checked',
      })
      return { open: true, reason: 'not checked: no github-token' }
    }
    return checkConcurrency({
      client,
      context,
      environment,
      mode: inputs.concurrency === 'fail' ? 'fail' : 'wait',
      timeoutMs: inputs['concurrency-timeout'],
      intervalMs,
      log,
    })
  },
})
