import { databaseSettingsFromEnv } from '../src/database/database-settings.js';

describe('database settings from the environment', () => {
  const primary = 'postgres://register:secret-password@primary:5432/register';
  const replica = 'postgres://register:secret-password@replica:5432/register';

  it('takes READ_DATABASE_URL as the replica that serves the landscape reads', () => {
    expect(databaseSettingsFromEnv({ DATABASE_URL: primary, READ_DATABASE_URL: replica })).toMatchObject({ url: primary, readUrl: replica });
    expect(databaseSettingsFromEnv({ DATABASE_URL: primary }).readUrl).toBeNull();
  });

  it('refuses a replica without a primary server, as the embedded database has none', () => {
    expect(() => databaseSettingsFromEnv({ READ_DATABASE_URL: replica })).toThrow('READ_DATABASE_URL needs DATABASE_URL');
  });

  it('refuses a URL that is not postgres:// without echoing it (it may hold a password)', () => {
    const bad = 'mysql://register:secret-password@replica/register';
    expect(() => databaseSettingsFromEnv({ DATABASE_URL: primary, READ_DATABASE_URL: bad })).toThrow('READ_DATABASE_URL must be a postgres:// URL');
    expect(() => databaseSettingsFromEnv({ DATABASE_URL: primary, READ_DATABASE_URL: bad })).not.toThrow(/secret-password/);
  });
});
