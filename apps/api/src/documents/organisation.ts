import { ConfigService } from '@nestjs/config';
import { AppConfig } from '../config/env.validation';

/** The programme office as its documents print it (settings `ORG_*`, `INVOICE_PAYMENT_NOTE`). */
export interface Organisation {
  name: string;
  /** The programme's own name under the organisation's (メディカルサポート熊本). */
  programme: string;
  address: string;
  phone: string | null;
  /** 適格請求書発行事業者登録番号 (T + 13 digits), when the office has one. */
  invoiceNumber: string | null;
  /** How to pay, under the invoice's total. */
  paymentNote: string;
}

export const ORGANISATION = Symbol('ORGANISATION');

/** The organisation from the validated settings (defaults in env.validation.ts). */
export function organisationFrom(config: ConfigService<AppConfig, true>): Organisation {
  return {
    name: config.get('ORG_NAME', { infer: true }),
    programme: config.get('ORG_PROGRAMME', { infer: true }),
    address: config.get('ORG_ADDRESS', { infer: true }),
    phone: config.get('ORG_PHONE', { infer: true }) || null,
    invoiceNumber: config.get('ORG_INVOICE_NUMBER', { infer: true }) || null,
    paymentNote: config.get('INVOICE_PAYMENT_NOTE', { infer: true }),
  };
}
