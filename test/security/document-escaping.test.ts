/**
 * Form values carrying markup reach official documents as text: the rendered HTML escapes them,
 * and the document is served under a policy that would not run a script anyway.
 */
import { createWorld, renderedDocument, type WorkflowWorld } from '../api/workflow.fixture';
import { ApiHarness } from '../support/api-app';

// within the form's 50 characters
const PAYLOAD = '<script>cf=1</script><img src=x onerror=alert(1)>路';

let api: ApiHarness;
let world: WorkflowWorld;
beforeAll(async () => {
  api = await ApiHarness.start();
  world = await createWorld(api);
});
afterAll(async () => {
  await api?.close();
});

it('escapes form values in a rendered document', async () => {
  const { documentId } = await renderedDocument(api, world, { title: PAYLOAD, amount: 1 });
  const page = await world.as.starter.get(`/api/documents/${documentId}`);
  expect(page.status).toBe(200);
  // handlebars escapes & < > " ' ` = : the markup arrives as text
  expect(page.text).toContain('&lt;script&gt;cf&#x3D;1&lt;/script&gt;&lt;img src&#x3D;x onerror');
  expect(page.text).not.toMatch(/<script>cf|<img src/);
  expect(page.headers['content-security-policy']).toMatch(/script-src 'none'|default-src 'none'/);
});
