export interface SeededAccount {
  username: string;
  name: string;
  password: string;
  note: string;
}

/**
 * The block printed at the first start: the only time the generated passwords are ever shown
 * (only their bcrypt hashes are stored). Plain text on standard output, not a JSON log line, so a
 * person reading the terminal sees it and log collectors do not keep it as a field.
 */
export function credentialsBanner(accounts: SeededAccount[]): string {
  const rule = '='.repeat(72);
  const rows = accounts.map(
    (account) =>
      `  ${account.username.padEnd(15)} ${account.password.padEnd(16)} ${account.name}（${account.note}）`,
  );
  return [
    '',
    rule,
    '  CongressFlow 初始账号（只在首次启动时显示一次，请立即记录并在登录后修改密码）',
    rule,
    `  ${'用户名'.padEnd(12)} ${'密码'.padEnd(14)} 说明`,
    ...rows,
    rule,
    '',
  ].join('\n');
}
