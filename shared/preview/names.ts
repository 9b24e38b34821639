// Preview app names: a template (`{repo}-pr-{pr}`) filled with the repository, PR number and
// branch, then made safe for the platform. Branch names are foreign text (`feat/$(curl evil)`
// is a valid branch): whatever they hold, the name comes out as lower-case letters, digits and
// single dashes, within the platform's length, and two long branches never share a name.
import { createHash } from 'node:crypto'

export interface TemplateValues {
  owner: string
  repo: string
  pr: number
  branch: string
}

export const PLACEHOLDERS = ['owner', 'repo', 'pr', 'branch'] as const
export const DEFAULT_TEMPLATE = '{repo}-pr-{pr}'

/** Checks a template: known placeholders only, and `{pr}` present (destroy and sweep need it). */
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
  return template
}

export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(/\{(owner|repo|pr|branch)\}/g, (_, name: keyof TemplateValues) =>
    String(values[name]),
  )
}

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

const HASH_LENGTH = 6

/**
 * The platform-safe name: the slug of the filled template, cut to `maxLength` when longer, with
 * a short hash of the whole name so two names that share a long start still differ.
 */
export function safeAppName(filled: string, maxLength: number): string {
  const name = slug(filled) || 'preview'
  if (name.length <= maxLength) return name
  const hash = createHash('sha256').update(filled).digest('hex').slice(0, HASH_LENGTH)
  const head = name.slice(0, maxLength - HASH_LENGTH - 1).replace(/-+$/, '')
  return `${head}-${hash}`
}

/** Whether `app` has `pr` as a whole dash-separated part: destroy refuses any other app. */
export function carriesPrNumber(app: string, pr: number): boolean {
  return new RegExp(`(^|-)${pr}(-|$)`).test(app)
}

/** Whether `app` is the name the template gives PR `values.pr`, and carries its number. */
export function appBelongsToPr(
  app: string,
  template: string,
  values: TemplateValues,
  maxLength: number,
): boolean {
  return (
    safeAppName(fillTemplate(template, values), maxLength) === app &&
    carriesPrNumber(app, values.pr)
  )
}

/**
 * The part of every app name this template makes that comes before `{pr}` (its slug), for sweep:
 * an app that does not start with it is never touched. Empty when `{pr}` comes first.
 */
export function templatePrefix(
  template: string,
  values: Omit<TemplateValues, 'pr' | 'branch'>,
): string {
  const before = template.slice(0, template.indexOf('{pr}'))
  if (before.includes('{branch}'))
    return slug(fillTemplate(before.split('{branch}')[0] ?? '', { ...values, pr: 0, branch: '' }))
  return slug(fillTemplate(before, { ...values, pr: 0, branch: '' }))
}

/** The PR number in an app name made from `template`, or undefined when it does not match. */
export function prOfApp(
  app: string,
  template: string,
  values: Omit<TemplateValues, 'pr' | 'branch'>,
): number | undefined {
  const prefix = templatePrefix(template, values)
  if (prefix && !app.startsWith(`${prefix}-`)) return undefined
  const rest = prefix ? app.slice(prefix.length + 1) : app
  const match = /^(\d+)(?:-|$)/.exec(rest)
  return match ? Number(match[1]) : undefined
}
