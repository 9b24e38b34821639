import { runInContext, createContext } from 'node:vm'
import { formatDuration } from '../durations.js'

/** How long one match of a user's pattern may run: a pattern that backtracks badly stops here. */
export const REGEX_TIME_LIMIT_MS = 1000

/**
 * Whether `pattern` matches `text`, run where V8 can interrupt it: a user's regular expression
 * (`body-matches`) with nested quantifiers can take exponential time on a hostile body, and a
 * plain `RegExp.test` cannot be stopped. Throws with a reason when it runs past the limit.
 */
export function boundedTest(pattern: RegExp, text: string, limitMs = REGEX_TIME_LIMIT_MS): boolean {
  const context = createContext({ pattern, text })
  try {
    pattern.lastIndex = 0
    return runInContext('pattern.test(text)', context, { timeout: limitMs }) === true
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      throw new Error(
        `matching ${String(pattern)} took longer than ${formatDuration(limitMs)} on a ${text.length}-character body; simplify the pattern (nested quantifiers such as (a+)+ backtrack without end)`,
      )
    }
    throw err
  }
}
