// The post step (post-if: always()): a job cancelled or killed while the rollback ran leaves
// its GitHub Deployment in_progress; this ends it as `error`.
import { endOpenDeployment } from '../../../shared/github/open-deployment.js'
import { runMain } from '../../../shared/action-main.js'

await runMain(() => endOpenDeployment('rollback'))
