import { jest } from '@jest/globals'
import { ActionFailure, InputError, errorMessage } from '../../shared/errors.js'
import { runMain } from '../../shared/action-main.js'

function capture(fn: () => Promise<void>) {
  const lines: string[] = []
  const spy = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => {
      lines.push(...String(chunk).split('\n').filter(Boolean))
      return true
    })
  return fn()
    .then(() => lines)
    .finally(() => spy.mockRestore())
}

describe('runMain', () => {
  afterEach(() => {
    process.exitCode = 0
  })

  it('turns a thrown error into one ::error:: line and exit code 1, the stack only in debug', async () => {
    const lines = await capture(() =>
      runMain(async () => {
        throw new InputError(['invalid `timeout`: "soon" is not a duration (example: 30s)'])
      }),
    )
    expect(lines.filter((line) => line.startsWith('::error'))).toEqual([
      '::error::invalid `timeout`: "soon" is not a duration (example: 30s)',
    ])
    expect(lines.filter((line) => !line.startsWith('::debug::')).join('\n')).not.toContain(' at ')
    expect(process.exitCode).toBe(1)
  })

  it('gives a titled annotation to failures that carry a title', async () => {
    const lines = await capture(() =>
      runMain(async () => {
        throw new ActionFailure('2 of 2 URLs unhealthy', 'health-check: unhealthy')
      }),
    )
    expect(lines).toContain('::error title=health-check%3A unhealthy::2 of 2 URLs unhealthy')
    expect(process.exitCode).toBe(1)
  })

  it('leaves a successful run alone', async () => {
    const lines = await capture(() => runMain(async () => undefined))
    expect(lines).toEqual([])
    expect(process.exitCode).toBe(0)
  })
})

describe('errorMessage', () => {
  it.each([
    [new Error('boom'), 'boom'],
    ['plain', 'plain'],
    [{ code: 42 }, '{"code":42}'],
    [undefined, 'undefined'],
  ])('reads %p', (err, message) => {
    expect(errorMessage(err)).toBe(message)
  })
})
