// Preview app names: a template (`{repo}-pr-{pr}`) filled with the repository, PR number and
// branch, then made safe for the platform. Branch names are foreign text (`feat/$(curl evil)`
// is a valid branch): whatever they hold, the name comes out as lower-case letters, digits and
// single dashes, within the platform's length, and two long branches never share a name.
//
// The PR number is what close and sweep go by, so every name carries it as a whole
// dash-separated part: a template must set `{pr}` apart (a run-on `{repo}-pr{pr}{branch}` put
// PR #1 on branch `7x` into PR #17's `shop-pr17x`), and cutting a long name to the platform's
// limit shortens the text around the number, never the number.
import { createHash } from 'node:crypto'

export interface TemplateValues {
  owner: string
  repo: string
  pr: number
  branch: string
}

export const PLACEHOLDERS = ['owner', 'repo', 'pr', 'branch'] as const
export const DEFAULT_TEMPLATE = '{repo}-pr-{pr}'

/** Lower-case, `a-z0-9-` only, no leading, trailing or doubled dashes. */
export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      // Accents come apart from their letters under NFKD: drop them, keep the letter.
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
  )
}

/** Whether `char` becomes a dash in a name: `-`, `.`, `/`, `_` do; `x`, `7`, `²`, `é` do not. */
function separates(char: string): boolean {
  return slug(`a${char}b`) === 'a-b'
}

const PLACEHOLDER_AT_END = /\{(owner|repo|pr|branch)\}$/
const PLACEHOLDER_AT_START = /^\{(owner|repo|pr|branch)\}/

/**
 * Checks a template: known placeholders only, `{pr}` present (destroy and sweep need it), and
 * every `{pr}` set apart by a separator (or the template's start or end) on both sides.
 */
export function checkTemplate(template: string): string {
  const unknown = [...template.matchAll(/\{([^}]*)\}/g)]
    .map((match) => match[1] ?? '')
    .filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name))
  if (unknown.length > 0) {
    throw new Error(
      `${JSON.stringify(template)} uses unknown placeholder(s) ${unknown.map((name) => `{${name}}`).join(', ')}; use {owner}, {repo}, {pr}, {branch} (example: ${DEFAULT_TEMPLATE})`,
    )
  }
  if (!template.includes('{pr}')) {
    throw new Error(
      `${JSON.stringify(template)} has no {pr}: each pull request needs an app of its own (example: ${DEFAULT_TEMPLATE})`,
    )
  }
  for (const match of template.matchAll(/\{pr\}/g)) {
    const before = template.slice(0, match.index)
    const after = template.slice(match.index + '{pr}'.length)
    // Another placeholder right beside it is text of any kind (a branch `7x`, a repo `api2`).
    const runsOn =
      PLACEHOLDER_AT_END.test(before) || PLACEHOLDER_AT_START.test(after)
        ? 'another placeholder'
        : [Array.from(before).at(-1), Array.from(after)[0]]
            .filter((char): char is string => char !== undefined && !separates(char))
            .map((char) => JSON.stringify(char))[0]
    if (runsOn !== undefined) {
      throw new Error(
        `${JSON.stringify(template)} runs {pr} into ${runsOn}: the number must stand apart, or two pull requests can share a name ({repo}-pr{pr}{branch} gives PR #1 on branch 7x and PR #17 on branch x both shop-pr17x); put a dash on each side of {pr} (example: {repo}-pr-{pr}-{branch})`,
      )
    }
  }
  return template
}

export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(/\{(owner|repo|pr|branch)\}/g, (_, name: keyof TemplateValues) =>
    String(values[name]),
  )
}

const HASH_LENGTH = 6

/** `text` cut to at most `length` characters, without a dash at the end. */
function cut(text: string, length: number): string {
  return length <= 0 ? '' : text.slice(0, length).replace(/-+$/, '')
}

/**
 * The platform-safe name of a checked template: the slug of the filled template, or when that
 * is longer than `maxLength`, the text before and after the first `{pr}` shortened (the start
 * first kept, so the fixed prefix sweep looks for survives), the number whole, and a short hash
 * of the whole filled template at the end, so two names that share a long start still differ.
 */
export function templateName(template: string, values: TemplateValues, maxLength: number): string {
  const filled = fillTemplate(template, values)
  const name = slug(filled)
  if (name.length <= maxLength) return name
  const at = template.indexOf('{pr}')
  const head = slug(fillTemplate(template.slice(0, at), values))
  const tail = slug(fillTemplate(template.slice(at + '{pr}'.length), values))
  const pr = String(values.pr)
  const hash = createHash('sha256').update(filled).digest('hex').slice(0, HASH_LENGTH)
  let room = maxLength - pr.length - 1 - HASH_LENGTH
  // A limit too short for a hash (a Workers alias beside a long Worker name): the number alone,
  // with what of the start still fits.
  if (room < 0) return [cut(head, maxLength - pr.length - 1), pr].filter(Boolean).join('-')
  const headCut = cut(head, room - 1)
  if (headCut) room -= headCut.length + 1
  const tailCut = cut(tail, room - 1)
  return [headCut, pr, tailCut, hash].filter(Boolean).join('-')
}

export interface NameRules {
  maxLength: number
  /** The name must start with a letter (a Workers preview alias): `pr-` goes in front if not. */
  letterFirst?: boolean
}

/** The preview's name: `templateName`, with `pr-` in front where it must start with a letter. */
export function previewAppName(template: string, values: TemplateValues, rules: NameRules): string {
  const name = templateName(template, values, rules.maxLength)
  if (!rules.letterFirst || /^[a-z]/.test(name)) return name
  return templateName(`pr-${template}`, values, rules.maxLength)
}

/** Whether `app` has `pr` as a whole dash-separated part: destroy refuses any other app. */
export function carriesPrNumber(app: string, pr: number): boolean {
  return new RegExp(`(^|-)${pr}(-|$)`).test(app)
}

/**
 * The fixed start of every name this template makes (its slug), for sweep: an app that does not
 * start with it is never touched. Empty when a `{branch}` or `{pr}` comes first.
 */
export function templatePrefix(
  template: string,
  values: Omit<TemplateValues, 'pr' | 'branch'>,
): string {
  const variable = /\{(pr|branch)\}/.exec(template)?.index ?? template.length
  return slug(fillTemplate(template.slice(0, variable), { ...values, pr: 0, branch: '' }))
}

/**
 * The pull request numbers an app name made from `template` may carry: every whole number part
 * after the template's fixed prefix (a branch can hold numbers too, and a cut name has its
 * number before the hash). Sweep asks GitHub about each and keeps the app only if the template
 * gives that PR exactly this name. Empty for an app the template cannot have made.
 */
export function prNumbersIn(
  app: string,
  template: string,
  values: Omit<TemplateValues, 'pr' | 'branch'>,
): number[] {
  const prefix = templatePrefix(template, values)
  if (prefix && app !== prefix && !app.startsWith(`${prefix}-`)) return []
  const rest = prefix ? app.slice(prefix.length + 1) : app
  const numbers = rest
    .split('-')
    .filter((part) => /^[1-9]\d{0,9}$/.test(part))
    .map(Number)
  return [...new Set(numbers)]
}
