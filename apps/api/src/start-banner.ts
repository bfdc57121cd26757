import type { PreparedDatabase } from './database/prepare-database';

/** What `npm start` prints once ready: where to go, and the passwords created on this start (shown once). */
export function printBanner({ seconds, port, prepared }: { seconds: number; port: number; prepared: PreparedDatabase }): void {
  const lines = [
    '',
    `  落實 Luoshi 已就绪(${seconds.toFixed(1)} 秒): http://localhost:${port}/`,
    `  GraphQL API: http://localhost:${port}/graphql`,
  ];
  if (prepared.admin.generatedPassword) {
    lines.push(
      `  管理员账号 admin,初始密码 ${prepared.admin.generatedPassword}`,
      '  (密码只显示这一次,请妥善保存;可用 ADMIN_PASSWORD 在首次启动时指定)',
    );
  } else if (prepared.admin.created) {
    lines.push('  管理员账号 admin,密码为环境变量 ADMIN_PASSWORD 的值');
  } else {
    lines.push('  管理员账号 admin 已存在,密码为首次启动时显示或设置的密码');
  }
  if (prepared.demo.loaded) {
    lines.push('', `  已载入演示数据(${prepared.demo.reports} 份演示报告)。演示账号的密码均为 ${prepared.demo.password} (只显示这一次):`);
    const rows = prepared.demo.accounts ?? [];
    for (let i = 0; i < rows.length; i += 3) {
      lines.push(
        '    ' +
          rows
            .slice(i, i + 3)
            .map((a) => `${a.username.padEnd(10)} ${(a.unit ?? (a.role === 'OFFICE' ? '领导小组办公室' : '领导')).padEnd(11, '\u3000')}`)
            .join(''),
      );
    }
    lines.push('  (不需要演示数据时:DEMO_DATA=0 并使用新的 DATA_DIR)');
  }
  // The banner goes to stdout as plain text, so it is easy to find in a terminal or a log.
  process.stdout.write(lines.join('\n') + '\n\n');
}
