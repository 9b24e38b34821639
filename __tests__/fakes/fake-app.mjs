// A stand-in for a freshly deployed app on 127.0.0.1: unhealthy while it "starts", healthy
// afterwards, with switches for the ways real apps misbehave (flapping, slowness, bad JSON,
// dropped connections, redirects). Used by tests, the demo and the benchmark.
import { createServer } from 'node:http'

/**
 * @typedef {object} Reply
 * @property {number} status
 * @property {unknown} [json]
 * @property {string} [text]
 * @property {Record<string, string>} [headers]
 * @property {number} [delayMs] wait before answering
 * @property {boolean} [drop] close the connection without an answer
 */

/**
 * @typedef {object} FakeAppOptions
 * @property {number} [healthyAfterMs] when the app turns healthy, from start (default 0; Infinity: never)
 * @property {'steady' | 'flap' | 'bad-json' | 'drop'} [mode]
 * @property {number} [latencyMs] delay of every answer
 * @property {(request: RecordedRequest, healthy: boolean) => Reply | undefined} [respond] custom answers
 */

/**
 * @typedef {object} RecordedRequest
 * @property {number} at epoch ms
 * @property {string} method
 * @property {string} path
 * @property {Record<string, string | string[] | undefined>} headers
 * @property {string} body
 */

export const HEALTHY_BODY = {
  status: 'healthy',
  version: '1.4.2',
  services: { database: 'ok', cache: 'ok' },
}
export const STARTING_BODY = {
  status: 'starting',
  version: '1.4.2',
  services: { database: 'degraded', cache: 'ok' },
}

/** @param {FakeAppOptions} [options] */
export async function startFakeApp(options = {}) {
  const startedAt = Date.now()
  let healthyAt = startedAt + (options.healthyAfterMs ?? 0)
  /** @type {RecordedRequest[]} */
  const requests = []
  const timers = new Set()

  /** @returns {Reply} */
  function reply(request) {
    const healthy = Date.now() >= healthyAt
    const custom = options.respond?.(request, healthy)
    if (custom) return custom
    if (request.path === '/redirect') return { status: 302, headers: { location: '/health' } }
    switch (options.mode) {
      case 'flap':
        return requests.length % 2 === 1
          ? { status: 200, json: HEALTHY_BODY }
          : { status: 503, json: STARTING_BODY }
      case 'bad-json':
        return {
          status: 200,
          text: '<html>502 Bad Gateway</html>',
          headers: { 'content-type': 'text/html' },
        }
      case 'drop':
        return { status: 0, drop: true }
      default:
        return healthy ? { status: 200, json: HEALTHY_BODY } : { status: 503, json: STARTING_BODY }
    }
  }

  const server = createServer((req, res) => {
    const chunks = []
    req.on('data', (chunk) => chunks.push(chunk))
    req.on('end', () => {
      const request = {
        at: Date.now(),
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      requests.push(request)
      const answer = reply(request)
      const send = () => {
        if (answer.drop) {
          req.socket.destroy()
          return
        }
        const body = answer.json !== undefined ? JSON.stringify(answer.json) : (answer.text ?? '')
        const type = answer.json !== undefined ? 'application/json' : 'text/plain'
        res.writeHead(answer.status, { 'content-type': type, ...answer.headers })
        res.end(body)
      }
      const delay = (answer.delayMs ?? 0) + (options.latencyMs ?? 0)
      if (delay > 0) {
        const timer = setTimeout(() => {
          timers.delete(timer)
          send()
        }, delay)
        timers.add(timer)
      } else send()
    })
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const origin = `http://127.0.0.1:${port}`
  return {
    origin,
    url: `${origin}/health`,
    port,
    requests,
    startedAt,
    /** Epoch ms at which the app turns (or turned) healthy. */
    get healthyAt() {
      return healthyAt
    },
    becomeHealthy() {
      healthyAt = Date.now()
    },
    becomeUnhealthy() {
      healthyAt = Infinity
    },
    close() {
      for (const timer of timers) clearTimeout(timer)
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve(undefined)))
    },
  }
}
