import type { ProviderSpec } from '../spec.js'

export const commandSpec = {
  name: 'command',
  title: 'your own commands',
  tokenEnv: [],
  needsApp: false,
  inputs: ['deploy-command', 'releases-command', 'rollback-command'],
  capabilities: { releases: true, rollback: true },
  previewsInstead: 'run your own preview commands in a step',
  checks: {
    deploy: (inputs, { rollsBack }) => {
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
