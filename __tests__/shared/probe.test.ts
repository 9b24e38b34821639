import { readFileSync } from 'node:fs'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import nock from 'nock'
import { sendProbe, type ProbeRequest } from '../../shared/http/probe.js'
import { startFakeApp } from '../fakes/fake-app.mjs'

function request(url: string, extra: Partial<ProbeRequest> = {}): ProbeRequest {
  return {
    url,
    method: 'GET',
    headers: {},
    timeoutMs: 2000,
    followRedirects: true,
    insecure: false,
    ipVersion: 0,
    ...extra,
  }
}

describe('sendProbe against a local app', () => {
  let app: Awaited<ReturnType<typeof startFakeApp>>
  afterEach(async () => app?.close())

  it('returns status, body and latency', async () => {
    app = await startFakeApp({ latencyMs: 50 })
    const outcome = await sendProbe(request(app.url))
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.response.status).toBe(200)
    expect(JSON.parse(outcome.response.body)).toMatchObject({ status: 'healthy' })
    expect(outcome.response.latencyMs).toBeGreaterThanOrEqual(45)
  })

  it('sends method, headers and body', async () => {
    app = await startFakeApp()
    await sendProbe(
      request(app.url, { method: 'POST', headers: { 'X-Probe': 'yes' }, body: '{"ping":1}' }),
    )
    expect(app.requests[0]).toMatchObject({ method: 'POST', body: '{"ping":1}' })
    expect(app.requests[0]?.headers['x-probe']).toBe('yes')
  })

  it('stops a slow request at its time limit', async () => {
    app = await startFakeApp({ latencyMs: 3000 })
    const started = performance.now()
    const outcome = await sendProbe(request(app.url, { timeoutMs: 200 }))
    expect(outcome).toMatchObject({ ok: false, error: 'no response within 200ms' })
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('says when the app closes the connection', async () => {
    app = await startFakeApp({ mode: 'drop' })
    const outcome = await sendProbe(request(app.url))
    expect(outcome.ok).toBe(false)
    // Node reports either a hang-up or a reset, depending on when the socket dies.
    expect(!outcome.ok && outcome.error).toMatch(
      new RegExp(
        `^(127.0.0.1:${app.port} closed the connection without a response|connection reset by 127.0.0.1:${app.port})$`,
      ),
    )
  })

  it('says when nothing listens', async () => {
    app = await startFakeApp()
    await app.close()
    const outcome = await sendProbe(request(app.url))
    expect(outcome).toMatchObject({
      ok: false,
      error: `connection refused by 127.0.0.1:${app.port}`,
    })
  })

  it('follows redirects only when asked', async () => {
    app = await startFakeApp()
    const followed = await sendProbe(request(`${app.origin}/redirect`))
    expect(followed.ok && followed.response.status).toBe(200)
    expect(followed.ok && followed.response.finalUrl).toBe(app.url)
    const kept = await sendProbe(request(`${app.origin}/redirect`, { followRedirects: false }))
    expect(kept.ok && kept.response.status).toBe(302)
  })

  it('does not carry credentials to another origin on a redirect', async () => {
    app = await startFakeApp()
    const other = await startFakeApp({
      respond: (req) =>
        req.path === '/hop' ? { status: 307, headers: { location: app.url } } : undefined,
    })
    try {
      await sendProbe(
        request(`${other.origin}/hop`, {
          headers: { Authorization: 'Bearer s3cret', 'X-Trace': 't', Accept: 'application/json' },
        }),
      )
      expect(other.requests[0]?.headers.authorization).toBe('Bearer s3cret')
      expect(app.requests[0]?.headers.authorization).toBeUndefined()
      // Any header a user set may be a credential, whatever its name; only descriptive ones go on.
      expect(app.requests[0]?.headers['x-trace']).toBeUndefined()
      expect(app.requests[0]?.headers.accept).toBe('application/json')
    } finally {
      await other.close()
    }
  })

  it('stops at once when its signal aborts', async () => {
    app = await startFakeApp({ latencyMs: 3000 })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    const started = performance.now()
    const outcome = await sendProbe(request(app.url, { signal: controller.signal }))
    expect(outcome.ok).toBe(false)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})

describe('sendProbe over TLS', () => {
  const dir = new URL('../fixtures/tls/', import.meta.url)
  const server = createHttpsServer(
    { key: readFileSync(new URL('key.pem', dir)), cert: readFileSync(new URL('cert.pem', dir)) },
    (_req, res) => res.end('ok'),
  )
  let url = ''
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  it('rejects a self-signed certificate with a TLS reason', async () => {
    const outcome = await sendProbe(request(url))
    expect(outcome.ok).toBe(false)
    expect(!outcome.ok && outcome.error).toMatch(/^TLS error: .*(self.signed|SELF_SIGNED)/i)
  })

  it('accepts it with insecure', async () => {
    const outcome = await sendProbe(request(url, { insecure: true }))
    expect(outcome.ok && outcome.response.body).toBe('ok')
  })
})

describe('sendProbe with intercepted DNS and network errors', () => {
  afterEach(() => nock.cleanAll())
  afterAll(() => nock.restore())

  it('names a DNS failure', async () => {
    nock('https://app.example.com')
      .get('/health')
      .replyWithError(
        Object.assign(new Error('getaddrinfo ENOTFOUND app.example.com'), { code: 'ENOTFOUND' }),
      )
    const outcome = await sendProbe(request('https://app.example.com/health'))
    expect(outcome).toMatchObject({
      ok: false,
      error: 'DNS lookup failed for app.example.com (ENOTFOUND)',
    })
  })

  it('names a reset connection', async () => {
    nock('https://app.example.com')
      .get('/health')
      .replyWithError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))
    const outcome = await sendProbe(request('https://app.example.com/health'))
    expect(outcome).toMatchObject({ ok: false, error: 'connection reset by app.example.com' })
  })

  it('reads an intercepted JSON answer', async () => {
    nock('https://app.example.com').get('/health').reply(503, { status: 'starting' })
    const outcome = await sendProbe(request('https://app.example.com/health'))
    expect(outcome.ok && outcome.response.status).toBe(503)
  })
})
