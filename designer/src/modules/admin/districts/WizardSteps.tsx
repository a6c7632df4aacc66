import { Grid, Progress, Steps, Typography } from 'antd';
import { useT } from '../../../shared/i18n';
import './districts-messages';
import { WIZARD_STEPS } from './wizard-model';

/** The steps header: all six on wide screens, “step n of 6 · name” with a bar on phones. */
export function WizardSteps({
  current,
  errorStep,
  onPick,
}: {
  current: number;
  errorStep?: number;
  onPick: (step: number) => void;
}) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const title = (step: number) => t(`adminDistricts.wizard.steps.${WIZARD_STEPS[step]}`);
  if (!screens.md) {
    return (
      <div style={{ marginBottom: 16 }}>
        <Typography.Text strong>
          {current + 1} / {WIZARD_STEPS.length} · {title(current)}
        </Typography.Text>
        <Progress
          percent={((current + 1) / WIZARD_STEPS.length) * 100}
          steps={WIZARD_STEPS.length}
          showInfo={false}
          size={[40, 6]}
          style={{ display: 'block', marginTop: 6 }}
        />
      </div>
    );
  }
  return (
    <Steps
      size="small"
      current={current}
      status={errorStep === current ? 'error' : 'process'}
      style={{ marginBottom: 24 }}
      // only steps already reached can be revisited by clicking
      onChange={(step) => step < current && onPick(step)}
      items={WIZARD_STEPS.map((_, step) => ({
        title: title(step),
        status: step === errorStep ? 'error' : undefined,
        disabled: step > current,
      }))}
    />
  );
}
