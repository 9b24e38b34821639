import * as http from 'node:http'
import * as https from 'node:https'
import { formatDuration } from '../durations.js'
import { isCredentialHeader } from '../secrets.js'

export interface ProbeRequest {
  url: string
  method: string
  headers: Record<string, string>
  body?: string
  timeoutMs: number
  followRedirects: boolean
  insecure: boolean
  /** 0 lets the system choose. */
  ipVersion: 0 | 4 | 6
  signal?: AbortSignal
}

export interface ProbeResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
  /** Whether the body was cut at MAX_BODY_BYTES. */
  truncated: boolean
  /** From the first byte sent to the last byte of the body received, redirects included. */
  latencyMs: number
  finalUrl: string
}

export type ProbeOutcome =
  | { ok: true; response: ProbeResponse }
  | { ok: false; error: string; latencyMs: number; timedOut?: boolean }

const MAX_BODY_BYTES = 1024 * 1024
const MAX_REDIRECTS = 10

class ProbeError extends Error {
  constructor(
    message: string,
    readonly timedOut = false,
  ) {
    super(message)
  }
}

/** A short reason a person can act on, from a Node network error. */
export function describeNetworkError(err: unknown, host: string): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? ''
  const message = err instanceof Error ? err.message : String(err)
  if (message === 'socket hang up') return `${host} closed the connection without a response`
  switch (code) {
    case 'ECONNREFUSED':
      return `connection refused by ${host}`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NODATA':
    case 'EAI_NONAME':
      return `DNS lookup failed for ${host} (${code})`
    case 'ECONNRESET':
      return `connection reset by ${host}`
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${host} is unreachable (${code})`
    case 'ETIMEDOUT':
      return `connection to ${host} timed out`
  }
  if (
    /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code) ||
    /certificate|TLS|SSL/i.test(message)
  ) {
    return `TLS error: ${message}${code ? ` (${code})` : ''} — use \`insecure: true\` only for self-signed test endpoints`
  }
  return code ? `${message} (${code})` : message
}

function requestOnce(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  request: ProbeRequest,
  deadline: number,
): Promise<Omit<ProbeResponse, 'latencyMs' | 'finalUrl'>> {
  return new Promise((resolve, reject) => {
    const transport = url.protocol === 'https:' ? https : http
    const remaining = Math.max(1, deadline - performance.now())
    const options: https.RequestOptions = {
      method,
      headers: { 'user-agent': 'flightdeck-health-check', ...headers },
      agent: false,
      family: request.ipVersion || undefined,
      rejectUnauthorized: !request.insecure,
    }
    const req = transport.request(url, options, (res) => {
      const chunks: Buffer[] = []
      let size = 0
      let truncated = false
      res.on('data', (chunk: Buffer) => {
        if (size >= MAX_BODY_BYTES) {
          truncated = true
          return
        }
        chunks.push(chunk)
        size += chunk.length
      })
      res.on('end', () => {
        cleanup()
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString('utf8'),
          truncated,
        })
      })
      res.on('error', fail)
      res.on('aborted', () =>
        fail(new ProbeError(`${url.host} closed the connection mid-response`)),
      )
    })
    const timer = setTimeout(
      () =>
        req.destroy(
          new ProbeError(`no response within ${formatDuration(request.timeoutMs)}`, true),
        ),
      remaining,
    )
    const onAbort = () => req.destroy(new ProbeError('stopped'))
    request.signal?.addEventListener('abort', onAbort, { once: true })
    function cleanup() {
      clearTimeout(timer)
      request.signal?.removeEventListener('abort', onAbort)
    }
    function fail(err: unknown) {
      cleanup()
      reject(err)
    }
    req.on('error', fail)
    if (body !== undefined) req.write(body)
    req.end()
  })
}

/** Only the headers that describe the request; any header a user set may be a credential. */
function withoutCredentialHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !isCredentialHeader(name)))
}

/** Sends one request, following redirects when asked, within the request's time limit. */
export async function sendProbe(request: ProbeRequest): Promise<ProbeOutcome> {
  const started = performance.now()
  const deadline = started + request.timeoutMs
  let url = new URL(request.url)
  let method = request.method.toUpperCase()
  let body = request.body
  let headers = request.headers
  const elapsed = () => Math.round(performance.now() - started)
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await requestOnce(url, method, headers, body, request, deadline)
      const location = response.headers.location
      if (request.followRedirects && location && response.status >= 300 && response.status < 400) {
        if (redirects >= MAX_REDIRECTS) {
          return { ok: false, error: `more than ${MAX_REDIRECTS} redirects`, latencyMs: elapsed() }
        }
        const next = new URL(location, url)
        // 301/302/303 turn into GET, as browsers and curl -L do; 307/308 keep method and body.
        if (
          response.status === 303 ||
          ((response.status === 301 || response.status === 302) && method !== 'HEAD')
        ) {
          method = method === 'HEAD' ? 'HEAD' : 'GET'
          body = undefined
        }
        // Credentials are for the origin they were given for: on a redirect elsewhere, no header
        // that may carry one, no body and no user:password from the URL go along.
        if (next.origin !== url.origin) {
          headers = withoutCredentialHeaders(headers)
          body = undefined
          next.username = ''
          next.password = ''
        }
        url = next
        continue
      }
      return { ok: true, response: { ...response, latencyMs: elapsed(), finalUrl: url.toString() } }
    }
  } catch (err) {
    if (err instanceof ProbeError) {
      return { ok: false, error: err.message, latencyMs: elapsed(), timedOut: err.timedOut }
    }
    return { ok: false, error: describeNetworkError(err, url.host), latencyMs: elapsed() }
  }
}
