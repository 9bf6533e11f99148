import { Edit, useNotify, useRedirect } from 'react-admin';
import { toCourseBody, type CourseFormValues } from './course-body';
import { CourseForm } from './CourseForm';

/** Change a course; a capacity below those registered is refused by the API (shown on the field). */
export const CourseEdit = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  return (
    <Edit
      mutationMode="pessimistic"
      transform={(data: CourseFormValues) => toCourseBody(data)}
      mutationOptions={{
        onSuccess: (saved: { id: string }) => {
          notify('app.courses.saved', { type: 'success' });
          redirect('show', 'courses', saved.id);
        },
      }}
    >
      <CourseForm />
    </Edit>
  );
};
