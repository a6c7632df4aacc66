export {
  loadParameterDefinitions,
  checkValue,
  type ParameterDefinition,
  type ParameterKind,
  type ParameterProblem,
} from './parameter-definitions';
export { ParameterStore, type DistrictParameters, type SavedParameters } from './parameter.store';
