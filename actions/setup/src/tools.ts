import type { CliSpec } from '../../../shared/providers/spec.js'
import {
  PROVIDER_NAMES,
  providerSpec,
  type ProviderName,
  type ToolName,
} from '../../../shared/providers/registry.js'

export type { ToolName }

/** The CLI of each provider that runs one, from its spec: what `setup` installs and how. */
export const CLI_SPECS = Object.fromEntries(
  PROVIDER_NAMES.flatMap((name) => {
    const cli = providerSpec(name).cli
    return cli ? [[cli.tool, cli]] : []
  }),
) as Record<ToolName, CliSpec>

/** The CLIs `setup` knows how to install; the names users write in `tools`. */
export const TOOL_NAMES = Object.keys(CLI_SPECS) as readonly ToolName[]

export function isToolName(name: string): name is ToolName {
  return (TOOL_NAMES as readonly string[]).includes(name)
}

/** One entry of `tools`: a CLI and the version spec the user asked for. */
export interface ToolRequest {
  tool: ToolName
  /** `latest`, an exact version, or (npm CLIs only) a range or dist-tag. */
  spec: string
}

export interface NpmPackage {
  name: string
  /** The executable the package puts in node_modules/.bin. */
  bin: string
}

/** The npm package behind each npm-installed CLI. */
export const NPM_PACKAGES = Object.fromEntries(
  TOOL_NAMES.flatMap((tool) => {
    const install = CLI_SPECS[tool].install
    return install.from === 'npm' ? [[tool, { name: install.package, bin: install.bin }]] : []
  }),
) as Record<Exclude<ToolName, 'flyctl'>, NpmPackage>

/** The CLI `setup` installs for a provider, if it has one. */
export function providerTool(provider: ProviderName): ToolName | undefined {
  const cli = providerSpec(provider).cli?.tool
  return cli !== undefined && isToolName(cli) ? cli : undefined
}

const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/

/** `1.2.3`, `1.2.3-beta.1`: a version that names one release, no range. */
export function isExactVersion(spec: string): boolean {
  return EXACT_VERSION.test(spec)
}

/** Orders exact versions; pre-releases sort before their release. */
export function compareVersions(a: string, b: string): number {
  const parse = (version: string) => {
    const [core = '', pre] = version.split('+')[0]?.split(/-(.*)/s) ?? []
    return { numbers: core.split('.').map(Number), pre }
  }
  const left = parse(a)
  const right = parse(b)
  for (let i = 0; i < 3; i++) {
    const diff = (left.numbers[i] ?? 0) - (right.numbers[i] ?? 0)
    if (diff !== 0) return diff
  }
  if (left.pre === right.pre) return 0
  if (left.pre === undefined) return 1
  if (right.pre === undefined) return -1
  return left.pre.localeCompare(right.pre, 'en', { numeric: true })
}
