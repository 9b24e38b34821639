// action-catalog.md: every action and reusable workflow, generated from its action.yml or its
// on.workflow_call block so the catalog can never drift from the contract. For each: what it
// does, a minimal example, and a table of every input (required, default, description) and
// output. New actions and workflows need no change here; an action without an entry in
// ACTION_EXAMPLES still gets an example (its required inputs), and a test asks for the entry.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'

const REPOSITORY = 'flightdeck-actions/flightdeck'

/**
 * The smallest useful step for each action: its required inputs and the one or two that make it
 * worth running. Kept here rather than in action.yml, which stays plain GitHub metadata. The
 * tests check every key against the action's inputs and that the required ones are all there.
 * @type {Record<string, { comment?: string, if?: string, with: Record<string, string> }>}
 */
export const ACTION_EXAMPLES = {
  'gated-deploy': {
    comment: 'after checkout and setup (flyctl)',
    with: {
      app: 'my-app',
      token: '${{ secrets.FLY_API_TOKEN }}',
      'deploy-window': 'Mon-Fri 09:00-17:00 America/Los_Angeles',
      'health-url': 'https://my-app.fly.dev/health',
    },
  },
  'deploy-report': {
    comment: 'in a scheduled workflow; permissions: deployments: read, contents: read',
    with: {
      environment: 'production',
      since: '30d',
    },
  },
  'health-check': {
    with: {
      url: 'https://my-app.fly.dev/health',
      'json-assertions': 'status == healthy',
    },
  },
  notify: {
    comment: 'last step of the job, whatever happened',
    if: 'always()',
    with: {
      'slack-webhook-url': '${{ secrets.SLACK_WEBHOOK_URL }}',
      'mention-on-failure': '@here',
    },
  },
  'preview-app': {
    comment: 'on pull_request: opened, synchronize, reopened, closed; after setup (flyctl)',
    with: {
      token: '${{ secrets.FLY_ORG_TOKEN }}',
      'health-url': '/health',
    },
  },
  rollback: {
    comment: 'after setup (flyctl), when the deploy or its health check failed',
    if: 'failure()',
    with: {
      app: 'my-app',
      token: '${{ secrets.FLY_API_TOKEN }}',
      'health-url': 'https://my-app.fly.dev/health',
    },
  },
  setup: {
    with: {
      tools: 'flyctl',
      token: '${{ secrets.FLY_API_TOKEN }}',
    },
  },
}

/**
 * The same for reusable workflows, as a caller's job. Workflows without an entry get their
 * required inputs and secrets with placeholder values.
 * @type {Record<string, { with?: Record<string, string | boolean | number>, secrets?: Record<string, string> }>}
 */
export const WORKFLOW_EXAMPLES = {
  'deploy.yml': {
    with: { app: 'my-app', 'health-url': 'https://my-app.fly.dev/health' },
    secrets: { token: '${{ secrets.FLY_API_TOKEN }}' },
  },
  'report.yml': {
    with: { environment: 'production', since: '7d', notify: true },
    secrets: { 'slack-webhook-url': '${{ secrets.SLACK_WEBHOOK_URL }}' },
  },
  'monitor.yml': {
    with: { url: 'https://my-app.fly.dev/health' },
    secrets: { 'slack-webhook-url': '${{ secrets.SLACK_WEBHOOK_URL }}' },
  },
  'preview.yml': {
    with: { 'health-url': '/health' },
    secrets: { token: '${{ secrets.FLY_ORG_TOKEN }}' },
  },
  'rollback.yml': {
    with: { app: 'my-app', 'health-url': 'https://my-app.fly.dev/health' },
    secrets: { token: '${{ secrets.FLY_API_TOKEN }}' },
  },
}

const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ')
    .trim()

const code = (value) => (value === undefined || value === '' ? '' : `\`${cell(value)}\``)

export function readActions(root) {
  const dir = join(root, 'actions')
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'action.yml')))
    .sort()
    .map((name) => ({ name, spec: parse(readFileSync(join(dir, name, 'action.yml'), 'utf8')) }))
}

/**
 * The reusable workflows: .github/workflows/*.yml with an `on.workflow_call` trigger.
 * @returns {Array<{ file: string, text: string, workflow: any, call: any }>}
 */
export function readReusableWorkflows(root) {
  const dir = join(root, '.github', 'workflows')
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((file) => /\.ya?ml$/.test(file))
    .sort()
    .flatMap((file) => {
      const text = readFileSync(join(dir, file), 'utf8')
      const workflow = parse(text)
      const on = workflow?.on
      if (!on || typeof on !== 'object' || Array.isArray(on) || !('workflow_call' in on)) return []
      return [{ file, text, workflow, call: on.workflow_call ?? {} }]
    })
}

