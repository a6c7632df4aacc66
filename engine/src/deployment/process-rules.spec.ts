import { bpmnXml, problemAt, validate, withStart } from './__fixtures__/bpmn-fixtures';

describe('document and process rules', () => {
  it('refuses a file with no executable process', async () => {
    const { problems } = await validate(withStart('', { executable: false }));

    expect(problems).toEqual([problemAt('', 'no executable process')]);
  });

  it('refuses a file with two executable processes and names both', async () => {
    const xml = withStart('', {
      processId: 'first',
      extra: `<bpmn:process id="second" isExecutable="true">
                <bpmn:startEvent id="start-2" name="Start" />
              </bpmn:process>`,
    });

    const { problems } = await validate(xml);

    expect(problems).toEqual([problemAt('', '2 executable processes (first, second)')]);
  });

  it.each(['review.request', '_private', 'Review.v2'])(
    'refuses the process key %p',
    async (key) => {
      const xml = withStart('', { processId: key });

      const { problems } = await validate(xml);

      expect(problems).toContainEqual(problemAt(key, `process id '${key}' is not a valid key`));
    },
  );

  it('refuses a process id that is not even a legal XML id', async () => {
    const { problems } = await validate(withStart('', { processId: '1-review' }));

    expect(problems).toContainEqual(problemAt('', 'illegal ID <1-review>'));
  });

  it.each(['review-request', 'Vote_2', 'x'])('accepts the process key %p', async (key) => {
    const { problems } = await validate(withStart('', { processId: key }));

    expect(problems).toEqual([]);
  });

  it('refuses a process without a start event', async () => {
    const { problems } = await validate(bpmnXml('<bpmn:endEvent id="end" name="End" />'));

    expect(problems).toEqual([problemAt('fixture-process', 'no start event')]);
  });

  it('does not count a start event inside a sub-process as the process start', async () => {
    const xml = bpmnXml(
      `<bpmn:subProcess id="sub" name="Sub">
         <bpmn:startEvent id="inner-start" name="Inner start" />
       </bpmn:subProcess>`,
    );

    const { problems } = await validate(xml);

    expect(problems).toEqual([problemAt('fixture-process', 'no start event')]);
  });
});
