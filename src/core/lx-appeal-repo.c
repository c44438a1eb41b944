/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-appeal-repo"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-appeal-repo.h"
#include "lx-date.h"
#include "lx-validate.h"

#define APPEAL_COLUMNS \
  "a.id, a.received_on, a.channel, a.household_id, a.anonymous_name, a.concern, a.domain, " \
  "a.priority, a.description, a.assignee_id, a.deadline, a.mechanism, a.status, " \
  "a.resolution_level, a.resolution, a.superior_answer, a.closed_on, a.followup_on, " \
  "a.satisfaction, a.visit_id, h.head_name, m.name"

#define APPEAL_FROM \
  " FROM appeal a LEFT JOIN household h ON h.id = a.household_id " \
  "LEFT JOIN member m ON m.id = a.assignee_id "

void
lx_appeal_filter_clear (LxAppealFilter *filter)
{
  g_clear_pointer (&filter->search, g_free);
  g_clear_pointer (&filter->status, g_free);
  g_clear_pointer (&filter->domain, g_free);
  g_clear_pointer (&filter->concern, g_free);
  g_clear_pointer (&filter->channel, g_free);
  filter->member_id = 0;
  filter->overdue = FALSE;
  filter->year = 0;
}

void
lx_appeal_filter_copy (LxAppealFilter       *dest,
                       const LxAppealFilter *src)
{
  lx_appeal_filter_clear (dest);
  dest->search = g_strdup (src->search);
  dest->status = g_strdup (src->status);
  dest->domain = g_strdup (src->domain);
  dest->concern = g_strdup (src->concern);
  dest->channel = g_strdup (src->channel);
  dest->member_id = src->member_id;
  dest->overdue = src->overdue;
  dest->year = src->year;
}

