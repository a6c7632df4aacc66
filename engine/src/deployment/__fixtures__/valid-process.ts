import { bpmnXml } from './bpmn-fixtures';

/**
 * A process using every supported construct at once; it must validate without problems.
 * A second, non-executable pool stands for the outside participant.
 */
export const validProcessXml = bpmnXml(
  `
  <bpmn:laneSet id="lanes">
    <bpmn:lane id="lane-office" name="Office"><bpmn:flowNodeRef>register</bpmn:flowNodeRef></bpmn:lane>
  </bpmn:laneSet>
  <bpmn:startEvent id="start" name="Request received" camunda:formKey="request-start" />
  <bpmn:sequenceFlow id="f-start" sourceRef="start" targetRef="register" />
  <bpmn:userTask id="register" name="Register request" camunda:formKey="request-register"
      camunda:assignee="starter" camunda:candidateGroups="office, council"
      camunda:candidateUsers="var:helpers,user:u-42" camunda:dueDate="P7WD"
      camunda:followUpDate="= dueDate" camunda:priority="80" />
  <bpmn:boundaryEvent id="remind" name="Reminder" attachedToRef="register" cancelActivity="false">
    <bpmn:timerEventDefinition><bpmn:timeDuration>P3D</bpmn:timeDuration></bpmn:timerEventDefinition>
  </bpmn:boundaryEvent>
  <bpmn:sequenceFlow id="f-remind" sourceRef="remind" targetRef="notify" />
  <bpmn:serviceTask id="notify" name="Send reminder" camunda:type="external" camunda:topic="send-mail">
    <bpmn:extensionElements>
      <camunda:inputOutput>
        <camunda:inputParameter name="template">reminder</camunda:inputParameter>
        <camunda:inputParameter name="to">= assignee</camunda:inputParameter>
        <camunda:inputParameter name="cc">
          <camunda:list><camunda:value>office</camunda:value><camunda:value>council</camunda:value></camunda:list>
        </camunda:inputParameter>
        <camunda:inputParameter name="headers">
          <camunda:map><camunda:entry key="priority">high</camunda:entry></camunda:map>
        </camunda:inputParameter>
      </camunda:inputOutput>
    </bpmn:extensionElements>
  </bpmn:serviceTask>
  <bpmn:sequenceFlow id="f-notify" sourceRef="notify" targetRef="reminded" />
  <bpmn:endEvent id="reminded" name="Reminder sent" />
  <bpmn:sequenceFlow id="f-register" sourceRef="register" targetRef="decide" />
  <bpmn:exclusiveGateway id="decide" name="Needs review?" default="f-no-review" />
  <bpmn:sequenceFlow id="f-review" sourceRef="decide" targetRef="split">
    <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">= needsReview = true</bpmn:conditionExpression>
  </bpmn:sequenceFlow>
  <bpmn:sequenceFlow id="f-no-review" sourceRef="decide" targetRef="skip-merge" />
  <bpmn:parallelGateway id="split" name="Start reviews" />
  <bpmn:sequenceFlow id="f-split-review" sourceRef="split" targetRef="review" />
  <bpmn:sequenceFlow id="f-split-vote" sourceRef="split" targetRef="vote" />
  <bpmn:userTask id="review" name="Review" camunda:formKey="request-review" camunda:assignee="\${reviewer}">
    <bpmn:multiInstanceLoopCharacteristics camunda:collection="reviewers" camunda:elementVariable="reviewer">
      <bpmn:completionCondition xsi:type="bpmn:tFormalExpression">\${nrOfCompletedInstances >= 2}</bpmn:completionCondition>
    </bpmn:multiInstanceLoopCharacteristics>
  </bpmn:userTask>
  <bpmn:callActivity id="vote" name="Vote" calledElement="vote">
    <bpmn:extensionElements>
      <camunda:in source="topic" target="subject" />
      <camunda:in sourceExpression="= amount * 2" target="double" />
      <camunda:out variables="all" />
    </bpmn:extensionElements>
    <bpmn:multiInstanceLoopCharacteristics isSequential="true">
      <bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">3</bpmn:loopCardinality>
    </bpmn:multiInstanceLoopCharacteristics>
  </bpmn:callActivity>
  <bpmn:sequenceFlow id="f-review-done" sourceRef="review" targetRef="join" />
  <bpmn:sequenceFlow id="f-vote-done" sourceRef="vote" targetRef="join" />
  <bpmn:parallelGateway id="join" name="Reviews done" />
  <bpmn:sequenceFlow id="f-join" sourceRef="join" targetRef="wait-answer" />
  <bpmn:intermediateCatchEvent id="wait-answer" name="Answer received">
    <bpmn:messageEventDefinition messageRef="msg-answer" />
  </bpmn:intermediateCatchEvent>
  <bpmn:sequenceFlow id="f-answer" sourceRef="wait-answer" targetRef="cool-off" />
  <bpmn:intermediateCatchEvent id="cool-off" name="Cool-off">
    <bpmn:timerEventDefinition><bpmn:timeDate>2026-03-01T09:00:00+08:00</bpmn:timeDate></bpmn:timerEventDefinition>
  </bpmn:intermediateCatchEvent>
  <bpmn:sequenceFlow id="f-cool" sourceRef="cool-off" targetRef="skip-merge" />
  <bpmn:exclusiveGateway id="skip-merge" name="Merge" />
  <bpmn:sequenceFlow id="f-merge" sourceRef="skip-merge" targetRef="confirm" />
  <bpmn:receiveTask id="confirm" name="Await confirmation" messageRef="msg-confirm" />
  <bpmn:boundaryEvent id="withdrawn" name="Withdrawn" attachedToRef="confirm">
    <bpmn:messageEventDefinition messageRef="msg-withdraw" />
  </bpmn:boundaryEvent>
  <bpmn:sequenceFlow id="f-withdrawn" sourceRef="withdrawn" targetRef="ended-withdrawn" />
  <bpmn:endEvent id="ended-withdrawn" name="Withdrawn" />
  <bpmn:sequenceFlow id="f-confirm" sourceRef="confirm" targetRef="announce" />
  <bpmn:intermediateThrowEvent id="announce" name="Announce">
    <bpmn:signalEventDefinition signalRef="sig-done" />
  </bpmn:intermediateThrowEvent>
  <bpmn:sequenceFlow id="f-announce" sourceRef="announce" targetRef="done" />
  <bpmn:endEvent id="done" name="Done" />
  <bpmn:subProcess id="chasing" name="Chasing" triggeredByEvent="true">
    <bpmn:startEvent id="monthly" name="Monthly" isInterrupting="false">
      <bpmn:timerEventDefinition><bpmn:timeCycle>R/2026-01-10T09:00:00+08:00/P1M</bpmn:timeCycle></bpmn:timerEventDefinition>
    </bpmn:startEvent>
    <bpmn:sequenceFlow id="f-monthly" sourceRef="monthly" targetRef="chase" />
    <bpmn:userTask id="chase" name="Chase" camunda:formKey="request-chase" camunda:candidateGroups="council" />
    <bpmn:sequenceFlow id="f-chase" sourceRef="chase" targetRef="chased" />
    <bpmn:endEvent id="chased" name="Chased" />
  </bpmn:subProcess>`,
  {
    processId: 'review-request',
    extra: `
  <bpmn:process id="requester" name="Requester" isExecutable="false" />
  <bpmn:collaboration id="collaboration">
    <bpmn:participant id="pool-review" name="Review" processRef="review-request" />
    <bpmn:participant id="pool-requester" name="Requester" processRef="requester" />
    <bpmn:messageFlow id="answer-flow" sourceRef="pool-requester" targetRef="wait-answer" />
  </bpmn:collaboration>
  <bpmn:message id="msg-answer" name="answer" />
  <bpmn:message id="msg-confirm" name="confirmation" />
  <bpmn:message id="msg-withdraw" name="withdrawal" />
  <bpmn:signal id="sig-done" name="request-done" />`,
  },
);
