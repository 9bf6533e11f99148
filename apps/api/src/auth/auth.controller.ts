import { Body, Controller, Get, HttpCode, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AnyRole, Public } from '../common/decorators/roles.decorator';
import { Actor, CurrentUser } from '../common/decorators/current-user.decorator';
import { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import { LocalAuthGuard } from './local-auth.guard';
import { LoginThrottled } from './login-throttle';
import { LoginDto, RefreshDto, TokenPairView, UpdateMeDto, UserView } from './dto/auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @Public()
  @LoginThrottled()
  @UseGuards(LocalAuthGuard)
  @HttpCode(200)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: TokenPairView })
  login(@CurrentUser() actor: Actor): Promise<TokenPairView> {
    return this.auth.login(actor);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairView })
  refresh(@Body() body: RefreshDto): Promise<TokenPairView> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  logout(@Body() body: RefreshDto): Promise<void> {
    return this.auth.logout(body.refreshToken);
  }

  @Get('me')
  @AnyRole()
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserView })
  me(@CurrentUser() actor: Actor): Promise<UserView> {
    return this.users.getView(actor.id);
  }

  @Patch('me')
  @AnyRole()
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserView })
  updateMe(@CurrentUser() actor: Actor, @Body() body: UpdateMeDto): Promise<UserView> {
    return this.users.updateSelf(actor.id, body);
  }
}
