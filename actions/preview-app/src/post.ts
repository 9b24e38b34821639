// The post step (post-if: always()): a job cancelled while the preview deployed leaves its
// GitHub Deployment in_progress; this ends it as `error`.
import { endOpenDeployment } from '../../../shared/github/open-deployment.js'
import { runMain } from '../../../shared/action-main.js'

await runMain(() => endOpenDeployment('preview-app'))
