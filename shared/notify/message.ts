// The one message every channel sends: its facts are gathered here once (from the inputs, the
// run context, the event file and gated-deploy's record), secrets are taken out, and each
// channel (shared/notify/channels/*) only renders this layout in its platform's format.
//
// Everything in a message is plain text: titles, commit messages, PR titles, branch names and
// field values are data, never markup. Each renderer escapes them for its format.
import { formatDuration } from '../durations.js'
import type { RunContext } from '../github/context.js'
import type { EventFacts } from '../github/event.js'
import { redact } from '../runner-protocol.js'
import { clip, oneLine } from '../text.js'
import type { Mention } from './mentions.js'
import type { RecordSummary } from './record.js'
import { ALARMING, STATUS_STYLES, type NotifyStatus, type StatusStyle } from './status.js'

/** One fact of the layout: a label and a plain-text value, optionally a link. */
export interface Fact {
  label: string
  value: string
  url?: string
  /** An identifier (SHA, version, environment): shown as code where the format has it. */
  code?: boolean
  /** A value that may run over several lines (gates, errors). */
  long?: boolean
}

export interface NotifyMessage {
  status: NotifyStatus
  style: StatusStyle
  /** One line. */
  title: string
  /** The `message` input: may have several lines. */
  text?: string
  repository: string
  repositoryUrl: string
  environment?: string
  version?: string
  url?: string
  runUrl: string
  actor?: string
  sha?: string
  commitUrl?: string
  /** The first line of the commit message. */
  commitTitle?: string
  pullRequest?: { number: number; title?: string; url: string }
  branch?: string
  durationMs?: number
  fields: Array<{ name: string; value: string }>
  record?: RecordSummary
  /** Who to ping: only set for failure and rolled-back. */
  mentions: Mention[]
  /** ISO 8601. */
  timestamp: string
}

/** The first line of a text, without trailing spaces. */
export function firstLine(text: string): string {
  return (text.split(/\r?\n|\r/, 1)[0] ?? '').trim()
}

function branchOf(ref: string): string | undefined {
  const match = /^refs\/(?:heads|tags)\/(.+)$/.exec(ref)
  return match ? match[1] : undefined
}

export interface MessageInput {
  status: NotifyStatus
  title?: string
  text?: string
  environment?: string
  version?: string
  url?: string
  fields: Array<{ name: string; value: string }>
  mentions: Mention[]
  context: RunContext
  event: EventFacts
  /** GITHUB_WORKFLOW: names the run in a default title. */
  workflow?: string
  /** GITHUB_HEAD_REF / GITHUB_REF_NAME. */
  refName?: string
  record?: RecordSummary
  now?: Date
}

/** Every string of the message with each registered secret replaced by `***`. */
function redacted<T>(value: T): T {
  if (typeof value === 'string') return redact(value) as T
  if (Array.isArray(value)) return value.map((item) => redacted(item)) as T
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, redacted(item)]),
    ) as T
  }
  return value
}

export function buildMessage(input: MessageInput): NotifyMessage {
  const { context, event, record } = input
  const style = STATUS_STYLES[input.status]
  const repository = `${context.owner}/${context.repo}`
  const repositoryUrl = `${context.serverUrl}/${repository}`
  const environment = input.environment ?? record?.environment
  const pr = event.pullRequest
  const sha = pr?.headSha ?? (context.sha || undefined)
  const subject = input.workflow || repository
  const title = oneLine(
    input.title ?? `${subject}${environment ? ` to ${environment}` : ''} ${style.verb}`,
  )
  const message: NotifyMessage = {
    status: input.status,
    style,
    title: clip(title || style.label, 240),
    text: input.text?.trim() ? input.text.trim() : undefined,
    repository,
    repositoryUrl,
    environment,
    version: input.version ?? record?.version,
    url: input.url ?? record?.environmentUrl,
    runUrl: context.runUrl,
    actor: context.actor || undefined,
    sha,
    commitUrl: sha ? `${repositoryUrl}/commit/${sha}` : undefined,
    commitTitle: event.commitMessage ? firstLine(event.commitMessage) || undefined : undefined,
    pullRequest: pr
      ? { number: pr.number, title: pr.title, url: pr.url ?? `${repositoryUrl}/pull/${pr.number}` }
      : undefined,
    branch: pr?.branch ?? input.refName ?? branchOf(context.ref),
    durationMs: record?.durationMs,
    fields: input.fields,
    record,
    mentions: ALARMING.has(input.status) ? input.mentions : [],
    timestamp: (input.now ?? new Date()).toISOString(),
  }
  return redacted(message)
}

/**
 * The layout's facts, in order: what every channel shows under the title. Commit and pull
 * request carry their links; the record's facts and the user's fields come last.
 */
export function messageFacts(message: NotifyMessage): Fact[] {
  const facts: Fact[] = [
    { label: 'Status', value: `${message.style.emoji} ${message.style.label}` },
    { label: 'Repository', value: message.repository, url: message.repositoryUrl },
  ]
  if (message.environment)
    facts.push({ label: 'Environment', value: message.environment, code: true })
  if (message.version) facts.push({ label: 'Version', value: message.version, code: true })
  if (message.url) facts.push({ label: 'URL', value: message.url, url: message.url })
  if (message.sha) {
    const short = message.sha.slice(0, 7)
    facts.push({
      label: 'Commit',
      value: message.commitTitle ? `${short} ${message.commitTitle}` : short,
      url: message.commitUrl,
    })
  }
  if (message.pullRequest) {
    const pr = message.pullRequest
    facts.push({
      label: 'Pull request',
      value: pr.title ? `#${pr.number} ${oneLine(pr.title)}` : `#${pr.number}`,
      url: pr.url,
    })
  }
  if (message.branch) facts.push({ label: 'Branch', value: message.branch, code: true })
  if (message.actor) facts.push({ label: 'Actor', value: message.actor })
  if (message.durationMs !== undefined) {
    facts.push({ label: 'Duration', value: formatDuration(message.durationMs) })
  }
  facts.push({ label: 'Run', value: 'workflow run', url: message.runUrl })
  for (const fact of message.record?.facts ?? []) {
    facts.push({ label: fact.label, value: fact.value, long: fact.value.includes('\n') })
  }
  for (const field of message.fields) {
    // An empty value still shows its field: some formats refuse empty text.
    facts.push({ label: field.name, value: field.value || '—', long: field.value.includes('\n') })
  }
  return facts
}

/** The message as one plain-text line: notifications, subjects, previews. */
export function headline(message: NotifyMessage): string {
  return `${message.style.emoji} ${message.title}`
}

/** The message as plain text, one fact a line: e-mail and other text-only readers. */
export function plainText(message: NotifyMessage): string {
  const lines = [headline(message)]
  if (message.text) lines.push('', message.text)
  lines.push('')
  for (const fact of messageFacts(message)) {
    const value = fact.url && fact.url !== fact.value ? `${fact.value} <${fact.url}>` : fact.value
    lines.push(
      fact.long
        ? `${fact.label}:\n${value.replace(/^/gm, '  ')}`
        : `${fact.label}: ${oneLine(value)}`,
    )
  }
  return lines.join('\n')
}
