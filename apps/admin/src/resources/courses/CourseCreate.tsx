import { Create, useNotify, useRedirect } from 'react-admin';
import { toCourseBody, type CourseFormValues } from './course-body';
import { CourseForm } from './CourseForm';
import type { CourseRecord } from './types';

/** A new course; then its page, where volunteers are registered. */
export const CourseCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  return (
    <Create
      title="app.courses.new"
      transform={(data: CourseFormValues) => toCourseBody(data)}
      mutationOptions={{
        onSuccess: (created: CourseRecord) => {
          notify('app.courses.created', { type: 'success' });
          redirect('show', 'courses', created.id);
        },
      }}
    >
      <CourseForm />
    </Create>
  );
};
