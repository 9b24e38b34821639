// A receiver of notify's own-webhook channel on 127.0.0.1, as a team would write one: it takes
// POSTs of flightdeck.notify/v1 JSON on one path, checks `X-Flightdeck-Signature: sha256=<hex>`
// (the HMAC-SHA256 of the raw body under the shared secret, compared in constant time) and
// refuses a request whose signature is missing or wrong with 401. It records every request and
// its verdict. Used by the demo.
import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer } from 'node:http'

/**
 * @typedef {object} ReceivedWebhook
 * @property {string} method
 * @property {string} path
 * @property {import('node:http').IncomingHttpHeaders} headers
 * @property {string} raw the body exactly as received
 * @property {unknown} json the body parsed, or undefined when it is not JSON
 * @property {'valid' | 'invalid' | 'missing' | 'not checked'} signature
 * @property {number} status what the receiver answered
 */

/**
 * Whether `header` is the signature of `raw` under `secret`.
 * @param {string | undefined} header
 * @param {string} raw
 * @param {string} secret
 * @returns {'valid' | 'invalid' | 'missing'}
 */
export function verifySignature(header, raw, secret) {
  if (!header) return 'missing'
  const expected = Buffer.from(
    `sha256=${createHmac('sha256', secret).update(raw, 'utf8').digest('hex')}`,
  )
  const given = Buffer.from(header)
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'valid' : 'invalid'
}

/**
 * @param {{ path?: string, secret?: string }} [options] path: where the hook listens (real hook
 * URLs carry a credential in it); secret: the webhook-secret to verify signatures with
 */
export async function startWebhookReceiver(options = {}) {
  const hookPath = options.path ?? '/hooks/flightdeck'
  /** @type {ReceivedWebhook[]} */
  const requests = []
  const server = createServer((req, res) => {
    const chunks = []
    req.on('data', (chunk) => chunks.push(chunk))
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      let json
      try {
        json = JSON.parse(raw)
      } catch {
        json = undefined
      }
      const header = req.headers['x-flightdeck-signature']
      const signature = options.secret
        ? verifySignature(Array.isArray(header) ? header[0] : header, raw, options.secret)
        : 'not checked'
      const status =
        req.method !== 'POST' || req.url !== hookPath
          ? 404
          : signature === 'invalid' || signature === 'missing'
            ? 401
            : json === undefined
              ? 400
              : 200
      requests.push({
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        raw,
        json,
        signature,
        status,
      })
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(status === 200 ? { ok: true } : { ok: false }))
    })
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}${hookPath}`,
    requests,
    close() {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve(undefined)))
    },
  }
}
