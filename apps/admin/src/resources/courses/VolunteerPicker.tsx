import { Autocomplete, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { apiClient } from '../../providers';

export interface PickedVolunteer {
  id: string;
  displayName: string;
  nameKana?: string;
  email?: string;
}

/** The search text after the user stops typing for a moment. */
function useDebounced(value: string, ms = 300): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Autocomplete on GET /api/volunteers?q= (name, kana or e-mail); those already listed are greyed out. */
export const VolunteerPicker = ({
  listed,
  onPick,
}: {
  listed: readonly string[];
  onPick: (volunteer: PickedVolunteer) => void;
}) => {
  const translate = useTranslate();
  const [input, setInput] = useState('');
  const q = useDebounced(input.trim());
  const { data, isFetching } = useQuery({
    queryKey: ['volunteers', 'pick', q],
    queryFn: () =>
      apiClient.request<{ data: PickedVolunteer[]; total: number }>('/volunteers', {
        query: { page: 1, perPage: 20, sort: 'displayName', order: 'ASC', ...(q ? { q } : {}) },
      }),
  });
  return (
    <Autocomplete<PickedVolunteer>
      options={data?.data ?? []}
      value={null}
      inputValue={input}
      onInputChange={(_event, value, reason) => setInput(reason === 'reset' ? '' : value)}
      onChange={(_event, volunteer) => {
        if (volunteer) onPick(volunteer);
        setInput('');
      }}
      filterOptions={(options) => options}
      getOptionLabel={(option) => option.displayName}
      getOptionDisabled={(option) => listed.includes(option.id)}
      isOptionEqualToValue={(option, value) => option.id === value.id}
      renderOption={(props, option) => {
        const { key, ...rest } = props as typeof props & { key: string };
        return (
          <li key={key} {...rest}>
            {option.displayName}
            {option.nameKana ? `（${option.nameKana}）` : ''}
            {listed.includes(option.id) ? ` · ${translate('app.courses.attendance.already')}` : ''}
          </li>
        );
      }}
      loading={isFetching}
      loadingText={translate('app.courses.attendance.searching')}
      noOptionsText={translate('app.courses.attendance.no_match')}
      sx={{ flex: '1 1 260px', maxWidth: 420 }}
      renderInput={(params) => (
        <TextField
          {...params}
          size="small"
          label={translate('app.courses.attendance.add')}
          helperText={translate('app.courses.attendance.add_hint')}
        />
      )}
    />
  );
};
