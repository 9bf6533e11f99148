import { Module } from '@nestjs/common';
import { FeesModule } from '../fees/fees.module';
import { StatsModule } from '../stats/stats.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

@Module({ imports: [FeesModule, StatsModule], controllers: [ExportsController], providers: [ExportsService] })
export class ExportsModule {}
