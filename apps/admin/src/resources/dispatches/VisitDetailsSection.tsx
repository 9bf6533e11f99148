import type { Mode, VisitDetails } from '@app/domain/model';
import MapIcon from '@mui/icons-material/Map';
import PhoneIcon from '@mui/icons-material/Phone';
import PlaceIcon from '@mui/icons-material/Place';
import StickyNote2Icon from '@mui/icons-material/StickyNote2';
import SupportAgentIcon from '@mui/icons-material/SupportAgent';
import VideocamIcon from '@mui/icons-material/Videocam';
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { mapLink, remoteLink, telLink } from '../../my/owed';

/** One line of the day's details: an icon, a label, what it says, and the link that acts on it. */
const Line = ({
  icon,
  label,
  children,
  action,
  testId,
}: {
  icon: ReactNode;
  label: string;
  children: ReactNode;
  action?: ReactNode;
  testId: string;
}) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start' }} data-testid={testId}>
      <Box sx={{ color: 'primary.main', pt: 0.25 }} aria-hidden>
        {icon}
      </Box>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="caption" color="text.secondary" component="p">
          {translate(label)}
        </Typography>
        <Typography component="div" sx={{ overflowWrap: 'anywhere' }}>
          {children}
        </Typography>
        {action && <Box sx={{ mt: 0.5 }}>{action}</Box>}
      </Box>
    </Box>
  );
};

/** A phone number as a button that dials it (or the number as text if it cannot be dialled). */
const CallButton = ({ phone, label }: { phone: string; label: string }) => {
  const translate = useTranslate();
  const href = telLink(phone);
  if (!href) return <>{phone}</>;
  return (
    <Button size="medium" variant="outlined" startIcon={<PhoneIcon />} href={href} sx={{ minHeight: 44 }}>
      {translate(label)} {phone}
    </Button>
  );
};

const RemoteLine = ({ mode, details }: { mode: Mode; details: string | null }) => {
  const translate = useTranslate();
  if (mode === 'onsite') return null;
  const href = remoteLink(mode, details);
  const label = mode === 'phone' ? 'app.visit.remote_phone' : 'app.visit.remote_video';
  return (
    <Line
      testId="visit-remote"
      icon={mode === 'phone' ? <PhoneIcon /> : <VideocamIcon />}
      label={label}
      action={
        href && (
          <Button
            variant="contained"
            startIcon={mode === 'phone' ? <PhoneIcon /> : <VideocamIcon />}
            href={href}
            sx={{ minHeight: 44 }}
            {...(mode === 'video' ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
          >
            {translate(mode === 'phone' ? 'app.visit.remote_call' : 'app.visit.remote_open')}
          </Button>
        )
      }
    >
      {details ?? <Typography color="warning.main">{translate('app.visit.remote_missing')}</Typography>}
    </Line>
  );
};

/**
 * Everything the confirmed interpreter needs on the day (API.md "The volunteer's visit"): where,
 * with a map; whom to call at the hospital; the coordinator's notes (meeting point, what to bring);
 * for a phone or video visit the number or the link.
 */
export const VisitDetailsSection = ({ visit }: { visit: VisitDetails }) => {
  const translate = useTranslate();
  return (
    <Stack gap={1.5} data-testid="visit-details">
      {visit.notesForInterpreter ? (
        <Alert
          severity="info"
          icon={<StickyNote2Icon />}
          data-testid="visit-notes"
          sx={{ '& .MuiAlert-message': { minWidth: 0 } }}
        >
          <Typography variant="subtitle2" component="p">
            {translate('app.visit.notes')}
          </Typography>
          <Typography sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{visit.notesForInterpreter}</Typography>
        </Alert>
      ) : null}
      <Line
        testId="visit-address"
        icon={<PlaceIcon />}
        label="app.visit.hospital"
        action={
          visit.mode === 'onsite' &&
          visit.address && (
            <Button
              variant="outlined"
              startIcon={<MapIcon />}
              href={mapLink(`${visit.hospitalName} ${visit.address}`)}
              target="_blank"
              rel="noopener noreferrer"
              sx={{ minHeight: 44 }}
            >
              {translate('app.visit.map')}
            </Button>
          )
        }
      >
        <strong>{visit.hospitalName}</strong>
        {visit.address && (
          <Box component="span" sx={{ display: 'block' }}>
            {visit.address}
          </Box>
        )}
      </Line>
      <RemoteLine mode={visit.mode} details={visit.remoteDetails} />
      {(visit.hospitalPhone || visit.coordinatorName || visit.coordinatorPhone) && (
        <Line
          testId="visit-contact"
          icon={<SupportAgentIcon />}
          label="app.visit.contact"
          action={
            <Stack gap={1} alignItems="flex-start">
              {visit.coordinatorPhone && <CallButton phone={visit.coordinatorPhone} label="app.visit.call_contact" />}
              {visit.hospitalPhone && <CallButton phone={visit.hospitalPhone} label="app.visit.call_hospital" />}
            </Stack>
          }
        >
          {visit.coordinatorName ?? visit.hospitalName}
        </Line>
      )}
      {visit.mode === 'onsite' && (
        <Typography variant="body2" color="text.secondary">
          {translate('app.visit.late_hint')}
        </Typography>
      )}
    </Stack>
  );
};
