// Reading who a token belongs to from a CLI's who-am-I output (the token check `setup` runs).
import { parseCliJson } from '../../process.js'

/** A string field of the CLI's JSON output; no such field means the token proved nothing. */
export function jsonField(tool: string, field: string) {
  return (stdout: string, args: string[]): string => {
    const parsed = parseCliJson<Record<string, unknown> | null>(tool, args, stdout)
    const value = parsed?.[field]
    if (typeof value !== 'string' || value === '') {
      throw new Error(`\`${tool} ${args.join(' ')}\` printed no ${field}`)
    }
    return value
  }
}

/** The last non-empty line the CLI printed. */
export const lastLine = (stdout: string): string =>
  stdout
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .at(-1) ?? 'unknown user'
