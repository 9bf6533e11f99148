import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomBytes } from 'node:crypto';
import { AppConfig } from '../config/env.validation';

/** One random key per process, shared by every JwtSecret instance. */
const PROCESS_KEY = randomBytes(48).toString('base64url');
let warned = false;

/**
 * The signing key. Production requires JWT_SECRET (checked at start-up); without it a random key
 * is made per process, which is fine for one instance and the demo.
 */
@Injectable()
export class JwtSecret {
  readonly value: string;

  constructor(config: ConfigService<AppConfig, true>) {
    const configured = config.get('JWT_SECRET', { infer: true });
    if (!configured && !warned && config.get('NODE_ENV', { infer: true }) !== 'test') {
      warned = true;
      new Logger(JwtSecret.name).warn('JWT_SECRET is not set: using a random key; sessions end on restart');
    }
    this.value = configured ?? PROCESS_KEY;
  }
}
