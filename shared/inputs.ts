import * as core from './runner-protocol.js'
// zod/mini: the same zod, without the chainable API; a fifth of the bundle size and start-up.
import { z } from 'zod/mini'
import { formatDuration, MAX_DURATION_MS, parseDuration } from './durations.js'
import { InputError } from './errors.js'
import { maskSecret, maskSensitiveHeaders, maskUrlCredentials } from './secrets.js'

/** A schema that turns one input's raw text into a value, or says what is wrong with it. */
export type InputSchema<T = unknown> = z.ZodMiniType<T, string>

type Ctx = z.core.ParsePayload

const REQUIRED = 'is required'

/** Quotes a user's value for an error message, shortened so one line stays one line. */
export function quote(value: string): string {
  const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value
  return JSON.stringify(shown)
}

function fail(ctx: Ctx, message: string): never {
  ctx.issues.push({ code: 'custom', message, input: ctx.value })
  return z.NEVER
}

/** A schema over the raw text of an input. */
function fromText<T>(transform: (text: string, ctx: Ctx) => T): InputSchema<T> {
  return z.pipe(z.string(), z.transform(transform))
}

/** Builds a schema from a function that returns a value or throws a message. */
export function parser<T>(parse: (text: string) => T): InputSchema<T> {
  return fromText((text, ctx): T => {
    try {
      return parse(text.trim())
    } catch (err) {
      return fail(ctx, err instanceof Error ? err.message : String(err))
    }
  })
}

/** Empty text means "not given": the value is undefined. */
export function optional<T>(schema: InputSchema<T>): InputSchema<T | undefined> {
  return fromText((text, ctx): T | undefined => {
    if (text.trim() === '') return undefined
    const result = schema.safeParse(text)
    if (result.success) return result.data
    return fail(ctx, result.error.issues[0]?.message ?? 'is invalid')
  })
}

/** Empty text means the default, given as the text a user would write (as in action.yml). */
export function withDefault<T>(schema: InputSchema<T>, defaultText: string): InputSchema<T> {
  return z.pipe(
    fromText((text) => (text.trim() === '' ? defaultText : text)),
    schema,
  )
}

/** Empty text is an error that shows a good value. */
export function required<T>(schema: InputSchema<T>, example: string): InputSchema<T> {
  return fromText((text, ctx): T => {
    if (text.trim() === '') return fail(ctx, `${REQUIRED} (example: ${example})`)
    const result = schema.safeParse(text)
    if (result.success) return result.data
    return fail(ctx, result.error.issues[0]?.message ?? 'is invalid')
  })
}

export const text = (): InputSchema<string> => z.string()

/**
 * A credential (token, password, key), or undefined when not given: registered for masking the
 * moment it is read, before any other input is checked or anything is written.
 */
export const secret = (): InputSchema<string | undefined> =>
  fromText((value) => {
    const trimmed = value.trim()
    if (trimmed === '') return undefined
    maskSecret(trimmed)
    return trimmed
  })

export const duration = (example = '30s', options: { minMs?: number } = {}): InputSchema<number> =>
  parser((text) => {
    const ms = parseDuration(text)
    if (ms === undefined) {
      throw new Error(`${quote(text)} is not a duration (example: ${example}; units ms, s, m, h)`)
    }
    if (options.minMs !== undefined && ms < options.minMs) {
      throw new Error(
        `${quote(text)} is too short: the least is ${formatDuration(options.minMs)} (example: ${example})`,
      )
    }
    if (ms > MAX_DURATION_MS) {
      throw new Error(
        `${quote(text)} is longer than the longest wait a timer can hold, 24 days (example: ${example})`,
      )
    }
    return ms
  })

/**
 * A value that reaches a CLI as one argument (a path, an image, an org): it must not start
 * with `-`, where a CLI would read it as a flag, nor hold a line break.
 */
export const cliArgument = (example: string): InputSchema<string> =>
  parser((value) => {
    if (value.startsWith('-') || /[\r\n]/.test(value)) {
      throw new Error(
        `${quote(value)} must not start with - or hold a line break (example: ${example})`,
      )
    }
    return value
  })

export const boolean = (): InputSchema<boolean> =>
  parser((text) => {
    const value = text.toLowerCase()
    if (value === 'true') return true
    if (value === 'false') return false
    throw new Error(`${quote(text)} is not a boolean (example: true or false)`)
  })

export const integer = (options: { min?: number; max?: number; example: string }) =>
  parser((text) => {
    if (!/^-?\d+$/.test(text)) {
      throw new Error(`${quote(text)} is not a whole number (example: ${options.example})`)
    }
    const value = Number(text)
    if (options.min !== undefined && value < options.min) {
      throw new Error(`${value} is below the minimum ${options.min} (example: ${options.example})`)
    }
    if (options.max !== undefined && value > options.max) {
      throw new Error(`${value} is above the maximum ${options.max} (example: ${options.example})`)
    }
    return value
  })

export const oneOf = <const T extends string>(values: readonly T[]): InputSchema<T> =>
  parser((text) => {
    const match = values.find((value) => value.toLowerCase() === text.toLowerCase())
    if (match === undefined) {
      throw new Error(`${quote(text)} is not one of ${values.join(', ')} (example: ${values[0]})`)
    }
    return match
  })

/** Items separated by newlines or commas; blanks dropped. */
export function splitList(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

/** Non-blank lines, with `#` comment lines dropped. */
export function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
}

export const list = (): InputSchema<string[]> => parser(splitList)

