// The one retry loop (shared/retry.ts), with an injected clock and sleep: nothing waits in real
// time. Notify's channels and GitHub Deployments each give it their own classifier.
import { RetriesStopped, withRetries, type RetryRules } from '../../shared/retry.js'

function clocked(overrides: Partial<RetryRules> = {}) {
  let now = 0
  const waits: number[] = []
  const retries: Array<[number, string, number]> = []
  const rules: RetryRules = {
    maxAttempts: 4,
    backoffMs: (failed) => 100 * 2 ** (failed - 1),
    classify: (err) => ({ transient: (err as Error).message.startsWith('5') }),
    remainingMs: () => 10_000 - now,
    sleep: async (ms) => {
      waits.push(ms)
      now += ms
    },
    onRetry: (attempt, err, waitMs) => retries.push([attempt, (err as Error).message, waitMs]),
    ...overrides,
  }
  return { rules, waits, retries, advance: (ms: number) => (now += ms) }
}

async function stopped(promise: Promise<unknown>): Promise<RetriesStopped> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(RetriesStopped)
  return err as RetriesStopped
}

describe('withRetries', () => {
  it('tries a transient failure again after the backoff and returns the value', async () => {
    const { rules, waits, retries } = clocked()
    let calls = 0
    const result = await withRetries(async () => {
      calls++
      if (calls < 3) throw new Error('503')
      return 'ok'
    }, rules)
    expect(result).toEqual({ value: 'ok', attempts: 3 })
    expect(waits).toEqual([100, 200])
    expect(retries).toEqual([
      [1, '503', 100],
      [2, '503', 200],
    ])
  })

  it('stops at once on what the classifier calls permanent, with the error it gives', async () => {
    const replacement = new Error('refused, said plainly')
    const { rules, waits } = clocked({ classify: () => ({ transient: false, error: replacement }) })
    const err = await stopped(withRetries(() => Promise.reject(new Error('400')), rules))
    expect(err).toMatchObject({ reason: 'permanent', attempts: 1, error: replacement })
    expect(waits).toEqual([])
  })

  it('gives up after the last attempt', async () => {
    const { rules, waits } = clocked()
    const err = await stopped(withRetries(() => Promise.reject(new Error('502')), rules))
    expect(err).toMatchObject({ reason: 'attempts', attempts: 4 })
    expect((err.error as Error).message).toBe('502')
    expect(waits).toEqual([100, 200, 400])
  })

  it('waits what the classifier asks for, unless that leaves no time for the next attempt', async () => {
    const asked = clocked({ classify: () => ({ transient: true, waitMs: 1500 }) })
    let calls = 0
    await withRetries(async () => {
      if (++calls === 1) throw new Error('429')
    }, asked.rules)
    expect(asked.waits).toEqual([1500])

    const tooLong = clocked({
      classify: () => ({ transient: true, waitMs: 9_900 }),
      minAttemptMs: 250,
    })
    const err = await stopped(withRetries(() => Promise.reject(new Error('429')), tooLong.rules))
    expect(err).toMatchObject({ reason: 'wait-too-long', attempts: 1 })
    expect(tooLong.waits).toEqual([])
  })

  it('starts no attempt without the least time it needs', async () => {
    const { rules, advance } = clocked({ minAttemptMs: 250 })
    advance(9_800)
    let calls = 0
    const err = await stopped(
      withRetries(async () => {
        calls++
      }, rules),
    )
    expect(err).toMatchObject({ reason: 'no-time', attempts: 0 })
    expect(calls).toBe(0)
  })

  it('gives each attempt its number and the time left', async () => {
    const { rules } = clocked()
    const seen: Array<[number, number]> = []
    await withRetries(async (attempt, left) => {
      seen.push([attempt, left])
      if (attempt === 1) throw new Error('500')
    }, rules)
    expect(seen).toEqual([
      [1, 10_000],
      [2, 9_900],
    ])
  })

  it('runs without a deadline, bounded by the attempts alone', async () => {
    const { rules } = clocked({ remainingMs: undefined })
    const err = await stopped(withRetries(() => Promise.reject(new Error('500')), rules))
    expect(err.reason).toBe('attempts')
  })
})
