import { act } from 'react';
import { I18nProvider } from '../../app/i18n';
import { testRoot, waitFor } from '../../testing/test-root';
import { WebhookDialog } from './WebhookDialog';

const dom = testRoot();

/** Types as a person would: React listens to the input event with the native value set. */
function type(element: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element), 'value')?.set;
  act(() => {
    setter?.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('WebhookDialog', () => {
  it('says which robot addresses are accepted and refuses any other before sending it', async () => {
    const onSave = jest.fn();
    act(() => {
      dom.root.render(
        <I18nProvider initialLang="zh-Hans">
          <WebhookDialog
            unit="台山市"
            initialKind={null}
            busy={false}
            urlError={null}
            error={null}
            onCancel={() => undefined}
            onEdit={() => undefined}
            onSave={onSave}
          />
        </I18nProvider>,
      );
    });
    // antd puts the dialog in a portal under document.body.
    await waitFor(() => expect(document.querySelector('[data-testid="webhook-url-hint"]')?.textContent).toContain('qyapi.weixin.qq.com'));
    const input = document.querySelector<HTMLInputElement>('input[data-testid="webhook-url"]')!;
    const save = () => act(() => document.querySelector<HTMLButtonElement>('[data-testid="webhook-save"]')!.click());

    type(input, 'http://127.0.0.1:8080/cgi-bin/webhook/send?key=x');
    save();
    expect(document.querySelector('[data-testid="webhook-url-error"]')?.textContent).toContain('只接受企业微信');
    expect(onSave).not.toHaveBeenCalled();

    type(input, 'https://oapi.dingtalk.com/robot/send?access_token=abc');
    save();
    expect(onSave).toHaveBeenCalledWith('DINGTALK', 'https://oapi.dingtalk.com/robot/send?access_token=abc');
  });
});
