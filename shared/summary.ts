import * as core from './runner-protocol.js'

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

/** A code span of `flat` (one line) that shows it verbatim. */
function codeSpan(flat: string): string {
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longestRun + 1)
  // A code span drops one space from each end when both ends have one (and it is not all spaces),
  // and a backtick at an end would join the fence: one space of padding keeps both as typed.
  const pad = /^`|`$|^ (?=.*[^ ]).* $/.test(flat) ? ' ' : ''
  return `${fence}${pad}${flat}${pad}${fence}`
}

/**
 * Foreign text (URLs, ids, image refs, CLI and API messages) as an inline code span for a table
 * cell: shown verbatim, never a link or an image.
 */
export function code(text: string): Markdown {
  const flat = text.replace(/\r?\n|\r/g, ' ')
  if (flat === '') return { markdown: '' }
  // GFM splits table rows on `|` before it reads code spans, so a pipe is written `\|`: the
  // table parser (cmark-gfm's unescape_pipes, GitHub's renderer) drops exactly one backslash
  // before each pipe before inline parsing, and a code span keeps every other backslash as it
  // is. Escaping only the pipes is therefore the exact inverse: `ok\|healthy` reads as typed.
  // (The fence only counts backticks, so escaping after choosing it changes nothing.)
  return { markdown: codeSpan(flat).replace(/\|/g, '\\|') }
}

/**
 * The same outside a table (a paragraph, a heading): there a `\|` would show its backslash, so
 * nothing is escaped.
 */
export function inlineCode(text: string): Markdown {
  const flat = text.replace(/\r?\n|\r/g, ' ')
  return { markdown: flat === '' ? '' : codeSpan(flat) }
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
