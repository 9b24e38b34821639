/** `1 attempt`, `3 attempts`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/** The value when it is an http(s) URL: links in messages never carry another scheme. */
export function httpUrlOrUndefined(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:' ? value : undefined
  } catch {
    return undefined
  }
}

/**
 * Text on one line: every line break and other control character (C0, DEL, C1 such as U+0085,
 * U+2028/U+2029), with the white space around it, becomes one space.
 */
export function oneLine(text: string): string {
  return text.replace(/\s*[\p{Cc}\u2028\u2029]+\s*/gu, ' ').trim()
}

/** At most `max` characters (UTF-16 units), ending with `…` when cut; surrogate pairs kept whole. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text
  let cut = text.slice(0, Math.max(0, max - 1))
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1)
  return `${cut}…`
}
