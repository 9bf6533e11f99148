import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AdminUiModule } from './admin-ui/admin-ui.module';
import { AuthModule } from './auth/auth.module';
import { throttlers } from './auth/login-throttle';
import { BootstrapService } from './bootstrap/bootstrap.service';
import { CommonModule } from './common/common.module';
import { DispatchesModule } from './dispatches/dispatches.module';
import { OffersModule } from './offers/offers.module';
import { RequestsModule } from './requests/requests.module';
import { WorkflowTimersModule } from './workflow-timers/workflow-timers.module';
import { ErrorFilter } from './common/filters/error.filter';
import { JwtAuthGuard } from './common/guards/jwt-auth.guard';
import { RolesGuard } from './common/guards/roles.guard';
import { loggerParams } from './common/logger';
import { AppConfig, envSchema } from './config/env.validation';
import { typeOrmOptions } from './database/typeorm-options';
import { HealthModule } from './health/health.module';
import { JobsModule } from './jobs/jobs.module';
import { DispatchPolicyModule } from './workflow/dispatch-policy';
import { MailModule } from './mail/mail.module';
import { CalendarModule } from './calendar/calendar.module';
import { HospitalsModule } from './hospitals/hospitals.module';
import { TrainingModule } from './training/training.module';
import { VolunteersModule } from './volunteers/volunteers.module';
import { UsersModule } from './users/users.module';
import { AuditModule } from './audit/audit.module';
import { ExportsModule } from './exports/exports.module';
import { DocumentsModule } from './documents/documents.module';
import { FeesModule } from './fees/fees.module';
import { ReportsModule } from './reports/reports.module';
import { ShadowingModule } from './shadowing/shadowing.module';
import { RetentionModule } from './retention/retention.module';
import { StatsModule } from './stats/stats.module';

type Config = ConfigService<AppConfig, true>;

/**
 * The application. A dynamic module so the environment is read when the app is created, not when
 * this file is imported (tests create several apps, each on its own database).
 */
@Module({})
export class AppModule {
  static forRoot(): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          validationSchema: envSchema,
          validationOptions: { abortEarly: false },
        }),
        LoggerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: Config) => loggerParams(config.get('LOG_LEVEL', { infer: true })),
        }),
        TypeOrmModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: Config) => ({
            ...typeOrmOptions(config.get('DATABASE_URL', { infer: true })),
            migrationsRun: true,
            retryAttempts: 1,
            retryDelay: 500,
          }),
        }),
        ThrottlerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: Config) => ({
            throttlers: throttlers({
              LOGIN_IP_LIMIT: config.get('LOGIN_IP_LIMIT', { infer: true }),
              LOGIN_PAIR_LIMIT: config.get('LOGIN_PAIR_LIMIT', { infer: true }),
              LOGIN_WINDOW_SECONDS: config.get('LOGIN_WINDOW_SECONDS', { infer: true }),
              LOGIN_BLOCK_SECONDS: config.get('LOGIN_BLOCK_SECONDS', { infer: true }),
              USER_RATE_LIMIT: config.get('USER_RATE_LIMIT', { infer: true }),
              ADDRESS_RATE_LIMIT: config.get('ADDRESS_RATE_LIMIT', { infer: true }),
            }),
          }),
        }),
        ScheduleModule.forRoot(),
        AdminUiModule,
        CommonModule,
        JobsModule,
        DispatchPolicyModule,
        MailModule,
        HealthModule,
        UsersModule,
        AuthModule,
        HospitalsModule,
        VolunteersModule,
        RequestsModule,
        OffersModule,
        DispatchesModule,
        CalendarModule,
        WorkflowTimersModule,
        TrainingModule,
        AuditModule,
        ReportsModule,
        ShadowingModule,
        FeesModule,
        StatsModule,
        ExportsModule,
        DocumentsModule,
        RetentionModule,
      ],
      providers: [
        BootstrapService,
        { provide: APP_FILTER, useClass: ErrorFilter },
        // Order matters: authenticate (so the throttle counts per user, by the verified token),
        // throttle, then authorise.
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
      ],
    };
  }
}
