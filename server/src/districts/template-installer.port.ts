import type { FieldProblem } from '../common/errors/app-error';
import type { ClonedTemplate } from './district.document';

/**
 * How district creation (the clone wizard, `POST /districts`) brings templates into a new
 * district. The module that owns the template library registers one with
 * `DistrictsService.useTemplateInstaller()`; until then a request naming templates is refused.
 */
export interface TemplateInstaller {
  /** Problems with the requested keys (unknown template, ...), with paths like `templates[1]`. */
  check(keys: string[]): Promise<FieldProblem[]>;
  /** Installs the templates into the district (it exists, with its admin) and says what it got. */
  install(district: string, keys: string[], by: string): Promise<ClonedTemplate[]>;
  /** Removes what `install` left when a later step of the creation failed. */
  discard?(district: string): Promise<void>;
}
