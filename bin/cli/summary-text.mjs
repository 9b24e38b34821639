// The job summary (GITHUB_STEP_SUMMARY Markdown) as plain text for a terminal: headings
// underlined, tables aligned, links and HTML reduced to their text.
import { paint } from '../lib/step-log.mjs'

/** Display width in a terminal: emoji and other wide characters take two columns. */
function displayWidth(text) {
  let width = 0
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    if (code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0x300 && code < 0x370))
      continue
    const wide =
      code >= 0x1f000 ||
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xff00 && code <= 0xff60) ||
      [
        0x231a, 0x231b, 0x23f0, 0x23f3, 0x2705, 0x270a, 0x270b, 0x2728, 0x274c, 0x274e, 0x2753,
        0x2754, 0x2755, 0x2757, 0x2b50, 0x2b55, 0x26a1, 0x26aa, 0x26ab, 0x26bd, 0x26d4, 0x2614,
        0x2615,
      ].includes(code)
    width += wide ? 2 : 1
  }
  return width
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" }

/** Markdown inline text as plain text: no code ticks, emphasis, escapes, tags or entities. */
function inlineText(markdown) {
  // Code spans keep their content as it is; escapes and emphasis are read only outside them.
  return markdown
    .split(/(`+)([\s\S]*?)\1/)
    .map((part, index) => {
      if (index % 3 === 1) return ''
      if (index % 3 === 2) return part.replace(/\\\|/g, '|')
      return part
        .replace(/<br\s*\/?>/gi, ' ')
        .replace(/<summary>([\s\S]*?)<\/summary>/gi, '$1:')
        .replace(/<\/?[A-Za-z][^>]*>/g, '')
        .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\[([^\]]+)\]\(([^)\s]+)[^)]*\)/g, (_, label, url) =>
          label === url ? url : `${label} (${url})`,
        )
        .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
        .replace(/\\([!-/:-@[-`{-~])/g, '$1')
        .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, name) => ENTITIES[name] ?? '')
    })
    .join('')
}

/** Splits a Markdown table row on its unescaped pipes. */
function tableCells(row) {
  const cells = row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
  return cells.map((cell) => cell.trim())
}

/**
 * The job summary (GitHub-flavoured Markdown with some HTML) as text for a terminal: headings
 * underlined, tables as aligned columns, <details> as a labelled section, comments, tags,
 * emphasis and escapes gone.
 * @param {string} markdown
 */
export function summaryText(markdown) {
  const lines = markdown.replace(/<!--[\s\S]*?-->/g, '').split(/\r?\n/)
  /** @type {string[]} */
  const out = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (/^\s*\|/.test(line)) {
      const rows = []
      for (; i < lines.length && /^\s*\|/.test(lines[i] ?? ''); i++) rows.push(lines[i] ?? '')
      i--
      out.push(...table(rows))
      continue
    }
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line)
    if (heading) {
      const text = inlineText(heading[2] ?? '')
      out.push(paint('1', text), '─'.repeat(Math.min(displayWidth(text), 100)))
      continue
    }
    if (/^\s*<\/?details[^>]*>\s*$/i.test(line)) continue
    out.push(inlineText(line).replace(/\s+$/, ''))
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

function table(rows) {
  const separator = /^:?-{1,}:?$/
  const body = rows
    .map(tableCells)
    .filter((cells) => !cells.every((cell) => separator.test(cell)))
    .map((cells) => cells.map(inlineText))
  const columns = Math.max(...body.map((cells) => cells.length))
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(...body.map((cells) => displayWidth(cells[c] ?? ''))),
  )
  const format = (cells) =>
    cells
      .map((cell, c) => cell + ' '.repeat(Math.max((widths[c] ?? 0) - displayWidth(cell), 0)))
      .join('  ')
      .replace(/\s+$/, '')
  const [header, ...rest] = body
  if (!header) return []
  const hasHeaderRow =
    rows.length > 1 && tableCells(rows[1] ?? '').every((cell) => separator.test(cell))
  if (!hasHeaderRow) return body.map(format)
  return [
    paint('1', format(header)),
    widths.map((width) => '─'.repeat(width)).join('  '),
    ...rest.map(format),
  ]
}
