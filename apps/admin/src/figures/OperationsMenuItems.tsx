import BarChartIcon from '@mui/icons-material/BarChart';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import PriceChangeIcon from '@mui/icons-material/PriceChange';
import { Menu, useCanAccess } from 'react-admin';

/** The figures, exports and fee rules pages in the menu, for the roles access.ts lets open them. */
export const OperationsMenuItems = () => {
  const figures = useCanAccess({ resource: 'figures', action: 'list' });
  const exports = useCanAccess({ resource: 'exports', action: 'list' });
  const feeRules = useCanAccess({ resource: 'fee-rules', action: 'list' });
  return (
    <>
      {figures.canAccess && <Menu.Item to="/figures" primaryText="app.menu.figures" leftIcon={<BarChartIcon />} />}
      {exports.canAccess && <Menu.Item to="/exports" primaryText="app.menu.exports" leftIcon={<FileDownloadIcon />} />}
      {feeRules.canAccess && (
        <Menu.Item to="/fee-rules" primaryText="app.menu.fee_rules" leftIcon={<PriceChangeIcon />} />
      )}
    </>
  );
};
