// Builds dist/<name>/index.js for every actions/<name>/src/index.ts with ncc, then writes
// action-catalog.md from the action.yml files. New actions need no change here.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { writeCatalog } from './lib/catalog.mjs'

const root = new URL('..', import.meta.url).pathname
const only = process.argv.slice(2)
const actions = readdirSync(join(root, 'actions'))
  .filter((name) => existsSync(join(root, 'actions', name, 'src', 'index.ts')))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort()

/** An action's entry points: its main step, and its post step when it has one. */
function entries(name) {
  const post = join('actions', name, 'src', 'post.ts')
  return [
    { entry: join('actions', name, 'src', 'index.ts'), out: join(root, 'dist', name) },
    ...(existsSync(join(root, post))
      ? [{ entry: post, out: join(root, 'dist', name, 'post') }]
      : []),
  ]
}

async function build(name) {
  rmSync(join(root, 'dist', name), { recursive: true, force: true })
  for (const { entry, out } of entries(name)) await buildEntry(name, entry, out)
}

function buildEntry(name, entry, out) {
  const args = ['build', entry, '-o', out]
  args.push('--target', 'es2022', '--license', 'licenses.txt', '--quiet')
  return new Promise((resolve, reject) => {
    const child = spawn(join(root, 'node_modules', '.bin', 'ncc'), args, {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`ncc failed for ${name} (exit ${code})`)),
    )
  })
}

// Two at a time: ncc is CPU-bound and CI machines have two cores.
const queue = [...actions]
const started = Date.now()
await Promise.all(
  [0, 1].map(async () => {
    for (let name = queue.shift(); name; name = queue.shift()) {
      await build(name)
      console.log(`built dist/${name}/index.js`)
    }
  }),
)
await writeCatalog(root)
console.log(`bundled ${actions.length} action(s) in ${((Date.now() - started) / 1000).toFixed(1)}s`)
