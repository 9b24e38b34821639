import type { ProviderSettingValues, ProviderSpec } from '../spec.js'

/** With traffic steps the user's router moves the shares: `traffic-command` says how. */
export function trafficProblems(inputs: ProviderSettingValues): string[] {
  return inputs['traffic-command']
    ? []
    : [
        '`traffic-command` is required for provider `command` when `traffic-steps` moves traffic a share at a time (example: ./scripts/route.sh); it runs with FLIGHTDECK_RELEASE_ID, FLIGHTDECK_PREVIOUS_RELEASE_ID and FLIGHTDECK_TRAFFIC_PERCENT',
      ]
}

export const commandSpec = {
  name: 'command',
  title: 'your own commands',
  tokenEnv: [],
  needsApp: false,
  inputs: ['deploy-command', 'releases-command', 'rollback-command', 'traffic-command'],
  capabilities: { releases: true, rollback: true, trafficSplit: true },
  previewsInstead: 'run your own preview commands in a step',
  checks: {
    deploy: (inputs, { rollsBack, trafficSteps }) => {
      const problems: string[] = []
      for (const name of ['deploy-command', 'releases-command'] as const) {
        if (!inputs[name]) {
          problems.push(
            `\`${name}\` is required for provider \`command\` (example: ./scripts/${name.split('-')[0]}.sh)`,
          )
        }
      }
      if (rollsBack && !inputs['rollback-command']) {
        problems.push(
          '`rollback-command` is required for provider `command` when auto-rollback is on (example: ./scripts/rollback.sh), or set auto-rollback: false',
        )
      }
      if (trafficSteps) problems.push(...trafficProblems(inputs))
      return problems
    },
    rollback: (inputs, { dryRun }) => {
      const problems: string[] = []
      if (!inputs['releases-command']) {
        problems.push(
          '`releases-command` is required for provider `command` (example: ./scripts/releases.sh)',
        )
      }
      if (!inputs['rollback-command'] && !dryRun) {
        problems.push(
          '`rollback-command` is required for provider `command` (example: kubectl rollout undo deployment/web)',
        )
      }
      return problems
    },
  },
  load: async () => (await import('../command.js')).createCommandProvider,
} as const satisfies ProviderSpec
