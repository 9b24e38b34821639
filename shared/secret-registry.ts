// The one registry of secret values and the one way they are taken out of text. Everything
// flightdeck writes goes through `replaceSecrets`: the log, outputs, the job summary and
// annotations (shared/runner-protocol.ts), records (shared/deploy-record.ts), notifications and what is
// published on GitHub (shared/github/redact.ts). Registering a value with the runner (its
// `::add-mask::` command) is shared/runner-protocol.ts's `setSecret`, which adds it here too; which
// forms of a value to register (lines, percent-encoded, URL credentials) is shared/secrets.ts.
//
// This module imports nothing, so the runner protocol and everything above it can use it
// without an import circle.

/**
 * Secrets shorter than this are not replaced in text: replacing every `a` or `42` would garble
 * what is written while protecting nothing a guess would not find. The runner still masks
 * shorter registered values in its own log.
 */
export const MIN_SECRET_LENGTH = 3

const registered = new Set<string>()
// Longest first, so a secret that contains another is replaced whole; sorted once per new
// secret, not on every line written.
let longestFirst: string[] = []

/** Whether a value is long enough to be replaced in text. */
export function isReplaceable(value: string): boolean {
  return value.length >= MIN_SECRET_LENGTH
}

/** Adds a value to the registry; short and known values are ignored. */
export function registerSecret(value: string): void {
  if (!isReplaceable(value) || registered.has(value)) return
  registered.add(value)
  longestFirst = [...registered].sort((a, b) => b.length - a.length)
}

/** Every value registered as a secret so far (to keep them out of what goes to other services). */
export function registeredSecrets(): string[] {
  return [...registered]
}

function replaceOrdered(text: string, ordered: readonly string[]): string {
  let result = text
  for (const secret of ordered) {
    if (result.includes(secret)) result = result.split(secret).join('***')
  }
  return result
}

/**
 * Text with each of `secrets` (or, without it, every registered secret) replaced by `***`,
 * longest first; values under MIN_SECRET_LENGTH are left alone.
 */
export function replaceSecrets(text: string, secrets?: readonly string[]): string {
  if (text === '') return text
  if (secrets === undefined)
    return registered.size === 0 ? text : replaceOrdered(text, longestFirst)
  const ordered = [...new Set(secrets)].filter(isReplaceable).sort((a, b) => b.length - a.length)
  return replaceOrdered(text, ordered)
}

/** Text with every registered secret replaced by `***`. */
export function redact(text: string): string {
  return replaceSecrets(text)
}
