// `flightdeck lint [paths]`: reads workflow files and reports what flightdeck replaces, with the
// file, the line and the replacement. Text for people, `github` annotations for CI, `json` for
// tools. Exit 0 clean, 1 something found, 2 bad usage.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { parseArgs } from 'node:util'
import { oneLine, UsageError } from '../cli/errors.mjs'
import { lintWorkflow, RULES } from './rules.mjs'
import { readWorkflow } from './workflow.mjs'

export const LINT_HELP = `flightdeck lint: find the deployment defects flightdeck replaces in your workflows

usage: flightdeck lint [paths...] [--format text|github|json]

paths are workflow files or folders of them (default: .github/workflows).

rules (each names its flightdeck replacement):
${Object.keys(RULES)
  .map((rule) => `  ${rule}`)
  .join('\n')}
branch-pinned-action and untrusted-input-in-run are warnings: actionlint and zizmor own those.

options:
  --format text     file:line: rule: message, then the replacement (default)
  --format github   ::error/::warning annotations with file= and line=, for a CI step
  --format json     [{file, line, rule, severity, message, suggestion}], file relative to here

Exit codes: 0 nothing found, 1 something found, 2 bad usage (an unknown flag, a missing path).
`

/**
 * @typedef {import('./rules.mjs').Finding & { file: string }} FileFinding
 * @typedef {object} Io
 * @property {string} [cwd]
 * @property {(text: string) => void} [out]
 * @property {(text: string) => void} [err]
 */

/** @param {string[]} argv the arguments after `lint` @param {Io} io @returns {Promise<number>} */
export async function runLint(argv, io = {}) {
  const out = io.out ?? ((text) => process.stdout.write(text))
  const err = io.err ?? ((text) => process.stderr.write(text))
  try {
    const { values, positionals } = parse(argv)
    if (values.help) {
      out(LINT_HELP)
      return 0
    }
    const format = values.format ?? 'text'
    if (!['text', 'github', 'json'].includes(format)) {
      throw new UsageError(`--format ${format}: not one of text, github, json`)
    }
    const cwd = io.cwd ?? process.cwd()
    const files = workflowFiles(positionals.length > 0 ? positionals : ['.github/workflows'], cwd)
    const findings = lintFiles(files, cwd)
    out(render(findings, format, files.length))
    return findings.length > 0 ? 1 : 0
  } catch (error) {
    if (error instanceof UsageError) {
      err(`flightdeck lint: ${error.message}\n(see flightdeck lint --help)\n`)
      return error.exitCode
    }
    throw error
  }
}

/** @param {string[]} argv */
function parse(argv) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: { format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } },
    })
  } catch (error) {
    throw new UsageError(/** @type {Error} */ (error).message)
  }
}

/** GitHub refuses workflow files above 512 KiB; anything far larger is not read at all. */
const MAX_FILE_BYTES = 2 * 2 ** 20

/**
 * The .yml/.yaml files of the paths (folders searched through), sorted, absolute.
 * @param {string[]} paths @param {string} cwd
 */
export function workflowFiles(paths, cwd) {
  /** @type {string[]} */
  const files = []
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(path)
      else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) files.push(path)
    }
  }
  for (const path of paths) {
    const full = resolve(cwd, path)
    if (!existsSync(full)) throw new UsageError(`${path}: no such file or folder`)
    if (statSync(full).isDirectory()) walk(full)
    else files.push(full)
  }
  return [...new Set(files)].sort()
}

/**
 * @param {string[]} files absolute @param {string} cwd
 * @returns {FileFinding[]}
 */
export function lintFiles(files, cwd) {
  return files.flatMap((path) => {
    const file = relative(cwd, path).split(sep).join('/') || path
    if (statSync(path).size > MAX_FILE_BYTES) {
      return [
        {
          file,
          line: 1,
          rule: 'unreadable',
          severity: /** @type {const} */ ('error'),
          message: `larger than ${MAX_FILE_BYTES / 2 ** 20} MiB: not a workflow GitHub would run`,
          suggestion: 'nothing was checked in this file',
        },
      ]
    }
    const { workflow, error } = readWorkflow(readFileSync(path, 'utf8'), file)
    if (error) {
      return [
        {
          file,
          line: error.line,
          rule: 'unreadable',
          severity: /** @type {const} */ ('error'),
          message: error.message,
          suggestion: 'fix the YAML (actionlint shows the details); nothing else was checked',
        },
      ]
    }
    if (!workflow) return []
    return lintWorkflow(workflow).map((finding) => ({ file, ...finding }))
  })
}

/** @param {FileFinding[]} findings @param {string} format @param {number} fileCount */
function render(findings, format, fileCount) {
  if (format === 'json') {
    const list = findings.map(({ file, line, rule, severity, message, suggestion }) => ({
      file,
      line,
      rule,
      severity,
      message,
      suggestion,
    }))
    return `${JSON.stringify(list, null, 2)}\n`
  }
  if (format === 'github') {
    return findings
      .map(
        (f) =>
          `::${f.severity} file=${property(f.file)},line=${f.line},title=${property(`flightdeck lint: ${f.rule}`)}::${data(`${f.message} → ${f.suggestion}`)}\n`,
      )
      .join('')
  }
  const lines = findings.map((f) => {
    // A path that starts with ':' could read as a workflow command at the start of a log line.
    const file = f.file.startsWith(':') ? `./${f.file}` : f.file
    return `${oneLine(file)}:${f.line}: ${f.severity} ${f.rule}: ${oneLine(f.message)}\n    → ${oneLine(f.suggestion)}\n`
  })
  const files = `${fileCount} workflow file${fileCount === 1 ? '' : 's'}`
  const problems = findings.length === 1 ? '1 finding' : `${findings.length} findings`
  return `${lines.join('')}${findings.length > 0 ? '\n' : ''}${problems} in ${files}\n`
}

/** A workflow command's message, escaped as @actions/core escapes it. */
function data(text) {
  return oneLine(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'))
}

/** A workflow command's property value, escaped as @actions/core escapes it. */
function property(text) {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
