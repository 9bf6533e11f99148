import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';

/**
 * `SELECT 1` within a time limit. Terminus's TypeOrmHealthIndicator does the same but checks its
 * packages with require() and looks the data source up again on every call; the liveness route
 * is polled often enough for that to matter.
 */
@Injectable()
export class DatabaseIndicator {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async ping(key: string, timeoutMs: number) {
    const check = this.indicator.check(key);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
      const outcome = await Promise.race([this.dataSource.query<unknown>('SELECT 1'), timeout]);
      return outcome === 'timeout' ? check.down(`timeout of ${timeoutMs}ms exceeded`) : check.up();
    } catch {
      return check.down();
    } finally {
      clearTimeout(timer);
    }
  }
}
