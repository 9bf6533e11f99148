import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../common/decorators/roles.decorator';
import { AcceptInvitationDto, InvitationView } from './invitations.dto';
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
