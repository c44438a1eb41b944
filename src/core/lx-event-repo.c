/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-event-repo"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lx-date.h"
#include "lx-event-repo.h"
#include "lx-recurrence.h"

G_DEFINE_FINAL_TYPE (LxOccurrence, lx_occurrence, G_TYPE_OBJECT)

static void
lx_occurrence_finalize (GObject *object)
{
  LxOccurrence *self = LX_OCCURRENCE (object);

  g_free (self->kind);
  g_free (self->title);
  g_free (self->occurrence_on);
  g_free (self->starts_at);
  g_free (self->ends_at);
  g_free (self->place);
  g_free (self->rrule);
  g_free (self->member_names);
  G_OBJECT_CLASS (lx_occurrence_parent_class)->finalize (object);
}

static void
lx_occurrence_class_init (LxOccurrenceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lx_occurrence_finalize;
}

static void
lx_occurrence_init (LxOccurrence *self)
{
}

static const char * const event_kinds[] = {
  "planned_visit", "field", "reception_day", "service", "meeting", NULL
};

const char *
lx_event_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "planned_visit") == 0)
    return _("Planned Visit");
  if (g_strcmp0 (kind, "field") == 0)
    return _("Field Visit");
  if (g_strcmp0 (kind, "reception_day") == 0)
    return _("Reception Day");
  if (g_strcmp0 (kind, "service") == 0)
    return _("Service Activity");
  return _("Meeting");
}

/* The kind of visit that marking an event done records. */
const char *
lx_event_kind_visit_kind (const char *kind)
{
  if (g_strcmp0 (kind, "planned_visit") == 0)
    return "home";
  if (g_strcmp0 (kind, "field") == 0)
    return "field";
  if (g_strcmp0 (kind, "reception_day") == 0)
    return "reception";
  return "other";
}

static gboolean
fail (GError    **error,
      int         code,
      const char *message)
{
  g_set_error_literal (error, LX_REPO_ERROR, code, message);
  return FALSE;
}

static gboolean
valid_moment (const char *text,
              gboolean    date_only_ok)
{
  int y, mo, d, h, mi;

  if (text == NULL)
    return FALSE;
  if (date_only_ok && strlen (text) == 10)
    return sscanf (text, "%4d-%2d-%2d", &y, &mo, &d) == 3 && g_date_valid_dmy (d, mo, y);
  return strlen (text) == 16 && text[10] == 'T' &&
         sscanf (text, "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi) == 5 &&
         g_date_valid_dmy (d, mo, y) && h >= 0 && h < 24 && mi >= 0 && mi < 60;
}

/* Creating --------------------------------------------------------------- */

static gboolean
validate_draft (const LxEventDraft *draft,
                const char        **out_field,
                GError            **error)
{
  LxRecurrence rule;
  const char *field = NULL;
  g_autoptr(GError) local_error = NULL;

  if (draft->kind == NULL || !g_strv_contains (event_kinds, draft->kind))
    field = "kind", g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                                         _("Choose the kind of event"));
  else if (draft->title == NULL || *draft->title == '\0')
    field = "title", g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                                          _("Enter a title for the event"));
  else if (!valid_moment (draft->starts_at, FALSE))
    field = "starts_at", g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                                              _("Enter the start as YYYY-MM-DD and HH:MM"));
  else if (draft->ends_at != NULL && (!valid_moment (draft->ends_at, FALSE) ||
                                      strcmp (draft->ends_at, draft->starts_at) <= 0))
    field = "ends_at", g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                                            _("The end must come after the start"));
  else if (draft->rrule != NULL && !lx_recurrence_parse (draft->rrule, &rule, &local_error))
    field = "rrule", g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                                          local_error->message);
  if (out_field != NULL)
    *out_field = field;
  return field == NULL;
}

