import { Alert, Box, Card, CardContent, Link, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  ListButton,
  ShowBase,
  Title,
  TopToolbar,
  useCanAccess,
  useGetOne,
  usePermissions,
  useShowContext,
  useTranslate,
} from 'react-admin';
import { isStaff, type Role } from '../../access';
import { formatDateTime } from '@app/domain/model';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { enumKey } from '../../lib/workflow-choices';
import { ReconfirmedChip } from '../dispatches/ReconfirmedChip';
import { CancelDispatchButton } from './CancelDispatchButton';
import { CancelRequestButton } from './CancelRequestButton';
import { CandidatesPanel } from './CandidatesPanel';
import { EditRequestButton } from './EditRequestButton';
import { HoldButtons } from './HoldButtons';
import { RescheduleButton } from './RescheduleButton';
import { OfferHistoryPanel, PhoneLink } from './OfferHistoryPanel';
import { ShadowSeatPanel, TraineeWelcomeRow } from './ShadowSeatPanel';
import { SwapsPanel } from './SwapsPanel';
import { RequestChips, VisitTime, type RequestRecord } from './fields';
import { liveQuery } from '../../lib/live';
import { useInterpreterDispatch } from './request-dispatch';
import { deskStatus, nationalityLabel, showsEscalation, showsUrgent } from './request-state';
import { VisitConfirmationPanel } from './VisitConfirmationPanel';
import { VisitOutcomeButtons } from './VisitOutcomeButtons';

const Row = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', sm: '12rem 1fr' },
        gap: { xs: 0, sm: 2 },
        py: 0.75,
        borderBottom: 1,
        borderColor: 'divider',
      }}
    >
      <Typography variant="body2" color="text.secondary">
        {translate(label)}
      </Typography>
      <Typography component="div">{children}</Typography>
    </Box>
  );
};

/** The hospital's name and the number staff call about the request. */
const HospitalContact = ({ hospitalId }: { hospitalId: string }) => {
  const { data } = useGetOne<{ id: string; name: string; phone: string | null }>('hospitals', { id: hospitalId });
  if (!data) return null;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
      <span>{data.name}</span>
      <PhoneLink phone={data.phone} />
    </Box>
  );
};

