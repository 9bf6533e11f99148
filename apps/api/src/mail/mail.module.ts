import { Global, Module } from '@nestjs/common';
import { JwtSecret } from '../auth/jwt-secret';
import { MailController } from './mail.controller';
import { MailLinks } from './mail-links';
import { MailSender } from './mail-sender';
import { MailService } from './mail.service';
import { MailTicker } from './mail.ticker';
import { MailTransport } from './mail-transport';

/** The e-mail outbox; global so every feature can enqueue mail in its own transaction. */
@Global()
@Module({
  controllers: [MailController],
  providers: [MailService, MailSender, MailTransport, MailTicker, MailLinks, JwtSecret],
  exports: [MailService, MailSender, MailTransport, MailLinks],
})
export class MailModule {}
