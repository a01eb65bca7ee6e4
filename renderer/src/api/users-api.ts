/** Admin API: the identity pool (local users; passwords are write-only). */
import type { CreateUserInput, Membership, User } from '../../../server/model/user';
import type { ApiClient } from './client';

export interface UserMembership extends Membership {
  org: { id: string; name: string; slug: string };
}

/** `GET /api/users/:id`: the user and the organizations they belong to. */
export interface UserDetail extends User {
  memberships: UserMembership[];
}

export interface UserPatch {
  name?: string;
  password?: string;
}

const userPath = (id: string) => `/api/users/${encodeURIComponent(id)}`;

export async function listUsers(client: ApiClient): Promise<User[]> {
  const body = await client.request<{ users: User[] }>('Loading users', 'GET', '/api/users');
  return body.users;
}

export function getUser(client: ApiClient, id: string): Promise<UserDetail> {
  return client.request('Loading the user', 'GET', userPath(id));
}

/** Every user with their memberships (one request per user: the pool of a local workbench is small). */
export async function listUsersWithMemberships(client: ApiClient): Promise<UserDetail[]> {
  const users = await listUsers(client);
  return Promise.all(users.map((user) => getUser(client, user.id)));
}

export function createUser(client: ApiClient, input: CreateUserInput): Promise<User> {
  return client.request('Creating the user', 'POST', '/api/users', input);
}

export function updateUser(client: ApiClient, id: string, patch: UserPatch): Promise<User> {
  return client.request('Saving the user', 'PATCH', userPath(id), patch);
}

/** Clears a lockout left by repeated failed sign-ins. */
export function unlockUser(client: ApiClient, id: string): Promise<User> {
  return client.request('Unlocking the user', 'PATCH', userPath(id), { unlock: true });
}

/** Deletes the user and their memberships. */
export async function deleteUser(client: ApiClient, id: string): Promise<void> {
  await client.request<unknown>('Deleting the user', 'DELETE', userPath(id));
}
