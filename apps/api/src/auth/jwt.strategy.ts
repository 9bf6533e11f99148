import { Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
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
    const key = createSecretKey(Buffer.from(secret.value, 'utf8'));
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A prepared key: given a string, jsonwebtoken tries it as a PEM public key on every verify
      // (~0.5 ms a request). It takes a KeyObject as is; passport-jwt's types predate KeyObject.
      secretOrKeyProvider: (_request: unknown, _token: unknown, done: (error: null, key: Buffer) => void) =>
        done(null, key as unknown as Buffer),
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<Actor | false> {
    const user = await this.users.findActor(claims.sub);
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
