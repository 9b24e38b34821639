// One HTTP client for every platform API call and download: through @actions/http-client (it
// honours the runner's proxy settings), within a time limit that covers the whole exchange
// (the socket is destroyed when it passes), with the answer's size capped, and with redirects
// followed only within the origin the credentials were given for.
import { createWriteStream } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { formatDuration } from '../durations.js'

export class HttpError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly body?: string,
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  url: string
  /** Every header here is treated as a possible credential: none goes to another origin. */
  headers?: Record<string, string>
  body?: string
  timeoutMs: number
  /** How to name the other side in errors, e.g. "Render API". */
  service: string
  /** Answers longer than this fail (default MAX_BODY_BYTES). */
  maxBytes?: number
  /**
   * Fails when the other side sends nothing for this long: no answer to the request, or no byte
   * of a download's body (a mirror that accepts the connection and then stalls).
   */
  stallMs?: number
  /**
   * Follows a redirect to another origin too (a release download moving to its CDN), for a
   * request that carries no headers, so no credential; never from https down to http.
   */
  anyOriginRedirects?: boolean
}

export interface HttpAnswer {
  status: number
  headers: IncomingMessage['headers']
  body: string
}

/** The most of an API answer flightdeck reads: an endless body cannot grow memory. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024
/** The most of a download (a CLI archive) flightdeck writes. */
export const MAX_DOWNLOAD_BYTES = 512 * 1024 * 1024
const MAX_REDIRECTS = 5

type HttpClientModule = typeof import('@actions/http-client')
let clientModule: Promise<HttpClientModule> | undefined

/** @actions/http-client loads undici; only a path that makes a request pays for it. */
function loadClient(): Promise<HttpClientModule> {
  clientModule ??= import('@actions/http-client')
  return clientModule
}

function label(request: HttpRequest, url: URL): string {
  return `${request.service} ${request.method} ${url.pathname}`
}

/**
 * Sends one request and hands the response stream to `consume`, following same-origin
 * redirects. The time limit covers connecting, redirects and reading the whole body.
 */
async function exchange<T>(
  request: HttpRequest,
  consume: (response: IncomingMessage, status: number, url: URL, alive: () => void) => Promise<T>,
): Promise<T> {
  const { HttpClient } = await loadClient()
  const abort = new AbortController()
  const client = new HttpClient(
    'flightdeck',
    [
      {
        // Node's http.request destroys the socket when this signal aborts.
        prepareRequest: (options) => Object.assign(options, { signal: abort.signal }),
        canHandleAuthentication: () => false,
        handleAuthentication: () => Promise.reject(new Error('not supported')),
      },
    ],
    { allowRedirects: false, allowRetries: false, socketTimeout: request.timeoutMs },
  )
  let url = new URL(request.url)
  let method: string = request.method
  let body = request.body
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    abort.abort()
  }, request.timeoutMs)
  // Restarted by every sign of life (an answer, a chunk of body); fires after stallMs without one.
  let stalled = false
  let stallTimer: NodeJS.Timeout | undefined
  const alive = () => {
    if (request.stallMs === undefined) return
    clearTimeout(stallTimer)
    stallTimer = setTimeout(() => {
      stalled = true
      abort.abort()
    }, request.stallMs)
  }
  alive()
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await client.request(method, url.toString(), body ?? null, {
        ...request.headers,
      })
      alive()
      const status = response.message.statusCode ?? 0
      const location = response.message.headers.location
      if (status >= 300 && status < 400 && location) {
        response.message.resume()
        const next = new URL(location, url)
        const credentialFree = Object.keys(request.headers ?? {}).length === 0
        if (next.origin !== url.origin && !(request.anyOriginRedirects && credentialFree)) {
          throw new HttpError(
            `${label(request, url)} was redirected to another origin (${next.origin}); flightdeck does not send credentials there`,
            status,
          )
        }
        if (url.protocol === 'https:' && next.protocol !== 'https:') {
          throw new HttpError(
            `${label(request, url)} was redirected from https to ${next.protocol} (${next.origin}); flightdeck does not follow it`,
            status,
          )
        }
        if (redirects >= MAX_REDIRECTS) {
          throw new HttpError(
            `${label(request, url)} was redirected more than ${MAX_REDIRECTS} times`,
          )
        }
        if (status === 303 || ((status === 301 || status === 302) && method !== 'HEAD')) {
          method = 'GET'
          body = undefined
        }
        url = next
        continue
      }
      return await consume(response.message, status, url, alive)
    }
  } catch (err) {
    if (err instanceof HttpError) throw err
    if (stalled && !timedOut) {
      throw new HttpError(
        `${label(request, url)} sent nothing for ${formatDuration(request.stallMs ?? 0)} (stalled)`,
      )
    }
    if (timedOut) {
      throw new HttpError(
        `${label(request, url)} did not answer within ${formatDuration(request.timeoutMs)}`,
      )
    }
    throw new HttpError(
      `${label(request, url)} failed: ${err instanceof Error ? err.message : String(err)}`,
    )
  } finally {
    clearTimeout(timer)
    clearTimeout(stallTimer)
    client.dispose()
  }
}

/** Reads a body up to `maxBytes`; past it the connection is closed and the request fails. */
function readCapped(stream: IncomingMessage, maxBytes: number, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) {
        // Reject before destroying: destroying emits 'aborted', which must not be the reason.
        reject(new HttpError(`${what} answered with more than ${maxBytes / 1024 / 1024} MiB`))
        stream.destroy()
        return
      }
      chunks.push(chunk)
    })
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    stream.on('error', reject)
    stream.on('aborted', () => reject(new Error('the connection closed mid-answer')))
  })
}

/** One request; the answer's body as text (any status: callers decide what is an error). */
export function httpRequest(request: HttpRequest): Promise<HttpAnswer> {
  return exchange(request, async (response, status, url) => ({
    status,
    headers: response.headers,
    body: await readCapped(response, request.maxBytes ?? MAX_BODY_BYTES, label(request, url)),
  }))
}

/** Downloads a file to `path` within the time limit and size cap; a non-2xx status fails. */
export function downloadFile(
  request: Omit<HttpRequest, 'method' | 'body'>,
  path: string,
): Promise<void> {
  const full: HttpRequest = { ...request, method: 'GET' }
  const maxBytes = request.maxBytes ?? MAX_DOWNLOAD_BYTES
  return exchange(full, async (response, status, url, alive) => {
    if (status < 200 || status > 299) {
      response.resume()
      throw new HttpError(`${label(full, url)} answered ${status}`, status)
    }
    await new Promise<void>((resolve, reject) => {
      const file = createWriteStream(path)
      let size = 0
      response.on('data', (chunk: Buffer) => {
        alive()
        size += chunk.length
        if (size > maxBytes) {
          reject(new HttpError(`${label(full, url)} sent more than ${maxBytes / 1024 / 1024} MiB`))
          response.destroy()
          file.destroy()
        }
      })
      response.on('error', reject)
      response.on('aborted', () => reject(new Error('the connection closed mid-download')))
      file.on('error', reject)
      file.on('finish', resolve)
      response.pipe(file)
    })
  })
}
