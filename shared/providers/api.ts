import { HttpClient } from '@actions/http-client'
import { formatDuration } from '../durations.js'

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  url: string
  token?: string
  /** Extra headers, e.g. a credential a platform takes in a header of its own. */
  headers?: Record<string, string>
  body?: unknown
  timeoutMs: number
  /** How to name the platform in errors, e.g. "Render API". */
  service: string
}

/**
 * One JSON request to a platform API, through @actions/http-client (which honours the runner's
 * proxy settings). A non-2xx answer becomes an ApiError with the platform's own message.
 */
export async function requestJson<T = unknown>(request: ApiRequest): Promise<T> {
  const client = new HttpClient('flightdeck', undefined, {
    socketTimeout: request.timeoutMs,
    allowRetries: false,
  })
  const headers: Record<string, string> = { accept: 'application/json' }
  if (request.token) headers.authorization = `Bearer ${request.token}`
  if (request.body !== undefined) headers['content-type'] = 'application/json'
  Object.assign(headers, request.headers)
  const label = `${request.service} ${request.method} ${new URL(request.url).pathname}`
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new ApiError(`${label} did not answer within ${formatDuration(request.timeoutMs)}`)),
      request.timeoutMs,
    )
  })
  try {
    const send = async () => {
      const response = await client.request(
        request.method,
        request.url,
        request.body === undefined ? null : JSON.stringify(request.body),
        headers,
      )
      return { status: response.message.statusCode ?? 0, text: await response.readBody() }
    }
    const { status, text } = await Promise.race([send(), timeout])
    if (status < 200 || status > 299) {
      throw new ApiError(`${label} answered ${status}: ${platformMessage(text)}`, status)
    }
    if (text.trim() === '') return undefined as T
    try {
      return JSON.parse(text) as T
    } catch {
      throw new ApiError(
        `${label} answered ${status} with a body that is not JSON: ${JSON.stringify(text.slice(0, 80))}`,
        status,
      )
    }
  } catch (err) {
    if (err instanceof ApiError) throw err
    throw new ApiError(`${label} failed: ${err instanceof Error ? err.message : String(err)}`)
  } finally {
    clearTimeout(timer)
    client.dispose()
  }
}

function platformMessage(text: string): string {
  try {
    const body = JSON.parse(text) as {
      message?: unknown
      error?: unknown
      errors?: Array<{ message?: unknown }>
    }
    const message = body.message ?? body.error ?? body.errors?.[0]?.message
    if (typeof message === 'string') return message
    if (message && typeof message === 'object' && 'message' in message)
      return String((message as { message: unknown }).message)
  } catch {
    // not JSON: show the start of the text
  }
  return JSON.stringify(text.slice(0, 120))
}
