import { Module } from '@nestjs/common';
import { InvitationsModule } from '../auth/invitations.module';
import { ActorCache } from './actor-cache';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [InvitationsModule],
  controllers: [UsersController],
  providers: [UsersService, ActorCache, PasswordHasher, PasswordPolicy],
  exports: [UsersService, ActorCache, PasswordHasher, PasswordPolicy],
})
export class UsersModule {}