/**
 * What a workflow does, from its opening comment: the first paragraph, without a leading
 * "Reusable:" label or a closing sentence that introduces the usage example ("Call it ...:").
 */
export function workflowDescription(text, fallback) {
  const paragraph = []
  for (const line of text.split('\n')) {
    const comment = /^#(?: (.*))?$/.exec(line)
    if (!comment || comment[1] === undefined || comment[1].trim() === '') break
    if (/^ {2,}/.test(comment[1])) break
    paragraph.push(comment[1].trim())
  }
  const sentences = paragraph
    .join(' ')
    .replace(/^Reusable( workflow)?:\s*/i, '')
    .split(/(?<=[.!?:])\s+(?=[A-Z])/)
  while (sentences.length > 0 && sentences.at(-1)?.trim().endsWith(':')) sentences.pop()
  const description = sentences.join(' ').trim()
  return description ? description[0].toUpperCase() + description.slice(1) : fallback
}

/** A YAML scalar for an example: plain when YAML reads it back as the same string. */
function yamlValue(value, indent) {
  if (typeof value !== 'string') return String(value)
  if (value.includes('\n')) {
    return `|\n${value
      .split('\n')
      .map((line) => `${indent}  ${line}`)
      .join('\n')}`
  }
  const plain = (() => {
    try {
      return parse(`k: ${value}`)?.k === value
    } catch {
      return false
    }
  })()
  return plain ? value : `'${value.replace(/'/g, "''")}'`
}

function mapping(values, indent) {
  return Object.entries(values).map(
    ([key, value]) => `${indent}${key}: ${yamlValue(value, indent)}`,
  )
}

/** The example step of an action, as YAML lines. */
export function actionExample(name, spec) {
  const example = ACTION_EXAMPLES[name] ?? {
    with: Object.fromEntries(
      Object.entries(spec.inputs ?? {})
        .filter(([, def]) => def.required)
        .map(([input]) => [input, `<${input}>`]),
    ),
  }
  const lines = []
  if (example.comment) lines.push(`# ${example.comment}`)
  lines.push(`- uses: ${REPOSITORY}/actions/${name}@v1`)
  if (example.if) lines.push(`  if: ${example.if}`)
  if (Object.keys(example.with).length > 0) lines.push('  with:', ...mapping(example.with, '    '))
  return lines
}

/** The example job that calls a reusable workflow, as YAML lines. */
export function workflowExample(file, workflow, call) {
  const job = file.replace(/\.ya?ml$/, '').replace(/[^A-Za-z0-9_-]/g, '-')
  const known = WORKFLOW_EXAMPLES[file]
  const placeholder = (name, def) =>
    def.type === 'boolean' ? false : def.type === 'number' ? 0 : `<${name}>`
  const withValues =
    known?.with ??
    Object.fromEntries(
      Object.entries(call.inputs ?? {})
        .filter(([, def]) => def?.required)
        .map(([name, def]) => [name, placeholder(name, def)]),
    )
  const secrets =
    known?.secrets ??
    Object.fromEntries(
      Object.entries(call.secrets ?? {})
        .filter(([, def]) => def?.required)
        .map(([name]) => [name, `\${{ secrets.${name.toUpperCase().replace(/-/g, '_')} }}`]),
    )
  const lines = ['jobs:', `  ${job}:`]
  // A called workflow's jobs get no more than the caller's job grants: show what it asks for.
  const permissions = workflow.permissions
  if (permissions && typeof permissions === 'object' && Object.keys(permissions).length > 0) {
    lines.push('    permissions:', ...mapping(permissions, '      '))
  }
  lines.push(`    uses: ${REPOSITORY}/.github/workflows/${file}@v1`)
  if (Object.keys(withValues).length > 0) lines.push('    with:', ...mapping(withValues, '      '))
  if (Object.keys(secrets).length > 0) lines.push('    secrets:', ...mapping(secrets, '      '))
  return lines
}

function renderAction(name, spec) {
  const lines = [`### \`${name}\``, '', spec.description ?? '', '']
  lines.push('```yaml', ...actionExample(name, spec), '```', '')
  lines.push('| input | required | default | description |', '| --- | --- | --- | --- |')
  for (const [input, def] of Object.entries(spec.inputs ?? {})) {
    lines.push(
      `| \`${input}\` | ${def.required ? 'yes' : 'no'} | ${code(def.default)} | ${cell(def.description)} |`,
    )
  }
  lines.push('', '| output | description |', '| --- | --- |')
  for (const [output, def] of Object.entries(spec.outputs ?? {})) {
    lines.push(`| \`${output}\` | ${cell(def.description)} |`)
  }
  lines.push('')
  return lines
}

