import { ActionFailure, errorMessage } from './errors.js'
import * as core from './runner-protocol.js'

/**
 * Runs an action's main function the same way for every action: a failure becomes one error
 * annotation and exit code 1; the stack trace goes to the debug log only. Each action's
 * `main.ts` exports `run = () => runMain(main)`, so the runner, `@github/local-action` and
 * tests all get the same complete behaviour.
 */
export async function runMain(main: () => Promise<void>): Promise<void> {
  try {
    await main()
  } catch (err) {
    if (err instanceof Error && err.stack) core.debug(err.stack)
    if (err instanceof ActionFailure && err.title) {
      core.error(err.message, { title: err.title })
      process.exitCode = 1
    } else {
      core.setFailed(errorMessage(err))
    }
  }
}
