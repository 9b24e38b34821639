// action-catalog.md: every action's inputs and outputs, generated from its action.yml so the
// catalog can never drift from the contract.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'

const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ')
    .trim()

export function readActions(root) {
  const dir = join(root, 'actions')
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'action.yml')))
    .sort()
    .map((name) => ({ name, spec: parse(readFileSync(join(dir, name, 'action.yml'), 'utf8')) }))
}

export function renderCatalog(root) {
  const lines = [
    '# Action catalog',
    '',
    'Generated from each `actions/<name>/action.yml` by `npm run bundle`; do not edit by hand.',
    '',
  ]
  for (const { name, spec } of readActions(root)) {
    lines.push(`## \`${name}\``, '', spec.description ?? '', '')
    lines.push('```yaml', `- uses: flightdeck-actions/flightdeck/actions/${name}@v1`, '```', '')
    lines.push('| input | required | default | description |', '| --- | --- | --- | --- |')
    for (const [input, def] of Object.entries(spec.inputs ?? {})) {
      const fallback =
        def.default === undefined || def.default === '' ? '' : `\`${cell(def.default)}\``
      lines.push(
        `| \`${input}\` | ${def.required ? 'yes' : 'no'} | ${fallback} | ${cell(def.description)} |`,
      )
    }
    lines.push('', '| output | description |', '| --- | --- |')
    for (const [output, def] of Object.entries(spec.outputs ?? {})) {
      lines.push(`| \`${output}\` | ${cell(def.description)} |`)
    }
    lines.push('')
  }
  return lines.join('\n')
}

export function writeCatalog(root) {
  writeFileSync(join(root, 'action-catalog.md'), renderCatalog(root))
}
