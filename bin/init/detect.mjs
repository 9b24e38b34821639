// What `flightdeck init` finds in a repository: each deployable app (a "target") from its
// platform's own config file, and how the project installs and tests itself.
//
// Everything read here is foreign text that ends up in a workflow, so each value is checked
// against what the platform itself allows (an app name, a path, a host) before it is used:
// a value that would not be one is refused with the file and the field, never written.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import { parse as parseJsonc, printParseErrorCode } from 'jsonc-parser'
import { parse as parseToml } from 'smol-toml'
import { parse as parseYaml } from 'yaml'
import { ConfigError } from '../cli/errors.mjs'

/**
 * @typedef {'fly' | 'cloudflare' | 'vercel' | 'railway' | 'render'} Platform
 *
 * @typedef {object} Target one app to deploy
 * @property {Platform} platform
 * @property {string} app the app as deploy.yml's `app` takes it ('' for a Railway or Render
 *   service, whose id is not in its config: the workflow reads it from a repository variable)
 * @property {string} label a short name for job ids and prompts (the app's name, else the platform)
 * @property {string} dir folder of the config, relative to the repository ('' for its root)
 * @property {string} source the config file it came from, relative ('' when only flags named it)
 * @property {string} [config] the config file for the platform CLI, when not its default name
 * @property {string} [healthPath] e.g. /health
 * @property {string} [origin] https://host the app answers on, when the config tells it
 * @property {string} [originHint] what to put in the URL variable when origin is unknown
 * @property {string} [region] Fly primary_region
 * @property {string} [accountId] Cloudflare account_id
 * @property {string} [projectId] Vercel project id
 * @property {string} [orgId] Vercel team or user id
 */

/** Platforms in the order they are listed, with the files that name each. */
export const PLATFORMS = /** @type {const} */ (['fly', 'cloudflare', 'vercel', 'railway', 'render'])

/** Folders never searched: dependencies, build output, VCS data. */
const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', 'out', 'vendor', 'target', 'coverage'])
/** How deep below the root config files are looked for (apps/web/vercel.json is depth 2). */
const MAX_DEPTH = 2

const FLY_APP = /^[a-z0-9][a-z0-9-]{0,62}$/
const WORKER_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/
const VERCEL_PROJECT = /^[a-z0-9][a-z0-9._-]{0,99}$/
const ID = /^[A-Za-z0-9_-]{1,100}$/
const REGION = /^[a-z]{3}$/
const HOST =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/
/** A URL path: what RFC 3986 allows in a path, and never an expression `${{`. */
export const HEALTH_PATH = /^\/[A-Za-z0-9\-._~%!&'()*+,;=:@/]*$/

/**
 * @param {string} value @param {RegExp} pattern @param {string} file @param {string} field
 * @param {string} what a description of a good value
 */
function checked(value, pattern, file, field, what) {
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw new ConfigError(`${file}: \`${field}\` is ${JSON.stringify(value)}, not ${what}`)
  }
  return value
}

/** @param {string} path @param {string} shown */
function readToml(path, shown) {
  try {
    return /** @type {Record<string, any>} */ (parseToml(readFileSync(path, 'utf8')))
  } catch (error) {
    const { line, column } = /** @type {{ line?: number, column?: number }} */ (error)
    const where = line ? ` at line ${line}${column ? `, column ${column}` : ''}` : ''
    const reason = String(/** @type {Error} */ (error).message).split('\n')[0]
    throw new ConfigError(`${shown}: not valid TOML${where} (${reason})`)
  }
}

/** @param {string} path @param {string} shown */
function readJsonc(path, shown) {
  /** @type {import('jsonc-parser').ParseError[]} */
  const errors = []
  const text = readFileSync(path, 'utf8')
  const value = parseJsonc(text, errors, { allowTrailingComma: true })
  if (errors.length > 0 || typeof value !== 'object' || value === null) {
    const first = errors[0]
    const line = first ? text.slice(0, first.offset).split('\n').length : 1
    const reason = first ? printParseErrorCode(first.error) : 'not an object'
    throw new ConfigError(`${shown}: not valid JSON at line ${line} (${reason})`)
  }
  return /** @type {Record<string, any>} */ (value)
}

