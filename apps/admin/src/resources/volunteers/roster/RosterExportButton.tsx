import { useTranslate } from 'react-admin';
import { DownloadButton } from '../../../exports/DownloadButton';
import { EXPORT_PATH } from './roster-upload';

/**
 * "名簿を書き出す": the whole roster as CSV under the server's file name, through the exports
 * page's button (bearer token, disabled with a progress ring while it downloads).
 */
export const RosterExportButton = () => {
  const translate = useTranslate();
  return (
    <DownloadButton
      path={EXPORT_PATH}
      query={{}}
      label={translate('app.roster.export')}
      name={translate('app.roster.export_name')}
    />
  );
};
