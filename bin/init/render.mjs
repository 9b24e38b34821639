// The workflows `flightdeck init` writes, as text: each calls flightdeck's reusable workflows
// (deploy.yml, preview.yml, monitor.yml) pinned to @v1, with least permissions, a concurrency
// group, and the secrets named as the platform's own tools name them. Written by hand rather
// than through a YAML serializer so that the comments (what to set up, where to add a health
// path) sit where the reader needs them. Every value placed here was checked by detect.mjs.

import {
  CHANNELS,
  DESCRIPTIONS,
  FLY_PREVIEW_TOKEN,
  originOf,
  PREVIEW_PLATFORMS,
  TOKENS,
  variablesOf,
} from './platforms.mjs'
import { header, scalar, secrets, setupLines, slug, testJob, vars } from './yaml-text.mjs'

/** The repository the written workflows call, and the tag they pin. */
export const FLIGHTDECK = 'flightdeck-actions/flightdeck'
export const FLIGHTDECK_REF = 'v1'

/**
 * @typedef {object} Options
 * @property {string} branch the branch production deploys from
 * @property {keyof typeof CHANNELS} notify
 * @property {boolean} monitor
 * @property {string} version flightdeck's version, for the header
 *
 * @typedef {object} Setting a secret or variable to create
 * @property {'secret' | 'variable'} kind
 * @property {string} name
 * @property {string} hint how to get the value, or an example of it
 * @property {Set<string>} files the workflows that read it (deploy, preview, monitor)
 *
 * @typedef {object} Plan
 * @property {Array<{ path: string, text: string }>} files
 * @property {Setting[]} settings
 * @property {string[]} notes what else to do (health paths, environments)
 */

/**
 * @param {import('./detect.mjs').Target[]} targets in deploy order
 * @param {import('./detect.mjs').Project | undefined} project
 * @param {Options} options
 * @returns {Plan}
 */
export function plan(targets, project, options) {
  /** @type {Map<string, Setting>} */
  const settings = new Map()
  /** @param {Setting['kind']} kind @param {string} name @param {string} hint @param {string[]} files */
  const need = (kind, name, hint, files) => {
    const known = settings.get(name)
    if (known) files.forEach((file) => known.files.add(file))
    else settings.set(name, { kind, name, hint, files: new Set(files) })
  }
  const notes = []
  const channel = CHANNELS[options.notify]
  const previews = targets.filter((target) => PREVIEW_PLATFORMS.has(target.platform))
  for (const target of targets) {
    const token = TOKENS[target.platform]
    const previewed = PREVIEW_PLATFORMS.has(target.platform)
    need(
      'secret',
      token.name,
      token.how(target),
      previewed && target.platform !== 'fly' ? ['deploy', 'preview'] : ['deploy'],
    )
    if (target.platform === 'fly')
      need('secret', FLY_PREVIEW_TOKEN.name, FLY_PREVIEW_TOKEN.how('<your-org>'), ['preview'])
    const names = variablesOf(target, targets)
    if (names.app)
      need('variable', names.app, `the ${target.platform} service id of ${target.label}`, [
        'deploy',
      ])
    if (names.environment)
      need('variable', names.environment, 'the Railway production environment id', ['deploy'])
    if (names.account)
      need('variable', names.account, DESCRIPTIONS.CLOUDFLARE_ACCOUNT_ID, ['deploy', 'preview'])
    if (names.url && (target.healthPath || options.monitor)) {
      const files = [
        ...(target.healthPath ? ['deploy'] : []),
        ...(options.monitor ? ['monitor'] : []),
      ]
      need('variable', names.url, target.originHint ?? 'https://…', files)
    }
    if (target.dir && target.platform === 'vercel') {
      notes.push(
        `Set the Vercel project's Root Directory to ${target.dir} (Settings → Build and Deployment): the workflows run vercel from the repository root.`,
      )
    }
    if (!target.healthPath) {
      notes.push(
        `No health check path found for ${target.label}${target.source ? ` in ${target.source}` : ''}: the deploy runs without a health check (and so without automatic rollback) until you add health-url to .github/workflows/deploy.yml, or run init again with --health-path /health.`,
      )
    }
  }
  for (const [name, secret] of Object.entries(channel.secrets)) {
    need('secret', secret, DESCRIPTIONS[secret] ?? name, ['deploy', 'monitor'])
  }
  for (const variable of Object.values(channel.inputs)) {
    need('variable', variable, DESCRIPTIONS[variable] ?? variable, ['deploy', 'monitor'])
  }
  notes.push(
    'Create the `production` environment (Settings → Environments) and add required reviewers if a production deploy needs an approval: its rules hold the deploy job before anything runs.',
  )

  const all = [...settings.values()]
  const setupOf = (file) => setupLines(all.filter((setting) => setting.files.has(file)))
  const files = [
    {
      path: '.github/workflows/deploy.yml',
      text: deployWorkflow(targets, project, options, setupOf('deploy')),
    },
  ]
  if (previews.length > 0) {
    files.push({
      path: '.github/workflows/preview.yml',
      text: previewWorkflow(previews, project, targets, setupOf('preview')),
    })
  }
  if (options.monitor) {
    files.push({
      path: '.github/workflows/monitor.yml',
      text: monitorWorkflow(targets, options, setupOf('monitor')),
    })
  }
  return { files, settings: all, notes }
}

