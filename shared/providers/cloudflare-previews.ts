// A pull request's preview on Cloudflare Workers: a Worker version behind a preview alias,
// with secrets of its own; on close, the alias moves to a page that says it was removed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError } from '../errors.js'
import { maskSecret } from '../secrets.js'
import { CliError, commandLine } from '../process.js'
import type { PreviewOperations, ProviderConfig } from './types.js'
import type { WranglerCli } from './cloudflare-cli.js'
import {
  MAX_DNS_LABEL,
  MAX_VERSION_MESSAGE,
  PREVIEW_ALIAS,
  REMOVED_PAGE_COMPATIBILITY_DATE,
  TOOL,
  checkedWorkerName,
  readVersionUpload,
} from './cloudflare-output.js'

export function createCloudflarePreviews(
  config: ProviderConfig,
  { wrangler }: WranglerCli,
): PreviewOperations {
  /** The preview alias for a name, checked as wrangler and DNS will check it. */
  function previewAlias(name: string, worker: string): string {
    const longest = MAX_DNS_LABEL - 1 - worker.length
    if (!PREVIEW_ALIAS.test(name) || name.length > longest) {
      throw new InputError([
        `${JSON.stringify(name)} cannot be a preview alias of Worker ${worker}: use lower-case letters, digits and dashes, starting with a letter, at most ${Math.max(longest, 0)} characters (the alias and the Worker name share one 63-character DNS label)`,
      ])
    }
    return name
  }

  function previewWorker(): string {
    if (!config.app) {
      throw new InputError([
        'Workers previews need `app`, the Worker name: a preview URL is `<alias>-<worker>.<subdomain>.workers.dev`',
      ])
    }
    return checkedWorkerName(config.app)
  }

  /** A temporary folder for files wrangler reads (secrets, the removal page); always removed. */
  async function withTempDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
    const dir = mkdtempSync(join(process.env.RUNNER_TEMP || tmpdir(), 'flightdeck-preview-'))
    try {
      return await use(dir)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }

  /**
   * A pull request's preview is a Worker version uploaded behind a preview alias (`wrangler
   * versions upload --preview-alias`): production traffic stays where it is, and each push moves
   * the alias to its new version. Cloudflare offers no way to delete an alias or a version, so
   * closing the PR moves the alias to a small page that says the preview was removed: the PR's
   * code stops being reachable at its preview URL.
   */
  return {
    get maxNameLength() {
      return Math.max(1, MAX_DNS_LABEL - 1 - (config.app?.length ?? 0))
    },

    async deploy(request) {
      const worker = previewWorker()
      const alias = previewAlias(request.name, worker)
      for (const value of Object.values(request.secrets)) maskSecret(value)
      return withTempDir(async (dir) => {
        const args = ['versions', 'upload']
        if (request.config) args.push(`--config=${request.config}`)
        args.push(
          `--name=${worker}`,
          `--preview-alias=${alias}`,
          `--message=${request.message.slice(0, MAX_VERSION_MESSAGE)}`,
        )
        // wrangler splits a --var at its first colon: KEY:VALUE.
        for (const [key, value] of Object.entries(request.vars)) args.push(`--var=${key}:${value}`)
        if (Object.keys(request.secrets).length > 0) {
          // Bound to this version only (not the Worker's production secrets); the file is
          // the user's alone and is deleted with the folder.
          const file = join(dir, 'secrets.json')
          writeFileSync(file, JSON.stringify(request.secrets), { mode: 0o600 })
          args.push(`--secrets-file=${file}`)
        }
        const { output } = await wrangler(args)
        const uploaded = readVersionUpload(output)
        const url = uploaded?.aliasUrl ?? uploaded?.previewUrl
        if (!url) {
          throw new CliError(
            `\`${commandLine(TOOL, args)}\` uploaded version ${uploaded?.versionId ?? '(unknown)'} of ${worker}, but Cloudflare gave it no preview URL: preview URLs are off for this Worker. Set \`preview_urls = true\` (and \`workers_dev = true\`) in its wrangler configuration and deploy it once`,
          )
        }
        return { id: uploaded?.versionId, url: uploaded?.aliasUrl ?? url }
      })
    },

    async remove(name, why) {
      const worker = previewWorker()
      const alias = previewAlias(name, worker)
      return withTempDir(async (dir) => {
        const page = join(dir, 'preview-removed.mjs')
        const said = `This preview (${alias}) was removed: ${why}.`
        writeFileSync(
          page,
          `export default { fetch() { return new Response(${JSON.stringify(said)}, { status: 410, headers: { 'content-type': 'text/plain; charset=utf-8' } }) } }\n`,
        )
        // Run in the empty folder, so that the project's wrangler config (its bindings, assets
        // and routes) has no part in this version.
        await wrangler(
          [
            'versions',
            'upload',
            page,
            `--name=${worker}`,
            `--preview-alias=${alias}`,
            `--compatibility-date=${REMOVED_PAGE_COMPATIBILITY_DATE}`,
            '--no-bundle',
            `--message=${`flightdeck: preview ${alias} removed`.slice(0, MAX_VERSION_MESSAGE)}`,
          ],
          { cwd: dir },
        )
        return { removed: [alias] }
      })
    },
  }
}
