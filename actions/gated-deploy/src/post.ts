// The post step (post-if: always()): a job cancelled or killed while the deploy ran leaves its
// GitHub Deployment in_progress; this ends it as `error`, so the environment never shows a
// deploy that is not happening.
import { endOpenDeployment } from '../../../shared/github/open-deployment.js'
import { runMain } from '../../../shared/action-main.js'

await runMain(() => endOpenDeployment('gated-deploy'))
