// The sticky comment's body: one table a reviewer reads at a glance. Branch names and error
// text are foreign: they appear only inside code spans; the URL is the platform's, linked.
// Everyone with read access reads the comment: what a CLI or a health endpoint echoed (a token,
// a `secrets` value, a `health-headers` value) is redacted as in the log, before Markdown
// escaping could hide it from the redaction.
import { publishableText } from '../../../shared/github/redact.js'
import { code, escapeMarkdown } from '../../../shared/summary.js'

export interface PreviewState {
  pr: number
  app: string
  status: 'deploying' | 'live' | 'unhealthy' | 'failed' | 'destroyed'
  url?: string
  sha: string
  branch: string
  runUrl: string
  /** ISO 8601. */
  at: string
  health?: string
  error?: string
  note?: string
}

const STATUS: Record<PreviewState['status'], string> = {
  deploying: '⏳ deploying',
  live: '✅ live',
  unhealthy: '⚠️ deployed, not healthy',
  failed: '❌ deploy failed',
  destroyed: '🧹 torn down',
}

function link(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return code(url).markdown
    return `[${escapeMarkdown(parsed.host)}](${parsed.toString().replace(/\)/g, '%29')})`
  } catch {
    return code(url).markdown
  }
}

/** Text as it may be published: registered secrets and URL credentials taken out. */
const publishable = publishableText

export function commentBody(raw: PreviewState, header?: string): string {
  const state = {
    ...raw,
    url: raw.url === undefined ? undefined : publishable(raw.url),
    branch: publishable(raw.branch),
    health: raw.health === undefined ? undefined : publishable(raw.health),
    error: raw.error === undefined ? undefined : publishable(raw.error),
    note: raw.note === undefined ? undefined : publishable(raw.note),
  }
  const rows = [
    ['Status', STATUS[state.status]],
    ['App', code(state.app).markdown],
    ...(state.url && state.status !== 'destroyed' ? [['URL', link(state.url)]] : []),
    ['Commit', `${code(state.sha.slice(0, 7)).markdown} on ${code(state.branch).markdown}`],
    ['Updated', `${escapeMarkdown(state.at.replace(/\.\d+Z$/, 'Z'))} ([run](${state.runUrl}))`],
    ...(state.health ? [['Health', code(state.health).markdown]] : []),
    ...(state.error ? [['Why', code(state.error).markdown]] : []),
    ...(state.note ? [['Note', code(state.note).markdown]] : []),
  ]
  const table = ['| | |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n')
  return `${header ? `${header}\n\n` : ''}### 🔍 flightdeck preview\n\n${table}\n`
}
