import * as core from '@actions/core'
import { ActionFailure, errorMessage } from './errors.js'
import { abandonedProcesses } from './providers/cli.js'

/**
 * Runs an action's main function the same way for every action: a failure becomes one error
 * annotation and exit code 1; the stack trace goes to the debug log only.
 */
export async function runAction(main: () => Promise<void>): Promise<void> {
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
  // A CLI that outlived its time limit would hold the step open until the job's own timeout.
  if (abandonedProcesses() > 0) process.exit(Number(process.exitCode ?? 0))
}
