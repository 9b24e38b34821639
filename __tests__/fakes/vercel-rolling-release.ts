// Vercel's rolling releases in the REST API stand-in (vercel-api.ts registers these routes).
// Grounded in what vercel 60.1.3 sends (node_modules/vercel/dist/commands-bulk.js:
// configureRollingRelease, startRollingRelease, approveRollingRelease, completeRollingRelease,
// abortRollingRelease, requestRollingRelease) and in Vercel's REST reference for the rolling-release
// endpoints (the `rollingRelease` document: state ACTIVE | COMPLETE | ABORTED, currentDeployment,
// canaryDeployment, queuedDeploymentId, advancementType, stages [{index, isFinalStage,
// targetPercentage, requireApproval, duration, linearShift}], activeStage, nextStage, startedAt,
// updatedAt). What the docs say and this keeps:
// - a configured project's next READY production deployment starts a rolling release by itself
//   ("Once Rolling Releases is enabled, new deployments won't be immediately served to 100% of
//   traffic"): it becomes the canary at the first stage, production stays on the deployment before;
// - changing or disabling the config never alters a rollout in flight;
// - `start` for the canary already active answers the current state without side effects;
// - the abort is an instant rollback (`POST /v9/projects/{id}/rollback/{dpl}`, to `dpl`).
// A project whose plan has no rolling releases (Hobby) is refused with 403: the billing endpoint
// names the reason `plan_not_supported`; the status is the 403 the reference lists.
import type {
  RecordedVercelRequest,
  StandInDeployment,
  StandInProject,
} from './vercel-api-types.js'

/** What the rolling releases read of the stand-in: its deployments. */
interface DeploymentStore {
  readonly deployments: StandInDeployment[]
}

interface StandInStage {
  targetPercentage: number
  duration?: number
}

export interface StandInRollingReleaseConfig {
  target: 'production'
  advancementType: 'automatic' | 'manual-approval'
  stages: StandInStage[]
}

export interface StandInRollingRelease {
  state: 'ACTIVE' | 'COMPLETE' | 'ABORTED'
  currentDeploymentId: string
  canaryDeploymentId: string
  advancementType: StandInRollingReleaseConfig['advancementType']
  stages: StandInStage[]
  /** null once aborted. */
  activeIndex: number | null
  startedAt: number
  updatedAt: number
}

interface Answer {
  status: number
  body?: unknown
}

type On = (
  method: string,
  pattern: string,
  route: (request: RecordedVercelRequest, match: RegExpExecArray) => Answer,
) => void

export const PLAN_REFUSAL = {
  code: 'plan_not_supported',
  message: 'Rolling Releases are only available on the Pro and Enterprise plans',
}

export class StandInRollingReleases {
  /** By project id: the project's config (absent: not configured). */
  readonly configs = new Map<string, StandInRollingReleaseConfig>()
  /** By project id: its latest rolling release, whatever its state. */
  readonly releases = new Map<string, StandInRollingRelease>()
  /** Projects on a plan without rolling releases (Hobby). */
  readonly refused = new Set<string>()

  constructor(private readonly api: DeploymentStore) {}

  /** What GET /v9/projects/{id} shows as `rollingRelease` (vercel's deploy reads it). */
  projectField(project: StandInProject): StandInRollingReleaseConfig | null {
    return this.configs.get(project.id) ?? null
  }

  /**
   * A production deployment of `project` is READY (built, or promoted): with rolling releases
   * configured it becomes the canary at the first stage and production stays where it is; says
   * whether it did.
   */
  takesOver(project: StandInProject, deployment: StandInDeployment): boolean {
    const config = this.configs.get(project.id)
    if (!config || !project.productionDeploymentId) return false
    if (this.releases.get(project.id)?.state === 'ACTIVE') return false
    this.begin(project, deployment, config)
    return true
  }

  /** A rollback (instant rollback, or `rolling-release abort`) ends the active rollout. */
  rolledBack(project: StandInProject): void {
    const release = this.releases.get(project.id)
    if (release?.state !== 'ACTIVE') return
    release.state = 'ABORTED'
    release.activeIndex = null
    release.updatedAt = Date.now()
  }

