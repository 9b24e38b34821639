// A notification's HTTP request through the one bounded client (shared/http/client.ts), its
// answer sorted into delivered, transient (no connection, no answer, 5xx, 429) or permanent.
// Webhook URLs are credentials: errors name the service, never the URL or its path.
import { HttpError, httpRequest, type HttpAnswer } from '../http/client.js'
import { oneLine, clip } from '../text.js'
import { DeliveryError, retryAfterMs } from './retry.js'

/** Receivers' answers are short; a long one is cut, not read. */
const MAX_ANSWER_BYTES = 1024 * 1024

export interface JsonPost {
  url: string
  /** The exact bytes to send (signed bodies must not be re-serialized). */
  body: string
  headers?: Record<string, string>
  /** Names the receiver in messages: `Slack webhook`, `PagerDuty`. */
  service: string
  timeoutMs: number
}

/** A short, one-line excerpt of an answer's body for an error message. */
export function bodyExcerpt(body: string): string {
  const text = oneLine(body)
  return text ? `: ${clip(text, 200)}` : ''
}

/** Sends `body` as JSON; connection problems and time-outs are transient DeliveryErrors. */
export async function postJson(post: JsonPost): Promise<HttpAnswer> {
  const url = new URL(post.url)
  try {
    return await httpRequest({
      method: 'POST',
      url: post.url,
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        Accept: 'application/json, text/plain, */*',
        ...post.headers,
      },
      body: post.body,
      timeoutMs: post.timeoutMs,
      service: post.service,
      maxBytes: MAX_ANSWER_BYTES,
    })
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    // The client's messages start with "<service> POST <path>": the path of a webhook URL is
    // its secret, so only the service is named.
    const prefix = `${post.service} POST ${url.pathname}`
    const detail = message.startsWith(prefix)
      ? message.slice(prefix.length).trim()
      : message.split(url.pathname).join('/…')
    // A redirect elsewhere will not change; a failed connection or a silent receiver may.
    const transient = !(err instanceof HttpError && err.status !== undefined)
    throw new DeliveryError(`${post.service} ${detail}`, transient)
  }
}

/**
 * Throws for an answer that is not a 2xx: 429 and 5xx are transient (429 with its Retry-After),
 * anything else is permanent. Returns the answer when it is a 2xx.
 */
export function expectSuccess(answer: HttpAnswer, service: string): HttpAnswer {
  if (answer.status >= 200 && answer.status < 300) return answer
  const what = `${service} answered ${answer.status}${bodyExcerpt(answer.body)}`
  if (answer.status === 429) {
    throw new DeliveryError(what, true, retryAfterMs(answer.headers['retry-after']))
  }
  throw new DeliveryError(what, answer.status >= 500 || answer.status === 408)
}
