// `flightdeck --help` and `flightdeck <action> --help`, written from the action.yml files.
import { PRIVATE_RUN_HELP } from '../lib/private-run.mjs'
import { isBooleanInput, listActions, packageRoot, readAction } from './action-yml.mjs'

function wrap(text, width, indent) {
  const lines = []
  let line = ''
  for (const word of String(text).split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(indent + line)
  return lines.join('\n')
}

const terminalWidth = () => Math.min(Math.max(process.stdout.columns || 100, 60), 120)

export function mainHelp(root = packageRoot) {
  const width = terminalWidth()
  const actions = listActions(root).map((name) => readAction(name, root))
  const pad = Math.max(...actions.map((a) => a.name.length), 6) + 3
  return [
    'flightdeck: run a flightdeck action outside GitHub Actions (a terminal, another CI)',
    '',
    'usage:',
    '  flightdeck <action> --<input> <value> ...   run an action with these inputs',
    "  flightdeck <action> --help                  the action's inputs and outputs",
    "  flightdeck init [--help]                    write this repository's deploy workflows",
    '  flightdeck lint [paths] [--help]            find what flightdeck fixes in your workflows',
    '  flightdeck --help                           this help',
    '',
    'actions:',
    ...actions.map((action) =>
      wrap(action.description, width, ' '.repeat(pad + 2)).replace(
        /^ +/,
        `  ${action.name.padEnd(pad)}`,
      ),
    ),
    '',
    'inputs:',
    '  --name value or --name=value; repeat a flag for a multi-line input (one line each);',
    '  --name alone for a true/false input means true, --no-name means false.',
    '  Defaults come from action.yml; ${{ github.token }} is GITHUB_TOKEN or GH_TOKEN.',
    ...PRIVATE_RUN_HELP.inputs,
    '',
    'options:',
    "  --verbose   also show the action's debug lines",
    '',
    'The log and the job summary go to stderr; the outputs go to stdout, one name=value line',
    "each (name<<EOF ... EOF for a multi-line value). The exit code is the action's.",
    'GITHUB_* variables already set (another CI) are passed on to the action.',
    ...PRIVATE_RUN_HELP.temp,
    '',
  ].join('\n')
}

export function actionHelp(action) {
  const width = terminalWidth()
  const inputs = Object.entries(action.inputs)
  const required = inputs.filter(([, spec]) => spec.required).map(([name]) => `--${name} <value>`)
  const lines = [
    `flightdeck ${action.name}`,
    '',
    wrap(action.description, width, ''),
    '',
    'usage:',
    `  flightdeck ${action.name} ${[...required, '[--<input> <value> ...]'].join(' ')}`,
    '',
    'inputs:',
  ]
  for (const [name, spec] of inputs) {
    const facts = []
    if (spec.required) facts.push('required')
    if (spec.default !== undefined && spec.default !== '') facts.push(`default: ${spec.default}`)
    if (isBooleanInput(spec)) facts.push('true/false')
    lines.push(`  --${name}${facts.length ? `  (${facts.join(', ')})` : ''}`)
    if (spec.description) lines.push(wrap(spec.description, width, '      '))
    if (spec.deprecationMessage)
      lines.push(wrap(`deprecated: ${spec.deprecationMessage}`, width, '      '))
  }
  lines.push('', 'outputs (printed as name=value):')
  for (const [name, spec] of Object.entries(action.outputs)) {
    lines.push(`  ${name}`)
    if (spec.description) lines.push(wrap(spec.description, width, '      '))
  }
  lines.push('')
  return lines.join('\n')
}