  /** Which deployment serves what share of production requests now. */
  serving(project: StandInProject): { current?: string; canary?: string; percent: number } {
    const release = this.releases.get(project.id)
    if (release?.state !== 'ACTIVE' || release.activeIndex === null) {
      return { current: project.productionDeploymentId, percent: 0 }
    }
    return {
      current: release.currentDeploymentId,
      canary: release.canaryDeploymentId,
      percent: release.stages[release.activeIndex]?.targetPercentage ?? 0,
    }
  }

  private begin(
    project: StandInProject,
    canary: StandInDeployment,
    config: StandInRollingReleaseConfig,
  ): StandInRollingRelease {
    const now = Date.now()
    const release: StandInRollingRelease = {
      state: 'ACTIVE',
      currentDeploymentId: project.productionDeploymentId ?? canary.id,
      canaryDeploymentId: canary.id,
      advancementType: config.advancementType,
      stages: config.stages.map((stage) => ({ ...stage })),
      activeIndex: 0,
      startedAt: now,
      updatedAt: now,
    }
    this.releases.set(project.id, release)
    return release
  }

  private finish(project: StandInProject, release: StandInRollingRelease): void {
    release.state = 'COMPLETE'
    release.activeIndex = release.stages.length - 1
    release.updatedAt = Date.now()
    project.productionDeploymentId = release.canaryDeploymentId
  }

  /** The `rollingRelease` document as the REST API shows it. */
  document(project: StandInProject): Record<string, unknown> | null {
    const release = this.releases.get(project.id)
    if (!release) return null
    const stage = (index: number | null) => {
      const found = index === null ? undefined : release.stages[index]
      if (!found || index === null) return null
      const isFinalStage = found.targetPercentage === 100
      return {
        index,
        isFinalStage,
        targetPercentage: found.targetPercentage,
        requireApproval: release.advancementType === 'manual-approval' && !isFinalStage,
        duration: release.advancementType === 'automatic' && !isFinalStage ? found.duration : null,
        linearShift: false,
      }
    }
    const deployment = (id: string) => {
      const found = this.api.deployments.find((d) => d.id === id)
      return found
        ? {
            id: found.id,
            name: found.name,
            url: found.url,
            target: found.target,
            source: 'cli',
            createdAt: found.createdAt,
            readyState: found.readyState,
            readyStateAt: found.ready,
          }
        : null
    }
    return {
      state: release.state,
      currentDeployment: deployment(release.currentDeploymentId),
      canaryDeployment: deployment(release.canaryDeploymentId),
      queuedDeploymentId: null,
      advancementType: release.advancementType,
      stages: release.stages.map((_, index) => stage(index)),
      activeStage: stage(release.activeIndex),
      nextStage:
        release.state === 'ACTIVE' && release.activeIndex !== null
          ? stage(release.activeIndex + 1)
          : null,
      startedAt: release.startedAt,
      updatedAt: release.updatedAt,
    }
  }

