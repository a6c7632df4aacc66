import { bpmnXml, fakeContext, problemAt, validate, withStart } from './__fixtures__/bpmn-fixtures';
import { validProcessXml } from './__fixtures__/valid-process';

describe('validateBpmn', () => {
  it('accepts a process that uses every supported construct', async () => {
    const result = await validate(validProcessXml);

    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.parsed?.processes[0].key).toBe('review-request');
  });

  it('returns every problem of a file at once', async () => {
    const xml = bpmnXml(
      `<bpmn:startEvent id="start" name="Start" />
       <bpmn:scriptTask id="script" name="Script" />
       <bpmn:userTask id="no-form" name="No form" camunda:candidateGroups="nobody" />
       <bpmn:serviceTask id="java" name="Java" camunda:class="com.example.Delegate" />
       <bpmn:serviceTask id="unknown" name="Unknown" camunda:type="external" camunda:topic="fax" />
       <bpmn:intermediateCatchEvent id="bad-timer" name="Timer">
         <bpmn:timerEventDefinition />
       </bpmn:intermediateCatchEvent>
       <bpmn:callActivity id="call" name="Call" />
       <bpmn:complexGateway id="complex" name="Complex" />
       <bpmn:sequenceFlow id="flow" sourceRef="start" targetRef="no-form">
         <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">= (a</bpmn:conditionExpression>
       </bpmn:sequenceFlow>`,
      { processId: 'bad.key' },
    );

    const { problems } = await validate(xml);

    expect(problems).toEqual([
      problemAt('bad.key', 'is not a valid key'),
      problemAt('script', 'script tasks are not supported'),
      problemAt('complex', 'complex gateways are not supported'),
      problemAt('flow', 'unbalanced parentheses'),
      problemAt('no-form', 'needs a camunda:formKey'),
      problemAt('no-form', "unknown role 'nobody'"),
      problemAt('java', 'camunda:class'),
      problemAt('unknown', "unknown service handler 'fax'; known: render-document, send-mail"),
      problemAt('bad-timer', 'exactly one of timeDuration, timeDate or timeCycle'),
      problemAt('call', 'needs calledElement'),
    ]);
  });

  it('returns the parse error first, and no parsed file, when the XML does not parse', async () => {
    const result = await validate('<bpmn:definitions xmlns:bpmn="x"><oops></bpmn:definitions>');

    expect(result.parsed).toBeUndefined();
    expect(result.problems[0]).toEqual(problemAt('', 'the BPMN XML does not parse: '));
    expect(result.problems.every((problem) => problem.elementId === '')).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it('refuses unknown BPMN and Camunda content but only warns about other namespaces', async () => {
    const xml = withStart(
      `<bpmn:userTask id="typo" name="Typo" camunda:formKey="simple-form" camunda:asignee="starter" />
       <bpmn:bogusTask id="bogus" />
       <bpmn:task id="typo" name="Twin" />
       <bpmn:sequenceFlow id="dangling" sourceRef="start" targetRef="nowhere" />
       <other:note xmlns:other="http://example.com/other" id="note" />`,
    );

    const { problems, warnings } = await validate(xml);

    expect(problems).toEqual([
      problemAt('typo', 'unknown attribute <camunda:asignee>'),
      problemAt('', 'unknown type <bpmn:BogusTask>'),
      problemAt('', 'duplicate ID <typo>'),
      problemAt('dangling', 'unresolved reference <nowhere>'),
    ]);
    expect(warnings).toContainEqual(problemAt('', 'unrecognized element <other:note>'));
  });

  it('does not validate non-executable pools', async () => {
    const xml = withStart('<bpmn:endEvent id="end" name="End" />', {
      extra: `<bpmn:process id="outside" isExecutable="false">
                <bpmn:scriptTask id="their-script" />
              </bpmn:process>`,
    });

    const { problems, parsed } = await validate(xml);

    expect(problems).toEqual([]);
    expect(parsed?.processes).toHaveLength(2);
  });

  it('hands expressions to validateExpression as written, marker included', async () => {
    const validateExpression = jest.fn(() => null);
    const xml = withStart(
      `<bpmn:exclusiveGateway id="gw" name="Decide" default="b" />
       <bpmn:sequenceFlow id="a" sourceRef="gw" targetRef="end">
         <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${ amount > 10 }</bpmn:conditionExpression>
       </bpmn:sequenceFlow>
       <bpmn:sequenceFlow id="b" sourceRef="gw" targetRef="end" />
       <bpmn:endEvent id="end" name="End" />`,
    );

    const { problems } = await validate(xml, fakeContext({ validateExpression }));

    expect(problems).toEqual([]);
    expect(validateExpression).toHaveBeenCalledWith('${ amount > 10 }');
  });

  it('reports a repeated finding once', async () => {
    const xml = withStart(
      '<bpmn:userTask id="t" name="T" camunda:formKey="simple-form" camunda:candidateGroups="x, x" />',
    );

    const { problems } = await validate(xml);

    expect(problems).toEqual([problemAt('t', "unknown role 'x'")]);
  });
});
