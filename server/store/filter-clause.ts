/** The WHERE clause of a list query whose filters are all optional. */

export interface FilterClause {
  /** `WHERE a = @a AND b = @b`, or '' when no filter is set. */
  where: string;
  /** The named parameters of the set filters, keyed as in the filter. */
  params: Record<string, unknown>;
}

/**
 * Builds the WHERE clause for the filters that are set (neither undefined nor ''), in
 * the order of `conditions`; each condition names its value as `@key`.
 */
export function filterClause<F extends object>(
  filter: F,
  conditions: Partial<Record<keyof F & string, string>>,
): FilterClause {
  const sql: string[] = [];
  const params: Record<string, unknown> = {};
  for (const [key, condition] of Object.entries(conditions) as [keyof F & string, string][]) {
    const value = filter[key];
    if (value === undefined || value === '') continue;
    sql.push(condition);
    params[key] = value;
  }
  return { where: sql.length ? `WHERE ${sql.join(' AND ')}` : '', params };
}