  register(on: On, project: (idOrName: string) => StandInProject | undefined): void {
    const base = '/v1/projects/(?<project>[^/]+)/rolling-release'
    const withProject =
      (route: (request: RecordedVercelRequest, found: StandInProject) => Answer) =>
      (request: RecordedVercelRequest, match: RegExpExecArray): Answer => {
        const found = project(decodeURIComponent(match.groups?.project ?? ''))
        if (!found) return error(404, 'not_found', 'Project not found')
        if (this.refused.has(found.id)) {
          return error(403, PLAN_REFUSAL.code, PLAN_REFUSAL.message)
        }
        return route(request, found)
      }

    // vercel sends `{...config, enabled}`: `{enabled: false}` for --disable.
    on(
      'PATCH',
      `${base}/config`,
      withProject((request, found) => {
        const body = request.body as {
          enabled?: unknown
          advancementType?: unknown
          stages?: Array<{ targetPercentage?: unknown; duration?: unknown }>
        }
        if (typeof body?.enabled !== 'boolean') {
          return error(400, 'bad_request', '`enabled` must be a boolean')
        }
        if (!body.enabled) {
          this.configs.delete(found.id)
          return { status: 200, body: { rollingRelease: null } }
        }
        const problem = configProblem(body)
        if (problem) return error(400, 'bad_request', problem)
        const config: StandInRollingReleaseConfig = {
          target: 'production',
          advancementType: body.advancementType as StandInRollingReleaseConfig['advancementType'],
          stages: (body.stages ?? []).map((stage) => ({
            targetPercentage: stage.targetPercentage as number,
            ...(typeof stage.duration === 'number' ? { duration: stage.duration } : {}),
          })),
        }
        this.configs.set(found.id, config)
        return { status: 200, body: { rollingRelease: config } }
      }),
    )

    on(
      'GET',
      base,
      withProject((request, found) => {
        const document = this.document(found)
        const state = request.query.state
        return {
          status: 200,
          body: { rollingRelease: state && document?.state !== state ? null : document },
        }
      }),
    )

    on(
      'POST',
      `${base}/start`,
      withProject((request, found) => {
        const canaryId = (request.body as { canaryDeploymentId?: unknown })?.canaryDeploymentId
        const canary = this.api.deployments.find(
          (d) => d.id === canaryId && d.projectId === found.id,
        )
        if (!canary) return error(404, 'not_found', 'Deployment not found')
        const config = this.configs.get(found.id)
        if (!config) {
          return error(400, 'bad_request', 'Rolling releases are not enabled for this project')
        }
        const active = this.releases.get(found.id)
        if (active?.state === 'ACTIVE') {
          if (active.canaryDeploymentId === canary.id) {
            return { status: 200, body: { rollingRelease: this.document(found) } }
          }
          return error(409, 'conflict', 'A rolling release is already active for this project')
        }
        if (canary.target !== 'production' || canary.readyState !== 'READY') {
          return error(400, 'bad_request', 'Only ready production deployments can be rolled out')
        }
        this.begin(found, canary, config)
        return { status: 200, body: { rollingRelease: this.document(found) } }
      }),
    )

    on(
      'POST',
      `${base}/approve-stage`,
      withProject((request, found) => {
        const body = request.body as { nextStageIndex?: unknown; canaryDeploymentId?: unknown }
        const release = this.releases.get(found.id)
        if (release?.state !== 'ACTIVE' || release.activeIndex === null) {
          return error(400, 'bad_request', 'No active rolling release for this project')
        }
        if (body?.canaryDeploymentId !== release.canaryDeploymentId) {
          return error(400, 'bad_request', 'The deployment is not the canary of the rollout')
        }
        if (body.nextStageIndex !== release.activeIndex + 1) {
          return error(
            400,
            'bad_request',
            `Cannot approve stage ${String(body.nextStageIndex)}: the active stage is ${release.activeIndex}`,
          )
        }
        release.activeIndex = body.nextStageIndex
        release.updatedAt = Date.now()
        if (release.activeIndex === release.stages.length - 1) this.finish(found, release)
        return { status: 200, body: { rollingRelease: this.document(found) } }
      }),
    )

    on(
      'POST',
      `${base}/complete`,
      withProject((request, found) => {
        const body = request.body as { canaryDeploymentId?: unknown }
        const release = this.releases.get(found.id)
        if (release?.state !== 'ACTIVE') {
          return error(400, 'bad_request', 'No active rolling release for this project')
        }
        if (body?.canaryDeploymentId !== release.canaryDeploymentId) {
          return error(400, 'bad_request', 'The deployment is not the canary of the rollout')
        }
        this.finish(found, release)
        return { status: 200, body: { rollingRelease: this.document(found) } }
      }),
    )
  }
}

function configProblem(body: {
  advancementType?: unknown
  stages?: Array<{ targetPercentage?: unknown; duration?: unknown }>
}): string | undefined {
  if (body.advancementType !== 'automatic' && body.advancementType !== 'manual-approval') {
    return '`advancementType` must be "automatic" or "manual-approval"'
  }
  const stages = body.stages
  if (!Array.isArray(stages) || stages.length < 2) return 'at least two stages are required'
  const percents = stages.map((stage) => stage?.targetPercentage)
  if (percents.some((p) => typeof p !== 'number' || !Number.isInteger(p) || p < 1 || p > 100)) {
    return 'each stage needs a whole targetPercentage from 1 to 100'
  }
  const numbers = percents as number[]
  if (numbers.some((p, i) => i > 0 && p <= (numbers[i - 1] ?? 0))) {
    return 'stage percentages must increase'
  }
  if (numbers.at(-1) !== 100) return 'the last stage must be 100%'
  return undefined
}

function error(status: number, code: string, message: string): Answer {
  return { status, body: { error: { code, message } } }
}