/** @param {string} path @param {string} shown */
function readYamlFile(path, shown) {
  try {
    return /** @type {Record<string, any>} */ (parseYaml(readFileSync(path, 'utf8')) ?? {})
  } catch (error) {
    const reason = String(/** @type {Error} */ (error).message).split('\n')[0]
    throw new ConfigError(`${shown}: not valid YAML (${reason})`)
  }
}

/** Folders to look in: the root and its subfolders down to MAX_DEPTH, in a stable order. */
function searchDirs(root) {
  const found = ['']
  const walk = (rel, depth) => {
    if (depth >= MAX_DEPTH) return
    let entries
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true })
    } catch {
      return
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (!entry.isDirectory() || entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue
      const child = rel ? `${rel}/${entry.name}` : entry.name
      found.push(child)
      walk(child, depth + 1)
    }
  }
  walk('', 0)
  return found
}

/** Fly.io: fly.toml (or fly.<name>.toml), app, primary_region, the first HTTP check's path. */
function flyTarget(root, dir, file) {
  const shown = posix.join(dir, file)
  const toml = readToml(join(root, dir, file), shown)
  if (toml.app === undefined || toml.app === '') {
    throw new ConfigError(`${shown} has no \`app\`: add app = "<your Fly app>" at its top`)
  }
  const app = checked(toml.app, FLY_APP, shown, 'app', 'a Fly app name (a-z, 0-9, -)')
  const checks = [
    ...asArray(toml.http_service?.checks),
    ...Object.values(toml.checks ?? {}).filter((check) => check?.type !== 'tcp'),
    ...asArray(toml.services).flatMap((service) => asArray(service?.http_checks)),
  ]
  const path = checks.map((check) => check?.path).find((value) => typeof value === 'string')
  return {
    platform: /** @type {const} */ ('fly'),
    app,
    label: app,
    dir,
    source: shown,
    ...(file === 'fly.toml' ? {} : { config: file }),
    ...(path ? { healthPath: checked(path, HEALTH_PATH, shown, 'checks.path', 'a URL path') } : {}),
    origin: `https://${app}.fly.dev`,
    ...(toml.primary_region
      ? { region: checked(toml.primary_region, REGION, shown, 'primary_region', 'a region code') }
      : {}),
  }
}

