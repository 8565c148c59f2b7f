// Next calls register() once per server start, before requests are served.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // First, before any request: the sign-in limit per address reads the stamped peer address.
  const { stampPeerAddresses } = await import('./server/http/peer-address');
  stampPeerAddresses();
  // A studio that cannot keep all its data where PIPEWORKS_DATABASE_URL says must not start at all.
  // On Postgres this also connects and migrates, before boot() reads anything.
  const { prepareDb } = await import('./server/db/client');
  try {
    await prepareDb();
  } catch (error) {
    console.error(`[pipeworks] ${(error as Error).message}`);
    process.exit(1);
  }
  const { boot } = await import('./server/boot');
  await boot({ resume: true, scheduler: true });
  // Scheduled monitoring checks and webhook retries run in the studio process only (not in CLI commands that boot).
  const [{ startCheckScheduler }, { startWebhookRetries }, { getDb }, { getEnv }] = await Promise.all([
    import('./server/monitoring/check-scheduler'),
    import('./server/webhooks/retry-loop'),
    import('./server/db/client'),
    import('./server/env'),
  ]);
  const opened = getDb();
  startCheckScheduler(opened.anyDb, { dataDir: getEnv().PIPEWORKS_DATA_DIR });
  startWebhookRetries(opened.anyDb);
}
