import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { UsersService } from '../users/users.service';
import { Actor } from '../common/decorators/current-user.decorator';
import { AccessTokenClaims, JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from './jwt.config';
import { JwtSecret } from './jwt-secret';

/**
 * Checks signature (HS256 only), expiry, issuer and audience, then that the user is still
 * active and the token's session generation is current, so deactivation ends sessions at once.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    secret: JwtSecret,
    private readonly users: UsersService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: secret.value,
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<Actor | false> {
    const user = await this.users.findActive(claims.sub);
    if (!user || user.tokenVersion !== claims.ver) return false;
    return {
      id: user.id,
      email: user.email,
      role: user.role,
      hospitalId: user.hospitalId,
      volunteerId: user.volunteerId,
      ...(claims.sid ? { sessionId: claims.sid } : {}),
    };
  }
}
