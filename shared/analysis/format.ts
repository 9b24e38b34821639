// How the analysis writes its figures: the same short forms in the log, the verdict's reason
// (which ends up in a GitHub Deployment description, 140 characters at most) and the summary.
import { formatDuration } from '../durations.js'
import { withoutCredentials } from '../secrets.js'
import { clip, oneLine as flatten } from '../text.js'

/** `5%`, `0.5%`, `33.3%`: at most one decimal, none when it is a whole number. */
export function formatPercent(value: number): string {
  return `${Number(value.toFixed(1))}%`
}

/** `42ms`, `1.2s`: a latency as durations are written everywhere else. */
export function formatMs(ms: number): string {
  return formatDuration(ms)
}

/** A Prometheus value in a few characters: `0.01`, `1500`, `1.23e-7`, `+Inf`. */
export function formatMetric(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf'
  return String(Number(value.toPrecision(4)))
}

/**
 * `m:ss` since the window began: `0:40`, `12:05`; with tenths (`0:01.4`) when measurements come
 * faster than one a second, so two of them never read alike.
 */
export function formatElapsed(ms: number, intervalMs = 1000): string {
  const tenths = intervalMs < 1000
  const seconds = tenths ? Math.floor(ms / 100) / 10 : Math.floor(ms / 1000)
  const whole = Math.floor(seconds)
  const shown = tenths
    ? (seconds % 60).toFixed(1).padStart(4, '0')
    : String(whole % 60).padStart(2, '0')
  return `${Math.floor(whole / 60)}:${shown}`
}

/**
 * Foreign or long text (a Prometheus error body, a URL) as one short line: control characters
 * and line breaks become spaces, and past `max` characters it ends in `…`.
 */
export function oneLine(text: string, max: number): string {
  return clip(flatten(text), max)
}

/** A URL as it may be shown: without `user:password@`, one line, at most `max` characters. */
export function shownUrl(url: string, max = 80): string {
  return oneLine(withoutCredentials(url), max)
}
