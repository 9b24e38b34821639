// The freeze gate: no deploy on the days of a freeze (`2026-12-20..2027-01-02 Europe/Berlin
// holiday freeze`); override-gates lets a deploy through.
import { parser, splitLines, withDefault } from '../inputs.js'
import { defineGate } from './gate.js'
import { checkFreezes, gateClock, parseFreeze } from './time.js'

export const freezeGate = defineGate({
  name: 'freeze',
  inputs: {
    freeze: withDefault(
      parser((value) => splitLines(value).map(parseFreeze)),
      '',
    ),
  },
  overridable: true,
  configured: (inputs) => inputs.freeze.length > 0,
  evaluate: async (inputs) => checkFreezes(inputs.freeze, gateClock()),
})
