import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { FeesModule } from '../fees/fees.module';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { ORGANISATION, organisationFrom } from './organisation';

/** Printable documents (PDF): invoices, volunteer statements, activity reports. */
@Module({
  imports: [FeesModule],
  controllers: [DocumentsController],
  providers: [DocumentsService, { provide: ORGANISATION, inject: [ConfigService], useFactory: organisationFrom }],
})
export class DocumentsModule {}
