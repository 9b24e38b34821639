/** A set of HTTP status codes written as codes, ranges and classes: `200`, `200,204`, `200-299`, `2xx`. */
export interface StatusSet {
  readonly text: string
  readonly ranges: ReadonlyArray<readonly [number, number]>
}

const EXAMPLE = '200-299'

export function parseStatusSet(text: string): StatusSet {
  const ranges: Array<[number, number]> = []
  const parts = text
    .split(/[\s,]+/)
    .map((part) => part.trim())
    .filter(Boolean)
  if (parts.length === 0) throw new Error(`no status code given (example: ${EXAMPLE})`)
  for (const part of parts) {
    const klass = /^([1-5])xx$/i.exec(part)
    if (klass) {
      const first = Number(klass[1]) * 100
      ranges.push([first, first + 99])
      continue
    }
    const range = /^(\d{3})(?:-(\d{3}))?$/.exec(part)
    const low = Number(range?.[1])
    const high = range?.[2] === undefined ? low : Number(range[2])
    if (!range || low < 100 || high > 599 || low > high) {
      throw new Error(
        `${JSON.stringify(part)} is not a status code or range (example: ${EXAMPLE}, or 200,204)`,
      )
    }
    ranges.push([low, high])
  }
  return { text: parts.join(','), ranges }
}

export function statusMatches(set: StatusSet, status: number): boolean {
  return set.ranges.some(([low, high]) => status >= low && status <= high)
}