/** Cloudflare Workers: name, account_id, the first route or custom domain as the origin. */
function cloudflareTarget(root, dir, file) {
  const shown = posix.join(dir, file)
  const config = file.endsWith('.toml')
    ? readToml(join(root, dir, file), shown)
    : readJsonc(join(root, dir, file), shown)
  if (!config.name) throw new ConfigError(`${shown} has no \`name\`: add the Worker's name`)
  const name = checked(config.name, WORKER_NAME, shown, 'name', 'a Worker name')
  const routes = [...asArray(config.route), ...asArray(config.routes)]
  const host = routes
    .map((route) => (typeof route === 'string' ? route : route?.pattern))
    .filter((pattern) => typeof pattern === 'string')
    .map((pattern) => pattern.replace(/^https?:\/\//, '').split('/')[0])
    .find((candidate) => HOST.test(candidate))
  const accountId = config.account_id
    ? checked(config.account_id, ID, shown, 'account_id', 'an account id')
    : undefined
  return {
    platform: /** @type {const} */ ('cloudflare'),
    app: name,
    label: name,
    dir,
    source: shown,
    ...(file === 'wrangler.toml' ? {} : { config: file }),
    ...(host
      ? { origin: `https://${host}` }
      : { originHint: `https://${name}.<subdomain>.workers.dev` }),
    ...(accountId ? { accountId } : {}),
  }
}

/** Vercel: vercel.json and/or .vercel/project.json (written by `vercel link`). */
function vercelTarget(root, dir) {
  const linkFile = posix.join(dir, '.vercel/project.json')
  const link = existsSync(join(root, linkFile)) ? readJsonc(join(root, linkFile), linkFile) : {}
  const configFile = posix.join(dir, 'vercel.json')
  const config = existsSync(join(root, configFile))
    ? readJsonc(join(root, configFile), configFile)
    : {}
  const pkgFile = posix.join(dir, 'package.json')
  const pkg = existsSync(join(root, pkgFile)) ? readJsonc(join(root, pkgFile), pkgFile) : {}
  const source = existsSync(join(root, configFile)) ? configFile : linkFile
  const [name, from] = link.projectName
    ? [link.projectName, linkFile]
    : config.name
      ? [config.name, configFile]
      : [pkg.name, pkgFile]
  if (!name) {
    throw new ConfigError(
      `${source}: no Vercel project name (run \`vercel link\` in ${dir || 'the repository'}, or give --app)`,
    )
  }
  const app = checked(name, VERCEL_PROJECT, from, 'projectName', 'a Vercel project name')
  const ids =
    link.projectId && link.orgId
      ? {
          projectId: checked(link.projectId, ID, linkFile, 'projectId', 'a project id'),
          orgId: checked(link.orgId, ID, linkFile, 'orgId', 'a team or user id'),
        }
      : {}
  return {
    platform: /** @type {const} */ ('vercel'),
    app,
    label: app,
    dir,
    source,
    ...ids,
    originHint: `https://${app}.vercel.app, or your production domain`,
  }
}

/** Railway: railway.json / railway.toml give the health check path; the service is an id. */
function railwayTarget(root, dir, file) {
  const shown = posix.join(dir, file)
  const config = file.endsWith('.toml')
    ? readToml(join(root, dir, file), shown)
    : readJsonc(join(root, dir, file), shown)
  const path = config.deploy?.healthcheckPath
  return {
    platform: /** @type {const} */ ('railway'),
    app: '',
    label: dir ? posix.basename(dir) : 'railway',
    dir,
    source: shown,
    ...(path
      ? { healthPath: checked(path, HEALTH_PATH, shown, 'deploy.healthcheckPath', 'a URL path') }
      : {}),
    originHint: 'the service’s public domain, e.g. https://<service>-production.up.railway.app',
  }
}

/** Render: each web service of render.yaml, with its healthCheckPath; the service is an id. */
function renderTargets(root, dir, file) {
  const shown = posix.join(dir, file)
  const config = readYamlFile(join(root, dir, file), shown)
  const services = asArray(config.services).filter((service) => service?.type === 'web')
  if (services.length === 0) throw new ConfigError(`${shown} has no web service under \`services\``)
  return services.map((service) => {
    const name = checked(service.name, FLY_APP, shown, 'services.name', 'a service name')
    return {
      platform: /** @type {const} */ ('render'),
      app: '',
      label: name,
      dir,
      source: shown,
      ...(service.healthCheckPath
        ? {
            healthPath: checked(
              service.healthCheckPath,
              HEALTH_PATH,
              shown,
              'healthCheckPath',
              'a URL path',
            ),
          }
        : {}),
      origin: `https://${name}.onrender.com`,
    }
  })
}

/** @param {unknown} value */
function asArray(value) {
  if (value === undefined || value === null) return []
  return Array.isArray(value) ? value : [value]
}

/**
 * Every target whose config is in the repository at `root`.
 * @param {string} root
 * @returns {Target[]}
 */
export function findTargets(root) {
  /** @type {Target[]} */
  const targets = []
  for (const dir of searchDirs(root)) {
    let names
    try {
      names = readdirSync(join(root, dir)).sort()
    } catch {
      continue
    }
    const has = (name) => names.includes(name)
    for (const name of names.filter((n) => /^fly(\.[\w-]+)?\.toml$/.test(n))) {
      targets.push(flyTarget(root, dir, name))
    }
    const wrangler = ['wrangler.toml', 'wrangler.jsonc', 'wrangler.json'].find(has)
    if (wrangler) targets.push(cloudflareTarget(root, dir, wrangler))
    if (has('vercel.json') || existsSync(join(root, dir, '.vercel/project.json'))) {
      targets.push(vercelTarget(root, dir))
    }
    const railway = ['railway.json', 'railway.toml'].find(has)
    if (railway) targets.push(railwayTarget(root, dir, railway))
    if (has('render.yaml')) targets.push(...renderTargets(root, dir, 'render.yaml'))
  }
  return targets
}

/**
 * A target named only by flags (`--platform fly --app my-app` in a repository without fly.toml).
 * @param {Platform} platform @param {string} app
 * @returns {Target}
 */
export function targetFromFlags(platform, app) {
  const pattern = { fly: FLY_APP, cloudflare: WORKER_NAME, vercel: VERCEL_PROJECT }[platform] ?? ID
  checked(app, pattern, '--app', 'app', `a ${platform} app name`)
  const base = { platform, label: app, dir: '', source: '' }
  if (platform === 'fly') return { ...base, app, origin: `https://${app}.fly.dev` }
  if (platform === 'cloudflare') return { ...base, app }
  if (platform === 'vercel') return { ...base, app, originHint: `https://${app}.vercel.app` }
  return { ...base, app, originHint: 'the service’s public URL' }
}

/**
 * @typedef {object} Project how the repository installs and tests itself
 * @property {string} dir the folder of package.json ('' for the root)
 * @property {'npm' | 'pnpm' | 'yarn' | 'bun'} manager
 * @property {boolean} lockfile
 * @property {string} [managerVersion] from package.json's packageManager (pnpm@9.1.0 → 9.1.0)
 * @property {string} [pnpmMajor] pnpm's major version read from pnpm-lock.yaml (no packageManager)
 * @property {boolean} test a real `test` script (not npm's placeholder)
 * @property {boolean} build
 * @property {string} [nodeVersionFile] .nvmrc or .node-version
 */

/**
 * The project's package manager (packageManager field, else the lockfile) and scripts.
 * @param {string} root @param {string[]} dirs folders to try after the root
 * @returns {Project | undefined} undefined when there is no package.json
 */
export function findProject(root, dirs = []) {
  const dir = ['', ...dirs].find((candidate) => existsSync(join(root, candidate, 'package.json')))
  if (dir === undefined) return undefined
  const shown = posix.join(dir, 'package.json')
  const pkg = readJsonc(join(root, shown), shown)
  const here = (name) => existsSync(join(root, dir, name))
  const declared = /^(npm|pnpm|yarn|bun)@(\d[\w.+-]*)/.exec(String(pkg.packageManager ?? ''))
  const byLockfile = here('pnpm-lock.yaml')
    ? 'pnpm'
    : here('yarn.lock')
      ? 'yarn'
      : here('bun.lock') || here('bun.lockb')
        ? 'bun'
        : 'npm'
  const manager = /** @type {Project['manager']} */ (declared?.[1] ?? byLockfile)
  const lockfile = {
    npm: ['package-lock.json', 'npm-shrinkwrap.json'],
    pnpm: ['pnpm-lock.yaml'],
    yarn: ['yarn.lock'],
    bun: ['bun.lock', 'bun.lockb'],
  }[manager].some(here)
  const test = typeof pkg.scripts?.test === 'string' && !/no test specified/.test(pkg.scripts.test)
  const nodeVersionFile = ['.nvmrc', '.node-version'].find(here)
  // pnpm's major from its lockfile when packageManager does not name it (pnpm/action-setup needs one).
  const pnpmLock =
    manager === 'pnpm' && !declared && lockfile
      ? /lockfileVersion:\s*'?(\d+)/.exec(
          readFileSync(join(root, dir, 'pnpm-lock.yaml'), 'utf8'),
        )?.[1]
      : undefined
  const pnpmMajor = pnpmLock ? { 5: '7', 6: '8', 9: '9' }[pnpmLock] : undefined
  return {
    dir,
    manager,
    lockfile,
    ...(declared ? { managerVersion: declared[2] } : {}),
    ...(pnpmMajor ? { pnpmMajor } : {}),
    test,
    build: typeof pkg.scripts?.build === 'string',
    ...(nodeVersionFile ? { nodeVersionFile: posix.join(dir, nodeVersionFile) } : {}),
  }
}
