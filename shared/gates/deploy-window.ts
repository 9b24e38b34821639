// The deploy-window gate: deploy only inside one of the windows (`Mon-Fri 09:00-17:00
// America/Los_Angeles`); override-gates lets a deploy outside them through.
import { parser, splitLines, withDefault } from '../inputs.js'
import { defineGate } from './gate.js'
import { checkWindows, gateClock, parseDeployWindow } from './time.js'

export const deployWindowGate = defineGate({
  name: 'deploy-window',
  inputs: {
    'deploy-window': withDefault(
      parser((value) => splitLines(value).map(parseDeployWindow)),
      '',
    ),
  },
  overridable: true,
  configured: (inputs) => inputs['deploy-window'].length > 0,
  evaluate: async (inputs) => checkWindows(inputs['deploy-window'], gateClock()),
})
