import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '../config/env.validation';
import { UsersService } from '../users/users.service';

/** Start-up data: the first admin (and, later, demo data when SEED_DEMO is on). */
@Injectable()
export class BootstrapService implements OnApplicationBootstrap {
  constructor(
    private readonly users: UsersService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.users.ensureAdmin(this.config.get('ADMIN_EMAIL', { infer: true }), this.config.get('ADMIN_PASSWORD', { infer: true }));
  }
}
