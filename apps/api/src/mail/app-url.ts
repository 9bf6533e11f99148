import { ConfigService } from '@nestjs/config';
import { AppConfig } from '../config/env.validation';

/** The public base URL for links in e-mail: APP_URL, or `http://localhost:$PORT`; no trailing slash. */
export function appBaseUrl(config: ConfigService<AppConfig, true>): string {
  const url = config.get('APP_URL', { infer: true }) ?? `http://localhost:${config.get('PORT', { infer: true })}`;
  return url.replace(/\/+$/, '');
}
