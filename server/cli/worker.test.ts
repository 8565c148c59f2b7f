import { describe, expect, it } from 'vitest';
import { CliError } from './cli-error';
import { cmdWorker } from './worker';

const base = ['--server', 'http://127.0.0.1:9', '--token', 'pw_wk_x'];

async function refusal(args: string[]): Promise<CliError> {
  const error = await cmdWorker([...base, ...args]).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CliError);
  return error as CliError;
}

describe('pipeworks worker --browser', () => {
  it('refuses a browser that is not there, naming the path, before reaching the server', async () => {
    const e = await refusal(['--browser', '/nowhere/chromium']);
    expect(e.message).toBe('worker: --browser is the path of a Chromium executable, e.g. /usr/bin/chromium; "/nowhere/chromium" does not exist');
    expect(e.exitCode).toBe(2);
  });

  it('refuses browser flags without a browser, and a flag that is not one', async () => {
    expect((await refusal(['--browser-arg=--enable-features=Vulkan'])).message).toMatch(/^worker: --browser-arg is a flag for the browser that --browser starts, and no --browser is given\n/);
    expect((await refusal(['--browser', process.execPath, '--browser-arg', 'Vulkan'])).message).toBe(
      'worker: --browser-arg takes one Chromium flag starting with --, e.g. --browser-arg=--enable-features=Vulkan (got "Vulkan")',
    );
  });
});
