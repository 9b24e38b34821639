import {
  appBelongsToPr,
  checkTemplate,
  fillTemplate,
  prOfApp,
  safeAppName,
  slug,
} from '../../shared/preview/names.js'

const values = { owner: 'Acme', repo: 'Shop.Web', pr: 42, branch: 'feat/checkout' }

describe('preview app names', () => {
  it('fills the template and makes it safe', () => {
    expect(safeAppName(fillTemplate('{repo}-pr-{pr}', values), 63)).toBe('shop-web-pr-42')
    expect(safeAppName(fillTemplate('{owner}-{repo}-{pr}-{branch}', values), 63)).toBe(
      'acme-shop-web-42-feat-checkout',
    )
  })

  it.each([
    ['feat/$(curl evil)', 'shop-pr-7-feat-curl-evil'],
    ['"; rm -rf /', 'shop-pr-7-rm-rf'],
    ['--config=/etc/passwd', 'shop-pr-7-config-etc-passwd'],
    ['Ünïcödé—branch', 'shop-pr-7-unicode-branch'],
    ['---', 'shop-pr-7'],
  ])('turns branch %j into a plain name', (branch, expected) => {
    const name = safeAppName(
      fillTemplate('{repo}-pr-{pr}-{branch}', { ...values, repo: 'shop', pr: 7, branch }),
      63,
    )
    expect(name).toBe(expected)
    expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  })

  it('keeps two long branches apart within the length limit', () => {
    const long = 'feature/a-very-long-branch-name-that-goes-on-and-on-about-the-checkout'
    const a = safeAppName(
      fillTemplate('{repo}-pr-{pr}-{branch}', { ...values, branch: `${long}-one` }),
      30,
    )
    const b = safeAppName(
      fillTemplate('{repo}-pr-{pr}-{branch}', { ...values, branch: `${long}-two` }),
      30,
    )
    expect(a).not.toBe(b)
    for (const name of [a, b]) {
      expect(name.length).toBeLessThanOrEqual(30)
      expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      expect(name.startsWith('shop-web-pr-42-feature')).toBe(true)
    }
  })

  it('refuses templates without {pr} or with unknown placeholders', () => {
    expect(() => checkTemplate('{repo}-{branch}')).toThrow('has no {pr}')
    expect(() => checkTemplate('{repo}-{number}')).toThrow('unknown placeholder(s) {number}')
    expect(checkTemplate('{repo}-pr-{pr}')).toBe('{repo}-pr-{pr}')
  })

  it("knows an app's PR, and never claims an app of another template", () => {
    const base = { owner: 'acme', repo: 'shop' }
    expect(prOfApp('shop-pr-12', '{repo}-pr-{pr}', base)).toBe(12)
    expect(prOfApp('shop-pr-12-feat-x', '{repo}-pr-{pr}-{branch}', base)).toBe(12)
    expect(prOfApp('shop-production', '{repo}-pr-{pr}', base)).toBeUndefined()
    expect(prOfApp('shopping-pr-3', '{repo}-pr-{pr}', base)).toBeUndefined()
    expect(
      appBelongsToPr('shop-pr-12', '{repo}-pr-{pr}', { ...base, pr: 12, branch: 'x' }, 63),
    ).toBe(true)
    expect(
      appBelongsToPr('shop-pr-13', '{repo}-pr-{pr}', { ...base, pr: 12, branch: 'x' }, 63),
    ).toBe(false)
    expect(slug('--A__b--')).toBe('a-b')
  })
})
