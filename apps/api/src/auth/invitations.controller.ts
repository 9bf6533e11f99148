import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Public, Roles } from '../common/decorators/roles.decorator';
import { AcceptInvitationDto, InvitationSentView, InvitationView } from './invitations.dto';
import { InvitationsService } from './invitations.service';

/** The set-password link of an invitation mail (no sign-in: the token is the credential). */
@ApiTags('auth')
@Controller('auth/invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get(':token')
  @Public()
  @ApiOkResponse({ type: InvitationView })
  @ApiNotFoundResponse({ description: 'INVITATION_NOT_FOUND' })
  check(@Param('token') token: string): Promise<InvitationView> {
    return this.invitations.check(token);
  }

  @Post(':token')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The password is set; sign in with it' })
  @ApiConflictResponse({ description: 'INVITATION_USED or INVITATION_EXPIRED' })
  @ApiNotFoundResponse({ description: 'INVITATION_NOT_FOUND' })
  accept(@Param('token') token: string, @Body() body: AcceptInvitationDto): Promise<void> {
    return this.invitations.accept(token, body.password);
  }
}

/** Staff re-send an invitation that lapsed or got lost. */
@ApiTags('users')
@ApiBearerAuth()
@Roles('staff')
@Controller('users')
export class UserInvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post(':id/invitation')
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: InvitationSentView,
    description: 'A new invitation mail is on its way; earlier links no longer work',
  })
  @ApiConflictResponse({ description: 'PASSWORD_ALREADY_SET (the user can reset it) or USER_INACTIVE' })
  @ApiNotFoundResponse({ description: 'No such user' })
  resend(@Param('id', ParseUUIDPipe) id: string): Promise<InvitationSentView> {
    return this.invitations.resend(id);
  }
}
