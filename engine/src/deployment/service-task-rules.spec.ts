import { problemAt, validate, withStart } from './__fixtures__/bpmn-fixtures';

describe('service task rules', () => {
  it.each(['serviceTask', 'sendTask', 'businessRuleTask'])(
    'accepts an external %s with a known topic',
    async (type) => {
      const xml = withStart(
        `<bpmn:${type} id="svc" name="Svc" camunda:type="external" camunda:topic="render-document" />`,
      );

      const { problems } = await validate(xml);

      expect(problems).toEqual([]);
    },
  );

  it('refuses an unknown topic and lists the known handlers', async () => {
    const xml = withStart(
      '<bpmn:serviceTask id="svc" name="Svc" camunda:type="external" camunda:topic="fax" />',
    );

    const { problems } = await validate(xml);

    expect(problems).toEqual([
      problemAt('svc', "unknown service handler 'fax'; known: render-document, send-mail"),
    ]);
  });

  it('refuses a service task that is not external', async () => {
    const { problems } = await validate(withStart('<bpmn:serviceTask id="svc" name="Svc" />'));

    expect(problems).toEqual([problemAt('svc', 'bpmn:ServiceTask needs camunda:type="external"')]);
  });

  it('refuses a topic without camunda:type="external", which Camunda would ignore', async () => {
    const xml = withStart('<bpmn:serviceTask id="svc" name="Svc" camunda:topic="send-mail" />');

    const { problems } = await validate(xml);

    expect(problems).toEqual([problemAt('svc', 'needs camunda:type="external"')]);
  });

  it('reports a refused implementation and an unknown topic together', async () => {
    const xml = withStart(
      '<bpmn:serviceTask id="svc" name="Svc" camunda:expression="${x}" camunda:topic="fax" />',
    );

    const { problems } = await validate(xml);

    expect(problems).toEqual([
      problemAt('svc', 'camunda:expression is not supported'),
      problemAt('svc', "unknown service handler 'fax'"),
    ]);
  });

  it('refuses an external task without a topic', async () => {
    const xml = withStart('<bpmn:sendTask id="svc" name="Svc" camunda:type="external" />');

    const { problems } = await validate(xml);

    expect(problems).toEqual([problemAt('svc', 'needs a camunda:topic')]);
  });

  it.each([
    ['camunda:class="com.example.Delegate"', 'camunda:class (a Java delegate) is not supported'],
    ['camunda:expression="${svc.run()}"', 'camunda:expression is not supported'],
    ['camunda:delegateExpression="${svc}"', 'camunda:delegateExpression is not supported'],
  ])('refuses %s', async (attribute, fragment) => {
    const { problems } = await validate(
      withStart(`<bpmn:serviceTask id="svc" name="Svc" ${attribute} />`),
    );

    expect(problems).toEqual([problemAt('svc', fragment)]);
  });

  it('refuses DMN business rule tasks', async () => {
    const xml = withStart(
      '<bpmn:businessRuleTask id="rule" name="Rule" camunda:decisionRef="grade" />',
    );

    const { problems } = await validate(xml);

    expect(problems).toEqual([
      problemAt('rule', 'camunda:decisionRef (a DMN decision) is not supported'),
    ]);
  });

  it('refuses connectors', async () => {
    const xml = withStart(
      `<bpmn:serviceTask id="svc" name="Svc">
         <bpmn:extensionElements>
           <camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>
         </bpmn:extensionElements>
       </bpmn:serviceTask>`,
    );

    const { problems } = await validate(xml);

    expect(problems).toEqual([problemAt('svc', 'camunda:connector is not supported')]);
  });
});
