import { alertsRouter } from './routers/alerts';
import { apiKeyRouter } from './routers/api-key';
import { artifactRouter } from './routers/artifact';
import { auditRouter } from './routers/audit';
import { authRouter } from './routers/auth';
import { dashboardRouter } from './routers/dashboard';
import { datasetRouter } from './routers/dataset';
import { deploymentsRouter } from './routers/deployments';
import { monitorPageRouter } from './routers/monitor-page';
import { monitoringRouter } from './routers/monitoring';
import { notificationsRouter } from './routers/notifications';
import { pipelineRouter } from './routers/pipeline';
import { projectRouter } from './routers/project';
import { registryRouter } from './routers/registry';
import { runRouter } from './routers/run';
import { runnerRouter } from './routers/runner';
import { storageRouter } from './routers/storage';
import { trainingRouter } from './routers/training';
import { settingsRouter } from './routers/settings';
import { simulatorRouter } from './routers/simulator';
import { userRouter } from './routers/user';
import { webhooksRouter } from './routers/webhooks';
import { workersRouter } from './routers/workers';
import { createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  auth: authRouter,
  user: userRouter,
  project: projectRouter,
  pipeline: pipelineRouter,
  run: runRouter,
  runner: runnerRouter,
  artifact: artifactRouter,
  dataset: datasetRouter,
  apiKey: apiKeyRouter,
  registry: registryRouter,
  deployments: deploymentsRouter,
  monitoring: monitoringRouter,
  simulator: simulatorRouter,
  dashboard: dashboardRouter,
  alerts: alertsRouter,
  notifications: notificationsRouter,
  training: trainingRouter,
  monitorPage: monitorPageRouter,
  webhooks: webhooksRouter,
  audit: auditRouter,
  storage: storageRouter,
  settings: settingsRouter,
  workers: workersRouter,
});

export type AppRouter = typeof appRouter;
