import { assignmentRules } from './assignment-rules';
import { boundaryEventRules } from './boundary-event-rules';
import { callBindingRules } from './call-binding-rules';
import { callActivityRules } from './call-activity-rules';
import { conditionRules } from './condition-rules';
import { constructRules } from './construct-rules';
import { documentRules } from './document-rules';
import { eventReferenceRules } from './event-reference-rules';
import { eventStartRules } from './event-start-rules';
import { gatewayRules } from './gateway-rules';
import { ioMappingRules } from './io-mapping-rules';
import { multiInstanceRules } from './multi-instance-rules';
import { namingRules } from './naming-rules';
import { processRules } from './process-rules';
import { serviceTaskRules } from './service-task-rules';
import { timerRules } from './timer-rules';
import { userTaskRules } from './user-task-rules';
import { type DocumentRule, type ProcessRule } from './validation-rule';

/** File-level rules, run once per deployment. */
export const allDocumentRules: readonly DocumentRule[] = documentRules;

/** Per-process rules, run on every executable process; the order is the order problems appear in. */
export const allProcessRules: readonly ProcessRule[] = [
  ...processRules,
  ...constructRules,
  ...gatewayRules,
  ...conditionRules,
  ...userTaskRules,
  ...assignmentRules,
  ...serviceTaskRules,
  ...ioMappingRules,
  ...timerRules,
  ...multiInstanceRules,
  ...callActivityRules,
  ...callBindingRules,
  ...eventReferenceRules,
  ...eventStartRules,
  ...boundaryEventRules,
  ...namingRules,
];
