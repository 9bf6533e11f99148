import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/env.validation';
import { PasswordHasher } from '../users/password-hasher';
import { UsersService } from '../users/users.service';
import { DEMO_PASSWORD, seedDemoData } from './demo-seed';
import { demoRequests } from './demo-requests';
import { RequestsService } from '../requests/requests.service';
import { runWithRequestContext } from '../audit/request-context';
import { Hospital, User } from '@app/domain';

/** Start-up data: the first admin, and demo data when SEED_DEMO is on and the database has none. */
@Injectable()
export class BootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapService.name);

  constructor(
    private readonly users: UsersService,
    private readonly config: ConfigService<AppConfig, true>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly requests: RequestsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.users.ensureAdmin(
      this.config.get('ADMIN_EMAIL', { infer: true }),
      this.config.get('ADMIN_PASSWORD', { infer: true }),
    );
    if (this.config.get('SEED_DEMO', { infer: true })) await this.seedDemo();
  }

  async seedDemo(): Promise<boolean> {
    const result = await seedDemoData(this.dataSource, () => this.hasher.hash(DEMO_PASSWORD), this.clock.now());
    if (result.seeded) {
      await this.fileDemoRequests();
      this.logger.log(
        `Loaded demo data. Demo sign-ins (password ${DEMO_PASSWORD}): ${[...result.staff, ...result.coordinators, ...result.volunteerAccounts].join(', ')}`,
      );
    }
    return result.seeded;
  }

  /** Files the demo requests as their hospitals' coordinators would, so offers and mail follow. */
  private async fileDemoRequests(): Promise<void> {
    for (const { hospital: name, input } of demoRequests(this.clock.now())) {
      const hospital = await this.dataSource.manager.findOneByOrFail(Hospital, { name });
      const coordinator = await this.dataSource.manager.findOneByOrFail(User, {
        hospitalId: hospital.id,
        role: 'coordinator',
      });
      // As if the coordinator had filed it: the audit trail names their role, not a bare "user".
      const actor = {
        id: coordinator.id,
        email: coordinator.email,
        role: 'coordinator' as const,
        hospitalId: hospital.id,
        volunteerId: null,
      };
      await runWithRequestContext({ requestId: null, ip: null, actorRole: actor.role }, () =>
        this.requests.create(actor, input),
      );
    }
  }
}
