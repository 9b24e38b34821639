// `flightdeck lint` on seed 000's own workflows (copied into __tests__/fixtures/seeds/workflows):
// each defect at its line, with its flightdeck replacement; every workflows-examples/ file clean
// (by content: a file's name changes nothing); the three output formats and the exit codes.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runLint } from '../../bin/lint/command.mjs'

const root = new URL('../..', import.meta.url).pathname
const seedWorkflows = join(root, '__tests__', 'fixtures', 'seeds', 'workflows')

interface Finding {
  file: string
  line: number
  rule: string
  severity: string
  message: string
  suggestion: string
}

async function lint(args: string[], cwd = root) {
  let out = ''
  let err = ''
  const code = await runLint(args, {
    cwd,
    out: (text) => (out += text),
    err: (text) => (err += text),
  })
  return { code, out, err }
}

async function findings(args: string[], cwd = root): Promise<Finding[]> {
  const { out } = await lint([...args, '--format', 'json'], cwd)
  return JSON.parse(out) as Finding[]
}

const brief = (list: Finding[]) => list.map((f) => `${f.file}:${f.line} ${f.rule}`)

/** A folder holding the given workflow files. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'flightdeck-lint-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

describe('flightdeck lint on seed 000', () => {
  it('the production workflow: the sleep-and-curl health check at its line, the @master setup as a warning', async () => {
    const list = await findings(['__tests__/fixtures/seeds/workflows/production-sleep-curl.yml'])
    expect(brief(list)).toEqual([
      '__tests__/fixtures/seeds/workflows/production-sleep-curl.yml:41 branch-pinned-action',
      '__tests__/fixtures/seeds/workflows/production-sleep-curl.yml:48 sleep-health-check',
    ])
    expect(list[1]).toMatchObject({
      severity: 'error',
      message: expect.stringContaining('`sleep 30` then `curl`'),
      suggestion: expect.stringContaining('flightdeck-actions/flightdeck/actions/health-check@v1'),
    })
    expect(list[0]).toMatchObject({
      severity: 'warning',
      message: expect.stringContaining('superfly/flyctl-actions/setup-flyctl@master'),
    })
  })

  it('the rollback workflow: a workflow_run rollback, and a "rollback" that builds the code again', async () => {
    const list = await findings(['__tests__/fixtures/seeds/workflows/rollback-workflow-run.yml'])
    expect(brief(list).map((line) => line.replace(/^.*\.yml:/, ''))).toEqual([
      '5 workflow-run-rollback',
      '16 branch-pinned-action',
      '19 redeploy-rollback',
    ])
    expect(list[2]?.message).toContain('`flyctl deploy --image-label previous`')
    expect(list[2]?.suggestion).toContain('actions/rollback@v1')
    expect(list[0]?.suggestion).toContain('auto-rollback: true')
  })

  it('the feature-branch workflow: a new PR comment on every push, a deploy nothing checks', async () => {
    const list = await findings(['__tests__/fixtures/seeds/workflows/feature-branch-comment.yml'])
    expect(brief(list).map((line) => line.replace(/^.*\.yml:/, ''))).toEqual([
      '48 branch-pinned-action',
      '52 unchecked-deploy',
      '58 repeated-pr-comment',
    ])
    expect(list[2]?.suggestion).toContain('preview.yml@v1')
    expect(list[1]?.suggestion).toContain('gated-deploy')
  })

  it("fly launch's workflow: setup-flyctl@master, and a deploy nothing checks", async () => {
    const list = await findings(['__tests__/fixtures/seeds/workflows/fly-launch-deploy.yml'])
    expect(brief(list).map((line) => line.replace(/^.*\.yml:/, ''))).toEqual([
      '15 branch-pinned-action',
      '16 unchecked-deploy',
    ])
  })

  it('the migration workflow has nothing flightdeck replaces', async () => {
    expect(await findings(['__tests__/fixtures/seeds/workflows/migrate.yml'])).toEqual([])
  })
})

describe('workflows that use flightdeck are clean', () => {
  it.each(readdirSync(join(root, 'workflows-examples')).filter((f) => /\.ya?ml$/.test(f)))(
    'workflows-examples/%s',
    async (file) => {
      expect(await findings([`workflows-examples/${file}`])).toEqual([])
    },
  )

  it("by content, not by name: the seed's rollback saved as deploy.yml is still found, an example saved as rollback.yml is still clean", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flightdeck-lint-names-'))
    cpSync(join(seedWorkflows, 'rollback-workflow-run.yml'), join(dir, 'deploy.yml'))
    cpSync(join(root, 'workflows-examples', 'rollback-fly.yml'), join(dir, 'rollback.yml'))
    expect(brief(await findings(['.'], dir))).toEqual([
      'deploy.yml:5 workflow-run-rollback',
      'deploy.yml:16 branch-pinned-action',
      'deploy.yml:19 redeploy-rollback',
    ])
  })
})

describe('the rules, case by case', () => {
  const workflow = (on: string, steps: string, job = 'deploy') =>
    `name: x\non: ${on}\njobs:\n  ${job}:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`

  it('sleep then curl in consecutive steps, on one line, and in minutes; not a retry loop', async () => {
    const dir = folder({
      'steps.yml': workflow(
        'push',
        '      - run: flyctl deploy\n      - run: sleep 45\n      - run: curl -f https://a.fly.dev/health\n',
      ),
      'one-line.yml': workflow(
        'push',
        '      - run: wrangler deploy && sleep 2m && wget -q -O- $URL\n',
      ),
      'loop.yml': workflow(
        'push',
        '      - run: |\n          flyctl deploy\n          for i in 1 2 3 4 5; do\n            sleep 10\n            curl -fsS https://a.fly.dev/health && exit 0\n          done\n          exit 1\n',
      ),
    })
    const list = await findings(['.'], dir)
    expect(brief(list)).toEqual([
      'one-line.yml:7 sleep-health-check',
      'steps.yml:8 sleep-health-check',
    ])
    expect(list[0]?.message).toContain('waits 120 s')
  })

  it('a deploy on a failure path without --image redeploys; with --image it returns to a release', async () => {
    const dir = folder({
      'bad.yml': workflow(
        'push',
        '      - run: vercel deploy --prod --token=$T\n      - run: curl -f https://x.example\n      - if: failure()\n        run: vercel --prod --token=$T\n',
      ),
      'good.yml': workflow(
        'push',
        '      - run: flyctl deploy\n      - run: curl -f https://x.fly.dev\n      - if: failure()\n        run: flyctl deploy --image registry.fly.io/x:deployment-1\n',
      ),
    })
    expect(brief(await findings(['.'], dir))).toEqual(['bad.yml:10 redeploy-rollback'])
  })

  it('a workflow_run that deploys after green CI is no rollback; one that notifies on failure neither', async () => {
    const header = `name: cd\non:\n  workflow_run:\n    workflows: [CI]\n    types: [completed]\njobs:\n`
    const dir = folder({
      'cd.yml': `${header}  deploy:\n    if: github.event.workflow_run.conclusion == 'success'\n    runs-on: ubuntu-latest\n    steps:\n      - run: flyctl deploy --remote-only\n      - uses: flightdeck-actions/flightdeck/actions/health-check@v1\n        with:\n          url: https://a.fly.dev/health\n`,
      'alert.yml': `${header}  alert:\n    if: github.event.workflow_run.conclusion == 'failure'\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "CI failed" >> "$GITHUB_STEP_SUMMARY"\n`,
    })
    expect(await findings(['.'], dir)).toEqual([])
  })

  it('a PR comment that is updated is fine; gh pr comment without --edit-last is not', async () => {
    const dir = folder({
      'sticky.yml': workflow(
        'pull_request',
        '      - uses: actions/github-script@v7\n        with:\n          script: |\n            const { data } = await github.rest.issues.listComments(context.issue)\n            await github.rest.issues.createComment({ ...context.issue, body: "x" })\n',
      ),
      'gh.yml': workflow(
        'pull_request',
        '      - run: gh pr comment 1 --body "deployed"\n',
        'note',
      ),
    })
    expect(brief(await findings(['.'], dir))).toEqual(['gh.yml:7 repeated-pr-comment'])
  })

  it('untrusted PR text in run: is a warning that points to actionlint and zizmor', async () => {
    const dir = folder({
      'inject.yml': workflow(
        'pull_request',
        '      - run: |\n          echo "building"\n          echo "${{ github.head_ref }}"\n          echo "${{ github.event.pull_request.title }}"\n',
        'build',
      ),
    })
    const list = await findings(['.'], dir)
    expect(brief(list)).toEqual([
      'inject.yml:9 untrusted-input-in-run',
      'inject.yml:10 untrusted-input-in-run',
    ])
    expect(list[0]).toMatchObject({
      severity: 'warning',
      suggestion: expect.stringContaining('zizmor'),
    })
  })

  it('an action on a branch outside a deploy job is left to zizmor', async () => {
    const dir = folder({ 'ci.yml': workflow('push', '      - uses: some/linter@main\n', 'test') })
    expect(await findings(['.'], dir)).toEqual([])
  })
})

describe('output and exit codes', () => {
  const seedFolder = '__tests__/fixtures/seeds/workflows'

  it('text: file:line, rule, message and the replacement; exit 1', async () => {
    const { code, out } = await lint([seedFolder])
    expect(code).toBe(1)
    expect(out).toContain(
      '__tests__/fixtures/seeds/workflows/production-sleep-curl.yml:48: error sleep-health-check: `sleep 30` then `curl`',
    )
    expect(out).toMatch(/\n {4}→ health-check \(flightdeck-actions/)
    expect(out.trim().split('\n').at(-1)).toBe('12 findings in 6 workflow files')
  })

  it('github: one annotation per finding with file= and line=, escaped as @actions/core does', async () => {
    const { code, out } = await lint([seedFolder, '--format', 'github'])
    expect(code).toBe(1)
    const lines = out.trim().split('\n')
    expect(lines).toHaveLength(12)
    expect(lines).toContain(
      `::error file=__tests__/fixtures/seeds/workflows/rollback-workflow-run.yml,line=5,title=flightdeck lint%3A workflow-run-rollback::${lines.find((l) => l.includes('line=5,'))?.split('::')[2]}`,
    )
    for (const line of lines)
      expect(line).toMatch(/^::(error|warning) file=[^,]+,line=\d+,title=[^:]+::\S/)
    // A file name with a comma or a colon cannot break out of its property.
    const dir = folder({
      'a,b:c.yml': 'on: push\njobs:\n  deploy:\n    steps:\n      - run: railway up\n',
    })
    const odd = await lint(['.', '--format', 'github'], dir)
    expect(odd.out).toBe(
      '::error file=a%2Cb%3Ac.yml,line=5,title=flightdeck lint%3A unchecked-deploy::`railway up` and nothing checks the release afterwards in this job: a broken release stays live → gated-deploy (flightdeck-actions/flightdeck/actions/gated-deploy@v1) or deploy.yml with health-url: deploy, health check and automatic rollback in one step\n',
    )
  })

  it('json: [{file, line, rule, message, suggestion}] with file relative to where it ran', async () => {
    const list = await findings(['workflows'], join(root, '__tests__/fixtures/seeds'))
    expect(list).toHaveLength(12)
    for (const finding of list) {
      expect(Object.keys(finding).sort()).toEqual([
        'file',
        'line',
        'message',
        'rule',
        'severity',
        'suggestion',
      ])
      expect(finding.file).toMatch(/^workflows\/[\w-]+\.yml$/)
    }
  })

  it('clean: exit 0; the default path is .github/workflows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flightdeck-lint-default-'))
    mkdirSync(join(dir, '.github/workflows'), { recursive: true })
    cpSync(
      join(root, 'workflows-examples/rollback-fly.yml'),
      join(dir, '.github/workflows/deploy.yml'),
    )
    const { code, out } = await lint([], dir)
    expect({ code, out }).toEqual({ code: 0, out: '0 findings in 1 workflow file\n' })
  })

  it('bad usage: exit 2', async () => {
    for (const args of [['--format', 'sarif'], ['no-such-folder'], ['--bogus']]) {
      const { code, err } = await lint(args)
      expect({ args, code }).toEqual({ args, code: 2 })
      expect(err).toContain('flightdeck lint --help')
    }
    const empty = mkdtempSync(join(tmpdir(), 'flightdeck-lint-empty-'))
    expect((await lint([], empty)).code).toBe(2) // no .github/workflows here
  })

  it('YAML it cannot read is a finding at its line, not a crash', async () => {
    const dir = folder({ 'broken.yml': 'on: push\njobs:\n  a: [\n' })
    expect(brief(await findings(['.'], dir))).toEqual(['broken.yml:4 unreadable'])
  })

  it('text from the file never reaches the output: no step name, no script, no runner command', async () => {
    const dir = folder({
      'x.yml':
        'on: push\njobs:\n  deploy:\n    steps:\n      - name: "::error::planted"\n        run: |\n          flyctl deploy --image-label "##[add-mask]planted"\n          sleep 30 && curl https://x.example/%0A::warning::planted\n',
    })
    for (const format of ['text', 'github', 'json']) {
      const { out } = await lint(['.', '--format', format], dir)
      expect(out).toContain('sleep-health-check')
      expect(out).not.toContain('planted')
      expect(out).not.toContain('##[')
      for (const line of out.split('\n'))
        expect(line).not.toMatch(/^\s*::(?!error file=|warning file=)/)
    }
  })

  it('a file far larger than GitHub takes is not read', async () => {
    const dir = folder({ 'huge.yml': `on: push\n#${'x'.repeat(3 * 2 ** 20)}\n` })
    expect(brief(await findings(['.'], dir))).toEqual(['huge.yml:1 unreadable'])
  })

  it('runs from the CLI as documented: npx flightdeck lint', () => {
    const result = spawnSync(
      process.execPath,
      [join(root, 'bin/flightdeck.mjs'), 'lint', seedFolder, '--format', 'json'],
      { cwd: root, encoding: 'utf8' },
    )
    expect(result.status).toBe(1)
    expect(JSON.parse(result.stdout)).toHaveLength(12)
  })
})