static gboolean
field_error (const char **out_field,
             const char  *field,
             GError     **error,
             const char  *message)
{
  if (out_field != NULL)
    *out_field = field;
  g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* A code that must be one of @codes; NULL passes when @optional. */
static gboolean
check_code (const char          *value,
            const char * const  *codes,
            gboolean             optional)
{
  if (value == NULL)
    return optional;
  return g_strv_contains (codes, value);
}

/* Parses a lenient date into *@date in place; refuses dates after @today. */
static gboolean
normalize_date (char       **date,
                const char  *today,
                const char  *field,
                const char **out_field,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *iso = lx_parse_date_loose (*date, &local_error);

  if (iso == NULL)
    return field_error (out_field, field, error, local_error->message);
  if (today != NULL && g_strcmp0 (iso, today) > 0)
    return field_error (out_field, field, error, _("The date is after today"));
  g_free (*date);
  *date = g_steal_pointer (&iso);
  return TRUE;
}

/**
 * lx_appeal_validate:
 * @out_field: (out) (optional): the offending field
 *
 * Checks an appeal before intake and normalises its date and texts in place.
 */
gboolean
lx_appeal_validate (LxAppeal     *a,
                    const char   *today,
                    const char  **out_field,
                    GError      **error)
{
  g_return_val_if_fail (LX_IS_APPEAL (a), FALSE);

  if (is_blank (a->received_on))
    {
      g_free (a->received_on);
      a->received_on = g_strdup (today);
    }
  if (!normalize_date (&a->received_on, today, "received_on", out_field, error))
    return FALSE;
  if (!check_code (a->channel, lx_appeal_channels (), FALSE))
    return field_error (out_field, "channel", error, _("Choose the channel the appeal came by"));
  if (a->anonymous_name != NULL)
    g_strstrip (a->anonymous_name);
  if (a->household_id <= 0 && is_blank (a->anonymous_name))
    return field_error (out_field, "household", error,
                        _("Choose a household, or enter the name the person gave"));
  if (a->anonymous_name != NULL && g_utf8_strlen (a->anonymous_name, -1) > 40)
    return field_error (out_field, "household", error, _("The name is longer than 40 characters"));
  if (!check_code (a->concern, lx_appeal_concerns (), TRUE))
    return field_error (out_field, "concern", error, _("Unknown kind of concern"));
  if (a->domain == NULL)
    a->domain = g_strdup ("other");
  if (!check_code (a->domain, lx_appeal_domains (), FALSE))
    return field_error (out_field, "domain", error, _("Unknown domain"));
  if (!check_code (a->priority, lx_appeal_priorities (), TRUE))
    return field_error (out_field, "priority", error, _("Unknown priority"));
  if (a->description != NULL)
    g_strstrip (a->description);
  if (is_blank (a->description))
    return field_error (out_field, "description", error, _("Describe what the person asks for"));
  if (g_utf8_strlen (a->description, -1) > 2000)
    return field_error (out_field, "description", error,
                        _("The description is longer than 2000 characters"));
  return TRUE;
}

/* The moment of a step: today's date (which tests fix) and the clock time. */
static char *
now_moment (void)
{
  g_autofree char *today = lx_date_today ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%H:%M:%S");

  return g_strdup_printf ("%sT%s", today, time);
}

static gboolean
add_step (LxStore     *store,
          gint64       appeal_id,
          gint64       by_member,
          const char  *from,
          const char  *to,
          const char  *note,
          GError     **error)
{
  g_autofree char *at = now_moment ();
  sqlite3_stmt *stmt;

  stmt = lx_store_prepare (store,
                           "INSERT INTO appeal_step (appeal_id, at, member_id, from_status, "
                           "to_status, note) VALUES (?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, appeal_id);
  lx_bind_text (stmt, 2, at);
  lx_bind_id (stmt, 3, by_member);
  lx_bind_text (stmt, 4, from);
  lx_bind_text (stmt, 5, to);
  lx_bind_text (stmt, 6, is_blank (note) ? NULL : note);
  return lx_store_step_done (store, stmt, error);
}

static gboolean
row_exists (LxStore     *store,
            const char  *sql,
            gint64       id,
            GError     **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc == SQLITE_ROW;
  lx_store_set_error (store, error, NULL);
  return FALSE;
}

static gboolean
check_links (LxStore      *store,
             LxAppeal     *a,
             const char  **out_field,
             GError      **error)
{
  if (a->household_id > 0 &&
      !row_exists (store, "SELECT 1 FROM household WHERE id = ? AND deleted_at IS NULL",
                   a->household_id, NULL))
    return field_error (out_field, "household", error,
                        _("The household chosen for this appeal does not exist"));
  if (a->visit_id > 0 && !row_exists (store, "SELECT 1 FROM visit WHERE id = ?", a->visit_id, NULL))
    return field_error (out_field, "visit", error, _("The visit this appeal came from does not exist"));
  return TRUE;
}

static gboolean
insert_appeal (LxStore   *store,
               LxAppeal  *a,
               GError   **error)
{
  sqlite3_stmt *stmt;

  stmt = lx_store_prepare (store,
                           "INSERT INTO appeal (received_on, channel, household_id, anonymous_name, "
                           "concern, domain, priority, description, visit_id, status) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'received')",
                           error);
  if (stmt == NULL)
    return FALSE;
  lx_bind_text (stmt, 1, a->received_on);
  lx_bind_text (stmt, 2, a->channel);
  lx_bind_id (stmt, 3, a->household_id);
  lx_bind_text (stmt, 4, a->household_id > 0 || is_blank (a->anonymous_name) ? NULL : a->anonymous_name);
  lx_bind_text (stmt, 5, a->concern);
  lx_bind_text (stmt, 6, a->domain);
  lx_bind_text (stmt, 7, a->priority);
  lx_bind_text (stmt, 8, a->description);
  lx_bind_id (stmt, 9, a->visit_id);
  if (!lx_store_step_done (store, stmt, error))
    return FALSE;
  a->id = lx_store_last_insert_id (store);
  g_free (a->status);
  a->status = g_strdup ("received");
  return TRUE;
}

/**
 * lx_appeal_repo_intake:
 * @by_member: who took the appeal in; 0 when not said
 *
 * Records a new appeal (status received) with its first step, in one
 * transaction.
 *
 * Returns: the appeal's id, or 0 with @error set.
 */
gint64
lx_appeal_repo_intake (LxStore   *store,
                       LxAppeal  *a,
                       gint64     by_member,
                       GError   **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autofree char *today = lx_date_today ();

  g_return_val_if_fail (LX_IS_STORE (store), 0);
  g_return_val_if_fail (LX_IS_APPEAL (a), 0);
  g_return_val_if_fail (a->id == 0, 0);

  if (!lx_appeal_validate (a, today, NULL, error))
    return 0;
  if (!(tx = lx_store_begin (store, error)))
    return 0;
  if (!check_links (store, a, NULL, error) ||
      !insert_appeal (store, a, error) ||
      !add_step (store, a->id, by_member, NULL, "received",
                 lx_appeal_channel_label (a->channel), error) ||
      !lx_store_log_change (store, "appeal", a->id, "insert", a->description, error) ||
      !lx_transaction_commit (tx, error))
    {
      a->id = 0;
      return 0;
    }
  return a->id;
}

static LxAppeal *
appeal_from_row (sqlite3_stmt *stmt)
{
  LxAppeal *a = lx_appeal_new ();

  a->id = sqlite3_column_int64 (stmt, 0);
  a->received_on = lx_column_dup (stmt, 1);
  a->channel = lx_column_dup (stmt, 2);
  a->household_id = sqlite3_column_int64 (stmt, 3);
  a->anonymous_name = lx_column_dup (stmt, 4);
  a->concern = lx_column_dup (stmt, 5);
  a->domain = lx_column_dup (stmt, 6);
  a->priority = lx_column_dup (stmt, 7);
  a->description = lx_column_dup (stmt, 8);
  a->assignee_id = sqlite3_column_int64 (stmt, 9);
  a->deadline = lx_column_dup (stmt, 10);
  a->mechanism = lx_column_dup (stmt, 11);
  a->status = lx_column_dup (stmt, 12);
  a->resolution_level = lx_column_dup (stmt, 13);
  a->resolution = lx_column_dup (stmt, 14);
  a->superior_answer = lx_column_dup (stmt, 15);
  a->closed_on = lx_column_dup (stmt, 16);
  a->followup_on = lx_column_dup (stmt, 17);
  a->satisfaction = lx_column_dup (stmt, 18);
  a->visit_id = sqlite3_column_int64 (stmt, 19);
  a->household_name = lx_column_dup (stmt, 20);
  a->assignee_name = lx_column_dup (stmt, 21);
  return a;
}

LxAppeal *
lx_appeal_repo_get (LxStore  *store,
                    gint64    id,
                    GError  **error)
{
  sqlite3_stmt *stmt;
  LxAppeal *a;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  stmt = lx_store_prepare (store, "SELECT " APPEAL_COLUMNS APPEAL_FROM "WHERE a.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      if (rc == SQLITE_DONE)
        g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND,
                     _("There is no appeal with number %s"), id_text);
      else
        lx_store_set_error (store, error, NULL);
      sqlite3_reset (stmt);
      return NULL;
    }
  a = appeal_from_row (stmt);
  sqlite3_reset (stmt);
  return a;
}

static char *
member_name (LxStore *store,
             gint64   member_id)
{
  sqlite3_stmt *stmt;
  char *name = NULL;

  stmt = lx_store_prepare (store, "SELECT name FROM member WHERE id = ? AND deleted_at IS NULL", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, member_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = lx_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return name;
}

static gboolean
check_assignment (LxStore      *store,
                  LxAppeal     *a,
                  gint64        member_id,
                  char        **deadline,
                  const char   *mechanism,
                  char        **out_name,
                  const char  **out_field,
                  GError      **error)
{
  if (g_strcmp0 (a->status, "received") != 0 && g_strcmp0 (a->status, "in_progress") != 0 &&
      g_strcmp0 (a->status, "escalated") != 0)
    return field_error (out_field, "status", error,
                        _("Only an appeal still being handled can be assigned"));
  if (member_id <= 0 || (*out_name = member_name (store, member_id)) == NULL)
    return field_error (out_field, "assignee", error, _("Choose the member who handles the appeal"));
  if (!is_blank (*deadline))
    {
      if (!normalize_date (deadline, NULL, "deadline", out_field, error))
        return FALSE;
      if (g_strcmp0 (*deadline, a->received_on) < 0)
        return field_error (out_field, "deadline", error,
                            _("The deadline is before the day the appeal was received"));
    }
  else
    g_clear_pointer (deadline, g_free);
  if (!check_code (mechanism, lx_appeal_mechanisms (), TRUE))
    return field_error (out_field, "mechanism", error, _("Unknown mechanism"));
  return TRUE;
}

/**
 * lx_appeal_repo_assign:
 * @deadline: (nullable): ISO or lenient date
 * @mechanism: (nullable): self_help / window / coordinated; NULL keeps it
 *
 * Gives the appeal to a member with a deadline; the status stays, and the
 * assignment is a step of its own in the history.
 */
gboolean
lx_appeal_repo_assign (LxStore      *store,
                       gint64        appeal_id,
                       gint64        member_id,
                       const char   *deadline_text,
                       const char   *mechanism,
                       gint64        by_member,
                       const char  **out_field,
                       GError      **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autoptr(LxAppeal) a = NULL;
  g_autofree char *deadline = g_strdup (deadline_text);
  g_autofree char *name = NULL;
  g_autofree char *note = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);

  if (!(tx = lx_store_begin (store, error)) || !(a = lx_appeal_repo_get (store, appeal_id, error)))
    return FALSE;
  if (!check_assignment (store, a, member_id, &deadline, mechanism, &name, out_field, error))
    return FALSE;

  stmt = lx_store_prepare (store,
                           "UPDATE appeal SET assignee_id = ?2, deadline = ?3, "
                           "mechanism = coalesce(?4, mechanism) WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, appeal_id);
  sqlite3_bind_int64 (stmt, 2, member_id);
  lx_bind_text (stmt, 3, deadline);
  lx_bind_text (stmt, 4, mechanism);
  if (!lx_store_step_done (store, stmt, error))
    return FALSE;

  note = deadline != NULL ? g_strdup_printf (_("Assigned to %s, due %s"), name, deadline)
                          : g_strdup_printf (_("Assigned to %s"), name);
  return add_step (store, appeal_id, by_member, a->status, a->status, note, error) &&
         lx_store_log_change (store, "appeal", appeal_id, "update", note, error) &&
         lx_transaction_commit (tx, error);
}

/* The rules that go beyond the workflow table, seen against the row. */
static gboolean
check_change (LxAppeal              *a,
              const char            *to,
              const LxAppealChange  *c,
              char                 **followup,
              const char           **out_field,
              GError               **error)
{
  g_autofree char *today = lx_date_today ();

  if (g_str_equal (to, "in_progress") && a->assignee_id <= 0)
    return field_error (out_field, "assignee", error,
                        _("Assign a member to the appeal before the work starts"));
  if ((g_str_equal (to, "resolved") || g_str_equal (to, "responded")) && is_blank (c->resolution))
    return field_error (out_field, "resolution", error,
                        g_str_equal (to, "resolved") ? _("Describe how the appeal was resolved")
                                                     : _("Enter the answer given to the person"));
  if (g_str_equal (to, "resolved") &&
      (c->resolution_level == NULL || g_str_equal (c->resolution_level, "upward") ||
       g_str_equal (c->resolution_level, "pending_hard")))
    return field_error (out_field, "resolution_level", error,
                        _("Choose where the appeal was resolved: branch, service centre or street"));
  if (!check_code (c->resolution_level, lx_appeal_levels (), TRUE))
    return field_error (out_field, "resolution_level", error, _("Unknown resolution level"));
  if (!g_str_equal (to, "closed"))
    return TRUE;

  if (g_str_equal (a->status, "escalated") && is_blank (a->superior_answer))
    return field_error (out_field, "superior_answer", error,
                        _("An escalated appeal can close only after the superior's answer is recorded"));
  if (is_blank (*followup))
    return field_error (out_field, "followup_on", error,
                        _("Closing needs the date of the follow-up call"));
  if (!normalize_date (followup, today, "followup_on", out_field, error))
    return FALSE;
  if (g_strcmp0 (*followup, a->received_on) < 0)
    return field_error (out_field, "followup_on", error,
                        _("The follow-up is before the day the appeal was received"));
  if (c->satisfaction == NULL || !check_code (c->satisfaction, lx_appeal_satisfactions (), FALSE))
    return field_error (out_field, "satisfaction", error,
                        _("Closing needs the satisfaction the person gave on the follow-up"));
  return TRUE;
}

static gboolean
write_transition (LxStore               *store,
                  LxAppeal              *a,
                  const char            *to,
                  const LxAppealChange  *c,
                  const char            *followup,
                  GError               **error)
{
  g_autofree char *today = lx_date_today ();
  const char *level = c->resolution_level;
  sqlite3_stmt *stmt;

  if (g_str_equal (to, "responded") && level == NULL)
    level = "pending_hard";
  if (g_str_equal (to, "escalated"))
    level = "upward";

  stmt = lx_store_prepare (store,
                           "UPDATE appeal SET status = ?2, "
                           "resolution_level = coalesce(?3, resolution_level), "
                           "resolution = coalesce(?4, resolution), "
                           "mechanism = CASE WHEN ?2 = 'escalated' THEN coalesce(mechanism, 'coordinated') "
                           "                 ELSE mechanism END, "
                           "closed_on = CASE WHEN ?2 = 'closed' THEN ?5 ELSE closed_on END, "
                           "followup_on = coalesce(?6, followup_on), "
                           "satisfaction = coalesce(?7, satisfaction) "
                           "WHERE id = ?1 AND status = ?8",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->id);
  lx_bind_text (stmt, 2, to);
  lx_bind_text (stmt, 3, level);
  lx_bind_text (stmt, 4, is_blank (c->resolution) ? NULL : c->resolution);
  lx_bind_text (stmt, 5, today);
  lx_bind_text (stmt, 6, g_str_equal (to, "closed") ? followup : NULL);
  lx_bind_text (stmt, 7, g_str_equal (to, "closed") ? c->satisfaction : NULL);
  lx_bind_text (stmt, 8, a->status);
  return lx_store_step_done (store, stmt, error);
}

/**
 * lx_appeal_repo_transition:
 * @change: (nullable): what goes with the step; see #LxAppealChange
 * @out_field: (out) (optional): the field a refusal is about
 *
 * Moves an appeal one step along its workflow and records the step, in one
 * transaction. An invalid transition is refused with a message naming both
 * statuses, and nothing changes.
 */
gboolean
lx_appeal_repo_transition (LxStore               *store,
                           gint64                 appeal_id,
                           const char            *to,
                           const LxAppealChange  *change,
                           const char           **out_field,
                           GError               **error)
{
  static const LxAppealChange none = { 0 };
  g_autoptr(LxTransaction) tx = NULL;
  g_autoptr(LxAppeal) a = NULL;
  g_autofree char *followup = NULL;
  g_autofree char *summary = NULL;
  const char *note;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);

  if (change == NULL)
    change = &none;
  followup = g_strdup (change->followup_on);
  if (!(tx = lx_store_begin (store, error)) || !(a = lx_appeal_repo_get (store, appeal_id, error)))
    return FALSE;
  if (!lx_appeal_transition_allowed (a->status, to, error))
    {
      if (out_field != NULL)
        *out_field = "status";
      return FALSE;
    }
  if (!check_change (a, to, change, &followup, out_field, error))
    return FALSE;

  note = !is_blank (change->note) ? change->note : change->resolution;
  summary = g_strdup_printf ("%s → %s", a->status, to);
  return write_transition (store, a, to, change, followup, error) &&
         add_step (store, appeal_id, change->by_member, a->status, to, note, error) &&
         lx_store_log_change (store, "appeal", appeal_id, "update", summary, error) &&
         lx_transaction_commit (tx, error);
}

/**
 * lx_appeal_repo_record_answer:
 *
 * Records the superior organization's answer to an escalated appeal, which
 * lets it close.
 */
gboolean
lx_appeal_repo_record_answer (LxStore     *store,
                              gint64       appeal_id,
                              const char  *answer,
                              gint64       by_member,
                              GError     **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autoptr(LxAppeal) a = NULL;
  g_autofree char *text = g_strstrip (g_strdup (answer ? answer : ""));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);

  if (*text == '\0')
    return field_error (NULL, NULL, error, _("Enter the answer of the superior organization"));
  if (!(tx = lx_store_begin (store, error)) || !(a = lx_appeal_repo_get (store, appeal_id, error)))
    return FALSE;
  if (g_strcmp0 (a->status, "escalated") != 0)
    {
      g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                   _("Only an escalated appeal has a superior's answer; this one is “%s”"),
                   lx_appeal_status_label (a->status));
      return FALSE;
    }
  stmt = lx_store_prepare (store, "UPDATE appeal SET superior_answer = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, appeal_id);
  lx_bind_text (stmt, 2, text);
  return lx_store_step_done (store, stmt, error) &&
         add_step (store, appeal_id, by_member, a->status, a->status, text, error) &&
         lx_store_log_change (store, "appeal", appeal_id, "update", "superior_answer", error) &&
         lx_transaction_commit (tx, error);
}