const RequestDetails = () => {
  const { record, isPending } = useShowContext<RequestRecord>();
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const { permissions } = usePermissions<Role>();
  const { canAccess: seesCandidates } = useCanAccess({ resource: 'requests', action: 'candidates' });
  const { canAccess: seesHistory } = useCanAccess({ resource: 'requests', action: 'offer_history' });
  const dispatch = useInterpreterDispatch(record, !!record && ['confirmed', 'completed'].includes(record.status));
  if (isPending || !record) return null;
  const t = (group: string, value: string) => translate(enumKey(group, value));
  const now = new Date();
  const status = deskStatus(record, dispatch.data, now);
  const staff = isStaff(permissions);
  return (
    <Box sx={{ display: 'grid', gap: 2, mt: 1 }}>
      <Title
        title={`${record.reference} · ${t('language', record.language)} · ${formatDateTime(record.startsAt, locale)}`}
      />
      <TopToolbar sx={{ justifyContent: 'space-between', minHeight: 'auto' }}>
        <ListButton />
        <Box sx={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'flex-end', gap: 1 }}>
          <HoldButtons />
          <EditRequestButton />
          <RescheduleButton />
          <VisitOutcomeButtons />
          <CancelDispatchButton />
          <CancelRequestButton />
        </Box>
      </TopToolbar>
      {record.onHold && record.status !== 'cancelled' && (
        <Alert severity="info" data-testid="on-hold">
          {translate(staff ? 'app.desk.hold.banner_staff' : 'app.desk.hold.banner')}
        </Alert>
      )}
      {showsUrgent(record, now) && <Alert severity="warning">{translate('app.requests.filed_urgent')}</Alert>}
      {(status === 'no_show_patient' || status === 'no_show_interpreter') && (
        <Alert severity="warning" data-testid="no-show-recorded">
          {translate(`app.desk.outcome.${status}_recorded`)}
        </Alert>
      )}
      {record.escalationReason && showsEscalation(record, now) && (
        <Alert severity="error" data-testid="escalation-banner">
          {translate('app.requests.escalation')}:{' '}
          {translate(enumKey('escalation_reason', record.escalationReason), { _: record.escalationReason })}
        </Alert>
      )}
      <Card component="section" aria-label={translate('app.requests.section_visit')}>
        <CardContent>
          <Typography variant="h6" component="h2">
            {translate('app.requests.section_visit')}
          </Typography>
          <Row label="resources.requests.fields.status">
            <RequestChips record={record} dispatch={dispatch.data} />
          </Row>
          <Row label="app.requests.reference">
            <Box component="span" sx={{ fontFamily: 'monospace', fontSize: '1.05em' }} data-testid="reference">
              {record.reference}
            </Box>
          </Row>
          <Row label="app.requests.visit">
            <VisitTime record={record} />
          </Row>
          <Row label="resources.requests.fields.language">{t('language', record.language)}</Row>
          {dispatch.data && (
            <Row label="app.requests.interpreter">
              <Box component="span" sx={{ display: 'inline-flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                {dispatch.data.interpreterName}
                <ReconfirmedChip dispatch={dispatch.data} />
                {dispatch.data.status === 'confirmed' &&
                  dispatch.data.rescheduledFrom &&
                  !dispatch.data.reconfirmedAt && (
                    <Typography component="span" variant="body2" color="text.secondary" data-testid="moved-from">
                      {translate('app.reconfirm.moved_from', {
                        from: formatDateTime(dispatch.data.rescheduledFrom, locale),
                      })}
                    </Typography>
                  )}
              </Box>
            </Row>
          )}
          {staff && dispatch.data?.overrideReason && (
            <Row label="app.desk.override_reason">
              <span data-testid="override-reason">{dispatch.data.overrideReason}</span>
            </Row>
          )}
          {staff && (
            <Row label="resources.requests.fields.hospitalId">
              <HospitalContact hospitalId={record.hospitalId} />
            </Row>
          )}
          {staff && record.filedBy && (
            <Row label="app.desk.filed_by">
              <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }} data-testid="filed-by">
                <span>{record.filedBy.displayName}</span>
                {record.filedBy.phone && (
                  <Link href={`tel:${record.filedBy.phone.replace(/[^\d+]/g, '')}`}>{record.filedBy.phone}</Link>
                )}
                <Link href={`mailto:${record.filedBy.email}`}>{record.filedBy.email}</Link>
              </Box>
            </Row>
          )}
          <Row label="resources.requests.fields.department">{t('department', record.department)}</Row>
          <Row label="resources.requests.fields.visitType">{t('visit_type', record.visitType)}</Row>
          <Row label="resources.requests.fields.mode">{t('mode', record.mode)}</Row>
          <Row label="resources.requests.fields.interpreterGender">
            {t('interpreter_gender', record.interpreterGender)}
          </Row>
          {record.notes && <Row label="resources.requests.fields.notes">{record.notes}</Row>}
          {record.remoteDetails && <Row label="resources.requests.fields.remoteDetails">{record.remoteDetails}</Row>}
          {record.notesForInterpreter && (
            <Row label="resources.requests.fields.notesForInterpreter">{record.notesForInterpreter}</Row>
          )}
          <Row label="app.shadowing.trainee_welcome">
            <TraineeWelcomeRow request={record} canChange={staff || permissions === 'coordinator'} />
          </Row>
          <Row label="resources.requests.fields.createdAt">{formatDateTime(record.createdAt, locale)}</Row>
        </CardContent>
      </Card>
      <Card component="section" aria-label={translate('app.requests.section_patient')}>
        <CardContent>
          <Typography variant="h6" component="h2">
            {translate('app.requests.section_patient')}
          </Typography>
          {record.patient ? (
            <>
              <Row label="resources.requests.fields.patient.displayName">{record.patient.displayName}</Row>
              <Row label="resources.requests.fields.patient.gender">{t('patient_gender', record.patient.gender)}</Row>
              <Row label="resources.requests.fields.patient.ageBand">{t('age_band', record.patient.ageBand)}</Row>
              {record.patient.nationality && (
                <Row label="resources.requests.fields.patient.nationality">
                  {nationalityLabel(record.patient.nationality, locale)}
                </Row>
              )}
            </>
          ) : (
            <Typography color="text.secondary">{translate('app.requests.no_patient')}</Typography>
          )}
        </CardContent>
      </Card>
      <VisitConfirmationPanel request={record} />
      {seesCandidates && <ShadowSeatPanel request={record} />}
      {seesHistory && <OfferHistoryPanel request={record} />}
      {seesCandidates && <CandidatesPanel request={record} />}
      {seesCandidates && <SwapsPanel request={record} />}
    </Box>
  );
};

/** One request: the visit, its patient, cancel it or its interpreter's dispatch; for staff the candidates, offers and assignment. */
export const RequestShow = () => (
  <ShowBase queryOptions={liveQuery}>
    <RequestDetails />
  </ShowBase>
);
