// The node test environment, plus a quiet log: what a test writes to stdout and stderr (the
// runner protocol's ::add-mask:: / ::debug:: lines, `[command]` lines and the echoed output of
// fake CLIs) and the output of every bundle it runs (__tests__/support/bundle-runner.mjs) is held
// back, and shown only when the test fails, as one more failure message under the test's name.
import { TestEnvironment } from 'jest-environment-node'

/** Where __tests__/support/bundle-runner.mjs hands in a bundle run's output (see there). */
export const TEST_OUTPUT = Symbol.for('flightdeck.test-output')

/** At most this much of a failing test's output is shown: its end, where the failure is. */
const MAX_SHOWN = 64 * 1024

const streams = [process.stdout, process.stderr]

export default class QuietLogEnvironment extends TestEnvironment {
  /** @type {string[] | undefined} output of the running test or beforeAll/afterAll hook */
  #captured
  /** @type {Array<(chunk: unknown, ...rest: unknown[]) => boolean>} */
  #originalWrites = []

  async setup() {
    await super.setup()
    this.global[TEST_OUTPUT] = (/** @type {string} */ text) => this.#captured?.push(text)
  }

  #start() {
    this.#stop()
    const captured = []
    this.#captured = captured
    this.#originalWrites = streams.map((stream) => stream.write)
    for (const stream of streams) {
      stream.write = function write(chunk, encoding, callback) {
        captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))
        const done = typeof encoding === 'function' ? encoding : callback
        if (typeof done === 'function') process.nextTick(done)
        return true
      }
    }
  }

  /** Stops capturing and returns what was captured. */
  #stop() {
    const captured = this.#captured ?? []
    streams.forEach((stream, i) => {
      if (this.#originalWrites[i]) stream.write = this.#originalWrites[i]
    })
    this.#originalWrites = []
    this.#captured = undefined
    let text = captured.join('')
    if (text.length > MAX_SHOWN) {
      text = `… (${text.length - MAX_SHOWN} earlier characters left out)\n${text.slice(-MAX_SHOWN)}`
    }
    return text.trimEnd()
  }

  /** @param {import('jest-circus').Event} event */
  async handleTestEvent(event) {
    switch (event.name) {
      case 'test_start':
        this.#start()
        break
      case 'test_done': {
        const text = this.#stop()
        if (event.test.errors.length > 0 && text) {
          const message = `Output of this test (shown because it failed):\n\n${text}`
          // A plain object with a string stack: jest-circus reports its stack as it is.
          event.test.errors.push({ message, stack: message })
        }
        break
      }
      case 'hook_start':
        if (event.hook.type === 'beforeAll' || event.hook.type === 'afterAll') this.#start()
        break
      case 'hook_success':
        if (event.hook.type === 'beforeAll' || event.hook.type === 'afterAll') this.#stop()
        break
      case 'hook_failure':
        if (event.hook.type === 'beforeAll' || event.hook.type === 'afterAll') {
          const text = this.#stop()
          if (text) {
            process.stderr.write(`Output of the failed ${event.hook.type} hook:\n${text}\n`)
          }
        }
        break
      default:
        break
    }
  }

  async teardown() {
    this.#stop()
    await super.teardown()
  }
}
