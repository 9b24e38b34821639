import * as core from './runner.js'

const SENSITIVE_HEADER =
  /^(authorization|proxy-authorization|cookie|set-cookie)$|token|key|secret|password|session|credential/i

/** Whether a header's value must be kept out of logs. */
export function isSensitiveHeader(name: string): boolean {
  return SENSITIVE_HEADER.test(name)
}

/**
 * Registers a value with the runner so it is redacted from every log line. Each line of a
 * multi-line value is registered too, since the runner matches masks line by line.
 */
export function maskSecret(value: string | undefined): void {
  if (!value) return
  core.setSecret(value)
  const lines = value.split(/\r?\n/).map((line) => line.trim())
  if (lines.length > 1) for (const line of lines) if (line.length >= 4) core.setSecret(line)
}

/** Masks the values of sensitive headers; an `Authorization: Bearer x` also masks `x` alone. */
export function maskSensitiveHeaders(headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) {
    if (!isSensitiveHeader(name)) continue
    maskSecret(value)
    const credential = /^\s*(?:bearer|basic|token)\s+(.+)$/i.exec(value)?.[1]
    if (credential) maskSecret(credential)
  }
}

/** Masks the password of a URL such as `https://user:pass@host/` and returns the URL without it. */
export function maskUrlCredentials(url: string): string {
  try {
    const parsed = new URL(url)
    if (!parsed.password && !parsed.username) return url
    maskSecret(decodeURIComponent(parsed.password))
    parsed.password = parsed.password ? '***' : ''
    return parsed.toString()
  } catch {
    return url
  }
}
