import SchoolIcon from '@mui/icons-material/School';
import type { ResourceDefinition } from '../types';
import { CourseCreate } from './CourseCreate';
import { CourseEdit } from './CourseEdit';
import { CourseList } from './CourseList';
import { CourseShow } from './CourseShow';

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
