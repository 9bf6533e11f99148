import { Module } from '@nestjs/common';
import { FeesModule } from '../fees/fees.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

@Module({ imports: [FeesModule], controllers: [ExportsController], providers: [ExportsService] })
export class ExportsModule {}
