import { planRollback } from '../../shared/providers/select.js'
import type { Release } from '../../shared/providers/types.js'

function release(
  version: number,
  status: Release['status'],
  extra: Partial<Release> = {},
): Release {
  return {
    id: `rel_${version}`,
    version: `v${version}`,
    status,
    rawStatus: status,
    image: `registry.fly.io/shop:deployment-${version}`,
    current: false,
    ...extra,
  }
}

describe('planRollback', () => {
  const releases = [
    release(45, 'failed'),
    release(44, 'succeeded', { current: true }),
    release(43, 'succeeded', { image: 'registry.fly.io/shop:deployment-44' }),
    release(42, 'in-progress'),
    release(41, 'failed'),
    release(40, 'succeeded'),
    release(39, 'succeeded'),
  ]

  it('picks the newest good release older than the current one that runs another build', () => {
    const plan = planRollback(releases, 'previous', 'shop')
    expect(plan.from.version).toBe('v44')
    expect(plan.to.version).toBe('v40')
    expect(plan.alreadyCurrent).toBe(false)
  })

  it('takes the newest succeeded release as current when the platform marks none', () => {
    const unmarked = releases.map((r) => ({ ...r, current: false }))
    expect(planRollback(unmarked, 'previous', 'shop').from.version).toBe('v44')
  })

  it.each(['v39', '39', 'rel_39', 'registry.fly.io/shop:deployment-39'])(
    'finds %s by version, id or image',
    (to) => {
      expect(planRollback(releases, to, 'shop').to.version).toBe('v39')
    },
  )

  it.each([
    ['v45', /v45 \(rel_45\) of `shop` is a failed release/],
    ['v42', /v42 \(rel_42\) of `shop` is still in progress/],
    ['v99', /no release of `shop` matches `to: v99`; the newest are: v45 \(rel_45\) failed/],
  ])('refuses %s', (to, message) => {
    expect(() => planRollback(releases, to, 'shop')).toThrow(message)
  })

  it('refuses when there is no earlier good release', () => {
    expect(() =>
      planRollback(
        [release(2, 'succeeded', { current: true }), release(1, 'failed')],
        'previous',
        'shop',
      ),
    ).toThrow(
      '`shop` has no successful release older than the current v2 (rel_2) that runs a different build; set `to` to a release id to choose one',
    )
  })

  it('refuses an empty release list and a list with nothing live', () => {
    expect(() => planRollback([], 'previous', 'shop')).toThrow(
      'no releases found for `shop`: there is nothing to roll back to',
    )
    expect(() => planRollback([release(1, 'failed')], 'previous', 'shop')).toThrow(
      /no release of `shop` is live/,
    )
  })

  it('says when the target already serves', () => {
    expect(planRollback(releases, 'v44', 'shop').alreadyCurrent).toBe(true)
  })
})
