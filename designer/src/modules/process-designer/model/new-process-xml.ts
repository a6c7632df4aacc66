/** A new process: one start event, the key and name chosen by the administrator. */
export function newProcessXml(key: string, name: string): string {
  const escape = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_${escape(key)}" targetNamespace="http://congressflow/processes">
  <bpmn:process id="${escape(key)}" name="${escape(name)}" isExecutable="true">
    <bpmn:startEvent id="start" name="开始" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_${escape(key)}">
    <bpmndi:BPMNPlane id="Plane_${escape(key)}" bpmnElement="${escape(key)}">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start">
        <dc:Bounds x="180" y="160" width="36" height="36" />
        <bpmndi:BPMNLabel><dc:Bounds x="186" y="203" width="24" height="14" /></bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

/** The id of the executable process in a BPMN text (the key it publishes as), if any. */
export function processKeyOf(xml: string): string | undefined {
  const processes = [...xml.matchAll(/<(?:\w+:)?process\b([^>]*)>/g)].map((match) => match[1]);
  const executable = processes.find((attrs) => /isExecutable="true"/.test(attrs)) ?? processes[0];
  return executable ? /\bid="([^"]+)"/.exec(executable)?.[1] : undefined;
}
