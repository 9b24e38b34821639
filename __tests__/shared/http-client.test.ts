import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { downloadFile, httpRequest } from '../../shared/http/client.js'
import { requestJson } from '../../shared/providers/api.js'

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

async function serve(
  handler: (
    req: import('node:http').IncomingMessage,
    res: import('node:http').ServerResponse,
  ) => void,
  host = '127.0.0.1',
): Promise<{ url: string; headers: IncomingHttpHeaders[] }> {
  const headers: IncomingHttpHeaders[] = []
  const server = createServer((req, res) => {
    headers.push(req.headers)
    handler(req, res)
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  return { url: `http://${host}:${(server.address() as AddressInfo).port}`, headers }
}

describe('shared HTTP client', () => {
  it('gives up at its time limit on a server that trickles bytes forever', async () => {
    const app = await serve((_, res) => {
      res.writeHead(200)
      const timer = setInterval(() => res.write('.'), 50)
      res.on('close', () => clearInterval(timer))
    })
    const started = performance.now()
    await expect(
      httpRequest({ method: 'GET', url: `${app.url}/slow`, timeoutMs: 500, service: 'Test API' }),
    ).rejects.toThrow('Test API GET /slow did not answer within 500ms')
    expect(performance.now() - started).toBeLessThan(2000)
  })

  it('refuses an answer over its size cap', async () => {
    const app = await serve((_, res) => {
      res.writeHead(200)
      const chunk = 'x'.repeat(64 * 1024)
      const timer = setInterval(() => res.write(chunk), 1)
      res.on('close', () => clearInterval(timer))
    })
    await expect(
      httpRequest({
        method: 'GET',
        url: `${app.url}/big`,
        timeoutMs: 10_000,
        service: 'Test API',
        maxBytes: 1024 * 1024,
      }),
    ).rejects.toThrow('Test API GET /big answered with more than 1 MiB')
  })

  it('follows a redirect within the origin, and refuses to carry credentials to another', async () => {
    const other = await serve((_, res) => res.end('{}'), 'localhost')
    const app = await serve((req, res) => {
      if (req.url === '/old') res.writeHead(308, { location: '/new' }).end()
      else if (req.url === '/away') res.writeHead(302, { location: `${other.url}/x` }).end()
      else res.end('{"ok":true}')
    })
    await expect(
      requestJson({
        method: 'GET',
        url: `${app.url}/old`,
        token: 'tok',
        timeoutMs: 5000,
        service: 'Test API',
      }),
    ).resolves.toEqual({ ok: true })
    expect(app.headers.map((h) => h.authorization)).toEqual(['Bearer tok', 'Bearer tok'])
    await expect(
      requestJson({
        method: 'POST',
        url: `${app.url}/away`,
        token: 'tok',
        headers: { 'x-auth-key': 'k' },
        body: { a: 1 },
        timeoutMs: 5000,
        service: 'Test API',
      }),
    ).rejects.toThrow(
      `Test API POST /away was redirected to another origin (${new URL(other.url).origin}); flightdeck does not send credentials there`,
    )
    expect(other.headers).toEqual([])
  })

  it("names a platform's error message, cut to one line", async () => {
    const app = await serve((_, res) => {
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: `service not found ${'x'.repeat(1000)}` }))
    })
    const error = await requestJson({
      method: 'GET',
      url: `${app.url}/v1/services/srv-1`,
      timeoutMs: 5000,
      service: 'Render API',
    }).catch((err: Error) => err)
    expect((error as Error).message).toMatch(
      /^Render API GET \/v1\/services\/srv-1 answered 404: service not found x+…$/,
    )
    expect((error as Error).message.length).toBeLessThan(400)
  })

  it('downloads within the time limit and size cap', async () => {
    const app = await serve((req, res) => {
      if (req.url === '/file') res.end('archive-bytes')
      else res.writeHead(404).end()
    })
    const dir = mkdtempSync(join(tmpdir(), 'flightdeck-dl-'))
    await downloadFile(
      { url: `${app.url}/file`, timeoutMs: 5000, service: 'download' },
      join(dir, 'a'),
    )
    expect(readFileSync(join(dir, 'a'), 'utf8')).toBe('archive-bytes')
    await expect(
      downloadFile(
        { url: `${app.url}/missing`, timeoutMs: 5000, service: 'download' },
        join(dir, 'b'),
      ),
    ).rejects.toMatchObject({ status: 404 })
  })
})
