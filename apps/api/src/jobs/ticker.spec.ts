import { Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Ticker } from './ticker';

describe(Ticker.name, () => {
  const logger = { error: jest.fn() } as unknown as Logger;

  it('never runs two ticks at once', async () => {
    let release!: () => void;
    const work = jest.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const ticker = new Ticker('test', work, logger);
    const first = ticker.tick();
    void ticker.tick();
    expect(work).toHaveBeenCalledTimes(1);
    release();
    await first;
    void ticker.tick();
    expect(work).toHaveBeenCalledTimes(2);
    release();
  });

  it('stops ticking and waits for the running tick on stop()', async () => {
    const registry = new SchedulerRegistry();
    let finished = false;
    let release!: () => void;
    const work = jest.fn(
      () =>
        new Promise<void>((resolve) => {
          release = () => {
            finished = true;
            resolve();
          };
        }),
    );
    const ticker = new Ticker('test-stop', work, logger);
    ticker.start(registry, 60_000);
    void ticker.tick();
    const stopped = ticker.stop(registry).then(() => finished);
    setTimeout(() => release(), 20);
    expect(await stopped).toBe(true);
    expect(registry.doesExist('interval', 'test-stop')).toBe(false);
    await ticker.tick();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('logs a failing tick and keeps going', async () => {
    const ticker = new Ticker('test-fail', () => Promise.reject(new Error('boom')), logger);
    await ticker.tick();
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('boom'));
  });
});