function renderWorkflow({ file, text, workflow, call }) {
  const lines = [
    `### \`${file}\``,
    '',
    workflowDescription(text, workflow.name ?? file),
    '',
    '```yaml',
    ...workflowExample(file, workflow, call),
    '```',
    '',
  ]
  const inputs = Object.entries(call.inputs ?? {})
  if (inputs.length > 0) {
    lines.push(
      '| input | type | required | default | description |',
      '| --- | --- | --- | --- | --- |',
    )
    for (const [input, def] of inputs) {
      const fallback = def?.default === undefined ? '' : code(String(def.default))
      lines.push(
        `| \`${input}\` | ${def?.type ?? ''} | ${def?.required ? 'yes' : 'no'} | ${fallback} | ${cell(def?.description)} |`,
      )
    }
    lines.push('')
  }
  const secrets = Object.entries(call.secrets ?? {})
  if (secrets.length > 0) {
    lines.push('| secret | required | description |', '| --- | --- | --- |')
    for (const [secret, def] of secrets) {
      lines.push(`| \`${secret}\` | ${def?.required ? 'yes' : 'no'} | ${cell(def?.description)} |`)
    }
    lines.push('')
  }
  const outputs = Object.entries(call.outputs ?? {})
  if (outputs.length > 0) {
    lines.push('| output | description |', '| --- | --- |')
    for (const [output, def] of outputs) lines.push(`| \`${output}\` | ${cell(def?.description)} |`)
    lines.push('')
  }
  return lines
}

/**
 * The providers section, from the provider registry's specs (shared/providers/specs/): what
 * each platform is, the CLI `setup` installs for it, where its token comes from, and what it
 * can do. Adding a provider adds its row.
 */
function renderProviders(specs) {
  if (specs.length === 0) return []
  const can = (spec) =>
    [
      spec.capabilities.rollback && 'releases and rollback',
      spec.capabilities.previews === 'apps' && 'previews as an app per pull request',
      spec.capabilities.previews === 'project' && 'previews inside the project',
      spec.capabilities.strategies?.length &&
        `deploy strategies (${spec.capabilities.strategies.join(', ')})`,
      spec.capabilities.trafficSplit && 'traffic split',
    ]
      .filter(Boolean)
      .join('; ')
  return [
    '## Providers',
    '',
    'The `provider` input of `gated-deploy`, `rollback` and `preview-app`, from the provider registry',
    '(`shared/providers/registry.ts`).',
    '',
    '| provider | platform | CLI (`setup` installs it) | token from | provider-specific inputs | can |',
    '| --- | --- | --- | --- | --- | --- |',
    ...specs.map(
      (spec) =>
        `| \`${spec.name}\` | ${cell(spec.title)} | ${code(spec.cli?.tool)} | ${spec.tokenEnv.map((name) => code(name)).join(', ')} | ${spec.inputs.map((name) => code(name)).join(', ')} | ${cell(can(spec))} |`,
    ),
    '',
  ]
}

/**
 * The provider specs, loaded from the TypeScript registry through tsx (a devDependency made
 * for running TypeScript on Node), for `npm run bundle`. Tests pass the specs they import.
 */
export async function loadProviderSpecs() {
  const { register } = await import('tsx/esm/api')
  const unregister = register()
  try {
    const registry = await import('../../shared/providers/registry.ts')
    return Object.values(registry.PROVIDER_SPECS)
  } finally {
    await unregister()
  }
}

export function renderCatalog(root, providerSpecs = []) {
  const actions = readActions(root)
  const workflows = readReusableWorkflows(root)
  const lines = [
    '# Action catalog',
    '',
    'Generated from each `actions/<name>/action.yml` and each reusable workflow in',
    '`.github/workflows/` by `npm run bundle`; do not edit by hand.',
    '',
    'Every action also runs outside GitHub Actions, with the same inputs as flags:',
    '`npx flightdeck <action> --<input> <value> ...` (`npx flightdeck <action> --help` lists them).',
    '',
    '## Actions',
    '',
    ...actions.map(({ name, spec }) => `- [\`${name}\`](#${name}): ${cell(spec.description)}`),
    '',
    ...actions.flatMap(({ name, spec }) => renderAction(name, spec)),
  ]
  if (workflows.length > 0) {
    lines.push(
      '## Reusable workflows',
      '',
      'Called as a job (`jobs.<id>.uses`), not as a step.',
      '',
      ...workflows.map(
        (entry) =>
          `- [\`${entry.file}\`](#${entry.file.replace(/\./g, '')}): ${cell(workflowDescription(entry.text, entry.workflow.name ?? entry.file))}`,
      ),
      '',
      ...workflows.flatMap(renderWorkflow),
    )
  }
  lines.push(...renderProviders(providerSpecs))
  return lines.join('\n')
}

export async function writeCatalog(root) {
  writeFileSync(join(root, 'action-catalog.md'), renderCatalog(root, await loadProviderSpecs()))
}
