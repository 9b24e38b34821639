import * as core from './runner.js'

/** Escapes text so Markdown renders it as text, never as HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Escapes text for a Markdown table cell: no HTML, no column breaks, no line breaks. */
export function escapeCell(text: string): string {
  return escapeHtml(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

/** A GitHub-flavoured Markdown table; readable as plain text too. */
export function markdownTable(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(escapeCell).join(' | ')} |`
  return [line(headers), `|${headers.map(() => ' --- |').join('')}`, ...rows.map(line)].join('\n')
}

/** Appends Markdown to the job summary; a no-op where the runner gives no summary file. */
export async function appendSummary(markdown: string): Promise<void> {
  core.appendSummaryFile(markdown)
}
