import {
  businessKeyPatternOf,
  issueFinding,
  patternIssues,
  previewBusinessKey,
} from '../../../designer/src/modules/process-designer/model/business-key';
import { type ModdleElement } from '../../../designer/src/modules/process-designer/model/moddle-element';
import { lintProcess } from '../../../designer/src/modules/process-designer/model/process-lint';

/** A stand-in for a bpmn-moddle element: properties by name. */
function el(type: string, props: Record<string, unknown> = {}): ModdleElement {
  return {
    $type: type,
    ...props,
    get(name: string) {
      return (this as Record<string, unknown>)[name.replace(/^camunda:/, '')];
    },
  };
}

function processNumbered(pattern: string | undefined): ModdleElement {
  const properties = [el('camunda:Property', { name: 'owner', value: 'office' })];
  if (pattern !== undefined)
    properties.push(el('camunda:Property', { name: 'businessKeyPattern', value: pattern }));
  return el('bpmn:Process', {
    id: 'suggestion',
    isExecutable: true,
    flowElements: [el('bpmn:StartEvent', { id: 'start', name: '开始' })],
    extensionElements: el('bpmn:ExtensionElements', {
      values: [el('camunda:Properties', { values: properties })],
    }),
  });
}

describe('the business-key pattern in the designer', () => {
  it('reads the pattern among the other properties of the process', () => {
    expect(businessKeyPatternOf(processNumbered('JY-{yyyy}-{seq:4}'))).toBe('JY-{yyyy}-{seq:4}');
    expect(businessKeyPatternOf(processNumbered(undefined))).toBeUndefined();
    expect(businessKeyPatternOf(el('bpmn:Process'))).toBeUndefined();
  });

  it('previews the first key of the day it is shown, in local time', () => {
    const at = new Date(2027, 0, 5, 9, 30); // local 5 January 2027
    expect(previewBusinessKey('JY-{yyyy}-{seq:4}', at)).toBe('JY-2027-0001');
    expect(previewBusinessKey('询{yy}{MM}{dd}〔{seq}〕', at)).toBe('询270105〔1〕');
    expect(previewBusinessKey('JY-{yyyy}', at)).toBeUndefined();
  });

  it('turns each issue the engine finds into a lint message key with its details', () => {
    const [unknown] = patternIssues('JY-{year}-{seq}');
    expect(issueFinding(unknown!)).toEqual({
      key: 'businessKeyUnknownField',
      vars: { field: 'year' },
    });
    const keys = ['JY-{seq:0}', 'JY {seq}', 'JY-{seq', 'JY', `${'X'.repeat(61)}{seq}`].map(
      (pattern) => issueFinding(patternIssues(pattern)[0]!).key,
    );
    expect(keys).toEqual([
      'businessKeySeqWidth',
      'businessKeyText',
      'businessKeyBrace',
      'businessKeySeqCount',
      'businessKeyTooLong',
    ]);
  });

  it('the lint refuses a process whose pattern the engine would refuse', () => {
    expect(
      lintProcess(el('bpmn:Definitions', { rootElements: [processNumbered('JY-{seq:4}')] }), {}),
    ).toEqual([]);
    expect(
      lintProcess(el('bpmn:Definitions', { rootElements: [processNumbered('JY-{yyyy}')] }), {}),
    ).toEqual([
      {
        elementId: 'suggestion',
        severity: 'error',
        key: 'businessKeySeqCount',
        vars: { pattern: 'JY-{yyyy}' },
      },
    ]);
  });
});
