import type { ReleaseStatus } from './types.js'

const SUCCEEDED =
  /^(ok|success|successful|succeeded|complete|completed|done|live|ready|deployed|active|healthy)$/
const FAILED =
  /^(fail.*|error|errored|crashed|dead|interrupted|cancel.*|timed_out|timeout|aborted|rejected)$/
const IN_PROGRESS =
  /^(running|pending|queued|started|starting|deploying|building|in_progress|progressing)$/

/**
 * A release status from the words platforms and deploy scripts print, leniently: `complete`,
 * `Succeeded`, `in-progress`, `cancelled` ... Anything else is unknown, never guessed good.
 */
export function statusFromWord(raw: string): ReleaseStatus {
  const word = raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
  if (SUCCEEDED.test(word)) return 'succeeded'
  if (FAILED.test(word)) return 'failed'
  if (IN_PROGRESS.test(word)) return 'in-progress'
  return 'unknown'
}
