// Secret-bearing values are registered as soon as an input is parsed, before anything is
// written, in every form they may come back in: as given, line by line, percent-encoded and
// decoded (a password in a URL), URL credentials and webhook URLs in their parts, so a server
// that echoes one back cannot get it into a log, an output, the job summary or a GitHub
// Deployment. Registering goes through the runner (`::add-mask::`) into the one secret registry
// (shared/secret-registry.ts), which every writer redacts with.
import * as core from './runner-protocol.js'
import { isReplaceable } from './secret-registry.js'

const SENSITIVE_HEADER =
  /^(authorization|proxy-authorization|cookie|set-cookie)$|auth|token|key|secret|password|session|credential|signature/i

// Headers whose values describe the request rather than identify anyone: everything else a
// user sets (X-Api-Auth, X-Tenant, ...) is treated as a credential.
const PLAIN_HEADERS = new Set([
  'accept',
  'accept-encoding',
  'accept-language',
  'cache-control',
  'content-type',
  'pragma',
  'user-agent',
])

/** Whether a header's value is a credential by its name alone. */
export function isSensitiveHeader(name: string): boolean {
  return SENSITIVE_HEADER.test(name)
}

/** Whether a header a user set may carry a credential (any but a few descriptive ones). */
export function isCredentialHeader(name: string): boolean {
  return !PLAIN_HEADERS.has(name.toLowerCase())
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

function variants(value: string): string[] {
  const forms = new Set([value])
  try {
    forms.add(encodeURIComponent(value))
    forms.add(decodeURIComponent(value))
  } catch {
    // Not percent-encoded text: the value as given is enough.
  }
  return [...forms]
}

/**
 * Registers a value so it is redacted from every later log line, output and summary. Each line
 * of a multi-line value, and its percent-encoded and decoded forms, are registered too.
 */
export function maskSecret(value: string | undefined): void {
  if (!value) return
  for (const form of variants(value)) core.setSecret(form)
  const lines = value.split(/\r?\n/).map((line) => line.trim())
  if (lines.length > 1) for (const line of lines) if (isReplaceable(line)) core.setSecret(line)
}

/**
 * Masks every header value a user set that may be a credential; an `Authorization: Bearer x`
 * also masks `x` alone.
 */
export function maskSensitiveHeaders(headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) {
    if (!isCredentialHeader(name)) continue
    maskSecret(value)
    const credential = /^\s*(?:bearer|basic|token|digest)\s+(.+)$/i.exec(value)?.[1]
    if (credential) maskSecret(credential)
  }
}

/** The URL without `user:password@`, as it may be shown anywhere. Non-URLs are returned as given. */
export function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url)
    if (!parsed.password && !parsed.username) return url
    parsed.username = ''
    parsed.password = ''
    return parsed.toString()
  } catch {
    return url
  }
}

/**
 * Masks the user and password of a URL such as `https://user:pass@host/` (percent-encoded or
 * not) and returns the URL without them, for display.
 */
export function maskUrlCredentials(url: string): string {
  try {
    const parsed = new URL(url)
    if (!parsed.password && !parsed.username) return url
    maskSecret(parsed.password)
    maskSecret(parsed.username)
    // Node sends URL credentials as `Authorization: Basic base64(user:password)`; a server that
    // echoes its headers back must not get that form into a report either.
    const user = safeDecode(parsed.username)
    const password = safeDecode(parsed.password)
    maskSecret(Buffer.from(`${user}:${password}`).toString('base64'))
    // The URL as the user wrote it, in case it differs from the parsed form.
    const userinfo = /^[a-z][a-z0-9+.-]*:\/\/([^@/?#]*)@/i.exec(url.trim())?.[1]
    if (userinfo) maskSecret(userinfo)
    return withoutCredentials(url)
  } catch {
    return url
  }
}

/**
 * A webhook URL is a credential as a whole and in its parts: the URL, its path and query, and
 * every long path segment or query value (Slack's and Discord's tokens, a Workflows `sig`) are
 * masked before anything else is read, so an error never quotes it.
 */
export function maskWebhookUrl(value: string): void {
  maskSecret(value)
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return
  }
  // Shorter parts (`/`, `/api`, a `v=1` query) name the service, not the credential.
  const pathAndQuery = `${url.pathname}${url.search}`
  if (pathAndQuery.length >= 8) maskSecret(pathAndQuery)
  if (url.pathname.length >= 8) maskSecret(url.pathname)
  for (const segment of url.pathname.split('/')) if (segment.length >= 16) maskSecret(segment)
  for (const item of url.searchParams.values()) if (item.length >= 16) maskSecret(item)
  if (url.password) maskSecret(url.password)
}
