import type { ToolName } from '../tools.js'

/** Time limits of the slow steps; tests shorten them. */
export interface Timeouts {
  api: number
  /** One archive or checksums file. */
  download: number
  npmView: number
  npmInstall: number
  tokenCheck: number
}

export const DEFAULT_TIMEOUTS: Timeouts = {
  api: 30_000,
  download: 300_000,
  npmView: 120_000,
  npmInstall: 600_000,
  tokenCheck: 120_000,
}

export interface InstallContext {
  /** Base of flyctl downloads: `<base>/v<version>/<asset>`. */
  downloadBaseUrl: string
  /** GitHub REST API of the run (GITHUB_API_URL). */
  githubApiUrl: string
  githubToken?: string
  timeouts: Timeouts
  log: (line: string) => void
}

/** Where a tool came from this run. */
export type ToolSource = 'cache' | 'download' | 'npm'

export interface InstalledTool {
  tool: ToolName
  version: string
  /** The directory that goes on PATH. */
  binDir: string
  /** The tool's executable inside binDir, for the token check. */
  executable: string
  source: ToolSource
}

/** Installs one CLI: one class per way of getting it, chosen by installerFor(). */
export interface Installer {
  readonly tool: ToolName
  /** Turns a spec (`latest`, a range, an exact version) into an exact version. */
  resolve(spec: string): Promise<string>
  /** The executable inside a directory from the tool cache or a fresh install. */
  locate(toolDir: string): { binDir: string; executable: string }
  /** Downloads and verifies `version`, puts it in the tool cache, returns the cached dir. */
  install(version: string): Promise<string>
  /** How a fresh install is labelled in the summary. */
  readonly freshSource: ToolSource
}