gint64
lx_event_repo_create (LxStore            *store,
                      const LxEventDraft *draft,
                      const char        **out_field,
                      GError            **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (LX_IS_STORE (store), 0);

  if (!validate_draft (draft, out_field, error) || (tx = lx_store_begin (store, error)) == NULL)
    return 0;
  stmt = lx_store_prepare (store,
                           "INSERT INTO event (kind, title, starts_at, ends_at, place, rrule, "
                           "household_id, contact_point_id, notes) VALUES (?,?,?,?,?,?,?,?,?)", error);
  if (stmt == NULL)
    return 0;
  lx_bind_text (stmt, 1, draft->kind);
  lx_bind_text (stmt, 2, draft->title);
  lx_bind_text (stmt, 3, draft->starts_at);
  lx_bind_text (stmt, 4, draft->ends_at);
  lx_bind_text (stmt, 5, draft->place);
  lx_bind_text (stmt, 6, draft->rrule);
  lx_bind_id (stmt, 7, draft->household_id);
  lx_bind_id (stmt, 8, draft->contact_point_id);
  lx_bind_text (stmt, 9, draft->notes);
  if (!lx_store_step_done (store, stmt, error))
    return 0;
  id = lx_store_last_insert_id (store);
  if (draft->member_ids != NULL)
    {
      stmt = lx_store_prepare (store, "INSERT OR IGNORE INTO event_member (event_id, member_id) "
                                      "VALUES (?, ?)", error);
      if (stmt == NULL)
        return 0;
      for (guint i = 0; i < draft->member_ids->len; i++)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int64 (stmt, 2, g_array_index (draft->member_ids, gint64, i));
          if (!lx_store_step_done (store, stmt, error))
            return 0;
        }
    }
  if (!lx_store_log_change (store, "event", id, "insert", draft->title, error) ||
      !lx_transaction_commit (tx, error))
    return 0;
  return id;
}

gboolean
lx_event_repo_delete (LxStore  *store,
                      gint64    event_id,
                      GError  **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);

  if ((tx = lx_store_begin (store, error)) == NULL ||
      (stmt = lx_store_prepare (store, "DELETE FROM event WHERE id = ?", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  if (!lx_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (lx_store_get_db (store)) == 0)
    return fail (error, LX_REPO_ERROR_NOT_FOUND, _("The event no longer exists"));
  return lx_store_log_change (store, "event", event_id, "delete", NULL, error) &&
         lx_transaction_commit (tx, error);
}

/* Expanding ------------------------------------------------------------- */

#define EVENT_SELECT \
  "SELECT e.id, e.kind, e.title, e.starts_at, e.ends_at, e.place, e.rrule, e.household_id, " \
  "e.contact_point_id, e.status, (SELECT group_concat(name, '、') FROM (SELECT m.name " \
  "FROM event_member em JOIN member m ON m.id = em.member_id WHERE em.event_id = e.id " \
  "ORDER BY m.pinyin)) FROM event e "

typedef struct
{
  char    *moved_to;
  gboolean done;
} Exception;

static void
exception_free (gpointer data)
{
  Exception *x = data;

  g_free (x->moved_to);
  g_free (x);
}

/* The template of an event's occurrences: a row of EVENT_SELECT. */
static LxOccurrence *
template_from_row (sqlite3_stmt *stmt)
{
  LxOccurrence *o = g_object_new (LX_TYPE_OCCURRENCE, NULL);

  o->event_id = sqlite3_column_int64 (stmt, 0);
  o->kind = lx_column_dup (stmt, 1);
  o->title = lx_column_dup (stmt, 2);
  o->starts_at = lx_column_dup (stmt, 3);
  o->ends_at = lx_column_dup (stmt, 4);
  o->place = lx_column_dup (stmt, 5);
  o->rrule = lx_column_dup (stmt, 6);
  o->household_id = sqlite3_column_int64 (stmt, 7);
  o->contact_point_id = sqlite3_column_int64 (stmt, 8);
  o->done = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 9), "done") == 0;
  o->member_names = lx_column_dup (stmt, 10);
  o->occurrence_on = g_strndup (o->starts_at, 10);
  return o;
}

