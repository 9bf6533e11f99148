import { Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { describeError } from './retry';

/**
 * Runs `work` every `intervalMs` through @nestjs/schedule, never two at once. `stop()` stops the
 * ticking and waits for a running tick to finish (graceful shutdown).
 */
export class Ticker {
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly work: () => Promise<unknown>,
    private readonly logger: Logger,
  ) {}

  start(registry: SchedulerRegistry, intervalMs: number): void {
    const handle = setInterval(() => void this.tick(), intervalMs);
    handle.unref?.();
    registry.addInterval(this.name, handle);
  }

  async stop(registry: SchedulerRegistry): Promise<void> {
    this.stopped = true;
    if (registry.doesExist('interval', this.name)) registry.deleteInterval(this.name);
    await this.running;
  }

  /** One tick, skipped while the previous one still runs or after stop(). */
  tick(): Promise<void> {
    if (this.stopped || this.running) return this.running ?? Promise.resolve();
    this.running = this.work()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error(`${this.name} tick failed: ${describeError(error)}`))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}
