// The require-healthy gate: another service the deploy depends on (a staging API, a database
// proxy) answers healthy before anything is deployed. It expects the statuses the deploy's own
// health check expects (health-expected-status), without its headers or JSON assertions.
import { formatDuration } from '../durations.js'
import type { HealthInputs } from '../http/health-inputs.js'
import { unhealthyReasons } from '../http/verify.js'
import { duration, httpUrls, withDefault } from '../inputs.js'
import { defineGate } from './gate.js'

const inputs = {
  'require-healthy': withDefault(httpUrls('https://staging.example.com/health'), ''),
  'require-healthy-timeout': withDefault(duration('2m', { minMs: 1 }), '2m'),
}

export const requireHealthyGate = defineGate<
  typeof inputs,
  Pick<HealthInputs, 'health-expected-status'>
>({
  name: 'require-healthy',
  inputs,
  configured: (inputs) => inputs['require-healthy'].length > 0,
  evaluate: async (inputs) => {
    const { verifyHealth } = await import('../http/verify.js')
    const report = await verifyHealth({
      urls: inputs['require-healthy'],
      headers: {},
      expect: { statuses: inputs['health-expected-status'], jsonAssertions: [] },
      timeoutMs: inputs['require-healthy-timeout'],
    })
    return report.healthy
      ? { open: true, reason: `healthy after ${formatDuration(report.durationMs)}` }
      : { open: false, reason: unhealthyReasons(report) }
  },
})
