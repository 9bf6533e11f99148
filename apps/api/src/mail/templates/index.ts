import { Locale } from '@app/domain';
import { dispatchCancelled, DispatchCancelledParams } from './dispatch-cancelled.template';
import { dispatchConfirmed, DispatchConfirmedParams } from './dispatch-confirmed.template';
import { interpreterCancelled, InterpreterCancelledParams } from './interpreter-cancelled.template';
import { invitation, InvitationParams } from './invitation.template';
import { MailTemplate, renderContent, RenderedMail } from './layout';
import { offerChanged, OfferChangedParams } from './offer-changed.template';
import { offerWithdrawn, OfferWithdrawnParams } from './offer-withdrawn.template';
import { offer, OfferParams } from './offer.template';
import { passwordReset, PasswordResetParams } from './password-reset.template';
import { reconfirm, ReconfirmParams } from './reconfirm.template';
import { reminder, ReminderParams } from './reminder.template';
import { reportReminder, ReportReminderParams } from './report-reminder.template';
import { requestCancelled, RequestCancelledParams } from './request-cancelled.template';
import { requestConfirmed, RequestConfirmedParams } from './request-confirmed.template';
import { requestEscalated, RequestEscalatedParams } from './request-escalated.template';
import { visitMoved, VisitMovedParams } from './visit-moved.template';
import { shadowPartner, ShadowPartnerParams } from './shadow-partner.template';
import { MAIL_TEMPLATE_NAMES, type MailTemplateName } from '@app/domain/model';

/**
 * Every mail the system sends and its parameters. Dates are ISO strings, shown in Asia/Tokyo.
 * No template takes patient details, and none may.
 */
export interface TemplateParams {
  invitation: InvitationParams;
  password_reset: PasswordResetParams;
  offer: OfferParams;
  offer_withdrawn: OfferWithdrawnParams;
  offer_changed: OfferChangedParams;
  dispatch_confirmed: DispatchConfirmedParams;
  dispatch_cancelled: DispatchCancelledParams;
  interpreter_cancelled: InterpreterCancelledParams;
  request_confirmed: RequestConfirmedParams;
  request_escalated: RequestEscalatedParams;
  request_cancelled: RequestCancelledParams;
  reminder: ReminderParams;
  reconfirm: ReconfirmParams;
  report_reminder: ReportReminderParams;
  visit_moved: VisitMovedParams;
  shadow_partner: ShadowPartnerParams;
}

/** The model's names (shared with the panel); every one has its parameters above and its template below. */
export type TemplateName = MailTemplateName;

const TEMPLATES: { [N in TemplateName]: MailTemplate<TemplateParams[N]> } = {
  invitation,
  password_reset: passwordReset,
  offer,
  offer_withdrawn: offerWithdrawn,
  offer_changed: offerChanged,
  dispatch_confirmed: dispatchConfirmed,
  dispatch_cancelled: dispatchCancelled,
  interpreter_cancelled: interpreterCancelled,
  request_confirmed: requestConfirmed,
  request_escalated: requestEscalated,
  request_cancelled: requestCancelled,
  reminder,
  reconfirm,
  report_reminder: reportReminder,
  visit_moved: visitMoved,
  shadow_partner: shadowPartner,
};

export const TEMPLATE_NAMES = MAIL_TEMPLATE_NAMES satisfies readonly (keyof TemplateParams)[];

/** Subject, plain text and HTML of a mail in the recipient's language. */
export function renderMail<N extends TemplateName>(
  template: N,
  locale: Locale,
  params: TemplateParams[N],
): RenderedMail {
  const definition = TEMPLATES[template] as MailTemplate<TemplateParams[N]> | undefined;
  if (!definition) throw new Error(`Unknown mail template: ${String(template)}`);
  return renderContent(definition[locale](params), locale);
}

export type { RenderedMail } from './layout';
export * from './dispatch-cancelled.template';
export * from './dispatch-confirmed.template';
export * from './interpreter-cancelled.template';
export * from './invitation.template';
export * from './visit-details';
export * from './offer-changed.template';
export * from './offer-withdrawn.template';
export * from './offer.template';
export * from './password-reset.template';
export * from './reconfirm.template';
export * from './reminder.template';
export * from './report-reminder.template';
export * from './request-cancelled.template';
export * from './request-confirmed.template';
export * from './request-escalated.template';
export * from './visit-moved.template';
export * from './shadow-partner.template';
