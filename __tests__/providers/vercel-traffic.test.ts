// What the Vercel traffic steps read and check without running vercel: the plan's stages and
// the rolling-release document `vercel rolling-release fetch` prints. The real CLI runs in
// __tests__/real-cli/vercel-traffic.test.ts.
import { InputError } from '../../shared/errors.js'
import { checkedStages, readRollingRelease } from '../../shared/providers/vercel-traffic.js'

describe('Vercel traffic steps', () => {
  it('makes the stages below 100% of a plan, as `configure --stage` takes them', () => {
    expect(checkedStages([10, 50, 100])).toEqual([10, 50])
    expect(checkedStages([1, 99, 100])).toEqual([1, 99])
    expect(checkedStages([100])).toEqual([])
  })

  it.each([
    [[12.5, 100], 'whole percentages from 1% to 99%'],
    [[50, 10, 100], 'the steps must increase'],
    [[10, 50], 'the last step must be 100%'],
    [[0, 100], 'whole percentages from 1% to 99%'],
  ])('refuses %j, naming traffic-steps', (steps, problem) => {
    let caught: unknown
    try {
      checkedStages(steps)
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(InputError)
    const message = (caught as Error).message
    expect(message).toMatch(/^`traffic-steps` "/)
    expect(message).toContain(problem)
    expect(message).toContain('example: traffic-steps: 10%,50%,100%')
  })

  it('reads the document vercel logs with its "> " prefix, and none', () => {
    const said = [
      'Vercel CLI 60.1.3 (Node.js 20.20.2)',
      'Retrieving project…',
      '> {',
      '  "state": "ACTIVE",',
      '  "canaryDeployment": { "id": "dpl_new" },',
      '  "queuedDeploymentId": null,',
      '  "activeStage": { "index": 1, "targetPercentage": 50 }',
      '}',
      '',
    ].join('\n')
    expect(readRollingRelease(said)).toEqual({
      state: 'ACTIVE',
      canaryId: 'dpl_new',
      activeIndex: 1,
      activePercent: 50,
      queuedDeploymentId: undefined,
    })
    expect(readRollingRelease('Retrieving project…\n> null\n')).toBeNull()
    expect(() => readRollingRelease('Retrieving project…\n> {\n  "state": \n}\n')).toThrow(
      'printed a rolling release that is not JSON',
    )
    expect(() => readRollingRelease('Error: fetch failed\n')).toThrow('printed no rolling release')
  })
})
