import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../client';
import { dbReady, transaction } from '../transaction';
import { documents, members, participants, projects, users } from '../schema';
import { type Role } from '@/lib/access/layers';
import { DomainError } from '@/lib/errors';

export type ProjectRow = typeof projects.$inferSelect;

/** The projects a user belongs to, with their role and sizes. Admins see only their own memberships. */
export async function projectsForUser(db: Db, userId: number) {
  await dbReady(db);
  return db
    .select({
      id: projects.id,
      name: projects.name,
      description: projects.description,
      isDemo: projects.isDemo,
      role: members.role,
      documentCount: sql<number>`(select count(*) from ${documents} where ${documents.projectId} = "projects"."id")`,
      participantCount: sql<number>`(select count(*) from ${participants} where ${participants.projectId} = "projects"."id")`,
    })
    .from(members)
    .innerJoin(projects, eq(projects.id, members.projectId))
    .where(eq(members.userId, userId))
    .orderBy(asc(projects.name))
    .all();
}

/** The user's role in the project, or undefined when they are not a member (or it does not exist). */
export async function roleInProject(db: Db, userId: number, projectId: number): Promise<Role | undefined> {
  await dbReady(db);
  return db
    .select({ role: members.role })
    .from(members)
    .where(and(eq(members.userId, userId), eq(members.projectId, projectId)))
    .get()?.role;
}

export async function projectById(db: Db, projectId: number): Promise<ProjectRow | undefined> {
  await dbReady(db);
  return db.select().from(projects).where(eq(projects.id, projectId)).get();
}

export async function createProject(db: Db, input: { name: string; description?: string }, leadId: number): Promise<ProjectRow> {
  return await transaction(db, async (tx) => {
    const project = tx.insert(projects).values({ name: input.name, description: input.description ?? '' }).returning().get();
    tx.insert(members).values({ projectId: project.id, userId: leadId, role: 'lead' }).run();
    return project;
  });
}

export async function membersOfProject(db: Db, projectId: number) {
  await dbReady(db);
  return db
    .select({ userId: users.id, email: users.email, name: users.name, role: members.role, disabled: users.disabled })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.projectId, projectId))
    .orderBy(asc(users.email))
    .all();
}

/** Adds the user or changes their role. */
export async function setMemberRole(db: Queryable, projectId: number, userId: number, role: Role): Promise<void> {
  await dbReady(db);
  db.insert(members)
    .values({ projectId, userId, role })
    .onConflictDoUpdate({ target: [members.projectId, members.userId], set: { role } })
    .run();
}

/** Removes a member; refuses to remove the project's last lead. */
export async function removeMember(db: Db, projectId: number, userId: number): Promise<void> {
  await transaction(db, async (tx) => {
    const leads = tx
      .select({ userId: members.userId })
      .from(members)
      .where(and(eq(members.projectId, projectId), eq(members.role, 'lead')))
      .all();
    if (leads.length === 1 && leads[0].userId === userId) {
      throw new DomainError('member.last_lead');
    }
    tx.delete(members).where(and(eq(members.projectId, projectId), eq(members.userId, userId))).run();
  });
}

export async function setMemberRoleChecked(db: Db, projectId: number, userId: number, role: Role): Promise<void> {
  await transaction(db, async (tx) => {
    if (role !== 'lead') {
      const leads = tx
        .select({ userId: members.userId })
        .from(members)
        .where(and(eq(members.projectId, projectId), eq(members.role, 'lead')))
        .all();
      if (leads.length === 1 && leads[0].userId === userId) {
        throw new DomainError('member.last_lead');
      }
    }
    await setMemberRole(tx, projectId, userId, role);
  });
}
