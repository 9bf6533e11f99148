import type { ComponentType } from 'react';

/** What every resource folder exports; App registers each as a <Resource>. */
export interface ResourceDefinition {
  list?: ComponentType;
  create?: ComponentType;
  edit?: ComponentType;
  show?: ComponentType;
  icon?: ComponentType;
  /** the field a reference to this resource shows */
  recordRepresentation?: string;
}