/* A copy of @tpl happening on @date (or at the moment @moved_to). Times
 * of day carry over; Asia/Shanghai has no daylight saving to adjust for. */
static LxOccurrence *
occurrence_at (LxOccurrence *tpl,
               const char   *date,
               const char   *moved_to)
{
  LxOccurrence *o = g_object_new (LX_TYPE_OCCURRENCE, NULL);
  const char *start_time = strlen (tpl->starts_at) > 10 ? tpl->starts_at + 10 : "T00:00";

  o->event_id = tpl->event_id;
  o->kind = g_strdup (tpl->kind);
  o->title = g_strdup (tpl->title);
  o->place = g_strdup (tpl->place);
  o->rrule = g_strdup (tpl->rrule);
  o->household_id = tpl->household_id;
  o->contact_point_id = tpl->contact_point_id;
  o->member_names = g_strdup (tpl->member_names);
  o->occurrence_on = g_strdup (date);
  o->moved = moved_to != NULL;
  if (moved_to != NULL && strlen (moved_to) > 10)
    o->starts_at = g_strdup (moved_to);
  else
    o->starts_at = g_strconcat (moved_to != NULL ? moved_to : date, start_time, NULL);
  if (tpl->ends_at != NULL && strlen (tpl->ends_at) == 16)
    {
      int shift = lx_date_days_between (tpl->starts_at, tpl->ends_at);
      g_autofree char *end_day = lx_date_add_days (o->starts_at, shift);
      o->ends_at = g_strconcat (end_day, tpl->ends_at + 10, NULL);
    }
  return o;
}

static GHashTable *
load_exceptions (LxStore  *store,
                 gint64    event_id,
                 GError  **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, exception_free);
  sqlite3_stmt *stmt;

  stmt = lx_store_prepare (store, "SELECT occurrence_on, moved_to, done FROM event_exception "
                                  "WHERE event_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Exception *x = g_new0 (Exception, 1);
      x->moved_to = lx_column_dup (stmt, 1);
      x->done = sqlite3_column_int (stmt, 2) != 0;
      g_hash_table_insert (table, lx_column_dup (stmt, 0), x);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&table);
}

/* Days on which a visit was recorded from the event: those count as held
 * even without an exception row (visits logged by hand on a reception day). */
