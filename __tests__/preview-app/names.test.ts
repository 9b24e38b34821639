import {
  carriesPrNumber,
  checkTemplate,
  prNumbersIn,
  previewAppName,
  slug,
  templateName,
} from '../../shared/preview/names.js'

const values = { owner: 'Acme', repo: 'Shop.Web', pr: 42, branch: 'feat/checkout' }

describe('preview app names', () => {
  it('fills the template and makes it safe', () => {
    expect(templateName('{repo}-pr-{pr}', values, 63)).toBe('shop-web-pr-42')
    expect(templateName('{owner}-{repo}-{pr}-{branch}', values, 63)).toBe(
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
    const name = templateName(
      '{repo}-pr-{pr}-{branch}',
      { ...values, repo: 'shop', pr: 7, branch },
      63,
    )
    expect(name).toBe(expected)
    expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  })

  it('keeps two long branches apart within the length limit', () => {
    const long = 'feature/a-very-long-branch-name-that-goes-on-and-on-about-the-checkout'
    const a = templateName('{repo}-pr-{pr}-{branch}', { ...values, branch: `${long}-one` }, 30)
    const b = templateName('{repo}-pr-{pr}-{branch}', { ...values, branch: `${long}-two` }, 30)
    expect(a).not.toBe(b)
    for (const name of [a, b]) {
      expect(name.length).toBeLessThanOrEqual(30)
      expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      expect(name.startsWith('shop-web-pr-42-feature')).toBe(true)
    }
  })

  it('keeps the PR number whole when a 200-character branch before it is cut to 63', () => {
    const branch = `feature/${'x'.repeat(192)}`
    const name = templateName(
      '{repo}-{branch}-{pr}',
      { ...values, repo: 'shop', pr: 12, branch },
      63,
    )
    expect(name.length).toBeLessThanOrEqual(63)
    expect(name).toMatch(/^shop-feature-x+-12-[0-9a-f]{6}$/)
    expect(carriesPrNumber(name, 12)).toBe(true)
    expect(prNumbersIn(name, '{repo}-{branch}-{pr}', { owner: 'acme', repo: 'shop' })).toContain(12)
  })

  it.each([
    '{repo}-{branch}-{pr}',
    '{branch}-{pr}',
    '{owner}-{repo}-pr-{pr}-{branch}',
    '{pr}.{branch}',
  ])('carries the PR number through every cut of %s', (template) => {
    for (const maxLength of [12, 20, 30, 40, 63]) {
      for (const length of [0, 5, 50, 200]) {
        for (const pr of [1, 17, 12345]) {
          const branch = `b7-${'y'.repeat(length)}`
          const name = templateName(
            template,
            { owner: 'acme', repo: 'shop', pr, branch },
            maxLength,
          )
          expect(name.length).toBeLessThanOrEqual(Math.max(maxLength, String(pr).length))
          expect(carriesPrNumber(name, pr)).toBe(true)
          // Sweep reads it back wherever the fixed prefix fits (fly's 63 always has room).
          if (maxLength >= 30) {
            expect(prNumbersIn(name, template, { owner: 'acme', repo: 'shop' })).toContain(pr)
          }
        }
      }
    }
  })

  it('puts pr- in front where the name must start with a letter', () => {
    const rules = { maxLength: 40, letterFirst: true }
    expect(previewAppName('{pr}-{branch}', { ...values, branch: 'x' }, rules)).toBe('pr-42-x')
    expect(previewAppName('{repo}-{pr}', values, rules)).toBe('shop-web-42')
  })

  it('refuses templates without {pr} or with unknown placeholders', () => {
    expect(() => checkTemplate('{repo}-{branch}')).toThrow('has no {pr}')
    expect(() => checkTemplate('{repo}-{number}')).toThrow('unknown placeholder(s) {number}')
    expect(checkTemplate('{repo}-pr-{pr}')).toBe('{repo}-pr-{pr}')
  })

  it.each([
    ['{repo}-pr{pr}{branch}', 'runs {pr} into another placeholder'],
    ['{repo}-pr{pr}', 'runs {pr} into "r"'],
    ['{repo}-{pr}{branch}', 'runs {pr} into another placeholder'],
    ['{branch}{pr}', 'runs {pr} into another placeholder'],
    ['{repo}-{pr}7', 'runs {pr} into "7"'],
    ['{repo}-{pr}²', 'runs {pr} into "²"'],
  ])('refuses %s, whose {pr} could run into the text beside it', (template, problem) => {
    expect(() => checkTemplate(template)).toThrow(problem)
    expect(() => checkTemplate(template)).toThrow(
      'put a dash on each side of {pr} (example: {repo}-pr-{pr}-{branch})',
    )
  })

  it.each(['{pr}', '{repo}-{pr}', '{pr}.{branch}', 'pr_{pr}/{branch}', '{owner}-{repo}-pr-{pr}'])(
    'accepts %s',
    (template) => {
      expect(checkTemplate(template)).toBe(template)
    },
  )

  it("finds an app's possible PR numbers, and none in an app of another template", () => {
    const base = { owner: 'acme', repo: 'shop' }
    expect(prNumbersIn('shop-pr-12', '{repo}-pr-{pr}', base)).toEqual([12])
    expect(prNumbersIn('shop-pr-12-feat-x', '{repo}-pr-{pr}-{branch}', base)).toEqual([12])
    expect(prNumbersIn('shop-feat-2024-12', '{repo}-{branch}-{pr}', base)).toEqual([2024, 12])
    expect(prNumbersIn('shop-production', '{repo}-pr-{pr}', base)).toEqual([])
    expect(prNumbersIn('shopping-pr-3', '{repo}-pr-{pr}', base)).toEqual([])
    expect(prNumbersIn('shop-pr-007', '{repo}-pr-{pr}', base)).toEqual([])
    expect(slug('--A__b--')).toBe('a-b')
  })
})
