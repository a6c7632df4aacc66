import type { ModuleDeclaration } from 'didi';
import { ReferenceData } from './reference-data';

export const ReferenceDataModule: ModuleDeclaration = {
  congressReferenceData: ['type', ReferenceData],
};