GPtrArray *
lx_appeal_repo_list_steps (LxStore  *store,
                           gint64    appeal_id,
                           GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = lx_store_prepare (store,
                           "SELECT s.id, s.appeal_id, s.at, s.member_id, m.name, s.from_status, "
                           "s.to_status, s.note FROM appeal_step s "
                           "LEFT JOIN member m ON m.id = s.member_id "
                           "WHERE s.appeal_id = ? ORDER BY s.at, s.id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, appeal_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LxAppealStep *s = g_object_new (LX_TYPE_APPEAL_STEP, NULL);
      s->id = sqlite3_column_int64 (stmt, 0);
      s->appeal_id = sqlite3_column_int64 (stmt, 1);
      s->at = lx_column_dup (stmt, 2);
      s->member_id = sqlite3_column_int64 (stmt, 3);
      s->member_name = lx_column_dup (stmt, 4);
      s->from_status = lx_column_dup (stmt, 5);
      s->to_status = lx_column_dup (stmt, 6);
      s->note = lx_column_dup (stmt, 7);
      g_ptr_array_add (list, s);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, NULL);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* Escapes LIKE's wildcards so that a search for "50%" means what it says. */
static char *
like_pattern (const char *search)
{
  g_autofree char *lower = g_utf8_strdown (search, -1);
  GString *s = g_string_new ("%");

  g_strstrip (lower);
  for (const char *p = lower; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '%');
  return g_string_free (s, FALSE);
}

/**
 * lx_appeal_repo_query_ids:
 * @today: ISO date against which deadlines are overdue
 *
 * The ids of the appeals that pass @filter, newest first. Runs in SQL.
 */
GArray *
lx_appeal_repo_query_ids (LxStore               *store,
                          const LxAppealFilter  *filter,
                          const char            *today,
                          GError               **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *pattern = NULL;
  g_autofree char *year_from = NULL;
  g_autofree char *year_until = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  stmt = lx_store_prepare (store,
    "SELECT a.id FROM appeal a LEFT JOIN household h ON h.id = a.household_id "
    "WHERE (?1 IS NULL OR a.status = ?1) AND (?2 IS NULL OR a.domain = ?2) "
    "AND (?3 IS NULL OR a.concern = ?3) AND (?4 IS NULL OR a.channel = ?4) "
    "AND (?5 IS NULL OR a.assignee_id = ?5) "
    "AND (?6 = 0 OR (a.deadline < ?7 AND a.status NOT IN ('resolved', 'responded', 'closed'))) "
    "AND (?8 IS NULL OR lower(a.description) LIKE ?8 ESCAPE '\\' "
    "     OR h.search_text LIKE ?8 ESCAPE '\\' OR lower(a.anonymous_name) LIKE ?8 ESCAPE '\\') "
    "AND (?9 IS NULL OR (a.received_on >= ?9 AND a.received_on < ?10) "
    "     OR (a.received_on < ?10 AND a.status NOT IN ('resolved', 'responded', 'closed'))) "
    "ORDER BY a.received_on DESC, a.id DESC",
    error);
  if (stmt == NULL)
    return NULL;

  if (!is_blank (filter->search))
    pattern = like_pattern (filter->search);
  if (filter->year > 0)
    {
      year_from = g_strdup_printf ("%04d-01-01", filter->year);
      year_until = g_strdup_printf ("%04d-01-01", filter->year + 1);
    }
  lx_bind_text (stmt, 1, filter->status);
  lx_bind_text (stmt, 2, filter->domain);
  lx_bind_text (stmt, 3, filter->concern);
  lx_bind_text (stmt, 4, filter->channel);
  lx_bind_id (stmt, 5, filter->member_id);
  sqlite3_bind_int (stmt, 6, filter->overdue ? 1 : 0);
  lx_bind_text (stmt, 7, today);
  lx_bind_text (stmt, 8, pattern);
  lx_bind_text (stmt, 9, year_from);
  lx_bind_text (stmt, 10, year_until);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, NULL);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* A household's appeals, newest first: for its timeline. */
GPtrArray *
lx_appeal_repo_list_for_household (LxStore  *store,
                                   gint64    household_id,
                                   GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = lx_store_prepare (store,
                           "SELECT " APPEAL_COLUMNS APPEAL_FROM
                           "WHERE a.household_id = ? ORDER BY a.received_on DESC, a.id DESC",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, household_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, appeal_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, NULL);
      return NULL;
    }
  return g_steal_pointer (&list);
}
