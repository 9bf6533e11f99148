import BarChartIcon from '@mui/icons-material/BarChart';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import { Menu, useCanAccess } from 'react-admin';

/** The figures and exports pages in the menu, for the roles access.ts lets open them. */
export const OperationsMenuItems = () => {
  const figures = useCanAccess({ resource: 'figures', action: 'list' });
  const exports = useCanAccess({ resource: 'exports', action: 'list' });
  return (
    <>
      {figures.canAccess && <Menu.Item to="/figures" primaryText="app.menu.figures" leftIcon={<BarChartIcon />} />}
      {exports.canAccess && <Menu.Item to="/exports" primaryText="app.menu.exports" leftIcon={<FileDownloadIcon />} />}
    </>
  );
};
