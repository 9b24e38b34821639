import { InputError } from '../../../shared/errors.js'
import {
  boolean,
  httpUrl,
  type InputValues,
  oneOf,
  parseInputs,
  parser,
  secret,
  quote,
  splitList,
  withDefault,
} from '../../../shared/inputs.js'
import { PROVIDER_NAMES, type ProviderName } from '../../../shared/providers/registry.js'
import {
  isExactVersion,
  isToolName,
  providerTool,
  TOOL_NAMES,
  type ToolName,
  type ToolRequest,
} from './tools.js'

export const FLYCTL_DOWNLOADS = 'https://github.com/superfly/flyctl/releases/download'

// npm specs beyond exact versions: ranges (`4`, `^4.2`, `>=4 <5`) and dist-tags (`latest`,
// `beta`). Anything else (URLs, paths, git specs) is refused: `tools` names registry releases.
const NPM_RANGE = /^[0-9xX*.^~<>=| -]+$/
const DIST_TAG = /^[a-z][a-z0-9.-]*$/

function parseToolVersion(tool: ToolName, spec: string, entry: string): string {
  if (spec === 'latest') return spec
  if (tool === 'flyctl') {
    const version = spec.replace(/^v/, '')
    if (isExactVersion(version)) return version
    throw new Error(
      `${quote(entry)}: flyctl takes latest or an exact version (example: flyctl@0.3.200)`,
    )
  }
  if (isExactVersion(spec) || (NPM_RANGE.test(spec) && /[0-9xX*]/.test(spec))) return spec
  if (DIST_TAG.test(spec)) return spec
  throw new Error(
    `${quote(entry)}: ${quote(spec)} is not a version, range or dist-tag (example: ${tool}@4 or ${tool}@4.20.0)`,
  )
}

/** One `tools` entry: `NAME` or `NAME@VERSION`. */
export function parseToolEntry(entry: string): ToolRequest {
  // From 1: a scoped npm name such as @railway/cli starts with @.
  const at = entry.indexOf('@', 1)
  const name = (at === -1 ? entry : entry.slice(0, at)).trim().toLowerCase()
  const spec = at === -1 ? 'latest' : entry.slice(at + 1).trim()
  if (!isToolName(name)) {
    throw new Error(
      `${quote(name)} is not a CLI setup installs; use one of ${TOOL_NAMES.join(', ')} (example: flyctl@0.3.200)`,
    )
  }
  if (spec === '') {
    throw new Error(`${quote(entry)} has no version after @ (example: ${name}@latest)`)
  }
  return { tool: name, spec: parseToolVersion(name, spec, entry) }
}

export function parseToolList(value: string): ToolRequest[] {
  const requests = splitList(value).map(parseToolEntry)
  const seen = new Set<ToolName>()
  for (const { tool } of requests) {
    if (seen.has(tool)) {
      throw new Error(`${tool} is listed twice; name each CLI once (example: flyctl@0.3.200)`)
    }
    seen.add(tool)
  }
  return requests
}

export const setupSchema = {
  tools: withDefault(parser(parseToolList), ''),
  provider: withDefault(oneOf(PROVIDER_NAMES), 'fly'),
  token: secret(),
  'download-base-url': withDefault(httpUrl(FLYCTL_DOWNLOADS), FLYCTL_DOWNLOADS),
  cache: withDefault(boolean(), 'true'),
  'github-token': secret(),
}

type RawSetupInputs = InputValues<typeof setupSchema>

export interface SetupInputs {
  tools: ToolRequest[]
  provider: ProviderName
  token?: string
  downloadBaseUrl: string
  cache: boolean
  githubToken?: string
  /** The CLI that checks `token`: the provider's own. */
  tokenTool?: ToolName
}

/** The checks that need two inputs at once: what to install by default, who checks the token. */
function combine(raw: RawSetupInputs): SetupInputs {
  const problems: string[] = []
  const cli = providerTool(raw.provider)
  let tools = raw.tools
  if (tools.length === 0) {
    if (cli) tools = [{ tool: cli, spec: 'latest' }]
    else {
      problems.push(
        `\`tools\` is required with provider \`${raw.provider}\`, which has no CLI (example: flyctl@0.3.200)`,
      )
    }
  }
  const token = raw.token?.trim()
  if (token) {
    if (!cli) {
      problems.push(
        `invalid \`token\`: provider \`${raw.provider}\` has no CLI to check it with; leave \`token\` empty or set \`provider\` (example: fly)`,
      )
    } else if (tools.length > 0 && !tools.some((request) => request.tool === cli)) {
      problems.push(
        `invalid \`token\`: it is checked with ${cli}, the CLI of provider \`${raw.provider}\`; add it to \`tools\` (example: ${cli})`,
      )
    }
  }
  if (problems.length > 0) throw new InputError(problems)
  return {
    tools,
    provider: raw.provider,
    token: token || undefined,
    downloadBaseUrl: raw['download-base-url'].replace(/\/+$/, ''),
    cache: raw.cache,
    githubToken: raw['github-token']?.trim() || undefined,
    tokenTool: token ? cli : undefined,
  }
}

export function readSetupInputs(read?: (name: string) => string): SetupInputs {
  return combine(parseInputs(setupSchema, read))
}