/** deploy.yml: tests, then each target in order through flightdeck's deploy.yml. */
function deployWorkflow(targets, project, options, setup) {
  const names = targets.map((t) => `${t.label} (${t.platform})`).join(', then ')
  const sources = [...new Set(targets.map((t) => t.source).filter(Boolean))].join(', ')
  const lines = [
    header(
      `Written by \`npx flightdeck init\` (flightdeck ${options.version})${sources ? ` from ${sources}` : ''}.\n` +
        `A push to ${options.branch} runs the tests, then deploys ${names} to production through\n` +
        "flightdeck's deploy.yml: the gates, a GitHub Deployment, the deploy, a health check that\n" +
        'polls until the release answers (no `sleep && curl`), and a rollback to the release that\n' +
        'served before, in the same job, when it does not.',
      setup,
      [
        'and the `production` environment (Settings → Environments), with required reviewers if',
        'production deploys need an approval.',
      ],
    ),
    'name: deploy',
    '',
    'on:',
    '  push:',
    `    branches: [${scalar(options.branch)}]`,
    '  workflow_dispatch:',
    '',
    'permissions:',
    '  contents: read',
    '',
    '# One production deploy at a time; a deploy is never cancelled half-way.',
    'concurrency:',
    '  group: deploy-production',
    '  cancel-in-progress: false',
    '',
    'jobs:',
  ]
  const tested = project && (project.test || project.build)
  if (tested) lines.push(...testJob(project), '')
  let previous = tested ? 'test' : undefined
  for (const target of targets) {
    const id = targets.length === 1 ? 'production' : `production-${slug(target.label)}`
    lines.push(...deployJob(id, previous, target, targets, options), '')
    previous = id
  }
  return `${lines.join('\n').trimEnd()}\n`
}

function deployJob(id, needs, target, all, options) {
  const names = variablesOf(target, all)
  const lines = [`  ${id}:`]
  if (needs) lines.push(`    needs: ${needs}`)
  lines.push(
    '    permissions:',
    '      contents: read',
    '      deployments: write',
    '      checks: read',
    '      statuses: read',
    `    uses: ${FLIGHTDECK}/.github/workflows/deploy.yml@${FLIGHTDECK_REF}`,
    '    with:',
    `      provider: ${target.platform}`,
    `      app: ${target.app ? scalar(target.app) : vars(/** @type {string} */ (names.app))}`,
  )
  // Vercel builds a monorepo's app from the project's Root Directory setting, with the CLI run
  // from the repository root (as preview.yml runs it); the other CLIs run in the app's folder.
  if (target.dir && target.platform === 'vercel') lines.push(...vercelRootComment(target.dir))
  else if (target.dir) lines.push(`      working-directory: ${scalar(target.dir)}`)
  if (target.config) lines.push(`      config: ${scalar(target.config)}`)
  if (target.accountId) lines.push(`      account-id: ${scalar(target.accountId)}`)
  if (names.account) lines.push(`      account-id: ${vars(names.account)}`)
  if (target.projectId && target.orgId) {
    lines.push(
      `      project-id: ${scalar(target.projectId)}`,
      `      org-id: ${scalar(target.orgId)}`,
    )
  }
  if (names.environment) lines.push(`      environment-id: ${vars(names.environment)}`)
  const origin = originOf(target, all)
  if (target.healthPath) {
    lines.push(`      health-url: ${scalar(`${origin}${target.healthPath}`)}`)
  } else {
    lines.push(
      `      # No health check path found${target.source ? ` in ${target.source}` : ''}: add one, e.g.`,
      `      # health-url: ${origin}/health`,
    )
  }
  lines.push('      auto-rollback: true')
  const channel = CHANNELS[options.notify]
  for (const [input, variable] of Object.entries(channel.inputs))
    lines.push(`      ${input}: ${vars(variable)}`)
  lines.push('    secrets:', `      token: ${secrets(TOKENS[target.platform].name)}`)
  for (const [input, secret] of Object.entries(channel.secrets))
    lines.push(`      ${input}: ${secrets(secret)}`)
  return lines
}

