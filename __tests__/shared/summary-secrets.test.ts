import { jest } from '@jest/globals'
import { code, escapeMarkdown, markdownTable } from '../../shared/summary.js'
import { maskUrlCredentials, withoutCredentials } from '../../shared/secrets.js'
import { duration, headerLines, httpUrl, parseInputs, secret, text } from '../../shared/inputs.js'
import { redact } from '../../shared/runner.js'

/** Cells of a table row as GitHub's parser splits them: a backslash escapes the next character. */
function cells(row: string): string[] {
  return row
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)(?:\\\\)*\|/)
}

function quietly<T>(fn: () => T): T {
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
  try {
    return fn()
  } finally {
    spy.mockRestore()
  }
}

describe('job summary text', () => {
  it('escapes every character that could start markup', () => {
    expect(escapeMarkdown('![x](http://e/p.png) <b>*a*</b> `c` a|b \\|')).toBe(
      '\\!\\[x\\]\\(http\\:\\/\\/e\\/p\\.png\\) \\<b\\>\\*a\\*\\<\\/b\\> \\`c\\` a\\|b \\\\\\|',
    )
    expect(escapeMarkdown('line one\nline two')).toBe('line one line two')
  })

  it('renders foreign text as a code span that keeps its cell whole', () => {
    for (const value of ['a|b', 'a\\|b', 'a\\\\|b', '`tick` |', '```', 'x\n| y | z |']) {
      const row = markdownTable(['k', 'v'], [['key', code(value)]]).split('\n')[2] as string
      expect(cells(row)).toHaveLength(2)
    }
    expect(code('has `ticks`').markdown).toBe('`` has `ticks` ``')
  })
})

describe('credentials in URLs', () => {
  it('strips user and password for display and masks both, percent-encoded or not', () => {
    const shown = quietly(() =>
      maskUrlCredentials('https://deploy%40bot:p%2Fss%3Aw@example.com/health'),
    )
    expect(shown).toBe('https://example.com/health')
    expect(redact('p%2Fss%3Aw p/ss:w deploy@bot deploy%40bot')).toBe('*** *** *** ***')
    expect(withoutCredentials('not a url')).toBe('not a url')
  })
})

describe('inputs that carry credentials', () => {
  const read = (values: Record<string, string>) => (name: string) => values[name] ?? ''

  it('are masked as they are read, before any other input is checked', () => {
    const printed: string[] = []
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      printed.push(String(chunk))
      return true
    })
    try {
      expect(() =>
        parseInputs(
          {
            token: secret(),
            headers: headerLines(),
            url: httpUrl(),
            timeout: duration(),
          },
          read({
            token: 'tok-123456',
            headers: 'X-Tenant-Key: hdr-987654\nAccept: application/json',
            url: 'https://u:pw-555555@x.example/',
            timeout: 'soon',
          }),
        ),
      ).toThrow('invalid `timeout`')
    } finally {
      spy.mockRestore()
    }
    const masks = printed.filter((line) => line.startsWith('::add-mask::')).join('')
    for (const value of ['tok-123456', 'hdr-987654', 'pw-555555']) expect(masks).toContain(value)
    expect(masks).not.toContain('application/json')
  })

  it('read an unexpanded ${{ }} as not set, with a warning naming the input', () => {
    const printed: string[] = []
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      printed.push(String(chunk))
      return true
    })
    let values: { 'github-token': string | undefined; other: string }
    try {
      values = parseInputs(
        { 'github-token': secret(), other: text() },
        read({ 'github-token': '${{ github.token }}', other: 'x' }),
      )
    } finally {
      spy.mockRestore()
    }
    expect(values['github-token']).toBeUndefined()
    expect(printed.join('')).toMatch(
      /^::warning title=unexpanded github-token::`github-token` is the unexpanded expression/m,
    )
  })

  it('never quote a password in an error', () => {
    const error = (() => {
      try {
        quietly(() => parseInputs({ url: httpUrl() }, read({ url: 'ftp://u:hunter2@x.example/' })))
      } catch (err) {
        return err as Error
      }
      return undefined
    })()
    expect(error?.message).toBe(
      'invalid `url`: "ftp://x.example/" is not an http(s) URL (example: https://app.example.com/health)',
    )
  })
})
