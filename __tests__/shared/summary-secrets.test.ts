import { jest } from '@jest/globals'
import { readFileSync } from 'node:fs'
import cmark from 'cmark-gfm'
import { recordMarkdown, type DeployRecord } from '../../shared/deploy-record.js'
import { writeRecord } from '../notify/harness.js'
import { code, escapeMarkdown, inlineCode, markdownTable } from '../../shared/summary.js'
import { maskUrlCredentials, withoutCredentials } from '../../shared/secrets.js'
import { duration, headerLines, httpUrl, parseInputs, secret, text } from '../../shared/inputs.js'
import { redact } from '../../shared/runner-protocol.js'

/**
 * The cells of a table's rows as GitHub shows them: the Markdown rendered by cmark-gfm (GitHub's
 * own renderer) with its table extension, each `<td>` turned back into the text a reader sees.
 */
function renderedCells(markdown: string): string[][] {
  const html = cmark.renderHtmlSync(markdown, { extensions: { table: true } })
  const body = /<tbody>([\s\S]*)<\/tbody>/.exec(html)?.[1] ?? ''
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<td>([\s\S]*?)<\/td>/g)].map((cell) =>
      (cell[1] ?? '')
        .replace(/<[^>]*>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
    ),
  )
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

  it('renders foreign text as a code span that reads as typed in its cell, on GitHub', () => {
    const hostile = [
      'ok\\|healthy',
      'a|b',
      'a\\|b',
      'a\\\\|b',
      'a\\\\\\|b',
      '|',
      '\\|',
      'trailing\\',
      '`tick` |',
      '```',
      '`',
      'x`` |y| ``z',
      ' padded ',
      'a\\b \\` \\\\',
    ]
    const table = markdownTable(
      ['k', 'v'],
      hostile.map((value) => ['key', code(value)]),
    )
    expect(renderedCells(table)).toEqual(hostile.map((value) => ['key', value]))
    // Plain text cells read as typed too (a cell's outer spaces are the table's own).
    const plain = markdownTable(
      ['k', 'v'],
      hostile.map((value) => ['key', value]),
    )
    expect(renderedCells(plain)).toEqual(hostile.map((value) => ['key', value.trim()]))
    // A line break cannot end the row.
    expect(renderedCells(markdownTable(['k', 'v'], [['key', code('x\n| y | z |')]]))).toEqual([
      ['key', 'x | y | z |'],
    ])
    expect(code('has `ticks`').markdown).toBe('`` has `ticks` ``')
  })

  it("shows a gate's reason in the deploy summary as it was typed", () => {
    const reasons = ['ok\\|healthy', 'a|b', 'a\\\\|b', '`x`|y', 'ends\\']
    const record = JSON.parse(readFileSync(writeRecord(), 'utf8')) as DeployRecord
    record.gates = reasons.map((reason) => ({
      gate: 'require-healthy' as const,
      verdict: 'passed',
      reason,
      durationMs: 1,
    }))
    const gates = recordMarkdown(record).split('#### Gates')[1] ?? ''
    expect(renderedCells(gates).map((row) => row[2])).toEqual(reasons)
  })

  it('shows a deploy error outside the table as typed too', () => {
    const record = JSON.parse(readFileSync(writeRecord(), 'utf8')) as DeployRecord
    record.error = 'exit 1: a|b, a\\|b, `c`'
    const html = cmark.renderHtmlSync(recordMarkdown(record), { extensions: { table: true } })
    const why = /<p><strong>Why:<\/strong> <code>(.*?)<\/code><\/p>/.exec(html)?.[1]
    expect(why?.replace(/&amp;/g, '&')).toBe(record.error)
    expect(inlineCode('').markdown).toBe('')
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
