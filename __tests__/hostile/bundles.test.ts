// Hostile input against the bundles, one case per class of harm a deploy tool must not do: a
// process outliving its time limit, foreign text becoming a runner command, a credential
// leaving where it belongs, an input that turns a timer or a pattern into a hang. Each case
// fails without the shared mechanism that prevents it (shared/process.ts, shared/runner-protocol.ts,
// shared/secrets.ts, shared/inputs.ts, shared/http/*).
import cmark from 'cmark-gfm'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runBundledAction, secretLeaks } from '../support/bundle-runner.mjs'
import { injectedCommands, runnerCommands } from '../support/runner-log.mjs'

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections()
          server.close(() => resolve())
        }),
    ),
  )
})

interface Seen {
  path: string
  headers: IncomingHttpHeaders
  body: string
}

/** A local server on `host` that records requests and answers with `respond`. */
async function serve(
  respond: (seen: Seen, res: import('node:http').ServerResponse) => void,
  host = '127.0.0.1',
): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const request = {
        path: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      seen.push(request)
      respond(request, res)
    })
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://${host}:${port}`, seen }
}

/** Whether a process still runs; a zombie (dead, waiting for a parent to reap it) does not. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return !/^\d+ \(.*\) Z/.test(stat)
  } catch {
    return true
  }
}

function releasesFile(dir: string): string {
  const file = join(dir, 'releases.json')
  writeFileSync(
    file,
    JSON.stringify([
      { id: 'rel-2', version: 'v2', status: 'succeeded', current: true, image: 'app:2' },
      { id: 'rel-1', version: 'v1', status: 'succeeded', image: 'app:1' },
    ]),
  )
  return file
}

describe('nothing outlives its time limit', () => {
  it('kills a hanging command and everything it started, and says which and after how long', async () => {
    const work = mkdtempSync(join(tmpdir(), 'flightdeck-hostile-'))
    const pids = join(work, 'pids')
    const result = await runBundledAction('rollback', {
      inputs: {
        provider: 'command',
        'releases-command': `cat '${releasesFile(work)}'`,
        // The shell, a background child that ignores SIGTERM and a foreground sleep.
        'rollback-command': `echo $$ >> '${pids}'; (trap '' TERM; sleep 300) & echo $! >> '${pids}'; sleep 300`,
        // Room for the releases command on a loaded machine; the rollback command never ends.
        'command-timeout': '3s',
      },
      timeoutMs: 30_000,
    })
    expect(result.exitCode).toBe(1)
    // 3 s limit + 3 s grace before SIGKILL (the background child ignores SIGTERM), with room.
    expect(result.durationMs).toBeLessThan(12_000)
    expect(result.errors.join('\n')).toMatch(
      /`rollback-command` was stopped \(with every process it started\) after 3s/,
    )
    const started = readFileSync(pids, 'utf8').trim().split('\n').map(Number)
    expect(started).toHaveLength(2)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(started.filter(isAlive)).toEqual([])
  })

  it('refuses a duration no timer can hold and an interval that would flood a server', async () => {
    const result = await runBundledAction('health-check', {
      inputs: { url: 'http://127.0.0.1:9/health', timeout: '30d', interval: '1ms' },
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toContain(
      'invalid `timeout`: "30d" is longer than the longest wait a timer can hold, 24 days',
    )
    expect(result.errors[0]).toContain('invalid `interval`: "1ms" is too short: the least is 100ms')
    const hours = await runBundledAction('health-check', {
      inputs: { url: 'http://127.0.0.1:9/health', timeout: '600h' },
    })
    expect(hours.errors[0]).toContain('invalid `timeout`: "600h" is longer than the longest wait')
  })

  it('stops a catastrophic body-matches pattern and still gives the verdict at the timeout', async () => {
    const app = await serve((_, res) => res.end(`${'a'.repeat(5000)}!`))
    const result = await runBundledAction('health-check', {
      inputs: { url: `${app.url}/health`, 'body-matches': '^(a+)+$', timeout: '4s' },
      timeoutMs: 30_000,
    })
    expect(result.exitCode).toBe(1)
    expect(result.durationMs).toBeLessThan(9000)
    expect(result.errors[0]).toMatch(/took longer than 1s on a 5001-character body/)
    expect(result.outputs.healthy).toBe('false')
  })
})

describe('no text from outside becomes a runner command', () => {
  it('prints CLI output, release fields and inputs as data', async () => {
    const work = mkdtempSync(join(tmpdir(), 'flightdeck-hostile-'))
    const releases = join(work, 'releases.json')
    writeFileSync(
      releases,
      JSON.stringify([
        {
          id: 'rel-2',
          version: 'v2',
          status: 'succeeded',
          current: true,
          image: 'app:2',
        },
        {
          id: 'rel-1',
          version: 'v1',
          status: 'succeeded',
          image: 'app:1',
          description: 'fine\n::error title=PWNED-DESC::PWNED',
        },
      ]),
    )
    const output = [
      '::error title=PWNED-CLI::PWNED owned',
      '  ::add-mask::PWNED-MASK',
      '##[warning]PWNED-LEGACY',
      '::stop-commands::PWNED-STOP',
      '::set-output name=PWNED-OUT::x',
    ].join('\n')
    writeFileSync(join(work, 'out.txt'), output)
    const result = await runBundledAction('rollback', {
      inputs: {
        provider: 'command',
        'releases-command': `cat '${releases}'`,
        'rollback-command': `cat '${join(work, 'out.txt')}'; cat '${join(work, 'out.txt')}' >&2`,
        reason: 'spike\n::error title=PWNED-REASON::PWNED reason\n::add-mask::PWNED',
      },
    })
    expect(result.exitCode).toBe(0)
    expect(injectedCommands(result.stdout, 'PWNED')).toEqual([])
    // The text is still there for a person to read.
    const shown = runnerCommands(result.stdout).text.join('\n')
    expect(shown).toContain('::error title=PWNED-CLI::PWNED owned')
    expect(shown).toContain('::error title=PWNED-REASON::PWNED reason')
    // And the summary shows the reason as text, not as markup.
    expect(result.summary).toContain('::error title=PWNED-REASON::PWNED reason')
  })

  it('keeps summary cells whole and renders foreign text as code, never as links or images', async () => {
    const work = mkdtempSync(join(tmpdir(), 'flightdeck-hostile-'))
    const result = await runBundledAction('rollback', {
      inputs: {
        provider: 'command',
        'releases-command': `cat '${releasesFile(work)}'`,
        'rollback-command': 'true',
        reason:
          'a \\| b | c ![x](https://evil.example/p.png) [y](https://evil.example) <img src=x>',
      },
    })
    expect(result.exitCode).toBe(0)
    // Rendered as GitHub renders it (cmark-gfm with its table extension): the reason's row has
    // two cells, and the whole value sits in one code span, so no link, image or HTML can
    // start from it, and it reads as typed.
    const html = cmark.renderHtmlSync(result.summary, { extensions: { table: true } })
    const row = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
      .map((match) => [...(match[1] ?? '').matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => c[1]))
      .find((cells) => cells[0]?.trim() === 'reason')
    expect(row).toHaveLength(2)
    expect(row?.[1]).toMatch(/^<code>[^<]*<\/code>$/)
    expect(html).not.toMatch(/<img|<a href="https:\/\/evil/)
    expect(
      (row?.[1] ?? '')
        .replace(/<\/?code>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
    ).toBe('a \\| b | c ![x](https://evil.example/p.png) [y](https://evil.example) <img src=x>')
  })
})

describe('no credential leaves where it belongs', () => {
  it('masks URL credentials and header values, sends none to another origin, redacts echoes', async () => {
    const password = 'pa:ss@w0rd/2026'
    const headerSecret = 'hdr-secret-7f3a9c'
    // Another origin (localhost vs 127.0.0.1) that records what reaches it.
    const elsewhere = await serve((_, res) => res.end('{"status":"elsewhere"}'), 'localhost')
    const app = await serve((seen, res) => {
      if (seen.path === '/health') {
        res.writeHead(307, { location: `${elsewhere.url}/landing` })
        res.end()
        return
      }
      // Echo every credential back, as a careless server does.
      res.setHeader('content-type', 'application/json')
      res.end(
        JSON.stringify({
          status: `${String(seen.headers.authorization)} ${String(seen.headers['x-api-auth'])}`,
        }),
      )
    })
    const host = new URL(app.url).host
    const encoded = `http://deployer:${encodeURIComponent(password)}@${host}`
    const result = await runBundledAction('health-check', {
      inputs: {
        url: `${encoded}/echo\n${encoded}/health`,
        headers: `X-Api-Auth: ${headerSecret}`,
        'json-assertions': 'status == healthy',
        method: 'POST',
        body: '{"deploy":"token-in-body-9c1d"}',
        timeout: '2s',
      },
    })
    expect(result.exitCode).toBe(1)
    // The other origin got no credential of any kind.
    expect(elsewhere.seen.length).toBeGreaterThan(0)
    for (const seen of elsewhere.seen) {
      expect(seen.headers.authorization).toBeUndefined()
      expect(seen.headers['x-api-auth']).toBeUndefined()
      expect(seen.body).toBe('')
    }
    // The echo came back, but nothing the user can see holds a credential.
    const basic = Buffer.from(`deployer:${password}`).toString('base64')
    for (const secret of [password, encodeURIComponent(password), headerSecret]) {
      expect(secretLeaks(result, secret)).toEqual([])
    }
    // The echoed `Authorization: Basic base64(user:password)` is a credential too.
    expect(result.summary).not.toContain(password)
    expect(result.outputs.report).not.toContain('deployer:')
    expect(result.summary).toContain(`http://${host}/echo`)
    expect(basic.length).toBeGreaterThan(0)
    expect(secretLeaks(result, basic)).toEqual([])
  })
})
