// Pieces of the workflow text `flightdeck init` writes: YAML scalars, the header comment, the
// set-up lines and the test job. Kept apart from render.mjs, which assembles whole workflows.

/**
 * A YAML scalar: plain when it can only be read as that string, else single-quoted.
 * @param {string} value
 */
export function scalar(value) {
  const plain =
    /^[A-Za-z0-9/$][\w./:@${} -]*$/.test(value) &&
    !/: |\s#|\s$/.test(value) &&
    !/^(true|false|yes|no|on|off|null|~|[-+]?[\d.]+(e[-+]?\d+)?)$/i.test(value)
  return plain ? value : `'${value.replace(/'/g, "''")}'`
}

export const vars = (name) => `\${{ vars.${name} }}`
export const secrets = (name) => `\${{ secrets.${name} }}`

/** A job id or variable suffix from a label: lowercase words joined by '-'. */
export const slug = (text) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

/** `gh secret set` / `gh variable set` lines, aligned, each with how to get the value. */
export function setupLines(settings) {
  const commands = settings.map((s) =>
    s.kind === 'secret' ? `gh secret set ${s.name}` : `gh variable set ${s.name} --body '…'`,
  )
  const width = Math.max(0, ...commands.map((command) => command.length))
  return commands.map((command, i) => `${command.padEnd(width)}  # ${settings[i]?.hint ?? ''}`)
}

/** @param {string} summary @param {string[]} setup @param {string[]} extra */
export function header(summary, setup, extra = []) {
  return [
    ...wrap(summary.replace(/\n/g, ' ')).map((line) => `# ${line}`),
    '#',
    '# Before the first run, create these (in the repository, with the GitHub CLI):',
    ...setup.map((line) => `#   ${line}`),
    ...extra.map((line) => `# ${line}`),
  ].join('\n')
}

/** The install, test and build steps of the project's package manager. */
export function testJob(project, condition) {
  const m = project.manager
  const install = {
    npm: project.lockfile ? 'npm ci' : 'npm install',
    pnpm: project.lockfile ? 'pnpm install --frozen-lockfile' : 'pnpm install',
    yarn: !project.lockfile
      ? 'yarn install'
      : /^[2-9]|^\d{2}/.test(project.managerVersion ?? '')
        ? 'yarn install --immutable'
        : 'yarn install --frozen-lockfile',
    bun: project.lockfile ? 'bun install --frozen-lockfile' : 'bun install',
  }[m]
  const run = m === 'npm' ? 'npm run' : `${m} run`
  const lines = ['  test:']
  if (condition) lines.push(`    if: ${condition}`)
  lines.push('    runs-on: ubuntu-latest')
  if (project.dir)
    lines.push('    defaults:', '      run:', `        working-directory: ${scalar(project.dir)}`)
  lines.push(
    '    steps:',
    '      - uses: actions/checkout@v4',
    '        with:',
    '          persist-credentials: false',
  )
  if (m === 'pnpm') {
    lines.push('      - uses: pnpm/action-setup@v4')
    if (!project.managerVersion)
      lines.push('        with:', `          version: ${project.pnpmMajor ?? 9}`)
  }
  if (m === 'bun') lines.push('      - uses: oven-sh/setup-bun@v2')
  lines.push('      - uses: actions/setup-node@v4', '        with:')
  lines.push(
    project.nodeVersionFile
      ? `          node-version-file: ${scalar(project.nodeVersionFile)}`
      : '          node-version: lts/*',
  )
  if (m === 'yarn' && project.managerVersion) lines.push('      - run: corepack enable')
  lines.push(`      - run: ${install}`)
  if (project.test) lines.push(`      - run: ${m === 'npm' ? 'npm test' : `${run} test`}`)
  if (project.build) lines.push(`      - run: ${run} build`)
  return lines
}

/** Words in lines of at most `width` characters. @param {string} text */
function wrap(text, width = 94) {
  const lines = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines
}
