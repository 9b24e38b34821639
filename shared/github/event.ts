// The event file (GITHUB_EVENT_PATH), read once here for every action: the webhook payload
// that started the run. Everything in it is foreign text (titles, branch names, commit
// messages): data to show or compare, never run. A missing or unreadable file gives nothing.
import { readFileSync } from 'node:fs'
import { httpUrlOrUndefined } from '../text.js'

type Json = Record<string, unknown>

/** The event payload as an object, or undefined when there is none or it cannot be read. */
export function readEventPayload(path: string | undefined): Json | undefined {
  if (!path) return undefined
  let event: unknown
  try {
    event = JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return undefined
  }
  return event !== null && typeof event === 'object' && !Array.isArray(event)
    ? (event as Json)
    : undefined
}

function object(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' ? (value as Json) : undefined
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** What preview-app needs of the pull request the run is about. All of it is foreign text. */
export interface PullRequestEvent {
  number: number
  branch: string
  headSha: string
  /** The base branch's commit the event names (`pull_request.base.sha`). */
  baseSha: string
  title: string
  closed: boolean
  merged: boolean
  /** The head branch lives in another repository: the run has no secrets and a read-only token. */
  fork: boolean
}

/** The pull request of a `pull_request` / `pull_request_target` event, or undefined. */
export function readPullRequestEvent(
  env: NodeJS.ProcessEnv = process.env,
): PullRequestEvent | undefined {
  const event = readEventPayload(env.GITHUB_EVENT_PATH)
  const pr = object(event?.pull_request)
  if (!event || !pr || typeof pr.number !== 'number') return undefined
  const head = object(pr.head)
  const base = object(pr.base)
  const headName = object(head?.repo)?.full_name
  const baseName = object(base?.repo)?.full_name
  const headRepo = typeof headName === 'string' ? headName : ''
  const baseRepo = typeof baseName === 'string' ? baseName : (env.GITHUB_REPOSITORY ?? '')
  return {
    number: pr.number,
    branch: typeof head?.ref === 'string' ? head.ref : '',
    headSha: typeof head?.sha === 'string' ? head.sha : (env.GITHUB_SHA ?? ''),
    baseSha: typeof base?.sha === 'string' ? base.sha : '',
    title: typeof pr.title === 'string' ? pr.title : '',
    closed: event.action === 'closed' || pr.state === 'closed',
    merged: pr.merged === true,
    // A deleted fork has no head repo: treat it as a fork too.
    fork: headRepo === '' || headRepo.toLowerCase() !== baseRepo.toLowerCase(),
  }
}

/** What the event says about the change, for a notification. */
export interface EventFacts {
  commitMessage?: string
  pullRequest?: { number: number; title?: string; url?: string; headSha?: string; branch?: string }
  branch?: string
}

/** The commit message of a push, or the pull request (also an issue comment's). */
export function readEventFacts(path: string | undefined): EventFacts {
  const event = readEventPayload(path)
  if (!event) return {}
  const facts: EventFacts = {}
  facts.commitMessage = str(object(event.head_commit)?.message)
  const pr = object(event.pull_request)
  if (pr && typeof pr.number === 'number') {
    const prHead = object(pr.head)
    facts.pullRequest = {
      number: pr.number,
      title: str(pr.title),
      url: httpUrlOrUndefined(pr.html_url),
      headSha: str(prHead?.sha),
      branch: str(prHead?.ref),
    }
  }
  const issue = object(event.issue)
  if (!facts.pullRequest && issue && typeof issue.number === 'number' && issue.pull_request) {
    facts.pullRequest = {
      number: issue.number,
      title: str(issue.title),
      url: httpUrlOrUndefined(issue.html_url),
    }
  }
  return facts
}