static GHashTable *
load_visit_days (LxStore  *store,
                 gint64    event_id,
                 GError  **error)
{
  GHashTable *days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;

  stmt = lx_store_prepare (store, "SELECT DISTINCT substr(happened_at, 1, 10) FROM visit "
                                  "WHERE event_id = ?", error);
  if (stmt == NULL)
    {
      g_hash_table_unref (days);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, event_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (days, lx_column_dup (stmt, 0));
  sqlite3_reset (stmt);
  return days;
}

static gboolean
in_range (const char *moment,
          const char *from,
          const char *to)
{
  return strncmp (moment, from, 10) >= 0 && strncmp (moment, to, 10) <= 0;
}

static gboolean
expand_series (LxStore      *store,
               LxOccurrence *tpl,
               const char   *from,
               const char   *to,
               GPtrArray    *out,
               GError      **error)
{
  g_autoptr(GHashTable) exceptions = NULL;
  g_autoptr(GHashTable) visit_days = NULL;
  g_autoptr(GPtrArray) dates = NULL;
  LxRecurrence rule;
  GHashTableIter iter;
  gpointer key, value;

  if (!lx_recurrence_parse (tpl->rrule, &rule, NULL))
    {
      /* A rule we cannot read still shows its first date. */
      if (in_range (tpl->starts_at, from, to))
        g_ptr_array_add (out, g_object_ref (tpl));
      return TRUE;
    }
  if ((exceptions = load_exceptions (store, tpl->event_id, error)) == NULL ||
      (visit_days = load_visit_days (store, tpl->event_id, error)) == NULL)
    return FALSE;

  dates = lx_recurrence_expand (&rule, tpl->occurrence_on, from, to);
  for (guint i = 0; i < dates->len; i++)
    {
      const char *date = g_ptr_array_index (dates, i);
      Exception *x = g_hash_table_lookup (exceptions, date);
      LxOccurrence *o;

      /* Skipped (no new date, not done) or moved: the move is added below. */
      if (x != NULL && (x->moved_to != NULL || !x->done))
        continue;
      o = occurrence_at (tpl, date, NULL);
      o->done = x != NULL || g_hash_table_contains (visit_days, date);
      g_ptr_array_add (out, o);
    }

  g_hash_table_iter_init (&iter, exceptions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Exception *x = value;
      LxOccurrence *o;

      g_autoptr(GPtrArray) still = NULL;

      if (x->moved_to == NULL || !in_range (x->moved_to, from, to))
        continue;
      /* An exception left behind by moving the whole series names a day the
       * rule no longer gives: it is ignored. */
      still = lx_recurrence_expand (&rule, tpl->occurrence_on, key, key);
      if (still->len == 0)
        continue;
      o = occurrence_at (tpl, key, x->moved_to);
      o->done = x->done || g_hash_table_contains (visit_days, o->starts_at) ||
                g_hash_table_contains (visit_days, key);
      g_ptr_array_add (out, o);
    }
  return TRUE;
}

static int
compare_occurrences (gconstpointer a,
                     gconstpointer b)
{
  const LxOccurrence *x = *(LxOccurrence * const *)a, *y = *(LxOccurrence * const *)b;
  int c = strcmp (x->starts_at, y->starts_at);

  return c != 0 ? c : (x->event_id > y->event_id) - (x->event_id < y->event_id);
}

GPtrArray *
lx_event_repo_list_occurrences (LxStore     *store,
                                const char  *from,
                                const char  *to,
                                GError     **error)
{
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  /* Collect the rows first: expanding uses other cached statements. */
  stmt = lx_store_prepare (store, EVENT_SELECT "WHERE e.status != 'cancelled' AND "
                                  "substr(e.starts_at, 1, 10) <= ?2 AND (e.rrule IS NOT NULL OR "
                                  "substr(e.starts_at, 1, 10) >= ?1)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (templates, template_from_row (stmt));
  sqlite3_reset (stmt);

  for (guint i = 0; i < templates->len; i++)
    {
      LxOccurrence *tpl = g_ptr_array_index (templates, i);
      if (tpl->rrule == NULL)
        g_ptr_array_add (out, g_object_ref (tpl));
      else if (!expand_series (store, tpl, from, to, out, error))
        return NULL;
    }
  g_ptr_array_sort (out, compare_occurrences);
  return g_steal_pointer (&out);
}

static LxOccurrence *
load_template (LxStore  *store,
               gint64    event_id,
               GError  **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store, EVENT_SELECT "WHERE e.id = ?", error);
  LxOccurrence *tpl = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    tpl = template_from_row (stmt);
  sqlite3_reset (stmt);
  if (tpl == NULL)
    g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND, _("The event no longer exists"));
  return tpl;
}

LxOccurrence *
lx_event_repo_get_occurrence (LxStore     *store,
                              gint64       event_id,
                              const char  *occurrence_on,
                              GError     **error)
{
  g_autoptr(LxOccurrence) tpl = NULL;
  g_autoptr(GHashTable) exceptions = NULL;
  g_autoptr(GPtrArray) dates = NULL;
  LxRecurrence rule;
  LxOccurrence *o;
  Exception *x;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  if ((tpl = load_template (store, event_id, error)) == NULL)
    return NULL;
  if (tpl->rrule == NULL || !lx_recurrence_parse (tpl->rrule, &rule, NULL))
    {
      if (g_strcmp0 (tpl->occurrence_on, occurrence_on) != 0)
        {
          g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND,
                               _("The event does not happen on that day"));
          return NULL;
        }
      return g_steal_pointer (&tpl);
    }
  dates = lx_recurrence_expand (&rule, tpl->occurrence_on, occurrence_on, occurrence_on);
  if (dates->len == 0)
    {
      g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND,
                           _("The event does not happen on that day"));
      return NULL;
    }
  if ((exceptions = load_exceptions (store, event_id, error)) == NULL)
    return NULL;
  x = g_hash_table_lookup (exceptions, occurrence_on);
  o = occurrence_at (tpl, occurrence_on, x != NULL ? x->moved_to : NULL);
  o->done = x != NULL && x->done;
  return o;
}

