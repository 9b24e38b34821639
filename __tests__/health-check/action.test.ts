// The bundled action, run as the runner runs it: a child process with INPUT_* variables and
// file commands, against a local app on 127.0.0.1.
import { runBundledAction, secretLeaks } from '../support/bundle-runner.mjs'
import { HEALTHY_BODY, STARTING_BODY, startFakeApp } from '../fakes/fake-app.mjs'

type App = Awaited<ReturnType<typeof startFakeApp>>

const apps: App[] = []
async function app(options: Parameters<typeof startFakeApp>[0] = {}) {
  const started = await startFakeApp(options)
  apps.push(started)
  return started
}
afterEach(async () => {
  await Promise.all(apps.splice(0).map((started) => started.close()))
})

function report(outputs: Record<string, string>) {
  return JSON.parse(outputs.report ?? '[]') as Array<Record<string, unknown>>
}

describe('health-check bundle', () => {
  it('reports healthy soon after the app turns healthy', async () => {
    const service = await app({
      healthyAfterMs: 1500,
      // Up with 200 while its database is still degraded: only the JSON tells.
      respond: (_req, healthy) => ({ status: 200, json: healthy ? HEALTHY_BODY : STARTING_BODY }),
    })
    const result = await runBundledAction('health-check', {
      inputs: { url: service.url, 'json-assertions': 'status == healthy\nservices.database == ok' },
    })
    expect(result.exitCode).toBe(0)
    expect(result.endedAt - service.healthyAt).toBeLessThan(1000 + 400)
    expect(result.outputs).toMatchObject({ healthy: 'true' })
    expect(Number(result.outputs.attempts)).toBeGreaterThanOrEqual(2)
    expect(Number(result.outputs['duration-ms'])).toBeGreaterThan(1000)
    expect(Number(result.outputs['latency-ms'])).toBeGreaterThanOrEqual(0)
    expect(report(result.outputs)).toEqual([
      {
        url: service.url,
        healthy: true,
        attempts: Number(result.outputs.attempts),
        status: 200,
        latencyMs: expect.any(Number),
        error: null,
      },
    ])
    expect(result.stdout).toContain(`✗ ${service.url} #1 200 in`)
    expect(result.stdout).toMatch(
      /: status was "starting", not "healthy"; services\.database was "degraded", not "ok"$/m,
    )
    expect(result.summary).toMatch(/^### ✅ Healthy: 1 of 1 URL passed in/)
    expect(result.summary).toContain('| URL | verdict | status | attempts | latency | reason |')
    expect(result.summary).toContain(`| \`${service.url}\` | ✅ healthy | 200 |`)
    expect(result.errors).toEqual([])
  })

  it('fails at the timeout with the last reason per URL', async () => {
    const never = await app({ healthyAfterMs: Infinity })
    const healthy = await app()
    const result = await runBundledAction('health-check', {
      inputs: {
        url: `${never.url}\n${healthy.url}`,
        timeout: '2s',
        interval: '500ms',
        'json-assertions': 'status == healthy',
      },
    })
    expect(result.exitCode).toBe(1)
    expect(result.durationMs).toBeLessThan(2000 + 1500)
    expect(Number(result.outputs['duration-ms'])).toBeLessThanOrEqual(2100)
    expect(result.outputs.healthy).toBe('false')
    expect(result.errors).toHaveLength(1)
    expect(result.stdout).toMatch(
      new RegExp(
        `^::error title=health-check%3A unhealthy::1 of 2 URLs unhealthy after .*${never.url}: status 503 not in 200-299 \\(timeout 2s, 4 attempts\\)$`,
        'm',
      ),
    )
    expect(report(result.outputs).map((entry) => entry.healthy)).toEqual([false, true])
    expect(result.summary).toContain('### ❌ Unhealthy: 1 of 2 URLs failed')
    expect(result.summary).toContain('status 503 not in 200-299')
  })

  it('passes the step with fail-on-unhealthy: false and says so in the outputs', async () => {
    const never = await app({ healthyAfterMs: Infinity })
    const result = await runBundledAction('health-check', {
      inputs: {
        url: never.url,
        'max-attempts': '2',
        interval: '100ms',
        'fail-on-unhealthy': 'false',
      },
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ healthy: 'false', attempts: '2' })
    expect(result.stdout).toMatch(
      /^::warning title=health-check%3A unhealthy::1 of 1 URL unhealthy/m,
    )
  })

  it.each([
    [
      'latency over max-latency',
      { latencyMs: 300 },
      { 'max-latency': '100ms' },
      /latency \d+ms over 100ms/,
    ],
    [
      'a body that is not JSON',
      { mode: 'bad-json' as const },
      { 'json-assertions': 'ok == true' },
      /body is not JSON/,
    ],
    [
      'dropped connections',
      { mode: 'drop' as const },
      {},
      /closed the connection without a response|connection reset by/,
    ],
    [
      'a flapping app under a success threshold',
      { mode: 'flap' as const },
      { 'success-threshold': '3' },
      /status 503 not in 200-299/,
    ],
    ['a missing body text', {}, { 'body-contains': 'ready' }, /body does not contain "ready"/],
  ])('fails on %s', async (_name, appOptions, inputs, reason) => {
    const service = await app(appOptions)
    const result = await runBundledAction('health-check', {
      inputs: { url: service.url, timeout: '1500ms', interval: '200ms', ...inputs },
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(reason)
    expect(String(report(result.outputs)[0]?.error)).toMatch(reason)
  })

  it('refuses bad inputs before sending any request, in one error line without a stack', async () => {
    const service = await app()
    const result = await runBundledAction('health-check', {
      inputs: {
        url: `${service.url}, ftp://files.example.com`,
        'expected-status': 'abc',
        timeout: 'soon',
        'body-matches': '(unclosed',
        'json-assertions': 'status healthy',
      },
    })
    expect(result.exitCode).toBe(1)
    expect(service.requests).toHaveLength(0)
    const errorLines = result.stdout.split('\n').filter((line) => line.startsWith('::error'))
    expect(errorLines).toHaveLength(1)
    expect(errorLines[0]).toMatch(
      /^::error::invalid `url`: "ftp:\/\/files.example.com" is not an http\(s\) URL \(example: https:\/\/app.example.com\/health\)/,
    )
    for (const name of ['expected-status', 'timeout', 'body-matches', 'json-assertions']) {
      expect(errorLines[0]).toContain(`invalid \`${name}\``)
    }
    const visible = (result.stdout + result.stderr)
      .split('\n')
      .filter((line) => !line.startsWith('::debug::'))
    expect(visible.join('\n')).not.toMatch(/^\s+at /m)
  })

  it('names a missing url', async () => {
    const result = await runBundledAction('health-check', { inputs: {} })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual(['`url` is required (example: https://app.example.com/health)'])
  })

  it('keeps header secrets and URL passwords out of every log, summary and output', async () => {
    const token = 'tok_9f8e7d6c5b4a39281706'
    const cookie = 'session=c00kie-v4lue-123456'
    const password = 'pa55w0rd-in-url'
    const service = await app({ healthyAfterMs: Infinity })
    const url = service.url.replace('http://', `http://deploy:${password}@`)
    const result = await runBundledAction('health-check', {
      inputs: {
        url,
        headers: `Authorization: Bearer ${token}\nCookie: ${cookie}\nX-Api-Key: ${token}-key`,
        'max-attempts': '2',
        interval: '100ms',
      },
    })
    expect(result.exitCode).toBe(1)
    expect(service.requests[0]?.headers.authorization).toBe(`Bearer ${token}`)
    expect(service.requests[0]?.headers.cookie).toBe(cookie)
    for (const secret of [token, cookie, password, `${token}-key`]) {
      expect(secretLeaks(result, secret)).toEqual([])
      expect(result.stdout).toContain(`::add-mask::${secret}`)
    }
  })

  it('probes several URLs in parallel', async () => {
    const slowA = await app({ latencyMs: 700 })
    const slowB = await app({ latencyMs: 700 })
    const result = await runBundledAction('health-check', {
      inputs: { url: `${slowA.url},${slowB.url}` },
    })
    expect(result.exitCode).toBe(0)
    expect(Number(result.outputs['duration-ms'])).toBeLessThan(1300)
    expect(Math.abs((slowA.requests[0]?.at ?? 0) - (slowB.requests[0]?.at ?? 0))).toBeLessThan(200)
  })

  it('sends the method, body and headers it is given', async () => {
    const service = await app()
    const result = await runBundledAction('health-check', {
      inputs: {
        url: service.url,
        method: 'POST',
        body: '{"probe":true}',
        headers: 'Content-Type: application/json',
        'expected-status': '200,204',
      },
    })
    expect(result.exitCode).toBe(0)
    expect(service.requests[0]).toMatchObject({ method: 'POST', body: '{"probe":true}' })
    expect(service.requests[0]?.headers['content-type']).toBe('application/json')
  })
})

describe('health-check bundle: watch', () => {
  it('judges a window after the URLs are healthy, and passes a steady app', async () => {
    const service = await app()
    const result = await runBundledAction('health-check', {
      inputs: {
        url: service.url,
        watch: '600ms',
        'watch-interval': '100ms',
        'max-error-rate': '5%',
        'max-latency-p95': '800ms',
      },
    })
    expect(result.exitCode).toBe(0)
    const analysis = JSON.parse(result.outputs.analysis ?? '') as Record<string, unknown>
    expect(analysis).toMatchObject({ verdict: 'pass', errorRate: 0 })
    expect(analysis.samples).toBeGreaterThanOrEqual(5)
    expect(result.summary).toContain('xychart-beta')
  })

  it('fails an app that answers its first probe and then fails one request in three', async () => {
    const service = await app({
      respond: (request) =>
        service.requests.indexOf(request) % 3 === 2 ? { status: 500, text: 'oops' } : undefined,
    })
    const result = await runBundledAction('health-check', {
      inputs: {
        url: service.url,
        watch: '3s',
        'watch-interval': '100ms',
        'max-error-rate': '5%',
      },
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs.healthy).toBe('true')
    const analysis = JSON.parse(result.outputs.analysis ?? '') as Record<string, unknown>
    expect(analysis.verdict).toBe('fail')
    // Judged as soon as the fourth measurement failed, not at the end of the 3 s window.
    expect(analysis.samples).toBeLessThan(20)
    expect(result.errors[0]?.replaceAll('%25', '%')).toMatch(
      /^The watch of 1 URL failed: error rate .* over 5%$/,
    )
  })

  it('is off without watch, and refuses a limit without it', async () => {
    const service = await app()
    const off = await runBundledAction('health-check', { inputs: { url: service.url } })
    expect(JSON.parse(off.outputs.analysis ?? '')).toMatchObject({ verdict: 'off' })
    const refused = await runBundledAction('health-check', {
      inputs: { url: service.url, 'max-error-rate': '5%' },
    })
    expect(refused.exitCode).toBe(1)
    expect(refused.errors).toEqual([
      '`max-error-rate` needs `watch`: with 0 there is no window to judge (example: watch: 5m)',
    ])
    expect(service.requests).toHaveLength(1)
  })
})
