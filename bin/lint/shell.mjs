// Just enough of a shell script's structure for lint's rules: the simple commands in order, each
// with the script line it is on, and whether it sits inside a loop. Not a shell parser: quoting
// is not followed, which is fine for spotting `sleep 30`, `curl https://…` or `flyctl deploy`.

/**
 * @typedef {object} Command
 * @property {string} text the command with leading keywords (if, then, do, !) removed
 * @property {number} line 0-based line of the script it starts on
 * @property {boolean} inLoop inside a for/while/until loop (a retry loop is not a blind wait)
 */

const KEYWORDS = /^(?:(?:if|then|else|elif|do|while|until|time|!|\{|\()\s+)+/

/**
 * @param {string} script
 * @returns {Command[]}
 */
export function commandsOf(script) {
  /** @type {Command[]} */
  const commands = []
  const lines = script.split('\n')
  let depth = 0
  for (let i = 0; i < lines.length; i++) {
    const start = i
    let line = lines[i] ?? ''
    // A trailing backslash continues the command on the next line.
    while (/\\\s*$/.test(line) && i + 1 < lines.length) {
      line = `${line.replace(/\\\s*$/, ' ')}${lines[++i] ?? ''}`
    }
    const code = line.replace(/(^|\s)#.*$/, '')
    for (const part of code.split(/&&|\|\||;|\||&(?!>)/)) {
      const trimmed = part.trim()
      if (!trimmed) continue
      if (/^(?:for|while|until|select)\b/.test(trimmed)) depth++
      const text = trimmed.replace(KEYWORDS, '')
      if (/^(?:done|fi|esac|\}|\))\b/.test(text) || text === 'done') {
        if (text.startsWith('done')) depth = Math.max(0, depth - 1)
        continue
      }
      commands.push({ text, line: start, inLoop: depth > 0 })
    }
  }
  return commands
}

/** `sleep 30`, `sleep 2m`, `sleep 1.5s` → seconds; undefined for anything else. */
export function sleepSeconds(text) {
  const match = /^sleep\s+(\d+(?:\.\d+)?)([smhd]?)\s*$/.exec(text)
  if (!match) return undefined
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] ?? ''] ?? 1
  return Number(match[1]) * unit
}

/** curl or wget against a URL (a literal one, a variable, or an expression). */
export function httpProbe(text) {
  const match = /^(?:\S*\/)?(curl|wget)\s/.exec(text)
  if (!match || !/https?:\/\/|\$\{?[A-Za-z_]|\$\{\{/.test(text)) return undefined
  return match[1]
}

/**
 * The deploy CLI a command runs, as lint names it, or undefined.
 * @param {string} text
 * @returns {{ cli: string, prod: boolean, imageLabel?: string, image: boolean } | undefined}
 */
export function deployCommand(text) {
  const bare = text.replace(
    /^(?:npx|pnpm exec|pnpm dlx|yarn|bunx|npm exec --)\s+(?:--yes\s+|-y\s+)?/,
    '',
  )
  if (
    /^(?:\S*\/)?(?:flyctl|fly)\s+(?:.*\s)?deploy\b/.test(bare) &&
    !/\s(?:apps|secrets|status|releases)\s/.test(bare)
  ) {
    const label = /--image-label[=\s]+(\S+)/.exec(bare)?.[1]
    return {
      cli: 'flyctl deploy',
      prod: true,
      ...(label ? { imageLabel: label } : {}),
      image: /\s(?:--image|-i)(?:=|\s)/.test(` ${bare}`),
    }
  }
  if (/^wrangler(?:@\S+)?\s+(?:deploy|publish)\b/.test(bare))
    return { cli: 'wrangler deploy', prod: true, image: false }
  if (
    /^vercel(?:@\S+)?\b/.test(bare) &&
    /\s--prod(?:uction)?\b/.test(bare) &&
    !/\s(?:rollback|promote|alias)\b/.test(bare)
  ) {
    return { cli: 'vercel deploy --prod', prod: true, image: false }
  }
  if (/^(?:\S*\/)?railway\s+up\b/.test(bare)) return { cli: 'railway up', prod: true, image: false }
  return undefined
}
