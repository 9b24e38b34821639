import * as core from './runner.js'

/** Markdown that is already safe to place as it is (built by `code` or by our own code). */
export interface Markdown {
  markdown: string
}

/** A table cell: plain text (escaped) or Markdown built safely. */
export type Cell = string | Markdown

/** Escapes text so it can only ever appear as HTML text, never as markup. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

// Every ASCII punctuation character may be backslash-escaped in CommonMark, and an escaped one
// is always literal: no emphasis, link, image, HTML, autolink or table pipe can start from it.
const MARKDOWN_PUNCTUATION = /[!-/:-@[-`{-~]/g

/** Text that Markdown renders as exactly that text, on one line. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(MARKDOWN_PUNCTUATION, '\\$&')
}

/**
 * Foreign text (URLs, ids, image refs, CLI and API messages) as an inline code span: shown
 * verbatim, never a link or an image, safe inside a table cell.
 */
export function code(text: string): Markdown {
  const flat = text.replace(/\r?\n|\r/g, ' ')
  if (flat === '') return { markdown: '' }
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longestRun + 1)
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : ''
  // GFM splits table rows on `|` before it reads code spans; `\|` is its escape there. A
  // backslash already before a pipe could be read as escaping that escape, so it is doubled.
  const body = flat.replace(/\\+(?=\|)/g, (run) => run + run).replace(/\|/g, '\\|')
  return { markdown: `${fence}${pad}${body}${pad}${fence}` }
}

function renderCell(cell: Cell): string {
  return typeof cell === 'string' ? escapeMarkdown(cell) : cell.markdown
}

/** A GitHub-flavoured Markdown table; readable as plain text too. */
export function markdownTable(headers: string[], rows: Cell[][]): string {
  const line = (cells: Cell[]) => `| ${cells.map(renderCell).join(' | ')} |`
  return [line(headers), `|${headers.map(() => ' --- |').join('')}`, ...rows.map(line)].join('\n')
}

/** Appends Markdown to the job summary; a no-op where the runner gives no summary file. */
export async function appendSummary(markdown: string): Promise<void> {
  core.appendSummaryFile(markdown)
}
