import * as core from './runner-protocol.js'

export type OutputValue = string | number | boolean | undefined

/** Sets every output in one place, so an action's outputs read as one typed record. */
export function setOutputs(outputs: Record<string, OutputValue>): void {
  for (const [name, value] of Object.entries(outputs)) {
    core.setOutput(name, value === undefined ? '' : String(value))
  }
}
