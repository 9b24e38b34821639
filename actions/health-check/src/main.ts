import * as core from '../../../shared/runner-protocol.js'
import { formatDuration } from '../../../shared/durations.js'
import { ActionFailure } from '../../../shared/errors.js'
import type { Expectations } from '../../../shared/http/expectations.js'
import { attemptLogger } from '../../../shared/http/attempt-log.js'
import type { ProbeTarget } from '../../../shared/http/poll.js'
import { setOutputs } from '../../../shared/outputs.js'
import { watchSettings } from '../../../shared/analysis/inputs.js'
import { analysisMarkdown, analysisOff, analysisResult } from '../../../shared/analysis/report.js'
import { appendSummary } from '../../../shared/summary.js'
import { plural } from '../../../shared/text.js'
import { readHealthCheckInputs, type HealthCheckInputs } from './inputs.js'
import { reportOutput, summaryMarkdown } from './report.js'
import { runMain } from '../../../shared/action-main.js'

function describeExpectations(expect: Expectations): string {
  const parts = [`status in ${expect.statuses.text}`]
  if (expect.maxLatencyMs !== undefined)
    parts.push(`latency ≤ ${formatDuration(expect.maxLatencyMs)}`)
  if (expect.bodyContains !== undefined)
    parts.push(`body contains ${JSON.stringify(expect.bodyContains)}`)
  if (expect.bodyMatches) parts.push(`body matches ${String(expect.bodyMatches)}`)
  for (const assertion of expect.jsonAssertions) parts.push(`JSON ${assertion.source}`)
  return parts.join(', ')
}

export function expectationsOf(inputs: HealthCheckInputs): Expectations {
  return {
    statuses: inputs['expected-status'],
    bodyContains: inputs['body-contains'],
    bodyMatches: inputs['body-matches'],
    jsonAssertions: inputs['json-assertions'],
    maxLatencyMs: inputs['max-latency'],
  }
}

async function main(): Promise<void> {
  const inputs = readHealthCheckInputs()
  const expect = expectationsOf(inputs)
  const targets: ProbeTarget[] = inputs.url.map((url) => ({
    url,
    method: inputs.method,
    headers: inputs.headers,
    body: inputs.body,
    followRedirects: inputs['follow-redirects'],
    insecure: inputs.insecure,
    ipVersion: inputs['ip-version'] === 'auto' ? 0 : inputs['ip-version'] === '4' ? 4 : 6,
  }))

  const cadence =
    inputs.backoff === 'fixed'
      ? `every ${formatDuration(inputs.interval)}`
      : `from ${formatDuration(inputs.interval)} growing to ${formatDuration(inputs['max-interval'])}`
  core.info(
    `Checking ${plural(targets.length, 'URL')} ${cadence} for up to ${formatDuration(inputs.timeout)}; healthy when ${describeExpectations(expect)}`,
  )
  if (inputs.insecure) core.warning('TLS certificates are not verified (insecure: true).')

  // The probe engine loads Node's network modules: a run that fails on its inputs never does.
  const { pollUntilHealthy } = await import('../../../shared/http/poll.js')
  const report = await pollUntilHealthy(targets, expect, {
    timeoutMs: inputs.timeout,
    requestTimeoutMs: inputs['request-timeout'],
    gracePeriodMs: inputs['grace-period'],
    intervalMs: inputs.interval,
    backoff: inputs.backoff,
    maxIntervalMs: inputs['max-interval'],
    maxAttempts: inputs['max-attempts'],
    successThreshold: inputs['success-threshold'],
    // Reports and logs name each URL without user:password (shared/http/poll.ts).
    onAttempt: attemptLogger(inputs['success-threshold']),
  })

  const watch = report.healthy && inputs.watch > 0 ? await watchAfterHealthy(inputs) : undefined
  setOutputs({
    healthy: report.healthy,
    attempts: report.attempts,
    'duration-ms': report.durationMs,
    'latency-ms': report.slowestPassingMs,
    report: reportOutput(report),
    analysis: JSON.stringify(watch?.result ?? analysisOff()),
  })
  await appendSummary(summaryMarkdown(report) + (watch ? `\n${watch.markdown}` : ''))

  if (watch && watch.result.verdict !== 'pass') {
    const message = `The watch of ${plural(inputs.url.length, 'URL')} ${watch.result.verdict === 'fail' ? 'failed' : 'was inconclusive'}: ${watch.result.reason}`
    if (!inputs['fail-on-unhealthy']) {
      core.warning(message, { title: 'health-check: watch' })
      return
    }
    throw new ActionFailure(
      message,
      `health-check: watch ${watch.result.verdict === 'fail' ? 'failed' : 'inconclusive'}`,
    )
  }
  if (report.healthy) {
    core.info(
      `Healthy: ${report.targets.length} of ${plural(report.targets.length, 'URL')} passed in ${formatDuration(report.durationMs)} (${plural(report.attempts, 'probe')}).`,
    )
    return
  }
  const failed = report.targets.filter((target) => !target.healthy)
  const reasons = failed.map((target) => `${target.url}: ${target.error}`).join('; ')
  const message = `${failed.length} of ${plural(report.targets.length, 'URL')} unhealthy after ${formatDuration(report.durationMs)}: ${reasons}`
  if (!inputs['fail-on-unhealthy']) {
    core.warning(message, { title: 'health-check: unhealthy' })
    return
  }
  throw new ActionFailure(message, 'health-check: unhealthy')
}

/** Watches the healthy URLs for `watch` under max-error-rate and max-latency-p95. */
async function watchAfterHealthy(inputs: HealthCheckInputs) {
  const settings = watchSettings(
    inputs,
    inputs.url,
    inputs['expected-status'],
    inputs.headers,
    inputs['watch-interval'],
  )
  const { runWindow } = await import('../../../shared/analysis/engine.js')
  const report = await core.group(
    `Watching for ${formatDuration(settings.durationMs)}, a measurement every ${formatDuration(settings.intervalMs)}`,
    () => runWindow(settings, {}),
  )
  const result = analysisResult([{ report }])
  core.info(`Watch: ${result.verdict} (${result.reason}).`)
  return { result, markdown: analysisMarkdown(result, [{ report }], settings) }
}

/** The whole action, failure handling included: what the runner, local-action and tests run. */
export function run(): Promise<void> {
  return runMain(main)
}
