import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AnyRole, Public } from '../common/decorators/roles.decorator';
import { ErrorBody } from '../common/openapi/error-body';
import { Actor, CurrentUser } from '../common/decorators/current-user.decorator';
import { LoginThrottled } from './login-throttle';
import {
  ChangePasswordDto,
  PasswordResetDto,
  PasswordResetRequestDto,
  PasswordResetRequestedView,
} from './passwords.dto';
import { PasswordsService } from './passwords.service';

const REQUESTED: PasswordResetRequestedView = {
  message: 'If the address has an account, a link to choose a new password is on its way.',
};

/** A forgotten password (a mailed link; no sign-in) and a signed-in user's change of password. */
@ApiTags('auth')
@Controller('auth')
export class PasswordsController {
  constructor(private readonly passwords: PasswordsService) {}

  @Post('password-reset')
  @Public()
  @LoginThrottled()
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: PasswordResetRequestedView,
    description: 'The same answer for an unknown address; a known one gets a mail with a single-use link',
  })
  @ApiTooManyRequestsResponse({ description: 'Throttled like sign-in' })
  async requestReset(@Body() body: PasswordResetRequestDto): Promise<PasswordResetRequestedView> {
    await this.passwords.requestReset(body.email);
    return REQUESTED;
  }

  @Post('password-reset/:token')
  @Public()
  @LoginThrottled()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The password is set and every session of the user has ended; sign in' })
  @ApiGoneResponse({ type: ErrorBody, description: 'LINK_EXPIRED: an unknown, used or expired link' })
  @ApiUnprocessableEntityResponse({ description: 'WEAK_PASSWORD naming `password`' })
  reset(@Param('token') token: string, @Body() body: PasswordResetDto): Promise<void> {
    return this.passwords.reset(token, body.password);
  }

  @Post('password')
  @AnyRole()
  @LoginThrottled()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse({
    description:
      "Changed; the user's other sessions have ended. The caller's access token is replaced: refresh (this session goes on)",
  })
  @ApiUnprocessableEntityResponse({
    description: 'WRONG_PASSWORD naming `currentPassword`, WEAK_PASSWORD naming `newPassword`',
  })
  change(@CurrentUser() actor: Actor, @Body() body: ChangePasswordDto): Promise<void> {
    return this.passwords.change(actor, body.currentPassword, body.newPassword);
  }
}
