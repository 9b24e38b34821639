import { httpRequest, type HttpAnswer, type HttpError } from '../http/client.js'

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
 * One JSON request to a platform API (shared/http/client.ts: bounded in time and size, no
 * credential sent to another origin). A non-2xx answer becomes an ApiError with the platform's
 * own message.
 */
export async function requestJson<T = unknown>(request: ApiRequest): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (request.token) headers.authorization = `Bearer ${request.token}`
  if (request.body !== undefined) headers['content-type'] = 'application/json'
  Object.assign(headers, request.headers)
  const label = `${request.service} ${request.method} ${new URL(request.url).pathname}`
  let answer: HttpAnswer
  try {
    answer = await httpRequest({
      method: request.method,
      url: request.url,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      timeoutMs: request.timeoutMs,
      service: request.service,
    })
  } catch (err) {
    throw new ApiError(err instanceof Error ? err.message : String(err), (err as HttpError).status)
  }
  const { status, body: text } = answer
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
}

/** The platform's own message from an error body, cut so one answer stays one line. */
function platformMessage(text: string): string {
  const found = messageIn(text)
  return found.length > 300 ? `${found.slice(0, 299)}…` : found
}

function messageIn(text: string): string {
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
  return JSON.stringify(text.slice(0, 200))
}