/* Changing ---------------------------------------------------------------- */

/* @new_start as a moment: a bare date keeps the occurrence's time of day. */
static char *
complete_moment (const char *new_start,
                 const char *old_start)
{
  if (valid_moment (new_start, FALSE))
    return g_strdup (new_start);
  if (valid_moment (new_start, TRUE))
    return g_strconcat (new_start, strlen (old_start) > 10 ? old_start + 10 : "T09:00", NULL);
  return NULL;
}

static gboolean
upsert_exception (LxStore     *store,
                  gint64       event_id,
                  const char  *occurrence_on,
                  const char  *moved_to,
                  gboolean     done,
                  GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = lx_store_prepare (store,
                           "INSERT INTO event_exception (event_id, occurrence_on, moved_to, done) "
                           "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (event_id, occurrence_on) "
                           "DO UPDATE SET moved_to = ?3, done = ?4", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  lx_bind_text (stmt, 2, occurrence_on);
  lx_bind_text (stmt, 3, moved_to);
  sqlite3_bind_int (stmt, 4, done);
  return lx_store_step_done (store, stmt, error);
}

/* A single event moves as a whole, keeping its length. */
static gboolean
update_event_times (LxStore       *store,
                    LxOccurrence  *tpl,
                    const char    *moment,
                    GError       **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *ends = NULL;

  if (tpl->ends_at != NULL && strlen (tpl->ends_at) == 16)
    {
      int shift = lx_date_days_between (tpl->starts_at, tpl->ends_at);
      g_autofree char *day = lx_date_add_days (moment, shift);
      ends = g_strconcat (day, tpl->ends_at + 10, NULL);
      if (strcmp (ends, moment) <= 0)
        g_clear_pointer (&ends, g_free);
    }
  stmt = lx_store_prepare (store, "UPDATE event SET starts_at = ?, ends_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  lx_bind_text (stmt, 1, moment);
  lx_bind_text (stmt, 2, ends);
  sqlite3_bind_int64 (stmt, 3, tpl->event_id);
  return lx_store_step_done (store, stmt, error);
}

gboolean
lx_event_repo_move_occurrence (LxStore     *store,
                               gint64       event_id,
                               const char  *occurrence_on,
                               const char  *new_start,
                               GError     **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autoptr(LxOccurrence) o = NULL;
  g_autofree char *moment = NULL;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);

  if ((tx = lx_store_begin (store, error)) == NULL ||
      (o = lx_event_repo_get_occurrence (store, event_id, occurrence_on, error)) == NULL)
    return FALSE;
  if ((moment = complete_moment (new_start, o->starts_at)) == NULL)
    return fail (error, LX_REPO_ERROR_INVALID, _("Enter the new date as YYYY-MM-DD"));
  if (o->done)
    return fail (error, LX_REPO_ERROR_INVALID, _("This event is already done and cannot be moved"));
  if (o->rrule == NULL)
    {
      if (!update_event_times (store, o, moment, error))
        return FALSE;
    }
  else if (!upsert_exception (store, event_id, occurrence_on, moment, FALSE, error))
    return FALSE;
  return lx_store_log_change (store, "event", event_id, "move", moment, error) &&
         lx_transaction_commit (tx, error);
}

gboolean
lx_event_repo_move_series (LxStore     *store,
                           gint64       event_id,
                           const char  *new_start,
                           GError     **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autoptr(LxOccurrence) tpl = NULL;
  g_autofree char *moment = NULL;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);

  if ((tx = lx_store_begin (store, error)) == NULL ||
      (tpl = load_template (store, event_id, error)) == NULL)
    return FALSE;
  if ((moment = complete_moment (new_start, tpl->starts_at)) == NULL)
    return fail (error, LX_REPO_ERROR_INVALID, _("Enter the new date as YYYY-MM-DD"));
  return update_event_times (store, tpl, moment, error) &&
         lx_store_log_change (store, "event", event_id, "move-series", moment, error) &&
         lx_transaction_commit (tx, error);
}

