import { Global, Module } from '@nestjs/common';
import { MailController } from './mail.controller';
import { MailSender } from './mail-sender';
import { MailService } from './mail.service';
import { MailTicker } from './mail.ticker';
import { MailTransport } from './mail-transport';

/** The e-mail outbox; global so every feature can enqueue mail in its own transaction. */
@Global()
@Module({
  controllers: [MailController],
  providers: [MailService, MailSender, MailTransport, MailTicker],
  exports: [MailService, MailSender, MailTransport],
})
export class MailModule {}
