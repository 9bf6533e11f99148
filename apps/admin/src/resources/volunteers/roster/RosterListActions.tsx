import { CreateButton, FilterButton, TopToolbar, useCanAccess } from 'react-admin';
import { RosterExportButton } from './RosterExportButton';
import { RosterImportButton } from './RosterImportDialog';

/** The volunteers list's actions: react-admin's filter and create, plus the roster's import and export (staff). */
export const RosterListActions = () => {
  const mayImport = useCanAccess({ resource: 'volunteers', action: 'import' });
  const mayExport = useCanAccess({ resource: 'volunteers', action: 'export' });
  return (
    <TopToolbar sx={{ alignItems: 'center', gap: 1 }}>
      <FilterButton />
      <CreateButton />
      {mayImport.canAccess && <RosterImportButton />}
      {mayExport.canAccess && <RosterExportButton />}
    </TopToolbar>
  );
};