gboolean
lx_event_repo_skip_occurrence (LxStore     *store,
                               gint64       event_id,
                               const char  *occurrence_on,
                               GError     **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autoptr(LxOccurrence) o = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);

  if ((tx = lx_store_begin (store, error)) == NULL ||
      (o = lx_event_repo_get_occurrence (store, event_id, occurrence_on, error)) == NULL)
    return FALSE;
  if (o->done)
    return fail (error, LX_REPO_ERROR_INVALID, _("This event is already done and cannot be skipped"));
  if (o->rrule != NULL)
    {
      if (!upsert_exception (store, event_id, occurrence_on, NULL, FALSE, error))
        return FALSE;
    }
  else
    {
      /* Skipping a single event cancels it. */
      stmt = lx_store_prepare (store, "UPDATE event SET status = 'cancelled' WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, event_id);
      if (!lx_store_step_done (store, stmt, error))
        return FALSE;
    }
  return lx_store_log_change (store, "event", event_id, "skip", occurrence_on, error) &&
         lx_transaction_commit (tx, error);
}

static gboolean
load_event_members (LxStore  *store,
                    gint64    event_id,
                    GArray   *out,
                    GError  **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store, "SELECT member_id FROM event_member "
                                                "WHERE event_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (out, id);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
set_done (LxStore       *store,
          LxOccurrence  *o,
          GError       **error)
{
  sqlite3_stmt *stmt;

  if (o->rrule != NULL)
    return upsert_exception (store, o->event_id, o->occurrence_on,
                             o->moved ? o->starts_at : NULL, TRUE, error);
  stmt = lx_store_prepare (store, "UPDATE event SET status = 'done' WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, o->event_id);
  return lx_store_step_done (store, stmt, error);
}

gint64
lx_event_repo_mark_done (LxStore     *store,
                         gint64       event_id,
                         const char  *occurrence_on,
                         const char  *notes,
                         GError     **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autoptr(LxOccurrence) o = NULL;
  g_autoptr(LxVisit) visit = NULL;
  g_autofree char *today = lx_date_today ();
  gint64 visit_id;

  g_return_val_if_fail (LX_IS_STORE (store), 0);

  if ((tx = lx_store_begin (store, error)) == NULL ||
      (o = lx_event_repo_get_occurrence (store, event_id, occurrence_on, error)) == NULL)
    return 0;
  if (o->done)
    return fail (error, LX_REPO_ERROR_DUPLICATE, _("This event is already marked as done")), 0;

  visit = lx_visit_new (lx_event_kind_visit_kind (o->kind), o->starts_at);
  visit->contact_point_id = o->contact_point_id;
  visit->event_id = event_id;
  visit->notes = g_strdup (notes);
  if (o->household_id > 0)
    g_array_append_val (visit->household_ids, o->household_id);
  if (!load_event_members (store, event_id, visit->member_ids, error) ||
      !lx_visit_validate (visit, today, NULL, error) ||
      (visit_id = lx_visit_repo_insert (store, visit, error)) == 0 ||
      !set_done (store, o, error) ||
      !lx_store_log_change (store, "event", event_id, "done", o->occurrence_on, error) ||
      !lx_transaction_commit (tx, error))
    return 0;
  return visit_id;
}
