import { problemAt, validate, withStart } from './__fixtures__/bpmn-fixtures';

function withParameters(parameters: string): string {
  return withStart(
    `<bpmn:serviceTask id="svc" name="Svc" camunda:type="external" camunda:topic="send-mail">
       <bpmn:extensionElements><camunda:inputOutput>${parameters}</camunda:inputOutput></bpmn:extensionElements>
     </bpmn:serviceTask>`,
  );
}

describe('io mapping rules', () => {
  it('checks parameter values that are expressions, nested ones included', async () => {
    const xml = withParameters(
      `<camunda:inputParameter name="plain">text (with a parenthesis</camunda:inputParameter>
       <camunda:inputParameter name="broken">= (a</camunda:inputParameter>
       <camunda:inputParameter name="list">
         <camunda:list><camunda:value>= (b</camunda:value></camunda:list>
       </camunda:inputParameter>
       <camunda:inputParameter name="map">
         <camunda:map><camunda:entry key="k">= (c</camunda:entry></camunda:map>
       </camunda:inputParameter>
       <camunda:outputParameter name="result">= (d</camunda:outputParameter>`,
    );

    const { problems } = await validate(xml);

    expect(problems).toEqual([
      problemAt('svc', "input parameter 'broken': unbalanced parentheses"),
      problemAt('svc', "input parameter 'list': unbalanced"),
      problemAt('svc', "input parameter 'map' entry 'k': unbalanced"),
      problemAt('svc', "output parameter 'result': unbalanced"),
    ]);
  });

  it('refuses script parameters', async () => {
    const xml = withParameters(
      `<camunda:inputParameter name="computed">
         <camunda:script scriptFormat="javascript">1 + 1</camunda:script>
       </camunda:inputParameter>`,
    );

    const { problems } = await validate(xml);

    expect(problems).toEqual([
      problemAt('svc', "input parameter 'computed': script parameters are not supported"),
    ]);
  });
});
