import { isFilled } from '@app/domain/model';
import { Alert, Box, Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  ListButton,
  ReferenceField,
  ShowBase,
  TextField,
  Title,
  TopToolbar,
  useCanAccess,
  usePermissions,
  useShowContext,
  useTranslate,
} from 'react-admin';
import { isStaff, type Role } from '../../access';
import { formatDateTime } from '../../lib/dates';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { enumKey } from '../../lib/workflow-choices';
import { ReconfirmedChip } from '../dispatches/ReconfirmedChip';
import { CancelDispatchButton } from './CancelDispatchButton';
import { CancelRequestButton } from './CancelRequestButton';
import { CandidatesPanel } from './CandidatesPanel';
import { SwapsPanel } from './SwapsPanel';
import { RequestChips, VisitTime, type RequestRecord } from './fields';
import { liveQuery } from '../../lib/live';
import { useRequestDispatch, VisitConfirmationPanel } from './VisitConfirmationPanel';

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

const RequestDetails = () => {
  const { record, isPending } = useShowContext<RequestRecord>();
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const { permissions } = usePermissions<Role>();
  const { canAccess: seesCandidates } = useCanAccess({ resource: 'requests', action: 'candidates' });
  const filled = !!record && isFilled(record.status);
  const dispatch = useRequestDispatch(record ?? { id: '', status: '' }, filled);
  if (isPending || !record) return null;
  const t = (group: string, value: string) => translate(enumKey(group, value));
  return (
    <Box sx={{ display: 'grid', gap: 2, mt: 1 }}>
      <Title
        title={`${record.reference} · ${t('language', record.language)} · ${formatDateTime(record.startsAt, locale)}`}
      />
      <TopToolbar sx={{ justifyContent: 'space-between', minHeight: 'auto' }}>
        <ListButton />
        <Box sx={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'flex-end', gap: 1 }}>
          <CancelDispatchButton />
          <CancelRequestButton />
        </Box>
      </TopToolbar>
      {record.urgent && record.status !== 'cancelled' && (
        <Alert severity="warning">{translate('app.requests.filed_urgent')}</Alert>
      )}
      {record.escalationReason && (
        <Alert severity="error">
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
            <RequestChips record={record} />
          </Row>
          <Row label="app.requests.visit">
            <VisitTime record={record} />
          </Row>
          <Row label="resources.requests.fields.language">{t('language', record.language)}</Row>
          {filled && dispatch.data && (
            <Row label="app.requests.interpreter">
              <Box component="span" sx={{ display: 'inline-flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                {dispatch.data.interpreterName}
                <ReconfirmedChip dispatch={dispatch.data} />
              </Box>
            </Row>
          )}
          {isStaff(permissions) && (
            <Row label="resources.requests.fields.hospitalId">
              <ReferenceField source="hospitalId" reference="hospitals" link={false}>
                <TextField source="name" />
              </ReferenceField>
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
                <Row label="resources.requests.fields.patient.nationality">{record.patient.nationality}</Row>
              )}
            </>
          ) : (
            <Typography color="text.secondary">{translate('app.requests.no_patient')}</Typography>
          )}
        </CardContent>
      </Card>
      <VisitConfirmationPanel request={record} />
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
