import type { OfferView, OfferVisit } from '@app/domain/model';
import { Box, Chip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatTimeRange } from '@app/domain/model';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { enumKey } from '../../lib/workflow-choices';

/** What an offer tells the volunteer (never patient details), and the offer: the API's views, from the model. */
export type { OfferVisit };
export type OfferRecord = OfferView;

/** The visit in three lines: when (至急 first when filed at short notice), which language and department, where. */
export const VisitSummary = ({ visit }: { visit: OfferVisit & { urgent?: boolean } }) => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const t = (group: string, value: string) => translate(enumKey(group, value));
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        {visit.urgent && (
          <Chip size="small" color="error" label={translate('app.requests.urgent')} data-testid="urgent" />
        )}
        <Typography variant="h6" component="p" sx={{ fontSize: '1.05rem' }}>
          {formatTimeRange(visit.startsAt, visit.endsAt, locale)}
        </Typography>
      </Box>
      <Typography>
        {t('language', visit.language)} · {t('department', visit.department)} · {t('visit_type', visit.visitType)}
      </Typography>
      <Typography color="text.secondary">
        {visit.hospitalName}（{visit.area}） · {t('mode', visit.mode)}
      </Typography>
    </Box>
  );
};

/** A shadow offer (研修同席): the trainee would accompany this interpreter. Nothing for the interpreter's seat. */
export const ShadowOfferLine = ({ offer }: { offer: Pick<OfferRecord, 'role' | 'interpreterName'> }) => {
  const translate = useTranslate();
  if (offer.role !== 'shadow') return null;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mt: 1 }} data-testid="shadow-offer">
      <Chip size="small" color="secondary" label={translate('app.shadowing.chip')} />
      {offer.interpreterName && (
        <Typography>{translate('app.shadowing.interpreter', { name: offer.interpreterName })}</Typography>
      )}
    </Box>
  );
};
