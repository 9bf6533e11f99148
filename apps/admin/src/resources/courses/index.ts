import SchoolIcon from '@mui/icons-material/School';
import { lazyPage } from '../../lib/lazy-page';
import type { ResourceDefinition } from '../types';

const CourseCreate = lazyPage(() => import('./CourseCreate').then((m) => m.CourseCreate));
const CourseEdit = lazyPage(() => import('./CourseEdit').then((m) => m.CourseEdit));
const CourseList = lazyPage(() => import('./CourseList').then((m) => m.CourseList));
const CourseShow = lazyPage(() => import('./CourseShow').then((m) => m.CourseShow));

/** Training courses (研修) and their attendance, on /api/courses: staff only. */
const courses: ResourceDefinition = {
  list: CourseList,
  create: CourseCreate,
  edit: CourseEdit,
  show: CourseShow,
  icon: SchoolIcon,
  recordRepresentation: 'title',
};

export default courses;