export const lines = (): InputSchema<string[]> => parser(splitLines)

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** `KEY=VALUE` lines, as for environment variables. */
export const keyValueLines = (): InputSchema<Record<string, string>> =>
  parser((text) => {
    const entries: Record<string, string> = {}
    for (const line of splitLines(text)) {
      const at = line.indexOf('=')
      const key = at > 0 ? line.slice(0, at).trim() : ''
      if (!ENV_NAME.test(key)) {
        throw new Error(`${quote(line)} is not a KEY=VALUE line (example: LOG_LEVEL=info)`)
      }
      entries[key] = line.slice(at + 1)
    }
    return entries
  })

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
/**
 * What fetch sends as a header value: no CR, LF or NUL (they would end or split the header) and
 * nothing past U+00FF (a header is bytes; undici refuses it only when the request is made, which
 * the health check would report as "unhealthy").
 */
const HEADER_VALUE = /^[^\0\r\n\u0100-\uffff]*$/

/** `Name: value` lines, as for HTTP headers. Names keep the user's spelling. */
export const headerLines = (): InputSchema<Record<string, string>> =>
  parser((text) => {
    const headers: Record<string, string> = {}
    for (const line of splitLines(text)) {
      const at = line.indexOf(':')
      const name = at > 0 ? line.slice(0, at).trim() : ''
      if (!HEADER_NAME.test(name)) {
        // Never echo the line: it may hold a credential.
        throw new Error(`a line is not a "Name: value" header (example: Authorization: Bearer abc)`)
      }
      const value = line.slice(at + 1).trim()
      if (!HEADER_VALUE.test(value)) {
        // Named by its header, never shown: the value may be a credential.
        throw new Error(
          `the value of header ${quote(name)} has a carriage return, line feed, NUL or a character outside Latin-1, which a header value cannot hold (example: Authorization: Bearer abc)`,
        )
      }
      headers[name] = value
    }
    maskSensitiveHeaders(headers)
    return headers
  })

/**
 * The name of a GitHub environment (production, Preview EU): one line of printable text, at most
 * 255 characters, as GitHub allows. A line break would end the log line or record field it is
 * written into and start another.
 */
export const environmentName = (example = 'production'): InputSchema<string> =>
  parser((value) => {
    if (/[\p{Cc}\u2028\u2029]/u.test(value) || value.length > 255) {
      throw new Error(
        `${quote(value)} is not an environment name: one line of at most 255 characters, without control characters (example: ${example})`,
      )
    }
    return value
  })

/** An http(s) URL; a user or password in it is masked at once and never quoted in errors. */
function checkHttpUrl(text: string, example: string): string {
  const shown = maskUrlCredentials(text)
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new Error(
      `${quote(shown.replace(/\/\/[^/@]*@/, '//'))} is not a URL (example: ${example})`,
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${quote(shown)} is not an http(s) URL (example: ${example})`)
  }
  return text
}

export const httpUrl = (example = 'https://app.example.com/health'): InputSchema<string> =>
  parser((text) => checkHttpUrl(text, example))

export const httpUrls = (example = 'https://app.example.com/health'): InputSchema<string[]> =>
  parser((text) => splitList(text).map((item) => checkHttpUrl(item, example)))

/** A regular expression, plain (`ok|ready`) or with flags (`/ready/i`). */
export const regex = (example = 'ready|ok'): InputSchema<RegExp> =>
  parser((text) => compileRegex(text, example))

export function compileRegex(text: string, example: string): RegExp {
  const literal = /^\/(.+)\/([dgimsuvy]*)$/s.exec(text)
  try {
    return literal ? new RegExp(literal[1] as string, literal[2]) : new RegExp(text)
  } catch (err) {
    const why = err instanceof Error ? err.message.replace(/^Invalid regular expression: /, '') : ''
    throw new Error(
      `${quote(text)} is not a valid regular expression (${why}) (example: ${example})`,
    )
  }
}

export type InputValues<S extends Record<string, InputSchema>> = {
  [K in keyof S]: z.output<S[K]>
}

/**
 * A `${{ ... }}` that reached the action unexpanded (a default that a local runner such as
 * @github/local-action passes literally) is no value: it reads as not given, with a warning.
 */
function expandedOrEmpty(name: string, raw: string): string {
  const trimmed = raw.trim()
  if (!/^\$\{\{[^]*\}\}$/.test(trimmed)) return raw
  core.warning(
    `\`${name}\` is the unexpanded expression ${quote(trimmed)}; it is treated as not set. Pass a real value (a runner expands it; locally, set INPUT_${name.replace(/ /g, '_').toUpperCase()}).`,
    { title: `unexpanded ${name}` },
  )
  return ''
}

/**
 * Reads and checks every input of a schema before anything happens. All problems are reported
 * together in one error, each naming its input and showing a good value.
 */
export function parseInputs<S extends Record<string, InputSchema>>(
  schema: S,
  read: (name: string) => string = (name) => core.getInput(name),
): InputValues<S> {
  const values: Record<string, unknown> = {}
  const problems: string[] = []
  for (const [name, inputSchema] of Object.entries(schema)) {
    const result = inputSchema.safeParse(expandedOrEmpty(name, read(name)))
    if (result.success) {
      values[name] = result.data
      continue
    }
    const message = result.error.issues[0]?.message ?? 'is invalid'
    problems.push(
      message.startsWith(REQUIRED) ? `\`${name}\` ${message}` : `invalid \`${name}\`: ${message}`,
    )
  }
  if (problems.length > 0) throw new InputError(problems)
  return values as InputValues<S>
}
