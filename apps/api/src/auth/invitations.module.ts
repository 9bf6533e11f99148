import { Module } from '@nestjs/common';
import { PasswordHasher } from '../users/password-hasher';
import { PasswordPolicy } from '../users/password-policy';
import { InvitationsController, UserInvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';

/**
 * Invitations to set a password. Kept out of UsersModule/AuthModule so UsersModule can import
 * it without a cycle (it brings its own stateless PasswordHasher).
 */
@Module({
  controllers: [InvitationsController, UserInvitationsController],
  providers: [InvitationsService, PasswordHasher, PasswordPolicy],
  exports: [InvitationsService],
})
export class InvitationsModule {}
