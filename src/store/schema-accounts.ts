import type { Generated } from 'kysely';

/** Table types of accounts: users, their departments, sessions, login failures and API tokens. */

export interface UserTable {
  id: Generated<number>;
  municipality_code: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
}

export interface UserDepartmentTable {
  user_id: number;
  department_id: number;
  municipality_code: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie's token. */
  id: string;
  user_id: number;
  municipality_code: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface LoginFailureTable {
  id: Generated<number>;
  /** `email:…` or `ip:…`. */
  key: string;
  at: string;
}

/** An API token (issue #5): only the SHA-256 of its secret is stored. */
export interface ApiTokenTable {
  id: Generated<number>;
  municipality_code: string;
  user_id: number;
  name: string;
  /** SHA-256 (hex) of the secret `sousei_…`. */
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}
