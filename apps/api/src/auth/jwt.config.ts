export const JWT_ISSUER = 'kumamoto-dispatch';
export const JWT_AUDIENCE = 'kumamoto-dispatch-api';
export const JWT_ALGORITHM = 'HS256';

/** What an access token carries: who, which role, and the session generation. */
export interface AccessTokenClaims {
  sub: string;
  role: string;
  ver: number;
}
