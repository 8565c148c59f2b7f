// Next calls register() once per server start, before requests are served.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { boot } = await import('./server/boot');
  boot({ resume: true });
}
