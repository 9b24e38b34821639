import { parseStatusSet, statusMatches } from '../../shared/http/status.js'

describe('status sets', () => {
  it.each([
    ['200', [200], [201, 404]],
    ['200,204', [200, 204], [201]],
    ['200-299', [200, 250, 299], [199, 300]],
    ['2xx, 301', [200, 299, 301], [302]],
  ])('%s', (text, good, bad) => {
    const set = parseStatusSet(text)
    for (const status of good) expect(statusMatches(set, status)).toBe(true)
    for (const status of bad) expect(statusMatches(set, status)).toBe(false)
  })

  it.each(['abc', '', '99', '299-200', '600', '2xxx'])('rejects %p with an example', (text) => {
    expect(() => parseStatusSet(text)).toThrow(/example: 200-299/)
  })
})