/** preview.yml: one live preview per pull request, one sticky comment, torn down on close. */
function previewWorkflow(previews, project, all, setup) {
  const lines = [
    header(
      'Written by `npx flightdeck init`. Every pull request gets a live preview of\n' +
        `${previews.map((t) => t.label).join(', ')}, health-checked, with one comment that is updated on\n` +
        "every push (never a new one) and marked torn down when the pull request closes. A fork's\n" +
        'pull request gets no secrets: its preview is skipped with a notice.',
      setup,
    ),
    'name: preview',
    '',
    'on:',
    '  pull_request:',
    '    types: [opened, synchronize, reopened, closed]',
    '',
    'permissions:',
    '  contents: read',
    '',
    '# One run per pull request at a time: a push cancels the run of the older commit; a close',
    '# waits for a deploy in progress, then tears down.',
    'concurrency:',
    '  group: preview-${{ github.event.pull_request.number }}',
    "  cancel-in-progress: ${{ github.event.action == 'synchronize' }}",
    '',
    'jobs:',
  ]
  const tested = project && (project.test || project.build)
  if (tested) lines.push(...testJob(project, "github.event.action != 'closed'"), '')
  for (const target of previews) {
    const id = previews.length === 1 ? 'preview' : `preview-${slug(target.label)}`
    lines.push(`  ${id}:`)
    if (tested) {
      lines.push(
        '    needs: test',
        '    # The teardown on close does not wait for the tests.',
        "    if: always() && (needs.test.result == 'success' || github.event.action == 'closed')",
      )
    }
    lines.push(
      '    permissions:',
      '      contents: read',
      '      deployments: write',
      '      pull-requests: write',
      `    uses: ${FLIGHTDECK}/.github/workflows/preview.yml@${FLIGHTDECK_REF}`,
      '    with:',
      `      provider: ${target.platform}`,
    )
    const names = variablesOf(target, all)
    if (target.platform === 'fly') {
      lines.push(`      app-name: ${scalar(`${target.app}-pr-{pr}`)}`)
      if (target.region) lines.push(`      region: ${target.region}`)
      const config =
        target.dir || target.config
          ? `${target.dir ? `${target.dir}/` : ''}${target.config ?? 'fly.toml'}`
          : ''
      if (config) lines.push(`      config: ${scalar(config)}`)
    } else {
      if (target.dir && target.platform === 'vercel') lines.push(...vercelRootComment(target.dir))
      lines.push(`      app: ${scalar(target.app)}`)
      // preview-app runs in the repository root: wrangler finds the Worker by its config.
      if (target.platform === 'cloudflare' && (target.dir || target.config)) {
        lines.push(
          `      config: ${scalar(`${target.dir ? `${target.dir}/` : ''}${target.config ?? 'wrangler.toml'}`)}`,
        )
      }
      if (target.accountId) lines.push(`      account-id: ${scalar(target.accountId)}`)
      if (names.account) lines.push(`      account-id: ${vars(names.account)}`)
      if (target.projectId && target.orgId) {
        lines.push(
          `      project-id: ${scalar(target.projectId)}`,
          `      org-id: ${scalar(target.orgId)}`,
        )
      }
    }
    if (target.healthPath) lines.push(`      health-url: ${scalar(target.healthPath)}`)
    const token = target.platform === 'fly' ? FLY_PREVIEW_TOKEN.name : TOKENS[target.platform].name
    lines.push('    secrets:', `      token: ${secrets(token)}`, '')
  }
  return `${lines.join('\n').trimEnd()}\n`
}

/** @param {string} dir */
function vercelRootComment(dir) {
  return [
    `      # Set the Vercel project's Root Directory to ${dir} (Settings → Build and Deployment):`,
    '      # vercel runs from the repository root and builds the app from there.',
  ]
}

/** monitor.yml: the production URLs every hour; a message when one goes down and when it recovers. */
function monitorWorkflow(targets, options, setup) {
  const urls = targets.map((target) => `${originOf(target, targets)}${target.healthPath ?? '/'}`)
  const channel = CHANNELS[options.notify]
  const lines = [
    header(
      'Written by `npx flightdeck init`. Every hour, checks that production answers; tells you\n' +
        'when something goes down and when it recovers, and stays quiet in between.',
      setup.length > 0 ? setup : ['(nothing: no notification channel was chosen)'],
    ),
    'name: monitor',
    '',
    'on:',
    '  schedule:',
    "    - cron: '17 * * * *' # hourly, off the top of the hour",
    '  workflow_dispatch:',
    '',
    '# The check needs no token permission (its state is in the Actions cache).',
    'permissions: {}',
    '',
    'concurrency:',
    '  group: monitor-production',
    '  cancel-in-progress: false',
    '',
    'jobs:',
    '  monitor:',
    `    uses: ${FLIGHTDECK}/.github/workflows/monitor.yml@${FLIGHTDECK_REF}`,
    '    with:',
    '      name: production',
    '      environment: production',
    '      url: |',
    ...urls.map((url) => `        ${url}`),
  ]
  for (const [input, variable] of Object.entries(channel.inputs))
    lines.push(`      ${input}: ${vars(variable)}`)
  const secretLines = Object.entries(channel.secrets).map(
    ([input, secret]) => `      ${input}: ${secrets(secret)}`,
  )
  if (secretLines.length > 0) lines.push('    secrets:', ...secretLines)
  return `${lines.join('\n')}\n`
}
