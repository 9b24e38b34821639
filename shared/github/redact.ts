// What may be published: what flightdeck sends to GitHub to be shown to everyone with read
// access (comments, deployment descriptions, environment URLs, payloads) is cleaned here first:
// the runner masks secrets in logs, but nothing masks what an API stores. Secrets are replaced by
// the one secret registry's function (shared/secret-registry.ts), with its one threshold.
import { replaceSecrets } from '../secret-registry.js'
import { isSensitiveHeader } from '../secrets.js'

/** GitHub's limit for deployment and deployment status descriptions, in characters. */
export const DESCRIPTION_LIMIT = 140

// Query parameters named like credentials (`?token=`, `&api_key=`, `X-Amz-Signature=`, `sig=`).
function isSensitiveParameter(name: string): boolean {
  return isSensitiveHeader(name) || /^(sig|code|jwt|pass|pwd)$/i.test(name)
}

/**
 * A URL without `user:password@` and with credential-like query values replaced by `***`.
 * Edited as text, so the rest stays exactly as written (a URL inside a sentence may end in
 * punctuation that re-serializing would percent-encode).
 */
export function redactUrl(url: string): string {
  const withoutUserinfo = url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/?#\s]*@/i, '$1')
  return withoutUserinfo.replace(
    /([?&])([^=&#\s]+)=([^&#\s]*)/g,
    (whole, separator: string, name: string) => {
      let decoded = name
      try {
        decoded = decodeURIComponent(name)
      } catch {
        // Not percent-encoded: the name as written.
      }
      return isSensitiveParameter(decoded) ? `${separator}${name}=***` : whole
    },
  )
}

// `scheme://` followed by anything up to whitespace or a quote.
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi

/**
 * Text with credentials taken out: URLs lose `user:password@` and credential-like query
 * values, and each of `secrets` (tokens, header values) becomes `***`.
 */
export function redactText(text: string, secrets: readonly string[] = []): string {
  return replaceSecrets(text, secrets).replace(URL_IN_TEXT, (url) => redactUrl(url))
}

/**
 * Text for a public place (a PR or commit comment): every registered secret replaced, then the
 * credentials of URLs taken out as in `redactText`.
 */
export function publishableText(text: string): string {
  return redactText(replaceSecrets(text))
}

/**
 * A deployment or status description GitHub accepts and anyone may read: credentials taken
 * out, whitespace runs (newlines from CLI errors) as one space, and cut visibly at 140
 * characters (by code point, so an emoji is never split in half).
 */
export function deploymentDescription(text: string, secrets: readonly string[] = []): string {
  const clean = redactText(text, secrets).replace(/\s+/g, ' ').trim()
  const characters = Array.from(clean)
  if (characters.length <= DESCRIPTION_LIMIT) return clean
  return `${characters.slice(0, DESCRIPTION_LIMIT - 1).join('')}…`
}

/**
 * An environment URL safe to publish: http(s) only, without `user:password@` and without
 * credential-like query parameters (a link that needs them is better missing than leaking
 * them). Undefined for anything else, so GitHub keeps the environment's earlier URL.
 */
export function environmentUrl(
  url: string | undefined,
  secrets: readonly string[] = [],
): string | undefined {
  if (!url) return undefined
  let parsed: URL
  try {
    parsed = new URL(url.trim())
  } catch {
    return undefined
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined
  const sensitive = [...parsed.searchParams.keys()].filter(isSensitiveParameter)
  let text = url.trim()
  // Rebuilt only when something must go, so a clean URL is published exactly as given.
  if (parsed.username !== '' || parsed.password !== '' || sensitive.length > 0) {
    parsed.username = ''
    parsed.password = ''
    for (const name of sensitive) parsed.searchParams.delete(name)
    text = parsed.toString()
  }
  // A secret anywhere else in the URL (a path segment, a fragment): publish nothing.
  return replaceSecrets(text, secrets) === text ? text : undefined
}

/**
 * A deployment payload with every string cleaned by `redactText`. Depth is bounded: payloads
 * are small records built by flightdeck, and anything deeper than this is dropped rather than
 * walked.
 */
export function redactPayload(value: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  if (typeof value === 'string') return redactText(value, secrets)
  if (value === null || typeof value !== 'object') return value
  if (depth >= 8) return null
  if (Array.isArray(value)) return value.map((item) => redactPayload(item, secrets, depth + 1))
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, redactPayload(item, secrets, depth + 1)]),
  )
}
