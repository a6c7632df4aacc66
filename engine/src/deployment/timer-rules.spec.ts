import { validateTimer } from '../calendar';
import { fakeContext, problemAt, validate, withStart } from './__fixtures__/bpmn-fixtures';

function timerEvent(definition: string, element = 'intermediateCatchEvent'): string {
  return withStart(
    `<bpmn:${element} id="timer" name="Timer">
       <bpmn:timerEventDefinition>${definition}</bpmn:timerEventDefinition>
     </bpmn:${element}>`,
  );
}

describe('timer rules', () => {
  it('hands each timer value to validateTimer with its kind', async () => {
    const validateTimer = jest.fn(() => null);
    const xml = withStart(
      `<bpmn:task id="work" name="Work" />
       <bpmn:boundaryEvent id="late" name="Late" attachedToRef="work">
         <bpmn:timerEventDefinition><bpmn:timeDuration>P7WD</bpmn:timeDuration></bpmn:timerEventDefinition>
       </bpmn:boundaryEvent>
       <bpmn:intermediateCatchEvent id="wait" name="Wait">
         <bpmn:timerEventDefinition><bpmn:timeCycle>R/2026-01-10T09:00:00+08:00/P1M</bpmn:timeCycle></bpmn:timerEventDefinition>
       </bpmn:intermediateCatchEvent>`,
    );

    const { problems } = await validate(xml, fakeContext({ validateTimer }));

    expect(problems).toEqual([]);
    expect(validateTimer.mock.calls).toEqual([
      ['timeDuration', 'P7WD'],
      ['timeCycle', 'R/2026-01-10T09:00:00+08:00/P1M'],
    ]);
  });

  it('accepts working-day cycles on boundary, catch and start events (the calendar decides)', async () => {
    const context = fakeContext({ validateTimer: (kind, value) => validateTimer({ kind, value }) });
    const xml = withStart(
      `<bpmn:userTask id="work" name="Work" camunda:formKey="simple-form" camunda:assignee="starter" />
       <bpmn:boundaryEvent id="remind" name="Remind" attachedToRef="work" cancelActivity="false">
         <bpmn:timerEventDefinition><bpmn:timeCycle>R/P5WD</bpmn:timeCycle></bpmn:timerEventDefinition>
       </bpmn:boundaryEvent>
       <bpmn:intermediateCatchEvent id="wait" name="Wait">
         <bpmn:timerEventDefinition><bpmn:timeCycle>R3/P5WD</bpmn:timeCycle></bpmn:timerEventDefinition>
       </bpmn:intermediateCatchEvent>
       <bpmn:startEvent id="weekly" name="Weekly">
         <bpmn:timerEventDefinition><bpmn:timeCycle>R/2026-03-02T09:00:00+08:00/P5WD</bpmn:timeCycle></bpmn:timerEventDefinition>
       </bpmn:startEvent>
       <bpmn:intermediateCatchEvent id="never" name="Never">
         <bpmn:timerEventDefinition><bpmn:timeCycle>R/P0WD</bpmn:timeCycle></bpmn:timerEventDefinition>
       </bpmn:intermediateCatchEvent>`,
    );

    const { problems } = await validate(xml, context);

    expect(problems).toEqual([problemAt('never', "timer timeCycle: 'R/P0WD' needs at least one")]);
  });

  it('reports what validateTimer says', async () => {
    const { problems } = await validate(timerEvent('<bpmn:timeDate>next week</bpmn:timeDate>'));

    expect(problems).toEqual([problemAt('timer', 'timer timeDate: not an ISO 8601 value')]);
  });

  it('checks expression timers with the FEEL check instead', async () => {
    const validateTimer = jest.fn(() => 'must not be called');
    const { problems } = await validate(
      timerEvent('<bpmn:timeDuration>= (wait</bpmn:timeDuration>'),
      fakeContext({ validateTimer }),
    );

    expect(problems).toEqual([problemAt('timer', 'timer timeDuration: unbalanced parentheses')]);
    expect(validateTimer).not.toHaveBeenCalled();
  });

  it('needs exactly one of timeDuration, timeDate and timeCycle', async () => {
    const none = await validate(timerEvent(''));
    const two = await validate(
      timerEvent(
        '<bpmn:timeDuration>PT1H</bpmn:timeDuration><bpmn:timeDate>2026-01-01</bpmn:timeDate>',
      ),
    );

    expect(none.problems).toEqual([problemAt('timer', 'found none')]);
    expect(two.problems).toEqual([problemAt('timer', 'found timeDuration and timeDate')]);
  });

  it('refuses an empty timer value', async () => {
    const { problems } = await validate(timerEvent('<bpmn:timeDuration>  </bpmn:timeDuration>'));

    expect(problems).toEqual([problemAt('timer', 'timer timeDuration is empty')]);
  });

  it('refuses timers on events that cannot wait', async () => {
    const { problems } = await validate(
      timerEvent('<bpmn:timeDuration>PT1H</bpmn:timeDuration>', 'endEvent'),
    );

    expect(problems).toEqual([problemAt('timer', 'not on bpmn:EndEvent')]);
  });
});
